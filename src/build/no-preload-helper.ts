import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * Vite wraps every `import()` in its preload helper (1.5 KB, 0.7 KB gzip, on each page that has
 * one), which loads the lazy chunk's CSS and preloads its scripts. An extension page needs
 * neither: scripts load from disk (modulePreload is off), and a lazy chunk's styles are in the
 * page's stylesheet. Worse, vite lists the CSS of every chunk a lazy chunk imports, even chunks
 * the page already loaded, under the names one-file-per-page.ts replaces by one stylesheet per
 * page: the helper would load them all a second time on the click. So `import()` stays a plain
 * `import()`, and the build fails if a lazy chunk needs CSS the page does not load at open.
 */

const HELPER = '\0vite/preload-helper.js';
/** Vite writes a lazy chunk's dependency list here when the bundle is written; none is needed. */
const DEPS_MARKER = '__VITE_PRELOAD__';

function css(chunk: OutputChunk): Set<string> {
  return (chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? new Set();
}

/** Each entry's CSS at open; throws when a chunk it loads lazily needs other CSS. */
export function checkLazyCss(bundle: OutputBundle): void {
  const chunks = new Map(Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
  const closure = (roots: string[], follow: (c: OutputChunk) => string[]) => {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      const name = queue.pop()!;
      const chunk = chunks.get(name);
      if (!chunk || seen.has(name)) continue;
      seen.add(name);
      queue.push(...follow(chunk));
    }
    return seen;
  };
  for (const entry of chunks.values()) {
    if (!entry.isEntry) continue;
    const atOpen = closure([entry.fileName], (c) => c.imports);
    const styles = new Set([...atOpen].flatMap((name) => [...css(chunks.get(name)!)]));
    const lazy = closure(
      [...atOpen].flatMap((name) => chunks.get(name)!.dynamicImports),
      (c) => [...c.imports, ...c.dynamicImports],
    );
    for (const name of lazy) {
      const missing = [...css(chunks.get(name)!)].filter((file) => !styles.has(file));
      if (missing.length) {
        throw new Error(
          `${name}, loaded lazily by ${entry.fileName}, needs CSS the page does not load at open (${missing.join(', ')}): import that CSS from the page's static code instead.`,
        );
      }
    }
  }
}

export function noPreloadHelper(): Plugin {
  return {
    name: 'error-doctor:no-preload-helper',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (id === HELPER) return 'export const __vitePreload = (load) => load();';
    },
    generateBundle(_options, bundle) {
      checkLazyCss(bundle);
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.code.includes(DEPS_MARKER)) output.code = output.code.replaceAll(DEPS_MARKER, 'void 0');
      }
    },
  };
}
