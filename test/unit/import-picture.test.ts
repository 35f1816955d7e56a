import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BEGIN, END, importPicture, layerImports, layerLevels, withPicture } from '../support/import-picture';

/** The README's picture of the imports between the layers of src/ (test/support/import-picture.ts). */
describe('the picture of the imports', () => {
  const edges = layerImports();
  const levels = layerLevels(edges);

  it('is the one the README shows', () => {
    const readme = readFileSync('README.md', 'utf8');
    const shown = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END)).trim();
    expect(shown, 'README.md is stale: run `npx tsx test/support/import-picture.ts --write`').toBe(importPicture());
  });

  it('has only downward arrows: every layer imports only layers below it, so no circle', () => {
    const upward = [...edges].flatMap(([from, tos]) => [...tos].filter((to) => levels.get(to)! >= levels.get(from)!).map((to) => `${from} -> ${to}`));
    expect(upward).toEqual([]);
    expect(levels.get('core')).toBe(0);
    expect([...edges.get('core')!]).toEqual([]);
    expect([...edges.get('contract')!]).toEqual(['core']);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'edr-imports-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  };

  it('sees every kind of import, and a circle between layers fails with the circle named', () => {
    write('src/core/a.ts', "export const a = 1;\n// import { x } from '../ui/commented-out';\n");
    write('src/contract/b.ts', "import type { A } from '../core/a';\nexport { a } from '../core/a';\n");
    write('src/ui/c.tsx', "import '../contract/b';\nconst later = () => import('../platform/d');\n");
    write('src/platform/d.ts', "import { b } from '../contract/b';\n");
    const src = join(scratch, 'src');
    expect(Object.fromEntries([...layerImports(src)].map(([l, to]) => [l, [...to].sort()]))).toEqual({
      core: [],
      contract: ['core'],
      ui: ['contract', 'platform'],
      platform: ['contract'],
    });
    write('src/core/e.ts', "import { b } from '../contract/b';\n");
    expect(() => layerLevels(layerImports(src))).toThrow('the layers import each other in a circle: contract -> core -> contract');
  });

  it('--write replaces only what is between the markers', () => {
    const readme = `# T\n\n${BEGIN}\nold\n${END}\n\nrest\n`;
    expect(withPicture(readme, 'new')).toBe(`# T\n\n${BEGIN}\nnew\n${END}\n\nrest\n`);
    expect(() => withPicture('# no markers', 'new')).toThrow('no');
  });
});
