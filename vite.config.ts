import { existsSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vitest/config';
import sourceManifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { PANEL_PAGE, REPORT_PAGE, TROUBLESHOOTER_PAGE } from './src/contract/pages.ts';
import { manifestFor, type TargetBrowser } from './src/build/manifest-for.ts';
import { noPreloadHelper } from './src/build/no-preload-helper.ts';
import { finishPlugin } from './src/build/zip-plugin.ts';
import { firefoxTestBuild } from './test/support/firefox-hook/test-build.ts';

/**
 * `vite build --mode chrome|firefox` writes dist/<browser>/ and dist/error-doctor-<browser>.zip.
 * Pages that no manifest key names (the DevTools panel, extension pages opened by URL) are listed
 * as inputs, because crxjs only follows the manifest.
 */
const EXTRA_PAGES = { panel: PANEL_PAGE, troubleshooter: TROUBLESHOOTER_PAGE, report: REPORT_PAGE };

/** Where builds go: dist/ unless EDR_DIST says otherwise (`npm run release` builds elsewhere). */
const DIST = process.env.EDR_DIST ?? 'dist';

export default defineConfig(({ mode }) => {
  // TEST-ONLY: dist/firefox plus a hook for the e2e tests (test/support/firefox-hook/test-build.ts).
  if (mode === 'firefox-test') return firefoxTestBuild(`${DIST}/firefox`, `${DIST}/firefox-test`);
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = `${DIST}/${browser}`;
  const manifest = manifestFor(sourceManifest, browser, { version: packageJson.version });
  const inputs = Object.fromEntries(Object.entries(EXTRA_PAGES).filter(([, page]) => existsSync(page)));
  return {
    plugins: process.env.VITEST
      ? []
      : [noPreloadHelper(), crx({ manifest: manifest as never, browser }), finishPlugin(outDir, `${DIST}/error-doctor-${browser}.zip`)],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // The browsers manifest.json allows: light-dark() and color-scheme stay as written, instead
      // of lightningcss's fallback that repeats every colour (0.3 KB gzip on each page).
      cssTarget: ['chrome123', 'firefox140'],
      // Sources maps are left out of the store build; reviewers rebuild from source instead.
      sourcemap: false,
      // Extension pages load from disk: preloading a lazy chunk's imports gains nothing there, and
      // the modulepreload polyfill (0.4 KB gzip per page) plus each import()'s list of JS deps
      // cost bytes on every first load. Lazy chunks bring no CSS (src/build/no-preload-helper.ts).
      modulePreload: false,
      rollupOptions: {
        input: inputs,
        // vite's chunks are bundled again (src/build/one-file-per-page.ts), whose minifier can drop
        // an unused call only if it is marked /* @__PURE__ */: vite drops the marks when it
        // minifies, so they are kept for that pass (which drops them in turn). Measured: the
        // worker 21,832 -> 21,513 B gzip, the popup and the panel 15-20 B less.
        output: { comments: { annotation: true } },
      },
    },
    test: {
      projects: [
        { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
        {
          extends: true,
          test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', setupFiles: ['test/support/fake-browser-setup.ts'] },
        },
        {
          extends: true,
          test: { name: 'ui', include: ['test/ui/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['test/support/fake-browser-setup.ts'] },
        },
        // Reads dist/ (run after `npm run build`, as `npm test` does): the size budgets that fail CI.
        { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node' } },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            testTimeout: 90_000,
            hookTimeout: 120_000,
            // Browsers are heavy on a 2-core machine: one test file at a time.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
