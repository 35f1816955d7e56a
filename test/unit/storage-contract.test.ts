import { describe, expect, it } from 'vitest';
import { STATUS, STATUS_VALIDATORS } from '../../src/contract/status';

/**
 * Every stored key read back from whatever storage holds: an older build's data, a newer
 * build's, corruption. Bad data reads as the key's default, never a throw, and good data whole.
 */
const known = { state: 'known', checkedAt: 1, indicator: 'none', description: 'ok', components: [], incidents: [], maintenances: [], pageUrl: 'https://status.openai.com/' };
const incident = { id: 'i', name: 'n', status: 'investigating', impact: 'major', url: null, startedAt: 1, updatedAt: null, latestUpdate: 'x', componentIds: ['c1'] };

describe('STATUS', () => {
  it('keeps a known and an unknown snapshot', () => {
    const full = { ...known, components: [{ id: 'c1', name: 'Conversations', status: 'major_outage' }], incidents: [incident], maintenances: [], componentsMissing: 'html' };
    expect(STATUS.read(full)).toEqual(full);
    const unknown = { state: 'unknown', checkedAt: 1, reason: 'html', detail: 'text/html' };
    expect(STATUS.read(unknown)).toEqual(unknown);
  });

  it('drops keys it does not know (a newer build may add some)', () => {
    expect(STATUS.read({ ...known, extra: { deep: 1 } })).toEqual(known);
  });

  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'major'],
    ['an array', [known]],
    ['no time', { ...known, checkedAt: 'now' }],
    ['NaN time', { ...known, checkedAt: Number.NaN }],
    ['an unknown state', { ...known, state: 'maybe' }],
    ['unknown without a reason', { state: 'unknown', checkedAt: 1, detail: '' }],
    ['unknown with an odd reason', { state: 'unknown', checkedAt: 1, reason: 'gremlins', detail: '' }],
    ['components not a list', { ...known, components: {} }],
    ['incidents holding junk', { ...known, incidents: [1, 2] }],
    ['an incident missing a field', { ...known, incidents: [{ ...incident, componentIds: undefined }] }],
    ['no indicator', { ...known, indicator: undefined }],
    ['an odd indicator', { ...known, indicator: 'apocalyptic' }],
  ])('reads %s as "not checked yet" (null)', (_, raw) => {
    expect(STATUS.read(raw)).toBeNull();
  });

  it('reads a huge snapshot without trouble', () => {
    const components = Array.from({ length: 50_000 }, (_, i) => ({ id: `c${i}`, name: 'x'.repeat(20), status: 'operational' }));
    expect((STATUS.read({ ...known, components }) as { components: unknown[] }).components).toHaveLength(50_000);
  });
});

describe('STATUS_VALIDATORS', () => {
  it('keeps the ETag and Last-Modified, anything else reads as none', () => {
    expect(STATUS_VALIDATORS.read({ etag: '"a"', lastModified: 'Tue' })).toEqual({ etag: '"a"', lastModified: 'Tue' });
    for (const raw of [undefined, null, 'x', { etag: 5 }, []]) expect(STATUS_VALIDATORS.read(raw)).toEqual({});
  });
});
