/**
 * The extension's pages, as paths from the extension's root: the one list the code opens and
 * links them by. The manifest names three of them and vite.config.ts builds the others as inputs;
 * test/unit/conventions.test.ts keeps the manifest equal to this list, and test/build/pages.test.ts
 * finds each page in the builds.
 *
 * One constant a page rather than properties of one object: the bundler keeps an object literal
 * whole, so each bundle would carry every path (measured with PAGES alone: worker +0.1 KB gzip).
 */
export const POPUP_PAGE = 'src/popup/index.html';
export const DEVTOOLS_PAGE = 'src/devtools/devtools.html';
export const PANEL_PAGE = 'src/devtools/panel.html';
export const OPTIONS_PAGE = 'src/pages/options.html';
export const TROUBLESHOOTER_PAGE = 'src/pages/troubleshooter.html';
export const REPORT_PAGE = 'src/pages/report.html';
/** Copied as is from public/. */
export const PRIVACY_PAGE = 'privacy.html';

/** Every page by name, for the checks above (no bundle reads it). */
export const PAGES = {
  popup: POPUP_PAGE,
  devtools: DEVTOOLS_PAGE,
  panel: PANEL_PAGE,
  options: OPTIONS_PAGE,
  troubleshooter: TROUBLESHOOTER_PAGE,
  report: REPORT_PAGE,
  privacy: PRIVACY_PAGE,
} as const;

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

/** A page's path about one tab (`?tabId=`, which each page reads), or about every tab when tabId is null. */
export function pagePath(page: PagePath, tabId: number | string | null = null): string {
  return tabId === null ? page : `${page}?tabId=${tabId}`;
}
