import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '../../src/popup/popup';
import { popupRoot } from '../support/popup-root';
import { until } from '../support/until';

// The verdict's chunk (src/popup/popup-verdict.tsx) as if its file could not be loaded.
vi.mock('../../src/popup/popup-verdict', () => {
  throw new Error('chunk gone');
});

const popup = popupRoot();
const $ = (sel: string) => popup.root().querySelector(sel);

describe("the popup when the verdict's code fails to load", () => {
  it('says so in its place, still lists the failures, and still offers the fixes with the clear', async () => {
    await popup.seed();
    render(<Popup />, popup.root());
    await until(() => $('.failure'), 'the failures');
    const failed = await until(() => $('[role="alert"]'), 'the failure');
    expect(failed.textContent).toMatch(/^Failed: ./);
    expect($('.verdict')).toBeNull();
    await until(() => $('#fixes-title'), 'the fixes');
    expect($('#clear-site-data-start')).not.toBeNull();
  });
});
