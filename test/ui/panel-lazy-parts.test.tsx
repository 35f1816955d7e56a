import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../src/devtools/panel';
import { generateRecords } from '../fixtures/records';
import { domRoot } from '../support/dom-root';
import { storedLogItems } from '../support/stored-log';
import { until } from '../support/until';

// The panel's parts that load on an action, as if their files could not be loaded (the details
// pane) or took forever (the fix list's extras).
vi.mock('../../src/devtools/failure-details', () => {
  throw new Error('chunk gone');
});
vi.mock('../../src/devtools/fix-list-extras', () => new Promise(() => undefined));

let root: HTMLElement;
const rootOf = domRoot();
beforeEach(() => {
  root = rootOf();
});
const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);

async function mount() {
  await fakeBrowser.storage.local.set(storedLogItems(generateRecords({ count: 5, now: Date.now(), tabIds: [7] })));
  render(<Panel tabId={7} />, root);
  return until(() => $('tr.failure-row'), 'the table');
}

describe('panel parts loaded on an action', () => {
  it('shows a details pane whose code fails to load as a failure, and keeps the table usable', async () => {
    (await mount()).click();
    const failed = await until(() => $('.details [role="alert"]'), 'the failure');
    // The reason is the loader's own message (here vitest's, wrapping "chunk gone").
    expect(failed.textContent).toMatch(/^Failed: ./);
    expect($('.details[data-record-id]')).toBeNull();
    expect($('tr.selected')).not.toBeNull();
  });

  it('says the fix list is loading while its code loads', async () => {
    await mount();
    const list = await until(() => $<HTMLDetailsElement>('.panel-fix-list'), 'the fix list');
    list.open = true;
    list.dispatchEvent(new Event('toggle'));
    const loading = await until(() => $('#fix-status [aria-busy="true"]'), 'the loading note');
    expect(loading.textContent).toBe('Loading…');
    expect(loading.getAttribute('role')).toBe('status');
  });
});
