/**
 * Everything the popup shows besides the verdict and the recent failures: the status details,
 * the host-access notice and the fixes with their styles, grouped so popup.tsx reads as verdict,
 * failures, then the rest.
 */
import '../ui/fixes.css';

export { HostAccessNotice } from '../ui/host-access-notice';
export { StatusSummary } from '../ui/status-summary';
export { PopupFixes } from './popup-fixes';
