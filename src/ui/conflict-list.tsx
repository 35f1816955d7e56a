import type { ConflictEntry } from '../core/conflict-entry';
import type { ErrorRecord } from '../core/error-record';
import { isFirefox } from '../platform/browser';
import { t } from '../platform/i18n';
import { ActionButton } from './action-button';
import { asReply } from './as-reply';
import { useConflicts } from './use-conflicts';

/** Turning an extension off or opening its page: loaded on the first click. */
const conflictActions = () => import('../fixes/conflict-actions');

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
            run={() => asReply(conflictActions().then((m) => m.setConflictEnabled(entry.id, !entry.enabled)))}
            onDone={(v) => onToggled(entry.id, v.enabled)}
            doneText={(v) => (v.enabled ? t('popup_conflict_enabled') : t('popup_conflict_disabled'))}
          />
        )}
        {entry.manageUrl && (
          <ActionButton
            label={t('popup_conflict_openPage')}
            run={() => asReply(conflictActions().then((m) => m.openConflictPage(entry.id)))}
            doneText={() => t('popup_conflict_opened')}
          />
        )}
        {/* Firefox: its page (options or homepage) cannot turn it off; only the Add-ons Manager can. */}
        {!entry.canDisable && <span class="muted">{isFirefox() ? t('popup_conflict_manageHint') : t('popup_conflict_policyHint')}</span>}
      </div>
    </li>
  );
}

/**
 * Installed extensions ranked by how likely they break ChatGPT, each with its reasons; disable
 * (and re-enable) where the browser allows, else open its page. Shared by popup, panel and the
 * troubleshooter. `records` are the failures the page holds (undefined while it reads them): the
 * ranking waits for them, since a blocked request moves a blocker to the top.
 */
export function ConflictList({
  records,
  onLoaded,
  onToggled,
}: {
  records: readonly ErrorRecord[] | undefined;
  onLoaded?: (entries: ConflictEntry[]) => void;
  onToggled?: () => void;
}) {
  const conflicts = useConflicts(records, onLoaded);
  const { entries, error } = conflicts;
  return (
    <div class="fix conflict-list">
      {error && (
        <p class="bad" role="status">
          {t('popup_conflict_loadFailed', error)}
        </p>
      )}
      {entries === null && !error && <p class="muted">{t('popup_loading')}</p>}
      {entries?.length === 0 && <p class="empty">{t('popup_conflict_none')}</p>}
      {entries && entries.length > 0 && (
        <ol class="conflicts">
          {entries.map((entry) => (
            <ConflictItem
              key={entry.id}
              entry={entry}
              onToggled={(id, enabled) => {
                conflicts.toggled(id, enabled);
                onToggled?.();
              }}
            />
          ))}
        </ol>
      )}
      <div class="row">
        <ActionButton label={t('popup_conflict_refresh')} run={conflicts.reload} doneText={(v) => t('popup_conflict_count', v.length)} />
      </div>
      <p class="muted private-tip">{isFirefox() ? t('popup_private_firefox') : t('popup_private_chrome')}</p>
    </div>
  );
}
