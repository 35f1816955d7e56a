/**
 * Everything the popup shows besides the verdict and the recent failures: the host-access
 * notice, the fixes with their styles and the ways to dig deeper, grouped so popup.tsx reads as
 * verdict, fixes, failures, then the rest.
 */
import '../ui/fixes.css';
import '../ui/alternatives.css';

export { PopupFixes } from './popup-fixes';
