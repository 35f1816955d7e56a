import { boolean, integer, maxValue, minValue, number, picklist, pipe, type GenericSchema, type InferOutput } from 'valibot';
import { ALTERNATIVES_FIELD, DEFAULT_ALTERNATIVES, SETTINGS_KEY } from './alternatives';
import { checked, type StoredKey } from './stored-key';

export { DEFAULT_ALTERNATIVES };
export type { Alternative } from './alternatives';

export const SETTINGS_VERSION = 2;

const int = (min: number, max: number) => pipe(number(), integer(), minValue(min), maxValue(max));

/**
 * User settings, checked field by field: every field has a default, so a missing or bad field
 * never blocks the others.
 */
export const SETTINGS_FIELDS = {
  version: picklist([SETTINGS_VERSION]),
  /** Keep the failure log across browser restarts (records still expire after `retentionHours`). */
  keepAcrossRestarts: boolean(),
  maxRecords: int(50, 5000),
  retentionHours: pipe(number(), minValue(1), maxValue(24 * 7)),
  // Version 2: monitoring and alerts (issue 6).
  monitorEnabled: boolean(),
  /** Status page poll interval while nothing is failing (every minute while failures are recorded). */
  pollMinutes: int(1, 60),
  alertFailures: boolean(),
  alertIncident: boolean(),
  alertRecovery: boolean(),
  failureThreshold: int(2, 50),
  failureWindowMinutes: int(1, 60),
  alertThrottleMinutes: int(1, 24 * 60),
  probeEnabled: boolean(),
  probeMinutes: int(1, 60),
  alternatives: ALTERNATIVES_FIELD,
  /** Watch ChatGPT's answer streams in the page for errors inside a 200 answer (a content script). */
  answerErrors: boolean(),
};

export type Settings = { [K in keyof typeof SETTINGS_FIELDS]: InferOutput<(typeof SETTINGS_FIELDS)[K]> };

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  keepAcrossRestarts: true,
  maxRecords: 1000,
  retentionHours: 24,
  monitorEnabled: true,
  pollMinutes: 5,
  alertFailures: true,
  alertIncident: true,
  alertRecovery: true,
  failureThreshold: 3,
  failureWindowMinutes: 2,
  alertThrottleMinutes: 30,
  probeEnabled: false,
  probeMinutes: 5,
  alternatives: DEFAULT_ALTERNATIVES,
  answerErrors: true,
};

export interface LoadedSettings {
  settings: Settings;
  /** Fields that were invalid and fell back to their defaults, by name. */
  repaired: string[];
}

/** Migrates then validates field by field: one bad value falls back alone, the rest are kept. */
export function parseSettings(raw: unknown): LoadedSettings {
  const data: Record<string, unknown> = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  // Upgrades. Data from a newer build keeps what still validates. Anything before version 2 (none,
  // 1, or a corrupt version) gets the monitoring fields' defaults (filled in below), and v1's
  // free-form retention, where a fraction of an hour meant "forget quickly", becomes 1 hour.
  const before2 = !(Number.isInteger(data.version) && (data.version as number) >= 2);
  const hours = data.retentionHours;
  if (before2 && typeof hours === 'number' && hours > 0 && hours < 1) data.retentionHours = 1;
  data.version = SETTINGS_VERSION;

  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const repaired: string[] = [];
  for (const [key, field] of Object.entries<GenericSchema>(SETTINGS_FIELDS)) {
    if (!(key in data)) continue;
    const value = checked(field, data[key]);
    if (value !== undefined) settings[key] = value;
    else repaired.push(key);
  }
  return { settings: settings as Settings, repaired };
}

/** The user's settings (the background's settings store writes them; pages read them). */
export const SETTINGS: StoredKey<Settings> = { name: SETTINGS_KEY, read: (raw) => parseSettings(raw).settings };

export type SettingsField = Exclude<keyof Settings, 'version'>;

/**
 * Checks settings the user entered, all fields at once: every bad field gets a message key
 * (`options_invalid_<field>`) instead of silently falling back, so the options page can say what
 * to fix. `settings` is only set when everything is valid.
 */
export function validateSettingsInput(raw: unknown): { settings: Settings | null; errors: Partial<Record<SettingsField, string>> } {
  // parseSettings at the current version checks each field the same way, missing ones default.
  const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const { settings, repaired } = parseSettings({ ...input, version: SETTINGS_VERSION });
  const errors = Object.fromEntries(repaired.map((key) => [key, `options_invalid_${key}`]));
  return { settings: repaired.length ? null : settings, errors };
}
