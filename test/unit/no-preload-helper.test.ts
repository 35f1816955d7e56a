import type { OutputBundle, OutputChunk } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { checkLazyCss, noPreloadHelper } from '../../src/build/no-preload-helper';

/** Just what the plugin reads of vite's output chunks. */
function chunk(
  fileName: string,
  { isEntry = false, imports = [] as string[], dynamicImports = [] as string[], css = [] as string[], code = '' } = {},
): OutputChunk {
  return {
    type: 'chunk',
    fileName,
    isEntry,
    imports,
    dynamicImports,
    code,
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set() },
  } as unknown as OutputChunk;
}
const bundleOf = (...chunks: OutputChunk[]) => Object.fromEntries(chunks.map((c) => [c.fileName, c])) as OutputBundle;

describe('noPreloadHelper', () => {
  it('lets a lazy chunk use CSS the page already loads at open, even through shared chunks', () => {
    const bundle = bundleOf(
      chunk('panel.js', { isEntry: true, imports: ['shared.js'], dynamicImports: ['details.js'], css: ['panel.css'] }),
      chunk('shared.js', { css: ['theme.css'] }),
      chunk('details.js', { imports: ['panel.js', 'shared.js'] }),
    );
    expect(() => checkLazyCss(bundle)).not.toThrow();
  });

  it('fails the build when a lazy chunk brings CSS of its own, which nothing would load', () => {
    const bundle = bundleOf(
      chunk('panel.js', { isEntry: true, dynamicImports: ['details.js'] }),
      chunk('details.js', { imports: ['details-style.js'] }),
      chunk('details-style.js', { css: ['details.css'] }),
    );
    expect(() => checkLazyCss(bundle)).toThrow(/details-style\.js, loaded lazily by panel\.js, needs CSS .*details\.css/);
  });

  it('makes import() plain: an empty helper and no dependency lists', () => {
    const plugin = noPreloadHelper();
    const load = plugin.load as (id: string) => string | undefined;
    expect(load('\0vite/preload-helper.js')).toBe('export const __vitePreload = (load) => load();');
    expect(load('/src/x.ts')).toBeUndefined();
    const entry = chunk('panel.js', { isEntry: true, code: 'const d=()=>p(()=>import(`./d.js`),__VITE_PRELOAD__);' });
    (plugin.generateBundle as (o: unknown, b: OutputBundle) => void)({}, bundleOf(entry));
    expect(entry.code).toBe('const d=()=>p(()=>import(`./d.js`),void 0);');
  });
});
