import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnosis';
import { VerdictCard } from '../../src/ui/verdict-card';
import { NOW, conflict, failure, knownStatus, many } from '../support/diag-fixtures';
import { domRoot } from '../support/dom-root';

const rootOf = domRoot();
function mount(node: preact.ComponentChild): HTMLElement {
  render(node, rootOf());
  return rootOf();
}

describe('VerdictCard', () => {
  it('says whose side, names the fix, and keeps the evidence behind a details element', () => {
    const diagnosis = diagnose({
      records: many(3, { error: 'net::ERR_BLOCKED_BY_CLIENT' }),
      now: NOW,
      status: knownStatus('major'),
      conflicts: [conflict('uBlock Origin', 'blocker')],
    });
    const el = mount(<VerdictCard diagnosis={diagnosis} />);
    const card = el.querySelector('.verdict')!;
    expect(card.getAttribute('data-cause')).toBe('blocked-by-extension');
    expect(card.querySelector('.verdict-side')!.textContent).toBe('The trouble is on your side: this browser, its extensions or your network.');
    expect(card.querySelector('.verdict-title')!.textContent).toBe('Another extension is blocking ChatGPT');
    expect(card.querySelector('.verdict-fix')!.textContent).toContain('Allow chatgpt.com in your blocker');
    const details = card.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('3 requests blocked by an extension.');
    expect(details.textContent).toContain('Content blocker enabled: uBlock Origin');
    // The outage the status page reports is listed as another cause, not hidden.
    expect(details.querySelector('[data-cause="openai-incident"]')!.textContent).toContain('OpenAI is having an outage');
    expect(card.querySelector('.verdict-retry')).toBeNull();
  });

  it('tells when to try again from retry-after', () => {
    const diagnosis = diagnose({
      records: [failure({ status: 429, agoSec: 10, headers: [{ name: 'retry-after', value: '40' }] })],
      now: NOW,
      status: knownStatus('none'),
      conflicts: null,
    });
    const el = mount(<VerdictCard diagnosis={diagnosis} />);
    expect(el.querySelector('.verdict-retry')!.textContent).toBe('Try again in about 30 s.');
  });

  it('uses minutes for long waits and "now" once the wait is over', () => {
    const long = diagnose({
      records: [failure({ status: 503, agoSec: 0, headers: [{ name: 'retry-after', value: '600' }] })],
      now: NOW,
      status: null,
      conflicts: null,
    });
    expect(mount(<VerdictCard diagnosis={long} />).querySelector('.verdict-retry')!.textContent).toBe('Try again in about 10 min.');
    const over = diagnose({
      records: [failure({ status: 429, agoSec: 100, headers: [{ name: 'retry-after', value: '5' }] })],
      now: NOW,
      status: null,
      conflicts: null,
    });
    expect(mount(<VerdictCard diagnosis={over} />).querySelector('.verdict-retry')!.textContent).toBe(
      'The server’s wait time is over: you can try again now.'.replace('’', "'"),
    );
  });

  it('shows all clear and a loading state', () => {
    const el = mount(<VerdictCard diagnosis={diagnose({ records: [], now: NOW, status: knownStatus('none'), conflicts: null })} />);
    expect(el.querySelector('.verdict-side')!.textContent).toBe('Nothing is wrong with ChatGPT here.');
    const loading = mount(<VerdictCard diagnosis={undefined} />);
    expect(loading.querySelector('.verdict')!.getAttribute('aria-busy')).toBe('true');
    expect(loading.textContent).toBe('Checking…');
  });
});
