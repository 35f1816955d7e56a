import { browser } from './browser';

/**
 * Whether this page may call the APIs the one-click fixes use. Firefox gives a DevTools panel
 * only the devtools namespace and what content scripts get (DevToolsContextChild in
 * toolkit/components/extensions/ExtensionPageChild.sys.mjs): no cookies, browsingData,
 * management or tabs there. Chrome's DevTools panels, and every other page, have them.
 */
export function fixApisAvailable(): boolean {
  const apis = browser as unknown as Record<string, unknown>;
  return ['cookies', 'browsingData', 'management', 'tabs'].every((name) => apis[name] !== undefined);
}
