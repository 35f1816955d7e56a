import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh element to render into for each test, over a freshly reset fakeBrowser; unmounted and
 * removed after it. Returns a getter, since the element changes per test.
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
  });
  return () => root;
}
