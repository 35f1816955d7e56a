/**
 * Everything the popup shows besides the verdict and the recent failures: the status details,
 * the alternatives, the host-access notice and the fixes (with their settings, conflict list and
 * styles). popup.tsx imports this after its first render, so what is wrong paints first and the
 * rest arrives a moment later in one chunk.
 */
import '../ui/fixes.css';

export { Alternatives } from '../ui/alternatives';
export { HostAccessNotice } from '../ui/host-access-notice';
export { StatusSummary } from '../ui/status-summary';
export { PopupFixes } from './popup-fixes';
