import { SETTINGS, type Settings } from '../contract/settings';
import { useStored } from './use-stored';

/** The stored settings, migrated and repaired field by field; undefined until read. */
export function useSettings(): Settings | undefined {
  return useStored(SETTINGS);
}
