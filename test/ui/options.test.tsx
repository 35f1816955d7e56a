import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS, validateSettingsInput } from '../../src/contract/settings';
import { OptionsPage } from '../../src/pages/options-page';
import { Alternatives } from '../../src/ui/alternatives';
import { until } from '../support/until';
import { domRoot } from '../support/dom-root';

let root: HTMLElement;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
function type(sel: string, value: string) {
  const input = $<HTMLInputElement>(sel)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
/** Types each value into its field, then saves after a render, as a person's click comes after their typing. */
async function typeAndSave(fields: Record<string, string>) {
  for (const [sel, value] of Object.entries(fields)) type(sel, value);
  await tick(20);
  $<HTMLButtonElement>('#options-save')!.click();
}

/** The background's side of settings/save, as the real handler does it: validate, then store. */
function answerSaves() {
  const saves: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; params: { settings: unknown } }) => {
    if (message.type !== 'settings/save') return { ok: false, error: { code: 'unknown-request', message: message.type } };
    saves.push(message.params.settings);
    const result = validateSettingsInput(message.params.settings);
    if (result.settings) await fakeBrowser.storage.local.set({ [SETTINGS.name]: result.settings });
    return { ok: true, value: result };
  }) as never);
  return saves;
}

const rootOf = domRoot();
beforeEach(() => {
  root = rootOf();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('shows the stored settings, migrated from v1', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS.name]: { version: 1, maxRecords: 300, keepAcrossRestarts: false, retentionHours: 12 } });
    render(<OptionsPage />, root);
    await until(() => $('#f-maxRecords'), 'the form');
    expect($<HTMLInputElement>('#f-maxRecords')!.value).toBe('300');
    expect($<HTMLInputElement>('#f-keepAcrossRestarts')!.checked).toBe(false);
    expect($<HTMLInputElement>('#f-pollMinutes')!.value).toBe('5');
    expect($<HTMLInputElement>('#f-probeEnabled')!.checked).toBe(false);
    expect(root.querySelectorAll('.alt-row')).toHaveLength(4);
  });

  it('bad values get their own messages and nothing is sent; fixed values are saved', async () => {
    const saves = answerSaves();
    render(<OptionsPage />, root);
    await until(() => $('#f-failureThreshold'), 'the form');
    await typeAndSave({ '#f-failureThreshold': '1', '#f-failureWindowMinutes': '', '#f-retentionHours': '1000' });
    await until(() => $('#failureThreshold-error') && $('.action-failed .action-status'), 'the field errors and the refused save');
    expect($('#failureThreshold-error')!.textContent).toBe('Enter a whole number from 2 to 50.');
    expect($('#failureWindowMinutes-error')!.textContent).toBe('Enter a whole number of minutes from 1 to 60.');
    expect($('#retentionHours-error')!.textContent).toBe('Enter a number of hours from 1 to 168 (a week).');
    expect($('#f-failureThreshold')!.getAttribute('aria-describedby')).toContain('failureThreshold-error');
    expect($('.action-failed .action-status')!.textContent).toContain('3 fields need a fix');
    expect(saves).toEqual([]);

    await typeAndSave({ '#f-failureThreshold': '4', '#f-failureWindowMinutes': '3', '#f-retentionHours': '48' });
    await until(() => $('.action-done'), 'the save');
    expect($('#failureThreshold-error')).toBeNull();
    expect(saves).toHaveLength(1);
    expect((await fakeBrowser.storage.local.get(SETTINGS.name))[SETTINGS.name]).toEqual({
      ...DEFAULT_SETTINGS,
      failureThreshold: 4,
      failureWindowMinutes: 3,
      retentionHours: 48,
    });
  });

  it('alternatives: an http link is refused with a message; add, edit and remove rows', async () => {
    const saves = answerSaves();
    render(<OptionsPage />, root);
    await until(() => $('.alt-row'), 'the alternatives');
    await typeAndSave({ '.alt-row:nth-of-type(1) input[type=url]': 'http://claude.ai/' });
    await until(() => $('#alternatives-error'), 'the alternatives error');
    expect($('#alternatives-error')!.textContent).toContain('https://');
    expect(saves).toEqual([]);

    type('.alt-row:nth-of-type(1) input[type=url]', 'https://claude.ai/');
    [...root.querySelectorAll<HTMLButtonElement>('.alt-actions button')][0]!.click(); // add
    await until(() => root.querySelectorAll('.alt-row').length === 5, 'the new row');
    type('.alt-row:nth-of-type(5) input:not([type])', 'Le Chat');
    type('.alt-row:nth-of-type(5) input[type=url]', 'https://chat.mistral.ai/');
    await tick(20);
    root.querySelector<HTMLButtonElement>('.alt-row:nth-of-type(2) button')!.click(); // remove Gemini
    await until(() => root.querySelectorAll('.alt-row').length === 4, 'the removal');
    await typeAndSave({});
    await until(() => $('.action-done'), 'the save');
    const saved = (await fakeBrowser.storage.local.get(SETTINGS.name))[SETTINGS.name] as typeof DEFAULT_SETTINGS;
    expect(saved.alternatives.map((a) => a.name)).toEqual(['Claude', 'Microsoft Copilot', 'Ollama (local model)', 'Le Chat']);
  });

  it('says what the monitor is doing', async () => {
    await fakeBrowser.storage.local.set({
      monitor: { mode: 'backoff', errors: 2, lastCheckAt: Date.now(), nextAt: Date.now() + 60_000, appSeenAt: Date.now(), failureAt: null },
    });
    render(<OptionsPage />, root);
    const status = await until(() => $('.monitor-status'), 'the monitor status');
    expect(status.textContent).toContain('The status page could not be read; checking less often (backoff).');
    expect(status.textContent).toContain('2 failed checks in a row.');
  });

  it('the probe history shows uptime and latency', async () => {
    const now = Date.now();
    await fakeBrowser.storage.local.set({
      probe: [
        { time: now - 3 * 60_000, ok: true, status: 200, latencyMs: 120, error: null },
        { time: now - 2 * 60_000, ok: false, status: null, latencyMs: null, error: 'timeout after 10000 ms' },
        { time: now - 60_000, ok: true, status: 200, latencyMs: 80, error: null },
      ],
    });
    render(<OptionsPage />, root);
    await until(() => root.querySelectorAll('.probe-bar').length === 3, 'the probe bars');
    const hour = [...root.querySelectorAll('.probe-summary tbody tr')][0]!.textContent!;
    expect(hour).toContain('66.7 %');
    expect(hour).toContain('80 ms');
    expect(root.querySelectorAll('.probe-fail')).toHaveLength(1);
  });
});

describe('alternatives component', () => {
  it("lists the user's alternatives as https links opening in a new tab", async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS.name]: {
        ...DEFAULT_SETTINGS,
        alternatives: [
          { name: 'Claude', url: 'https://claude.ai/' },
          { name: 'Local', url: 'https://localhost.example/' },
        ],
      },
    });
    render(<Alternatives />, root);
    await until(() => root.querySelectorAll('.alternatives a').length === 2, 'the links');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.alternatives a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel])).toEqual([
      ['Claude', 'https://claude.ai/', '_blank', 'noopener noreferrer'],
      ['Local', 'https://localhost.example/', '_blank', 'noopener noreferrer'],
    ]);
    expect($('h2')!.textContent).toBe('Meanwhile, try another assistant');
  });

  it('renders nothing for an empty list', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS.name]: { ...DEFAULT_SETTINGS, alternatives: [] } });
    render(<Alternatives />, root);
    await tick(30);
    expect(root.innerHTML).toBe('');
  });
});
