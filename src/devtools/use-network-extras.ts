import { useEffect, useState } from 'preact/hooks';
import { isWatchedHost } from '../core/hosts';
import { isFailedEntry, networkExtra, type NetworkExtra } from '../core/network-extra';
import { networkEventsWaitForNetworkPanel, onRequestFinished } from '../platform/devtools';

/** DevTools-only details are kept for this many failed requests, in memory only. */
export const MAX_EXTRAS = 2000;

export interface NetworkExtras {
  extras: NetworkExtra[];
  /** False outside DevTools, or before Firefox's Network panel was opened once (no event yet). */
  listening: boolean;
}

/**
 * Collects what DevTools sees about failed ChatGPT requests: the body's gist and the timing
 * phases. Bodies are read only for failures on watched hosts and never leave this hook unredacted.
 */
export function useNetworkExtras(): NetworkExtras {
  const [extras, setExtras] = useState<NetworkExtra[]>([]);
  const [listening, setListening] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const waitForPanel = networkEventsWaitForNetworkPanel();
    const ok = onRequestFinished(async (request) => {
      // Any event at all proves Firefox's Network panel was opened: the extras are on now.
      if (waitForPanel && !controller.signal.aborted) setListening(true);
      if (!isFailedEntry(request.entry)) return;
      const bare = networkExtra(request.entry);
      if (!bare || !isWatchedHost(bare.host)) return;
      const content = await request.content().catch(() => ({ body: null, encoding: null }));
      // A base64 body is binary (images, protobuf): no gist to read from it.
      const body = content.encoding === 'base64' ? null : content.body;
      const extra = networkExtra(request.entry, body) ?? bare;
      if (controller.signal.aborted) return;
      setExtras((prev) => (prev.length >= MAX_EXTRAS ? [...prev.slice(prev.length - MAX_EXTRAS + 1), extra] : [...prev, extra]));
    }, controller.signal);
    setListening(ok && !waitForPanel);
    return () => controller.abort();
  }, []);
  return { extras, listening };
}
