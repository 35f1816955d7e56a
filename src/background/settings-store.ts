import { DEFAULT_SETTINGS, SETTINGS, type Settings } from '../contract/settings';
import { readKey, writeKey } from '../platform/storage';

/**
 * The background's view of the settings: loaded once, kept current by `save`, the one writer.
 * No storage.onChanged listener: it would hand the worker every log write it makes, old and new
 * value, a hundred times a second in a failure storm, only to find settings untouched.
 */
export function createSettingsStore() {
  let settings: Settings = DEFAULT_SETTINGS;
  const ready = readKey(SETTINGS).then(
    (stored) => {
      settings = stored;
    },
    () => undefined,
  );
  return {
    ready,
    get: (): Settings => settings,
    /** The one writer of settings (validated by the caller); memory is updated once storage has it. */
    async save(next: Settings): Promise<void> {
      await writeKey(SETTINGS, next);
      settings = next;
    },
  };
}
