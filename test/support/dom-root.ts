import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { afterEach, beforeEach, expect } from 'vitest';

/**
 * A fresh element to render into for each test, over a freshly reset fakeBrowser; unmounted and
 * removed after it. Returns a getter, since the element changes per test.
 *
 * fakeBrowser.reset() drops every listener, which a real browser never does: a page still
 * subscribed from one test would be deaf in the next. So each test ends with the page gone and
 * no storage listener left (src/ui/storage-feed.ts attaches its one listener once per page).
 */
export function domRoot(): () => HTMLElement {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    expect(fakeBrowser.storage.onChanged.hasListeners(), 'a storage listener outlived the page').toBe(false);
  });
  return () => root;
}
