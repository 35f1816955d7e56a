import * as v from 'valibot';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

/** User settings. Every field has a default, so a missing or bad field never blocks the others. */
export const SettingsSchema = v.object({
  version: v.literal(SETTINGS_VERSION),
  /** Keep the failure log across browser restarts (records still expire after `retentionHours`). */
  keepAcrossRestarts: v.boolean(),
  maxRecords: v.pipe(v.number(), v.integer(), v.minValue(50), v.maxValue(5000)),
  retentionHours: v.pipe(v.number(), v.minValue(1), v.maxValue(24 * 7)),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  keepAcrossRestarts: true,
  maxRecords: 1000,
  retentionHours: 24,
};

/** Upgrades from each past version, in order. Index n migrates version n to n + 1. */
const MIGRATIONS: ReadonlyArray<(old: Record<string, unknown>) => Record<string, unknown>> = [
  // Version 0 was never shipped; anything without a version is treated as a partial v1.
  (old) => ({ ...old, version: 1 }),
];

export interface LoadedSettings {
  settings: Settings;
  /** Fields that were invalid and fell back to their defaults, by name. */
  repaired: string[];
}

/** Migrates then validates field by field: one bad value falls back alone, the rest are kept. */
export function parseSettings(raw: unknown): LoadedSettings {
  let data: Record<string, unknown> =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  let version = typeof data.version === 'number' && Number.isInteger(data.version) ? data.version : 0;
  if (version > SETTINGS_VERSION) version = SETTINGS_VERSION; // from a newer build: keep what still validates
  while (version < SETTINGS_VERSION) data = MIGRATIONS[version++]!(data);
  data.version = SETTINGS_VERSION;

  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const repaired: string[] = [];
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    if (!(key in data)) continue;
    const parsed = v.safeParse(schema, data[key]);
    if (parsed.success) settings[key] = parsed.output;
    else repaired.push(key);
  }
  return { settings: settings as Settings, repaired };
}
