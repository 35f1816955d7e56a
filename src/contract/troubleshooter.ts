import { TroubleshooterStateSchema } from '../core/troubleshooter-state';
import { storedKey } from './stored-key';

/**
 * The guided troubleshooter's progress, so it survives closing the page. Its only writer is the
 * troubleshooter page (src/pages/troubleshooter-progress.ts). null: none, or unreadable (a fresh
 * start is the safe fallback).
 */
export const TROUBLESHOOTER = storedKey('troubleshooter', TroubleshooterStateSchema, null);
