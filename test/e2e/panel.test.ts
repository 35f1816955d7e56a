import type { Frame } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, browserFixture, waitFor } from '../support/driver';
import { failure } from '../support/fake-world';
import { sendFrom as send } from '../support/recorder-checks';
import { readStoredLog } from '../support/stored-log';
import { rowTexts } from '../support/ui-checks';

/** The DevTools panel: as a pop-out page with ?tabId= in both browsers, and inside Chromium's real DevTools. */

/** Frames inside DevTools can be mid-load; a call into one must not hang until the protocol timeout. */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), ms))]);
}

describe.each(BROWSERS)('panel page opened with ?tabId= in %s', (name) => {
  const { world, driver } = browserFixture(name);

  it("shows the tab's failures and updates live when a new one arrives", async () => {
    world().route('chatgpt.com', '/backend-api/f/conversation', failure(500));
    const chat = await driver().browser.newPage();
    await chat.goto('https://chatgpt.com/');
    const tabId = await driver().tabIdOf('https://chatgpt.com/*');
    expect(await send(chat, '/backend-api/f/conversation')).toBe(500);
    const ray = world().requests.findLast((r) => r.path === '/backend-api/f/conversation')!.cfRay!;
    await waitFor(async () => JSON.stringify((await readStoredLog(driver())).records).includes(ray), { what: 'the 500 in storage' });

    const panel = await driver().open(`src/devtools/panel.html?tabId=${tabId}`);
    await panel.waitForSelector('tr.failure-row', { timeout: 10_000 });
    const first = await rowTexts(panel);
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('500');
    expect(first[0]).toContain('/backend-api/f/conversation');
    expect(first[0]).toContain(ray);
    expect(await panel.$eval('.scope', (el) => [el.textContent, el.getAttribute('title')])).toEqual(['ChatGPT (fake, local)', `Tab ${tabId}`]);
    // Rows keep the fixed height the virtual window assumes, cells side by side (no stray layout rule).
    const box = await panel.$eval('tr.failure-row', (row) => ({
      h: row.getBoundingClientRect().height,
      cells: new Set([...row.children].filter((c) => c.getBoundingClientRect().width > 0).map((c) => Math.round(c.getBoundingClientRect().top))).size,
    }));
    expect(box).toEqual({ h: 24, cells: 1 });

    // Select it, then a new failure arrives: it shows without a reload and the selection stays.
    await panel.click('tr.failure-row');
    await panel.waitForSelector('.details[data-record-id]');
    expect(await send(chat, '/backend-api/status/502', 'GET')).toBe(502);
    await waitFor(async () => (await rowTexts(panel)).length === 2, { what: 'the 502 row', timeoutMs: 15_000 });
    const rows = await rowTexts(panel);
    expect(rows[0]).toContain('/backend-api/status/502');
    expect(await panel.$eval('tr.selected', (el) => el.textContent ?? '')).toContain(ray);
    expect(await panel.$eval('.details', (el) => el.textContent ?? '')).toContain('Cloudflare ray id');
    expect(await panel.$$eval('.rate-chart rect.bar', (els) => els.length)).toBeGreaterThan(0);
    // The support report opens for this tab.
    await panel.click('#open-report');
    await (await driver().waitForPage(`/src/pages/report.html?tabId=${tabId}`)).close();
    expect(await panel.errors()).toEqual([]);
    await panel.close();
    await chat.close();
  });
});

