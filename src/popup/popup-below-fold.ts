/**
 * One of the popup's lazy chunks: what it shows below its first screen (the ways to dig deeper), on
 * OpenAI's side only (the other assistants) or after an async check anyway (the host-access
 * notice), loaded right after the first frame (popup.tsx). Their styles are in the popup's
 * stylesheet (main.tsx imports them), as a lazy chunk brings no CSS.
 */
export { Alternatives } from '../ui/alternatives';
export { HostAccessNotice } from '../ui/host-access-notice';
export { TabActions } from '../ui/tab-actions';
