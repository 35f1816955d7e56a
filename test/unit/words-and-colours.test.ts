import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_GROUP, FILTER_GROUPS, GROUP_COLOR, categoryColor } from '../../src/core/categories';
import { groupFailures } from '../../src/core/failure-groups';
import { recordGroup } from '../../src/core/failure-table';
import { relativeTime, splitPath } from '../../src/core/format';
import { pluralFallback, pluralKey } from '../../src/core/plural';
import { primaryLabelledId } from '../../src/core/headers';
import { makeRecord } from '../support/records';
import { translate } from '../support/translate';

describe('plural rules', () => {
  it('picks one/other by Intl.PluralRules, and the messages read right for 0, 1 and 2', () => {
    expect(pluralKey('diag_ev_503', 1)).toBe('diag_ev_503_one');
    expect(pluralKey('diag_ev_503', 0)).toBe('diag_ev_503_other');
    expect(pluralKey('diag_ev_503', 2)).toBe('diag_ev_503_other');
    const say = (key: string, n: number) => translate(pluralKey(key, n), [String(n)]);
    expect(say('diag_ev_503', 1)).toBe('1 answer of 503 (overloaded).');
    expect(say('diag_ev_503', 2)).toBe('2 answers of 503 (overloaded).');
    expect(say('popup_reload_done', 1)).toBe('Reloaded 1 tab');
    expect(say('popup_reload_done', 3)).toBe('Reloaded 3 tabs');
    expect(say('ts_check_conflicts', 1)).toMatch(/^1 extension may interfere/);
    expect(say('popup_conflict_reason_blockedSeen', 1)).toContain('1 time,');
    expect(say('popup_conflict_reason_blockedSeen', 4)).toContain('4 times,');
  });

  it('falls back to _other for a category the messages lack, and relative times carry their form', () => {
    expect(pluralFallback('x_few')).toBe('x_other');
    expect(pluralFallback('x_other')).toBeNull();
    expect(relativeTime(0, 60_000)).toEqual({ key: 'time_minutes_one', count: 1 });
    expect(relativeTime(0, 120_000)).toEqual({ key: 'time_minutes_other', count: 2 });
  });
});

describe('one category palette', () => {
  it('every category belongs to a group with a colour, and the badge wears that colour', () => {
    for (const c of CATEGORIES) {
      expect(FILTER_GROUPS, c).toContain(CATEGORY_GROUP[c]);
      expect(categoryColor(c)).toBe(GROUP_COLOR[CATEGORY_GROUP[c]]);
    }
  });

  it('a connection reset is Network, counted by the chip whose colour it wears', () => {
    const reset = makeRecord(6);
    expect(reset.category).toBe('connection');
    expect(recordGroup(reset)).toBe('network');
    expect(categoryColor('connection')).toBe(GROUP_COLOR.network);
  });

  it("the theme's --g-<group> light colours are GROUP_COLOR, and no two groups share one", () => {
    const css = readFileSync('src/ui/theme.css', 'utf8');
    for (const g of FILTER_GROUPS) expect(css, g).toMatch(new RegExp(`--g-${g}: light-dark\\(${GROUP_COLOR[g]},`));
    expect(new Set(Object.values(GROUP_COLOR)).size).toBe(FILTER_GROUPS.length);
  });
});

describe('failure list rules', () => {
  it('folds the same status and path within a minute into one row with its count', () => {
    const at = (sec: number, path = '/backend-api/f/conversation', status: number | null = 500) =>
      makeRecord(sec, { time: 1_000_000 + sec * 1000, path, status, method: 'POST' });
    const records = [at(0), at(10), at(20, '/backend-api/models'), at(30), at(40, '/backend-api/f/conversation', 502), at(100)];
    const groups = groupFailures(records);
    // Newest first: 100 s alone is 70 s after 30 s, so 30, 10 and 0 form their own group.
    expect(groups.map((g) => [(g.record.time - 1_000_000) / 1000, g.count])).toEqual([
      [100, 1],
      [40, 1],
      [30, 3],
      [20, 1],
    ]);
  });

  it('labels each id by its kind, in the order support asks for them', () => {
    expect(primaryLabelledId({ cfRay: 'r', xRequestId: 'x', oaiRequestId: 'o' })).toEqual({ kind: 'cf-ray', value: 'r' });
    expect(primaryLabelledId({ cfRay: null, xRequestId: 'x', oaiRequestId: 'o' })).toEqual({ kind: 'x-request-id', value: 'x' });
    expect(primaryLabelledId({ cfRay: null, xRequestId: null, oaiRequestId: 'o' })).toEqual({ kind: 'x-oai-request-id', value: 'o' });
    expect(primaryLabelledId({ cfRay: null, xRequestId: null, oaiRequestId: null })).toBeNull();
  });

  it('splits a path before its last segment, the part a narrow row keeps', () => {
    expect(splitPath('/backend-api/f/conversation/prepare')).toEqual(['/backend-api/f/conversation/', 'prepare']);
    expect(splitPath('/backend-api/models/')).toEqual(['/backend-api/', 'models/']);
    expect(splitPath('/')).toEqual(['', '/']);
    expect(splitPath('cdn.oaistatic.com/assets/app.js')).toEqual(['cdn.oaistatic.com/assets/', 'app.js']);
  });
});
