// ESLint 9 flat config, run as `eslint -c .ci/eslint.config.js` (npm run lint): the top level of
// the repository stays package.json, tsconfig.json, manifest.json, src, public, vite.config.ts,
// test, README.md and .ci/. The layer rules of DESIGN.md live here as syntax-tree rules
// (import-x), not as regexes over the source.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** A zone of import-x/no-restricted-paths: files in `target` may not import from `from`. */
const zone = (target, from, message, except = []) => ({ target, from, message, except });

const UI = ['./src/ui', './src/popup', './src/devtools', './src/pages'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/extensions/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      // Without these, import-x reads only .js files and no-cycle sees no TypeScript circle.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // No import circles anywhere (DESIGN.md, Layout).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and fakes cast to reach what the types hide; the source keeps that rare on its own.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // Extension pages run under script-src 'self': no eval, no Function constructor.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Function']", message: 'No Function constructor: extension pages run under script-src self.' },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // core is pure: it imports only core and the schema library (no relative path outside).
            zone(
              './src/core',
              ['./src/contract', './src/platform', './src/background', './src/fixes', './src/page', './src/build', ...UI],
              'core imports only core (and valibot).',
            ),
            // contract imports core, never the reverse (the zone above); nothing that runs.
            zone(
              './src/contract',
              ['./src/platform', './src/background', './src/fixes', './src/page', './src/build', ...UI],
              'contract imports only core and contract (and valibot).',
            ),
            // The UI asks the background through the typed request map; it never imports it.
            ...UI.map((ui) => zone(ui, './src/background', 'the UI never imports the background: it reads storage and sends typed requests.')),
            // A service worker cannot load code lazily, and pages run the fixes.
            zone('./src/background', './src/fixes', 'the background never imports the fixes; pages run them.'),
            // What a page runs when the user acts: no UI, no background.
            zone('./src/fixes', ['./src/background', './src/page', ...UI], 'fixes import only core, contract and platform.'),
            // The main-world script runs as the page: nothing that touches the extension API.
            zone(
              './src/page/answer-observer.iife.ts',
              ['./src/platform', './src/contract', './src/background', './src/fixes', './src/build', ...UI],
              'the main-world page script imports only the pure core.',
            ),
          ],
        },
      ],
      // The polyfill has one seam; other modules may take its types.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'webextension-polyfill',
              message: 'Only src/platform/browser.ts imports webextension-polyfill (import its types from there).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  { files: ['src/platform/browser.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
);
