import { useLayoutEffect, useState } from 'preact/hooks';
import { LOG_INDEX, isSlotKey, liveChunks, newestChunks, parseChunk, slotKey, type LogIndex, type StoredChunk } from '../contract/log-chunks';
import type { ErrorRecord } from '../core/error-record';
import type { FailureLog } from '../core/failure-log';
import { readLocal } from '../platform/storage';
import { afterPaint } from './after-paint';
import { watchKey } from './storage-feed';

/**
 * The failure log as the background stored it, validated the same way the background reads it.
 * It is kept chunk by chunk: a change re-validates only the chunks that changed, which is what
 * keeps the DevTools panel cheap at 100 failures a second. `newest` reads only the chunks holding
 * that many newest records, so the popup opens without reading the whole log.
 */
const REFRESH_MS = 250;

/** The log as read so far: `partial` while only the newest records of a whole-log read are in. */
export type ShownLog = FailureLog & { partial: boolean };

/** What a page reads of the log, and when. */
export interface LogReading {
  /** Only this many newest records (the popup); the whole log when absent. */
  newest?: number;
  /** false holds the reads back (the popup shows its summary key first, then loads the log). */
  load?: boolean;
  /**
   * For a page that shows the whole log: the newest this many records are read and shown first,
   * and the rest after that frame is painted (a full log is about 500 KB; reading all of it before
   * the first row took the DevTools panel most of its first render).
   */
  first?: number;
}

export function useLog({ newest, load = true, first }: LogReading = {}): ShownLog | undefined {
  const [log, setLog] = useState<ShownLog | undefined>(undefined);
  // A layout effect starts the reads right after the first render, not after the first paint.
  useLayoutEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    const chunks = new Map<number, ErrorRecord[]>();
    /**
     * Undefined until a version 2 index is read. Nothing stored, a version 1 log or junk all show
     * as an empty log: the background migrates or repairs the log on its first wake, which comes
     * before any page can open, and the index it writes (with a notice for what it could not
     * read) reaches an open page as a change. So pages need not ship the version 1 parser.
     */
    let index: LogIndex | undefined;
    /** Until the newest `first` records are shown, only they are read. */
    let partial = first !== undefined && !newest;

    const wanted = () => {
      if (!index) return [];
      const limit = partial ? first : newest;
      return limit ? newestChunks(index, limit) : liveChunks(index.first, index.count);
    };
    const publish = () => {
      if (controller.signal.aborted) return;
      const shown = wanted();
      // Nothing stored, or the newest records are the whole log: nothing more to read.
      if (partial && (!index || shown.length >= liveChunks(index.first, index.count).length)) partial = false;
      const records: ErrorRecord[] = [];
      for (const k of shown) for (const r of chunks.get(k) ?? []) records.push(r);
      setLog({ records, dropped: index?.dropped ?? 0, notice: index?.notice ?? null, bytes: 0, partial });
      if (partial) {
        // The rest after the newest rows are painted; then shown at once, not at the next refresh.
        partial = false;
        afterPaint(() => {
          shownAt = 0;
          void fetchMissing();
        });
      }
    };
    // During a storm the log changes on every failure; showing it four times a second is live
    // enough, and keeps a page from re-rendering hundreds of rows a hundred times a second.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownAt = 0;
    const schedule = () => {
      if (timer !== undefined) return;
      // The first records show at once: that is when someone is waiting for them.
      if (shownAt === 0) {
        shownAt = Date.now();
        return publish();
      }
      timer = setTimeout(
        () => {
          timer = undefined;
          shownAt = Date.now();
          publish();
        },
        Math.max(0, shownAt + REFRESH_MS - Date.now()),
      );
    };
    controller.signal.addEventListener('abort', () => clearTimeout(timer));
    const fetchMissing = async () => {
      const missing = wanted().filter((k) => !chunks.has(k));
      if (missing.length) {
        const slots = (await readLocal(missing.map(slotKey))) as Record<string, unknown>;
        for (const k of missing) if (!chunks.has(k)) chunks.set(k, parseChunk(slots[slotKey(k)], k).records);
      }
      schedule();
    };
    const takeIndex = (raw: unknown) => {
      index = LOG_INDEX.read(raw);
      const keep = new Set(wanted());
      for (const k of chunks.keys()) if (!keep.has(k)) chunks.delete(k);
      void fetchMissing();
    };

    watchKey(LOG_INDEX.name, takeIndex, controller.signal, (event) => {
      if (event.kind === 'resync') {
        // Back from polling: anything may have changed in between; the index is read again.
        index = undefined;
        chunks.clear();
        return;
      }
      const { values } = event;
      if (event.kind === 'changed') {
        for (const [key, value] of Object.entries(values)) {
          const k = (value as Partial<StoredChunk> | null | undefined)?.k;
          if (isSlotKey(key) && typeof k === 'number') chunks.set(k, parseChunk(value, k).records);
        }
      } else if (LOG_INDEX.name in values) {
        // A poll sees only the index: the chunk that was newest may have grown, the ones after
        // it are new, and a late record may have been sorted in a little before it.
        const from = (wanted().at(-1) ?? 0) - 1;
        for (const k of [...chunks.keys()]) if (k >= from) chunks.delete(k);
      }
      // A new index is taken next (it fetches what it lacks); without one, chunks may have changed.
      if (!(LOG_INDEX.name in values) && index) void fetchMissing();
    });
    return () => controller.abort();
  }, [newest, load, first]);
  return log;
}
