import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../bench/bundle-size';

/**
 * webextension-polyfill is the browser namespace of the named stack. The linter stops any other
 * module importing it (.ci/eslint.config.js); this checks the other half: that the one seam,
 * src/platform/browser.ts, hands out the polyfill's namespace, and that each built bundle carries
 * it. Runs after `npm run build`.
 */
const SEAM = 'src/platform/browser.ts';
const POLYFILL = 'node_modules/webextension-polyfill/dist/browser-polyfill.js';
/** An error message of the polyfill's own: minifiers keep string literals as written. */
const MARKER = 'api-metadata.json has not been included in browser-polyfill';

describe('webextension-polyfill', () => {
  it('the marker is the polyfill’s own text', () => {
    expect(readFileSync(POLYFILL, 'utf8')).toContain(MARKER);
  });

  it(`${SEAM} exports the polyfill’s default export as \`browser\``, () => {
    const source = ts.createSourceFile(SEAM, readFileSync(SEAM, 'utf8'), ts.ScriptTarget.Latest);
    const imported = source.statements
      .filter(ts.isImportDeclaration)
      .filter((node) => ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'webextension-polyfill' && !node.importClause?.isTypeOnly)
      .map((node) => node.importClause?.name?.text)
      .filter((name) => name !== undefined);
    expect(imported, 'a value import of the polyfill’s default export').toHaveLength(1);
    const exported = source.statements
      .filter(ts.isExportDeclaration)
      .filter((node) => !node.isTypeOnly && !node.moduleSpecifier && node.exportClause && ts.isNamedExports(node.exportClause))
      .flatMap((node) => (node.exportClause as ts.NamedExports).elements)
      .filter((element) => element.name.text === 'browser')
      .map((element) => (element.propertyName ?? element.name).text);
    expect(exported).toEqual(imported);
  });

  describe.each(['dist/chrome', 'dist/firefox'])('in %s', (dist) => {
    it.each(bundleSizes(dist).map((size) => [size.name.replace(/ \(gzip\)$/, ''), size] as const))('the %s carries it', (_name, size) => {
      const scripts = size.files.filter((file) => file.endsWith('.js'));
      expect(scripts.length, 'the bundle has scripts').toBeGreaterThan(0);
      expect(
        scripts.filter((file) => readFileSync(join(dist, file), 'utf8').includes(MARKER)),
        `${scripts.join(', ')}: exactly one holds the polyfill (not none, not two copies)`,
      ).toHaveLength(1);
    });
  });
});
