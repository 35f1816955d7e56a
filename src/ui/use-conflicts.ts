import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConflictEntry } from '../core/conflict-entry';
import type { Reply } from '../contract/messages';
import type { ErrorRecord } from '../core/error-record';
import { listConflicts } from '../fixes/conflicts';
import { asReply } from './as-reply';

/** The extensions that may break ChatGPT, as a page holds them: the verdict weighs them, the list shows them. */
export interface Conflicts {
  /** null until the first ranking arrives. */
  entries: ConflictEntry[] | null;
  error: string | null;
  /** Ranks again; the reply is what the Refresh button reports. */
  reload(): Promise<Reply<ConflictEntry[]>>;
  /** After one was turned off or on here: a disabled one stays listed, so it can be turned back on. */
  toggled(id: string, enabled: boolean): void;
}

/**
 * Ranks the installed extensions once `records` are read (a blocked request moves a blocker to
 * the top): the extension list's state. The list loads when opened, and this with it, so the
 * ranking is in the list's file, not a chunk of its own.
 */
export function useConflicts(records: readonly ErrorRecord[] | undefined, onLoaded?: (entries: ConflictEntry[]) => void): Conflicts {
  const [entries, setEntries] = useState<ConflictEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keepIds = useRef<string[]>([]);
  const latest = useRef(records);
  latest.current = records;

  const reload = async () => {
    const reply = await asReply(listConflicts({ keepIds: keepIds.current, records: latest.current ?? [] }));
    if (reply.ok) {
      setEntries(reply.value);
      setError(null);
      onLoaded?.(reply.value);
    } else setError(reply.error.message);
    return reply;
  };
  const ready = records !== undefined;
  useEffect(() => {
    if (ready) void reload();
  }, [ready]);

  return {
    entries,
    error,
    reload,
    toggled(id, enabled) {
      if (!enabled) keepIds.current = [...new Set([...keepIds.current, id])];
      void reload();
    },
  };
}
