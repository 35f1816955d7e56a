import { useEffect, useState } from 'preact/hooks';
import { inspectedTitle } from '../platform/devtools';
import { tabTitle } from '../platform/tabs';

/** The inspected tab's title for the panel's header ("Tab 1091954449" says nothing); null until known. */
export function useTabTitle(tabId: number | null): string | null {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    void tabTitle(tabId)
      .then((t) => t ?? inspectedTitle())
      .then((t) => live && setTitle(t));
    return () => {
      live = false;
    };
  }, [tabId]);
  return title;
}
