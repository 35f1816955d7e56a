import { useEffect, useState } from 'preact/hooks';
import type { Suspect } from '../core/conflict-entry';
import { suspects } from '../core/suspects';
import { listExtensions, selfId } from '../platform/extensions';

export interface Suspects {
  /** null until read, when `active` is false, or when the browser would not list them. */
  list: Suspect[] | null;
  /** Reads them again: after one was turned off or on from the extension list. */
  refresh: () => void;
}

/**
 * The installed extensions the verdict weighs (blockers, VPNs, proxies), read at open. The full
 * ranking, with its reasons, loads with the extension list. `active` is false where the page
 * has no management API (Firefox's DevTools panel).
 */
export function useSuspects(active: boolean): Suspects {
  const [list, setList] = useState<Suspect[] | null>(null);
  const refresh = () => {
    if (active)
      listExtensions().then(
        (all) => setList(suspects(all, selfId())),
        () => setList(null),
      );
  };
  useEffect(refresh, [active]);
  return { list, refresh };
}
