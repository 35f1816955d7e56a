import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Panel } from '../../src/devtools/panel';
import { domRoot } from '../support/dom-root';
import { until } from '../support/until';

let root: HTMLElement;
const rootOf = domRoot();
beforeEach(() => {
  root = rootOf();
});

describe('DevTools panel links', () => {
  it('opens the troubleshooter and the report for the inspected tab', async () => {
    render(
      <Panel
        tabId={7}
        reportUrl="chrome-extension://x/src/pages/report.html?tabId=7"
        troubleshooterUrl="chrome-extension://x/src/pages/troubleshooter.html?tabId=7"
      />,
      root,
    );
    const link = await until(() => root.querySelector('#open-troubleshooter'), 'troubleshooter link');
    expect(link.getAttribute('href')).toBe('chrome-extension://x/src/pages/troubleshooter.html?tabId=7');
    expect(link.textContent).toBe('Troubleshoot step by step');
    expect(root.querySelector('#open-report')!.getAttribute('href')).toContain('report.html?tabId=7');
  });
});
