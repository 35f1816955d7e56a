/**
 * `npm run dev`: crxjs's dev server with hot reload, the extension loaded in Chromium on the
 * built-in demo (the fake ChatGPT of `npm start`, on loopback behind the real host names). Edit a
 * file under src/: a page (popup, panel, options) updates in place, the background and manifest
 * reload the extension. The dev build goes to dist/dev/chrome/, never over dist/chrome/.
 *
 * With no display (or HEADLESS=1) it runs headless; `-- --check` stops after the extension has
 * loaded, recorded a demo failure and opened its popup, and exits 0 (a smoke test of the loop).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { launchChromium, waitFor } from './chromium';
import { startFakeWorld } from './fake-world';
import { readStoredLog } from './stored-log';

process.env.EDR_DIST ??= 'dist/dev';
const check = process.argv.includes('--check');
const headless = check || !process.env.DISPLAY || process.env.HEADLESS === '1';
const extensionDir = resolve(process.env.EDR_DIST, 'chrome');

const server = await createServer({ mode: 'chrome', logLevel: check ? 'warn' : 'info' });
await server.listen();
server.printUrls();
// crxjs writes the dev extension (loaders that import from the server) once the server is up.
await waitFor(() => existsSync(resolve(extensionDir, 'manifest.json')) && existsSync(resolve(extensionDir, 'service-worker-loader.js')), {
  timeoutMs: 60_000,
  what: `the dev extension in ${extensionDir}`,
});

const world = await startFakeWorld({ demo: true });
const session = await launchChromium(world, { headless, extensionDir });
const chat = (await session.browser.pages())[0] ?? (await session.browser.newPage());
await chat.goto('https://chatgpt.com/');
const tabId = await session.tabIdOf('https://chatgpt.com/*');
console.log(`Error Doctor (dev) is loaded from ${extensionDir}; the fake ChatGPT fails every few seconds on https://chatgpt.com/.`);

async function stop(code = 0): Promise<never> {
  await session.close();
  await world.close();
  await server.close();
  process.exit(code);
}

if (check) {
  try {
    await waitFor(async () => (await readStoredLog(session)).records.length >= 1, { timeoutMs: 30_000, what: 'a failure recorded by the dev extension' });
    const popup = await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('.failure', { timeout: 20_000 });
    console.log('dev check: the extension loaded from the dev server, recorded a failure and showed it in its popup.');
    await stop(0);
  } catch (error) {
    console.error(`dev check failed: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
} else {
  await session.openExtensionPage(`src/popup/index.html?tabId=${tabId}`);
  await chat.bringToFront();
  console.log('Edit src/ and watch it reload. Ctrl+C to stop.');
  process.on('SIGINT', () => void stop(0));
  session.browser.on('disconnected', () => void stop(0));
}
