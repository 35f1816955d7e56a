import { onLocalChanged, readLocal, type StorageChanges } from '../platform/storage';

/**
 * How a page learns what changed in storage. Calm: storage.onChanged, at once, through one
 * browser listener per page whatever the number of hooks, since Chrome turns every change (old
 * and new value) into JS objects once per registered listener. Busy (a failure storm): even once
 * per page, that alone cost a bare page 64 ms of main thread a second at 100 failures a second.
 * So past BUSY_EVENTS changes in a second the page stops listening and polls the keys it
 * watches every POLL_MS instead: one small read a second whatever the rate. Once two polls in a
 * row find nothing new, it listens again and tells subscribers to resync (re-read what they
 * hold), since a change may land between the last poll and the listener coming back.
 */
const BUSY_EVENTS = 10;
const POLL_MS = 1000;

export type FeedEvent =
  /** From storage.onChanged: new values, chunk keys included. */
  | { kind: 'changed'; values: Record<string, unknown> }
  /** From a poll: new values of watched keys only (what other keys changed is unknown). */
  | { kind: 'polled'; values: Record<string, unknown> }
  /** Listening again after a busy spell: re-read whatever is held. */
  | { kind: 'resync' };

interface Subscriber {
  keys: readonly string[];
  listener: (event: FeedEvent) => void;
}

const subscribers = new Set<Subscriber>();
let listening: AbortController | null = null;
let pollTimer: ReturnType<typeof setTimeout> | undefined;
/** Polling instead of listening (from the storm until two quiet polls). */
let busy = false;
let recent: number[] = [];
/** JSON of each watched key's value as last delivered, so a poll reports only real changes. */
const lastSeen = new Map<string, string>();

/** Notes `value` as the last delivered of `key`; true when it differs from the one before. */
function see(key: string, value: unknown): boolean {
  const json = String(JSON.stringify(value));
  if (lastSeen.get(key) === json) return false;
  lastSeen.set(key, json);
  return true;
}

function emit(event: FeedEvent): void {
  for (const s of [...subscribers]) s.listener(event);
}

function listen(): void {
  listening = new AbortController();
  onLocalChanged(onChanged, listening.signal);
}

function onChanged(changes: StorageChanges): void {
  const values: Record<string, unknown> = {};
  for (const [key, change] of Object.entries(changes)) values[key] = change.newValue;
  for (const key of watchedKeys()) if (key in values) see(key, values[key]);
  emit({ kind: 'changed', values });
  const now = Date.now();
  recent = recent.filter((t) => t > now - 1000);
  if (recent.push(now) > BUSY_EVENTS) goBusy();
}

function goBusy(): void {
  busy = true;
  listening?.abort();
  listening = null;
  recent = [];
  schedulePoll(0);
}

function watchedKeys(): string[] {
  return [...new Set([...subscribers].flatMap((s) => s.keys))];
}

function schedulePoll(quiet: number): void {
  pollTimer = setTimeout(() => void poll(quiet), POLL_MS);
}

async function poll(quiet: number): Promise<void> {
  pollTimer = undefined;
  const keys = watchedKeys();
  const stored: Record<string, unknown> = await readLocal(keys).catch(() => ({}));
  // The last subscriber may have left during the read (its timer is cleared, not this read).
  if (!subscribers.size) return;
  const values: Record<string, unknown> = {};
  for (const key of keys) if (see(key, stored[key])) values[key] = stored[key];
  if (Object.keys(values).length) {
    emit({ kind: 'polled', values });
    schedulePoll(0);
  } else if (!quiet) {
    schedulePoll(1);
  } else {
    busy = false;
    listen();
    emit({ kind: 'resync' });
  }
}

/**
 * Calls `listener` with storage changes until `signal` aborts. `keys` are the exact keys polled
 * while busy; a subscriber that also needs other keys (the log's chunks) must read them itself
 * on `polled` and `resync`.
 */
export function watchStorage(keys: readonly string[], listener: (event: FeedEvent) => void, signal: AbortSignal): void {
  const sub: Subscriber = { keys, listener };
  subscribers.add(sub);
  // Not while busy: the page polls until calm, and listens again then.
  if (!busy && !listening) listen();
  signal.addEventListener(
    'abort',
    () => {
      subscribers.delete(sub);
      if (subscribers.size) return;
      listening?.abort();
      listening = null;
      clearTimeout(pollTimer);
      pollTimer = undefined;
      busy = false;
      recent = [];
      lastSeen.clear();
    },
    { once: true },
  );
}

/**
 * Calls `take` with the value of `key` now, on every change of it, and again after a busy spell
 * (`listener`, if any, first gets every event) until `signal` aborts. A change that lands while a
 * read is in flight is newer than what the read returns, so that read is dropped.
 */
export function watchKey(key: string, take: (raw: unknown) => void, signal: AbortSignal, listener?: (event: FeedEvent) => void): void {
  let reads = 0;
  const read = () => {
    const mine = ++reads;
    const got = (raw: unknown) => mine === reads && !signal.aborted && take(raw);
    readLocal([key]).then(
      (stored) => got(stored[key]),
      () => got(undefined),
    );
  };
  watchStorage(
    [key],
    (event) => {
      listener?.(event);
      if (event.kind === 'resync') return read();
      if (!(key in event.values)) return;
      reads++;
      take(event.values[key]);
    },
    signal,
  );
  read();
}
