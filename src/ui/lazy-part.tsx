import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { errorText } from '../core/error-text';

export type ChunkState<M> = { kind: 'working' } | { kind: 'done'; value: M } | { kind: 'failed'; message: string };

/**
 * Code a page needs only after an action (a row selected, a section opened): `load` is an
 * `import()`, run the first time a component asks for it and kept for the page's life. The hook
 * answers null while nothing asks (`key` null), then working, done, or failed and why: a chunk
 * that fails to load is shown as a failure, and the next key (another row, reopening) retries.
 * A lazy chunk brings no CSS: its styles are in the page's stylesheet (the build checks).
 *
 * Why not preact/compat's lazy and Suspense (preact 10.29.8, measured 2026-12-04): compat adds
 * 2,130 B gzip to the popup (24,091 -> 26,221 B, over its 24 KB budget) and 2,133 B to the panel;
 * its lazy() keeps a failed import failed (no retry), needs an error boundary to show why, and
 * takes one default component, where these chunks export several parts. This is 184 B.
 */
export function lazyChunk<M>(load: () => Promise<M>): (key: string | null) => ChunkState<M> | null {
  let loaded: M | undefined;
  let pending: Promise<M> | null = null;
  const start = () =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  return function useChunk(key) {
    const [failed, setFailed] = useState<{ key: string; message: string } | null>(null);
    const [, setLoaded] = useState(false);
    useEffect(() => {
      if (key === null || loaded !== undefined) return;
      let live = true;
      start().then(
        () => live && setLoaded(true),
        (error: unknown) => live && setFailed({ key, message: errorText(error) }),
      );
      return () => {
        live = false;
      };
    }, [key]);
    if (key === null) return null;
    if (loaded !== undefined) return { kind: 'done', value: loaded };
    return failed?.key === key ? { kind: 'failed', message: failed.message } : { kind: 'working' };
  };
}

/** What a part shows while its code loads, or why it could not. */
export function PartPending({ state }: { state: ChunkState<unknown> | null }) {
  return state?.kind === 'failed' ? (
    <p class="bad" role="alert">
      {t('actionFailed', state.message)}
    </p>
  ) : (
    <p class="muted" role="status" aria-busy="true">
      {t('panel_loading')}
    </p>
  );
}
