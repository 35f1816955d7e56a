import { describe, expect, it } from 'vitest';
import { DEFAULT_ALTERNATIVES, DEFAULT_SETTINGS, SETTINGS_VERSION, parseSettings, validateSettingsInput } from '../../src/contract/settings';

describe('settings migrations', () => {
  it('the current version is 2', () => {
    expect(SETTINGS_VERSION).toBe(2);
  });

  it('v1 settings keep their values and gain the monitoring defaults', () => {
    const { settings, repaired } = parseSettings({ version: 1, keepAcrossRestarts: false, maxRecords: 200, retentionHours: 48 });
    expect(repaired).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, keepAcrossRestarts: false, maxRecords: 200, retentionHours: 48 });
    expect(settings).toMatchObject({
      version: 2,
      pollMinutes: 5,
      failureThreshold: 3,
      failureWindowMinutes: 2,
      alertFailures: true,
      probeEnabled: false,
      alternatives: DEFAULT_ALTERNATIVES,
    });
  });

  it('v1 retention under an hour becomes one hour instead of the 24 h default', () => {
    expect(parseSettings({ version: 1, retentionHours: 0.25 }).settings.retentionHours).toBe(1);
    // A missing or corrupt version counts as before 2; a version 2 value under an hour is invalid.
    expect([undefined, -1, 2.5, '3'].map((version) => parseSettings({ version, retentionHours: 0.25 }).settings.retentionHours)).toEqual([1, 1, 1, 1]);
    expect(parseSettings({ version: 2, retentionHours: 0.25 }).settings.retentionHours).toBe(24);
  });

  it('unversioned settings go through every migration', () => {
    expect(parseSettings({ maxRecords: 300 }).settings).toEqual({ ...DEFAULT_SETTINGS, maxRecords: 300 });
  });

  it('from a newer build: what still validates is kept', () => {
    const { settings } = parseSettings({ version: 9, pollMinutes: 10, futureField: true });
    expect(settings.pollMinutes).toBe(10);
    expect(settings).not.toHaveProperty('futureField');
  });

  it('one bad field falls back alone and is reported', () => {
    const { settings, repaired } = parseSettings({
      version: 2,
      pollMinutes: 0,
      failureThreshold: 4,
      alternatives: [{ name: 'x', url: 'javascript:alert(1)' }],
    });
    expect(repaired.sort()).toEqual(['alternatives', 'pollMinutes']);
    expect(settings.failureThreshold).toBe(4);
    expect(settings.pollMinutes).toBe(5);
    expect(settings.alternatives).toEqual(DEFAULT_ALTERNATIVES);
  });

  it('not an object at all: defaults', () => {
    for (const raw of [null, undefined, 'x', 42, []]) expect(parseSettings(raw).settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('validateSettingsInput (the options page and settings/save)', () => {
  it('accepts the defaults', () => {
    expect(validateSettingsInput(DEFAULT_SETTINGS)).toEqual({ settings: DEFAULT_SETTINGS, errors: {} });
  });

  it('every bad field gets its own message key and nothing is accepted', () => {
    const r = validateSettingsInput({
      ...DEFAULT_SETTINGS,
      pollMinutes: 0.5,
      failureThreshold: 1,
      failureWindowMinutes: 'two',
      maxRecords: 10,
      probeMinutes: 61,
      alertIncident: 'yes',
    });
    expect(r.settings).toBeNull();
    expect(r.errors).toEqual({
      pollMinutes: 'options_invalid_pollMinutes',
      failureThreshold: 'options_invalid_failureThreshold',
      failureWindowMinutes: 'options_invalid_failureWindowMinutes',
      maxRecords: 'options_invalid_maxRecords',
      probeMinutes: 'options_invalid_probeMinutes',
      alertIncident: 'options_invalid_alertIncident',
    });
  });

  it('alternatives: https links only, names 1 to 40 characters, at most 12, trimmed', () => {
    const ok = validateSettingsInput({ ...DEFAULT_SETTINGS, alternatives: [{ name: '  Le Chat ', url: ' https://chat.mistral.ai/ ' }] });
    expect(ok.settings?.alternatives).toEqual([{ name: 'Le Chat', url: 'https://chat.mistral.ai/' }]);
    for (const alternatives of [
      [{ name: 'x', url: 'http://insecure.example/' }],
      [{ name: '', url: 'https://a.example/' }],
      [{ name: 'x'.repeat(41), url: 'https://a.example/' }],
      [{ name: 'x', url: 'not a url' }],
      Array.from({ length: 13 }, () => ({ name: 'a', url: 'https://a.example/' })),
    ]) {
      expect(validateSettingsInput({ ...DEFAULT_SETTINGS, alternatives }).errors).toEqual({ alternatives: 'options_invalid_alternatives' });
    }
    expect(validateSettingsInput({ ...DEFAULT_SETTINGS, alternatives: [] }).settings?.alternatives).toEqual([]);
  });

  it('missing fields take their defaults; junk input is not a crash', () => {
    expect(validateSettingsInput({}).settings).toEqual(DEFAULT_SETTINGS);
    expect(validateSettingsInput('garbage').settings).toEqual(DEFAULT_SETTINGS);
  });
});
