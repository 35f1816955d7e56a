import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings, type Settings } from '../contract/settings';
import { onLocalChanged, readLocal, writeLocal } from '../platform/storage';

/** The background's view of the settings: loaded once, kept current through storage.onChanged. */
export function createSettingsStore() {
  let settings: Settings = DEFAULT_SETTINGS;
  const ready = readLocal([SETTINGS_KEY]).then(
    (stored) => {
      settings = parseSettings(stored[SETTINGS_KEY]).settings;
    },
    () => undefined,
  );
  onLocalChanged((changes) => {
    if (changes[SETTINGS_KEY]) settings = parseSettings(changes[SETTINGS_KEY].newValue).settings;
  });
  return {
    ready,
    get: (): Settings => settings,
    /** The one writer of settings (validated by the caller); memory is updated at once, before storage.onChanged. */
    async save(next: Settings): Promise<void> {
      await writeLocal({ [SETTINGS_KEY]: next });
      settings = next;
    },
  };
}
