import { useLayoutEffect, useState } from 'preact/hooks';
import { CHUNK_SIZE, liveChunks, newestChunks, parseChunk, parseIndex, slotKey, type LogIndex } from '../contract/log-chunks';
import { LOG_KEY } from '../contract/stored-log';
import type { ErrorRecord } from '../core/error-record';
import type { FailureLog } from '../core/failure-log';
import { readLocal } from '../platform/storage';
import { watchStorage } from './storage-feed';

/**
 * The failure log as the background stored it, validated the same way the background reads it.
 * It is kept chunk by chunk: a change re-validates only the chunks that changed, which is what
 * keeps the DevTools panel cheap at 100 failures a second. `newest` reads only the chunks holding
 * that many newest records, so the popup opens without reading the whole log.
 */
const REFRESH_MS = 250;

export function useLog(newest?: number): FailureLog | undefined {
  const [log, setLog] = useState<FailureLog | undefined>(undefined);
  // A layout effect starts the reads right after the first render, not after the first paint.
  useLayoutEffect(() => {
    const controller = new AbortController();
    const chunks = new Map<number, ErrorRecord[]>();
    let index: LogIndex | null = null;

    const wanted = (i: LogIndex) => (newest ? newestChunks(i, newest) : liveChunks(i.first, i.count));
    const publish = () => {
      if (controller.signal.aborted || !index) return;
      const records: ErrorRecord[] = [];
      for (const k of wanted(index)) for (const r of chunks.get(k) ?? []) records.push(r);
      setLog({ records, dropped: index.dropped, notice: index.notice, bytes: 0 });
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
      timer = setTimeout(() => {
        timer = undefined;
        shownAt = Date.now();
        publish();
      }, Math.max(0, shownAt + REFRESH_MS - Date.now()));
    };
    controller.signal.addEventListener('abort', () => clearTimeout(timer));
    const fetchMissing = async () => {
      if (!index) return;
      const missing = wanted(index).filter((k) => !chunks.has(k));
      if (missing.length) {
        const slots = (await readLocal(missing.map(slotKey))) as Record<string, unknown>;
        for (const k of missing) if (!chunks.has(k)) chunks.set(k, parseChunk(slots[slotKey(k)], k).records);
      }
      schedule();
    };
    const takeIndex = (raw: unknown) => {
      const parsed = parseIndex(raw, Date.now());
      if (parsed.kind === 'index') {
        index = parsed.index;
        const keep = new Set(wanted(index));
        for (const k of chunks.keys()) if (!keep.has(k)) chunks.delete(k);
        return true;
      }
      // Nothing yet, or a version 1 log the background has not migrated yet: show it whole.
      index = null;
      chunks.clear();
      if (!controller.signal.aborted) setLog(parsed.kind === 'whole' ? parsed.log : { records: [], dropped: 0, notice: null, bytes: 0 });
      return false;
    };

    const readIndex = () =>
      readLocal([LOG_KEY]).then(
        // A change that arrived meanwhile is newer than this read.
        (stored) => {
          if (index === null && takeIndex(stored[LOG_KEY])) void fetchMissing();
        },
        () => void takeIndex(undefined),
      );
    /** The last chunk `index` names, or -1. */
    const lastChunk = (i: LogIndex | null) => (i && i.count ? Math.floor((i.first + i.count - 1) / CHUNK_SIZE) : -1);

    watchStorage(
      [LOG_KEY],
      (event) => {
        if (event.kind === 'resync') {
          // Back from polling: anything may have changed in between; read it all again.
          index = null;
          chunks.clear();
          void readIndex();
          return;
        }
        const { values } = event;
        if (event.kind === 'changed') {
          for (const [key, value] of Object.entries(values)) {
            if (!key.startsWith(`${LOG_KEY}:`)) continue;
            const chunk = value as { k?: unknown } | null | undefined;
            if (chunk && typeof chunk.k === 'number') chunks.set(chunk.k, parseChunk(chunk, chunk.k).records);
          }
        } else if (LOG_KEY in values) {
          // A poll sees only the index: the chunk that was newest may have grown, the ones after
          // it are new, and a late record may have been sorted in a little before it.
          const from = lastChunk(index) - 1;
          for (const k of [...chunks.keys()]) if (k >= from) chunks.delete(k);
        }
        if (LOG_KEY in values ? takeIndex(values[LOG_KEY]) : index) void fetchMissing();
      },
      controller.signal,
    );
    void readIndex();
    return () => controller.abort();
  }, [newest]);
  return log;
}
