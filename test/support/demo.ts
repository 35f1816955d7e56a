/**
 * `npm start`: the extension on a built-in demo. A local fake ChatGPT that fails now and then
 * (500, 502, 503 with retry-after, 429), served on loopback behind the real host names, in
 * Chromium with the built extension. With a display it stays open until Ctrl+C; without one it
 * runs headless, screenshots the popup and prints the file's path.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, waitFor } from './chromium';
import { startFakeWorld } from './fake-world';
import { readStoredLog } from './stored-log';

const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const world = await startFakeWorld({ demo: true });
const session = await launchChromium(world, { headless });
const chat = (await session.browser.pages())[0] ?? (await session.browser.newPage());
await chat.goto('https://chatgpt.com/');
const tabId = await session.tabIdOf('https://chatgpt.com/*');

console.log(`Fake ChatGPT on https://chatgpt.com/ (loopback port ${world.port}); it fails every few seconds.`);

if (headless) {
  await waitFor(async () => (await readStoredLog(session)).records.length >= 3, {
    timeoutMs: 30_000,
    what: 'three recorded failures',
  });
  const popup = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
  await popup.setViewport({ width: 400, height: 600, deviceScaleFactor: 1 });
  await popup.waitForSelector('.failure', { timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 500));
  const dir = resolve('dist');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, 'demo-popup.png');
  await popup.screenshot({ path: path as `${string}.png` });
  console.log(`No display: ran headless. Screenshot of the popup: ${path}`);
  await session.close();
  await world.close();
} else {
  const popup = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
  await popup.bringToFront().catch(() => undefined);
  await chat.bringToFront();
  console.log('Chromium is open with Error Doctor. Click its toolbar icon (or see the second tab). Ctrl+C to stop.');
  const stop = async () => {
    await session.close();
    await world.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  session.browser.on('disconnected', () => void world.close().then(() => process.exit(0)));
}
