import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNetworkExtras } from '../../src/devtools/use-network-extras';
import { isFirefox } from '../../src/platform/browser';
import { installFakeDevtools, type FakeDevtools } from '../support/fakes/devtools';
import { domRoot } from '../support/dom-root';

/**
 * Firefox fires devtools.network.onRequestFinished only once the Network panel was opened; until
 * then the panel must not claim DevTools "missed" a request. Chrome listens from the start.
 */
function Probe() {
  const { extras, listening } = useNetworkExtras();
  return <p id="probe" data-listening={String(listening)} data-extras={extras.length} />;
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const probe = () => document.getElementById('probe')!;
const at = new Date().toISOString();
const failed = {
  startedDateTime: at,
  time: 12,
  request: { method: 'POST', url: 'https://chatgpt.com/backend-api/f/conversation' },
  response: { status: 500, content: { mimeType: 'application/json' } },
  timings: { send: 1, wait: 10, receive: 1 },
};
const ok = { startedDateTime: at, time: 3, request: { method: 'GET', url: 'https://chatgpt.com/' }, response: { status: 200 } };

describe('DevTools network extras', () => {
  let root: HTMLElement;
  let devtools: FakeDevtools;
  const rootOf = domRoot();
  beforeEach(() => {
    root = rootOf();
    devtools = installFakeDevtools();
  });
  afterEach(() => {
    devtools.uninstall();
    vi.mocked(isFirefox).mockReturnValue(false);
  });

  it('in Firefox, is not "listening" until the first event shows the Network panel was opened', async () => {
    vi.mocked(isFirefox).mockReturnValue(true);
    render(<Probe />, root);
    // Registered all the same (effects run after paint), so nothing is missed once the panel opens.
    await vi.waitFor(() => expect(devtools.listeners.size).toBe(1));
    await tick();
    expect(probe().dataset.listening).toBe('false');
    devtools.finish(ok);
    await vi.waitFor(() => expect(probe().dataset.listening).toBe('true'));
    devtools.finish(failed, '{"detail":"boom"}', '');
    await vi.waitFor(() => expect(probe().dataset.extras).toBe('1'));
  });

  it('in Chrome, listens as soon as DevTools is open', async () => {
    render(<Probe />, root);
    await vi.waitFor(() => expect(probe().dataset.listening).toBe('true'));
  });

  it('stops listening when the panel goes away', async () => {
    vi.mocked(isFirefox).mockReturnValue(true);
    render(<Probe />, root);
    await vi.waitFor(() => expect(devtools.listeners.size).toBe(1));
    render(null, root);
    expect(devtools.listeners.size).toBe(0);
  });
});
