import { fakeBrowser } from '@webext-core/fake-browser';
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hostPermissions } from '../../src/core/hosts';
import { HostAccessNotice } from '../../src/ui/host-access-notice';
import { domRoot } from '../support/dom-root';
import { installFakePermissions } from '../support/fakes/permissions';

/** The notice for withdrawn host access (Firefox's Add-ons Manager switches, Chrome's site access). */
describe('HostAccessNotice', () => {
  let root: HTMLElement;
  const notice = () => root.querySelector('.host-access');
  const rootOf = domRoot();
  beforeEach(() => {
    root = rootOf();
  });

  it('renders nothing while every host permission is held', async () => {
    installFakePermissions(hostPermissions());
    render(<HostAccessNotice />, root);
    await new Promise((r) => setTimeout(r, 20));
    expect(notice()).toBeNull();
  });

  it('names the sites that were turned off, and one click asks for exactly those back', async () => {
    const fake = installFakePermissions(hostPermissions().filter((o) => o !== 'https://chatgpt.com/*' && o !== 'https://status.openai.com/*'));
    render(<HostAccessNotice />, root);
    await vi.waitFor(() => expect(notice()).not.toBeNull());
    expect(notice()!.textContent).toContain('cannot see requests to chatgpt.com, status.openai.com');
    root.querySelector<HTMLButtonElement>('#host-access-allow')!.click();
    await vi.waitFor(() => expect(notice()).toBeNull());
    expect(fake.state.requests).toEqual([['https://chatgpt.com/*', 'https://status.openai.com/*']]);
  });

  it('says where to allow it when the user refuses the prompt, and stays', async () => {
    const fake = installFakePermissions([]);
    fake.state.answer = false;
    render(<HostAccessNotice />, root);
    await vi.waitFor(() => expect(notice()).not.toBeNull());
    root.querySelector<HTMLButtonElement>('#host-access-allow')!.click();
    await vi.waitFor(() => expect(notice()!.textContent).toContain('Access was not granted'));
    expect(notice()!.textContent).toContain('Permissions (Firefox)');
  });

  it('renders nothing when the permissions API itself fails (never blocks the popup)', async () => {
    (fakeBrowser as unknown as { permissions: object }).permissions = {
      contains: () => {
        throw new Error('permissions.contains is not implemented');
      },
    };
    render(<HostAccessNotice />, root);
    await new Promise((r) => setTimeout(r, 20));
    expect(notice()).toBeNull();
  });
});
