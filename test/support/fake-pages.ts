/**
 * The fake ChatGPT page: enough of the app to make the requests the real one makes. Tests
 * drive it with `page.evaluate(() => send())`; the demo clicks its button on a timer.
 */
export function fakeChatGptPage({ demo }: { demo: boolean }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ChatGPT (fake, local)</title>
<style>body{font:15px system-ui;max-width:720px;margin:40px auto;padding:0 16px}
.bubble{padding:10px 14px;border-radius:12px;margin:8px 0;background:#f4f4f4}.error{background:#fde8e8;color:#8a1c1c}</style></head>
<body><h1>ChatGPT <small>(a local fake for Error Doctor's demo and tests)</small></h1>
<div id="log"></div><button id="send">Send a message</button>
<script>
async function send(path = '/backend-api/f/conversation', init = { method: 'POST', body: '{"messages":["hello"]}', headers: { 'content-type': 'application/json' } }) {
  const log = document.getElementById('log');
  try {
    const res = await fetch(path, init);
    const div = document.createElement('div');
    div.className = 'bubble' + (res.ok ? '' : ' error');
    div.textContent = res.ok ? 'An answer.' : (res.status === 500 ? 'Internal Server Error' : 'Something went wrong (' + res.status + ')');
    log.append(div);
    return res.status;
  } catch (e) {
    const div = document.createElement('div');
    div.className = 'bubble error';
    div.textContent = 'Network error';
    log.append(div);
    return 'error';
  }
}
// Reads an answer stream the way the app does (fetch, then the body's reader), keeping every byte.
async function readStream(path = '/backend-api/f/conversation') {
  const res = await fetch(path, { method: 'POST', body: '{"action":"next"}', headers: { 'content-type': 'application/json', accept: 'text/event-stream' } });
  const reader = res.body.getReader();
  const bytes = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const b of value) bytes.push(b);
  }
  return { status: res.status, bytes };
}
document.getElementById('send').onclick = () => send();
${demo ? 'setInterval(() => send(), 3000); send();' : ''}
</script></body></html>`;
}

export function fakeControlPage(): string {
  return '<!doctype html><html><head><meta charset="utf-8"><title>Control site</title></head><body><h1>Another site</h1><script>async function send(p){try{return (await fetch(p)).status}catch{return "error"}}</script></body></html>';
}
