import { SETTINGS_KEY, parseSettings, type Settings } from '../contract/settings';
import { useStored } from './use-stored';

/** The stored settings, migrated and repaired field by field; undefined until read. */
export function useSettings(): Settings | undefined {
  return useStored(SETTINGS_KEY, (raw) => parseSettings(raw).settings);
}
