import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

/** The hook's file in dist/firefox-test/, the one file dist/firefox/ lacks. */
export const HOOK_FILE = 'test-hook.js';

/**
 * TEST-ONLY `vite build --mode firefox-test`: a copy of the shipped dist/firefox/ plus the hook
 * (background.ts) bundled alone into test-hook.js and added as a second background script. The
 * e2e tests then drive the very files that ship; test/build/firefox-test-build.test.ts checks it.
 * (It used to be a second build of the sources with the hook as the background entry; vite then
 * split shared code differently, and assets/options.js came out in another module order.)
 */
export function firefoxTestBuild(shippedDir: string, outDir: string): UserConfig {
  const copyShipped: Plugin = {
    name: 'error-doctor:firefox-test',
    apply: 'build',
    buildStart() {
      rmSync(outDir, { recursive: true, force: true });
      cpSync(shippedDir, outDir, { recursive: true });
    },
    closeBundle() {
      const path = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as { background: { scripts: string[] } };
      manifest.background.scripts.push(HOOK_FILE);
      writeFileSync(path, JSON.stringify(manifest, null, 2));
    },
  };
  return {
    plugins: [copyShipped],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      lib: { entry: 'test/support/firefox-hook/background.ts', formats: ['es'], fileName: () => HOOK_FILE },
    },
  };
}
