import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Panel } from '../../src/devtools/panel';
import { until } from '../support/until';

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

describe('DevTools panel links', () => {
  it('opens the troubleshooter and the report for the inspected tab', async () => {
    render(<Panel tabId={7} reportUrl="chrome-extension://x/src/pages/report.html?tabId=7" troubleshooterUrl="chrome-extension://x/src/pages/troubleshooter.html?tabId=7" />, root);
    const link = await until(() => root.querySelector('#open-troubleshooter'), 'troubleshooter link');
    expect(link.getAttribute('href')).toBe('chrome-extension://x/src/pages/troubleshooter.html?tabId=7');
    expect(link.textContent).toBe('Troubleshoot step by step');
    expect(root.querySelector('#open-report')!.getAttribute('href')).toContain('report.html?tabId=7');
  });
});