// Chromium only: its --auto-open-devtools-for-tabs opens DevTools for every new tab, even headless,
// and its DevTools front end is a page puppeteer can reach. Firefox's DevTools toolbox is browser UI
// that WebDriver BiDi cannot open or see.
describe('panel inside the real DevTools in chromium', () => {
  const { world, driver } = browserFixture('chromium', { chromium: { args: ['--auto-open-devtools-for-tabs'] } });
  const session = () => driver().chromium!;

  it('shows the inspected tab’s failures, with the body gist only DevTools sees', async () => {
    world().route('chatgpt.com', '/backend-api/f/conversation', failure(500));
    const chat = await session().browser.newPage();
    await chat.goto('https://chatgpt.com/');
    const tabId = await driver().tabIdOf('https://chatgpt.com/*');

    // Every DevTools window (one per tab) gets the panel; show ours in each and keep the one inspecting the ChatGPT tab.
    const panelId = `chrome-extension://${session().extensionId}ErrorDoctor`;
    const devtoolsPages = await waitFor(
      async () => {
        const pages = await Promise.all(
          session()
            .browser.targets()
            .filter((t) => t.url().startsWith('devtools://'))
            .map((t) => t.asPage()),
        );
        return pages.length >= 1 ? pages : null;
      },
      { what: 'a DevTools window' },
    );
    let panel: Frame | null = null;
    await waitFor(
      async () => {
        for (const page of devtoolsPages) {
          // DevTools' own module: the same instance its UI uses, so this is what clicking the tab does.
          // A string, so the test runner does not rewrite the dynamic import inside it.
          await within(
            page.evaluate(`(async () => {
              const UI = await import('./ui/legacy/legacy.js');
              const view = UI.InspectorView.InspectorView.instance();
              if (view.hasPanel(${JSON.stringify(panelId)})) await view.showPanel(${JSON.stringify(panelId)});
            })()`),
            5000,
            undefined,
          );
          for (const frame of page.frames()) {
            if (!frame.url().endsWith('/src/devtools/panel.html')) continue;
            const scope = await within(
              frame.$eval('.scope', (el) => el.getAttribute('title')),
              3000,
              null,
            );
            if (scope === `Tab ${tabId}`) panel = frame;
          }
        }
        return panel;
      },
      { what: 'the Error Doctor panel for the ChatGPT tab', timeoutMs: 30_000, intervalMs: 500 },
    );
    const frame = panel as unknown as Frame;
    // It follows DevTools' theme (Chrome's "default" reads as light), not only the system's.
    expect(['light', 'dark']).toContain(await frame.evaluate(() => document.documentElement.dataset.theme));

    // The failure happens while the panel is open: the recorder logs it and DevTools reports its body.
    // The app reads error bodies to show them; DevTools reports a request only once its body is read.
    const status = await chat.evaluate(() => fetch('/backend-api/f/conversation', { method: 'POST' }).then(async (r) => (await r.text(), r.status)));
    expect(status).toBe(500);
    const ray = world().requests.findLast((r) => r.path === '/backend-api/f/conversation')!.cfRay!;
    await waitFor(async () => (await rowTexts(frame)).some((r) => r.includes(ray)), { what: 'the failure in the panel', timeoutMs: 15_000 });
    // A DOM click: DevTools' window has no input pipeline puppeteer can drive in headless mode.
    await frame.$eval('tr.failure-row', (row) => (row as HTMLElement).click());
    const detail = await waitFor(async () => frame.$eval('.gist-detail', (el) => el.textContent).catch(() => null), {
      what: 'the body gist from onRequestFinished',
      timeoutMs: 15_000,
    });
    expect(detail).toContain('Fake 500');
    expect(await frame.$$eval('.timing', (els) => els.length)).toBeGreaterThan(0);
    // The clipboard works inside DevTools' extension iframe (writeText resolved).
    await frame.$eval('.detail-actions button', (b) => (b as HTMLElement).click());
    await waitFor(async () => (await frame.$eval('.detail-actions button', (b) => b.textContent)) === 'Copied', { what: 'the request id copied' });
    // Chrome gives DevTools panels the full extension APIs: the fixes run here, without the worker
    // (the extension list comes from management.getAll in this frame; Firefox's panel links to a tab instead).
    // Its view loads when its section opens; the toggle event follows setting `open`.
    await frame.$eval('#fix-conflicts', (d) => ((d as HTMLDetailsElement).open = true));
    const conflicts = await waitFor(
      async () =>
        frame
          .$eval('.conflict-list', (el) => (el.querySelector('.empty, .conflicts') ? 'listed' : (el.querySelector('.bad')?.textContent ?? null)))
          .catch(() => null),
      { what: 'the extension list in the panel' },
    );
    expect(conflicts).toBe('listed');
    expect(await frame.$('#open-fixes')).toBeNull();
  });
});
