import { t, tn } from '../platform/i18n';
import { setGlobalIndicator } from '../platform/badge';

/**
 * The toolbar icon for tabs without a badge of their own, from two sources: an OpenAI incident
 * (the status monitor) and ChatGPT failing in some tab (the badge updater). One writer, so they
 * never overwrite each other: the incident's "!" wins, then the count of failures elsewhere.
 * Held in memory: after the worker restarts, each source sets its part again on its next update.
 */
let incident = '';
let failing = { text: '', color: '', count: 0 };
let shown = '';

async function show(): Promise<void> {
  const [text, color, title] = incident
    ? ['!', '#c5221f', t('monitor_badge_incident', incident)]
    : failing.count
      ? [failing.text, failing.color, tn('badge_failing_elsewhere', failing.count)]
      : ['', '', t('extName')];
  const key = `${text}|${color}|${title}`;
  if (key === shown) return;
  shown = key;
  await setGlobalIndicator(text, color, title).catch(() => undefined);
}

/** An ongoing ChatGPT incident's name, or '' when none. */
export function showIncident(name: string): Promise<void> {
  incident = name;
  return show();
}

/** ChatGPT's recent failures across all tabs (core/badge.ts badgeForAll). */
export function showFailing(state: { text: string; color: string; count: number }): Promise<void> {
  failing = state;
  return show();
}
