import { browser } from './browser';

/** The extension's own version, for exports that name their creator (HAR `creator.version`). */
export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version ?? '0';
  } catch {
    return '0';
  }
}
