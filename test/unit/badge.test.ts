import { describe, expect, it } from 'vitest';
import { BADGE_WINDOW_MS, badgeForAll, badgesByTab } from '../../src/core/badge';
import { categoryColor } from '../../src/core/categories';
import type { ErrorRecord } from '../../src/core/error-record';
import { makeRecord } from '../support/records';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
/** A failure `ago` ms before NOW in `tabId`, of `category`. */
const at = (ago: number, tabId: number, category: ErrorRecord['category'] = 'server', over: Partial<ErrorRecord> = {}) =>
  makeRecord(0, { time: NOW - ago, tabId, category, telemetry: false, ...over });

describe('badges', () => {
  it('count each tab’s failures in the window, coloured by its worst category, leaving out telemetry, background requests and old ones', () => {
    const records = [
      at(BADGE_WINDOW_MS + 1, 1), // too old
      at(5_000, 1, 'network'),
      at(4_000, 2, 'rate-limit'),
      at(3_000, 1, 'gateway'),
      at(2_000, -1), // not a tab's
      at(1_000, 2, 'server', { telemetry: true }),
    ];
    const byTab = badgesByTab(records, NOW);
    expect([...byTab]).toEqual([
      [1, { text: '2', color: categoryColor('gateway') }],
      [2, { text: '1', color: categoryColor('rate-limit') }],
    ]);
    expect(badgeForAll(records, NOW)).toEqual({ text: '3', color: categoryColor('gateway'), count: 3 });
  });

  it('say 999+ past 999, and a tab counts 999 at most in the total', () => {
    const storm = Array.from({ length: 1200 }, (_, i) => at(1200 - i, 3));
    expect(badgesByTab(storm, NOW).get(3)?.text).toBe('999+');
    expect(badgeForAll(storm, NOW)).toMatchObject({ text: '999', count: 999 });
    expect(badgeForAll([...storm, at(0, 4)], NOW)).toMatchObject({ text: '999+', count: 1000 });
  });

  it('are empty with nothing in the window', () => {
    expect(badgesByTab([], NOW).size).toBe(0);
    expect(badgeForAll([at(BADGE_WINDOW_MS + 1, 1)], NOW)).toEqual({ text: '', color: '#5f6368', count: 0 });
  });
});
