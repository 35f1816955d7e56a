/**
 * Sends `total` failing requests from the fake ChatGPT page, `concurrency` at a time, paced over
 * `paceMs`: POSTs with a JSON body, as the app sends a message. Plain fetch, not the page's
 * `send`, which adds a chat bubble per answer: 5,000 bubbles cost the page about 3 CPU-s, and
 * 5,000 GETs cost Chrome's network service about 2 CPU-s more than POSTs (its HTTP cache, most
 * likely), none of it the extension's. A string, not a function: the test transform may add
 * helpers the page lacks.
 */
export function stormSender(path: string, total: number, concurrency: number, paceMs: number): string {
  return `(async () => {
    const total = ${total}, concurrency = ${concurrency}, paceMs = ${paceMs};
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":["hello"]}' };
    const started = performance.now();
    let next = 0;
    const statuses = {};
    const lane = async () => {
      while (next < total) {
        const seq = next++;
        const due = (seq / total) * paceMs - (performance.now() - started);
        if (due > 0) await new Promise((r) => setTimeout(r, due));
        const status = await fetch('${path}' + String(seq).padStart(5, '0'), init).then((r) => r.status, () => 'error');
        statuses[status] = (statuses[status] || 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return { ms: performance.now() - started, statuses };
  })()`;
}
