/** Formatting helpers that take "now" as input so they stay pure and testable. */
import type { ErrorRecord } from './error-record';
import { pluralKey } from './plural';

export interface RelativeTime {
  /** i18n key: time_now, or time_seconds, time_minutes, time_hours, time_days with its plural suffix. */
  key: string;
  count: number;
}

export function relativeTime(time: number, now: number): RelativeTime {
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 5) return { key: 'time_now', count: 0 };
  if (seconds < 60) return { key: pluralKey('time_seconds', seconds), count: seconds };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { key: pluralKey('time_minutes', minutes), count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { key: pluralKey('time_hours', hours), count: hours };
  return { key: pluralKey('time_days', Math.floor(hours / 24)), count: Math.floor(hours / 24) };
}

/** ISO 8601 in UTC, to the second: what support teams expect. */
export function utcTime(time: number): string {
  const d = new Date(time);
  return Number.isNaN(d.getTime()) ? 'invalid time' : `${d.toISOString().slice(0, 19)}Z`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** The path as rows show it: the host only when it is not chatgpt.com, the usual one. */
export function shownPath(record: Pick<ErrorRecord, 'host' | 'path'>): string {
  return record.host === 'chatgpt.com' ? record.path : `${record.host}${record.path}`;
}

/** Splits before the last segment ("/a/b/" keeps "b/" whole), the part a narrow row keeps. */
export function splitPath(path: string): [head: string, tail: string] {
  if (path.length < 2) return ['', path];
  const cut = path.lastIndexOf('/', path.endsWith('/') ? path.length - 2 : path.length - 1);
  return cut < 0 ? ['', path] : [path.slice(0, cut + 1), path.slice(cut + 1)];
}
