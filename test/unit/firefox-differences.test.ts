import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../src/core/classify';
import { blockedByClientCount } from '../../src/core/conflicts';
import type { ErrorRecord } from '../../src/core/error-record';

/**
 * Firefox differences that live in the pure core, each measured in Firefox ESR by the e2e tests
 * in test/e2e/firefox/. The platform-side ones are in test/integration/firefox-branches.test.ts.
 */
const record = (error: string, telemetry = false) => ({ error, telemetry }) as ErrorRecord;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('requests blocked by another extension', () => {
  it('are NS_ERROR_ABORT in Firefox and net::ERR_BLOCKED_BY_CLIENT in Chrome, and both count as blocked', () => {
    expect(classifyNetworkError('NS_ERROR_ABORT')?.category).toBe('blocked');
    expect(classifyNetworkError('net::ERR_BLOCKED_BY_CLIENT')?.category).toBe('blocked');
    expect(blockedByClientCount([record('NS_ERROR_ABORT'), record('net::ERR_BLOCKED_BY_CLIENT'), record('NS_ERROR_ABORT', true)])).toBe(2);
  });

  it('are not confused with a page’s own abort (NS_BINDING_ABORTED), which is never recorded', () => {
    expect(classifyNetworkError('NS_BINDING_ABORTED')).toBeNull();
    expect(blockedByClientCount([record('NS_BINDING_ABORTED'), record('NS_ERROR_NET_RESET')])).toBe(0);
  });
});

describe('storage.session', () => {
  // Chrome gives storage.session 10 MB and lets content scripts opt in; Firefox's has other limits
  // and access rules. Error Doctor keeps all state in storage.local (the background is the only
  // writer), so the difference cannot bite: this fails the day someone starts using it, so that an
  // adapter with the per-browser limits is written then.
  it('is used nowhere in the extension', () => {
    for (const file of sources('src')) expect(readFileSync(file, 'utf8'), file).not.toMatch(/storage\s*\.\s*session|storage\['session'\]/);
  });
});
