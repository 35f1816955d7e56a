import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConflictEntry } from '../contract/conflicts';
import type { ErrorRecord } from '../core/error-record';
import { isFirefox } from '../platform/browser';
import { t } from '../platform/i18n';
import { ActionButton } from './action-button';
import { asReply } from './as-reply';

/** The ranking and the management calls load when the list first shows, not with the page. */
const conflictFixes = () => import('../fixes/conflicts');

function ConflictItem({ entry, onToggled }: { entry: ConflictEntry; onToggled: (id: string, enabled: boolean) => void }) {
  return (
    <li class={`conflict kind-${entry.kind}${entry.enabled ? '' : ' is-disabled'}`} data-extension-id={entry.id}>
      <div class="conflict-head">
        <strong class="conflict-name">{entry.name}</strong>
        <span class="muted">{entry.version}</span>
        {!entry.enabled && <span class="tag">{t('popup_conflict_disabledTag')}</span>}
      </div>
      <ul class="reasons">
        {entry.reasons.map((r) => (
          <li key={r.key}>{t(r.key, r.subs)}</li>
        ))}
      </ul>
      <div class="row">
        {entry.canDisable && (
          <ActionButton
            key={String(entry.enabled)}
            label={entry.enabled ? t('popup_conflict_disable') : t('popup_conflict_enable')}
            run={() => asReply(conflictFixes().then((m) => m.setConflictEnabled(entry.id, !entry.enabled)))}
            onDone={(v) => onToggled(entry.id, v.enabled)}
            doneText={(v) => (v.enabled ? t('popup_conflict_enabled') : t('popup_conflict_disabled'))}
          />
        )}
        {entry.manageUrl && (
          <ActionButton label={t('popup_conflict_openPage')} run={() => asReply(conflictFixes().then((m) => m.openConflictPage(entry.id)))} doneText={() => t('popup_conflict_opened')} />
        )}
        {/* Firefox: its page (options or homepage) cannot turn it off; only the Add-ons Manager can. */}
        {!entry.canDisable && <span class="muted">{isFirefox() ? t('popup_conflict_manageHint') : t('popup_conflict_policyHint')}</span>}
      </div>
    </li>
  );
}

/**
 * Installed extensions ranked by how likely they break ChatGPT, each with its reasons; disable
 * (and re-enable) where the browser allows, else open its page. Shared by popup and panel.
 * `records` are the failures the page shows (undefined while it reads them): the list waits for
 * them, since a blocked request moves a blocker to the top.
 */
export function ConflictList({ records, onLoaded }: { records: readonly ErrorRecord[] | undefined; onLoaded?: (entries: ConflictEntry[]) => void }) {
  const [entries, setEntries] = useState<ConflictEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Extensions disabled from here stay listed so the user can turn them back on.
  const [keepIds, setKeepIds] = useState<string[]>([]);

  const latest = useRef(records);
  latest.current = records;

  const load = async (keep: string[]) => {
    const reply = await asReply(conflictFixes().then((m) => m.listConflicts({ keepIds: keep, records: latest.current ?? [] })));
    if (reply.ok) {
      setEntries(reply.value);
      setError(null);
      onLoaded?.(reply.value);
    } else setError(reply.error.message);
    return reply;
  };
  const ready = records !== undefined;
  useEffect(() => {
    if (ready) void load(keepIds);
  }, [ready]);

  const onToggled = (id: string, enabled: boolean) => {
    const keep = enabled ? keepIds : [...new Set([...keepIds, id])];
    setKeepIds(keep);
    void load(keep);
  };

  return (
    <div class="fix conflict-list">
      {error && <p class="bad" role="status">{t('popup_conflict_loadFailed', error)}</p>}
      {entries === null && !error && <p class="muted">{t('popup_loading')}</p>}
      {entries?.length === 0 && <p class="empty">{t('popup_conflict_none')}</p>}
      {entries && entries.length > 0 && (
        <ol class="conflicts">
          {entries.map((entry) => (
            <ConflictItem key={entry.id} entry={entry} onToggled={onToggled} />
          ))}
        </ol>
      )}
      <div class="row">
        <ActionButton label={t('popup_conflict_refresh')} run={() => load(keepIds)} doneText={(v) => t('popup_conflict_count', v.length)} />
      </div>
      <p class="muted private-tip">{isFirefox() ? t('popup_private_firefox') : t('popup_private_chrome')}</p>
    </div>
  );
}
