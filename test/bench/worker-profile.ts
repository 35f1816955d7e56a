/**
 * Where the service worker's time goes in a storm of failures: the load test's 5,000 failing
 * POSTs (test/e2e/load.test.ts, without the stops) with V8's sampling profiler on the worker's
 * own target, then its self time per function (minified names, with their place in the bundle).
 * Not a budget: a tool for when the load test loses failures. `npm run profile:worker`
 * (TOTAL=n for another storm size, EXT=dir for another build of the extension).
 * It found the quadratic endpoint tally the load test had caught (README, "Load test").
 */
import { launchDriver } from '../support/driver';
import { startFakeWorld } from '../support/fake-world';
import { stormSender } from '../support/storm';

const PATH = '/backend-api/status/500/';
const TOTAL = Number(process.env.TOTAL ?? 5000);

const world = await startFakeWorld();
const driver = await launchDriver('chromium', world, { chromium: { networkEnabled: false, extensionDir: process.env.EXT } });
try {
  const chat = await driver.chromium!.browser.newPage();
  await chat.goto('https://chatgpt.com/');
  const profiler = (await driver.chromium!.worker()).client;
  await profiler.send('Profiler.enable');
  await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.send('Profiler.start');
  const t0 = Date.now();
  const sent = (await chat.evaluate(stormSender(PATH, TOTAL, 24, 8000))) as { ms: number };
  let stored = 0;
  for (let i = 0; i < 120 && stored < TOTAL; i++) {
    const index = (await driver.storage(['log'])).log as { count?: number; dropped?: number } | undefined;
    stored = (index?.count ?? 0) + (index?.dropped ?? 0);
    if (stored < TOTAL) await new Promise((r) => setTimeout(r, 250));
  }
  const settledMs = Date.now() - t0;
  const { profile } = await profiler.send('Profiler.stop');
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = nodes.get(id)!;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = all - (self.get('(idle) :-1:-1') ?? 0);
  console.log(
    `${TOTAL} failures sent in ${(sent.ms / 1000).toFixed(1)} s, ${stored} stored after ${(settledMs / 1000).toFixed(1)} s; worker busy ${(busy / 1e6).toFixed(1)} of ${(all / 1e6).toFixed(1)} s`,
  );
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
} finally {
  await driver.close();
  await world.close();
}
