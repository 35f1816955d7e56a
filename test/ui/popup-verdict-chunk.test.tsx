import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { popupRoot } from '../support/popup-root';
import { until } from '../support/until';

// The verdict's chunk (src/popup/popup-verdict.tsx) held back until a test lets it load, as a
// slow disk would: the popup must show its failures meanwhile, and keep the verdict's place.
const gate = vi.hoisted(() => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened, asked: false };
});
vi.mock('../../src/popup/popup-verdict', async (original) => {
  gate.asked = true;
  await gate.opened;
  return original();
});

const { Popup } = await import('../../src/popup/popup');

const popup = popupRoot();
const $ = (sel: string) => popup.root().querySelector(sel);

describe("the popup's verdict, loaded in a chunk started at open", () => {
  it('is asked for as the popup module is evaluated, before anything renders', () => {
    expect(gate.asked).toBe(true);
  });

  it('holds the short "all clear" card\'s place when there are no failures to weigh', async () => {
    render(<Popup />, popup.root());
    await until(() => $('.empty'), 'the empty list');
    expect($('.verdict')!.className).toBe('verdict verdict-loading no-failures');
    expect($('.verdict')!.getAttribute('aria-busy')).toBe('true');
  });

  it('shows the failures first with the verdict place held (busy, no fixes yet), then the verdict in that place', async () => {
    await popup.seed();
    render(<Popup />, popup.root());
    await until(() => $('.failure'), 'the failures');
    // Every part that loads after the first frame has had its chance; the verdict's is held.
    await until(() => $('#recent-title .count')?.textContent, 'the log loaded after the first frame');
    await until(() => $('#reload-chatgpt'), 'what is below the fold');
    const held = $('.verdict')!;
    expect(held.className).toBe('verdict verdict-loading');
    expect(held.getAttribute('aria-busy')).toBe('true');
    expect(held.textContent).toBe('Checking…');
    // The fixes wait for the verdict: they show the clear only when the verdict does not.
    expect($('#fixes-title')).toBeNull();
    // The verdict comes before the failures, in the place held for it.
    expect(held.compareDocumentPosition($('.failure')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    gate.open();
    const verdict = await until(() => $('.verdict[data-cause]'), 'the verdict');
    expect(popup.root().querySelectorAll('.verdict').length).toBe(1);
    expect(verdict.getAttribute('aria-busy')).toBeNull();
    expect(verdict.compareDocumentPosition($('.failure')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await until(() => $('#fixes-title'), 'the fixes');
  });
});
