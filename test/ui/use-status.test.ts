import { describe, expect, it } from 'vitest';
import { readStoredStatus } from '../../src/ui/use-status';

const known = { state: 'known', checkedAt: 1, indicator: 'none', description: 'ok', components: [], incidents: [], maintenances: [], pageUrl: 'https://status.openai.com/' };

describe('readStoredStatus', () => {
  it('keeps a known and an unknown snapshot', () => {
    expect(readStoredStatus(known)).toEqual(known);
    const unknown = { state: 'unknown', checkedAt: 1, reason: 'html', detail: 'text/html' };
    expect(readStoredStatus(unknown)).toEqual(unknown);
  });

  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'major'],
    ['an array', [known]],
    ['no time', { ...known, checkedAt: 'now' }],
    ['an unknown state', { ...known, state: 'maybe' }],
    ['unknown without a reason', { state: 'unknown', checkedAt: 1 }],
    ['components not a list', { ...known, components: {} }],
    ['incidents holding junk', { ...known, incidents: [1, 2] }],
    ['no indicator', { ...known, indicator: undefined }],
  ])('reads %s as "not checked yet"', (_, raw) => {
    expect(readStoredStatus(raw)).toBeNull();
  });
});
