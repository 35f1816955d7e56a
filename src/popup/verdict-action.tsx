import type { VerdictAction } from '../core/verdict-action';
import { t, tn } from '../platform/i18n';
import { request } from '../platform/messaging';
import { ActionButton } from '../ui/action-button';
import { asReply } from '../ui/as-reply';
import { ClearSiteData } from '../ui/clear-site-data';

export interface VerdictActionProps {
  action: VerdictAction;
  /** The ChatGPT tab the popup is about; null for every ChatGPT tab. */
  tabId: number | null;
  /** Shows the extension list (in the fixes below) and moves focus to it. */
  onExtensions: () => void;
}

/**
 * The verdict's recommended fix as its button, run in place: the clear with its confirmation and
 * report, the status check, the reload, or the extension list.
 */
export function VerdictActionButton({ action, tabId, onExtensions }: VerdictActionProps) {
  switch (action) {
    case 'clear-site-data':
      return <ClearSiteData primary />;
    case 'status':
      return (
        <ActionButton
          id="verdict-status"
          primary
          label={t('verdict_action_status')}
          run={() => request('status/check', { force: true })}
          doneText={() => t('popup_status_checkedNow')}
        />
      );
    case 'reload':
      return (
        <ActionButton
          id="verdict-reload"
          primary
          label={t('popup_reload')}
          run={() => asReply(import('../fixes/reload-chatgpt').then((m) => m.reloadChatGpt(tabId)))}
          doneText={(v) => tn('popup_reload_done', v.reloaded)}
        />
      );
    case 'extensions':
      return (
        <button type="button" id="verdict-extensions" class="primary" onClick={onExtensions}>
          {t('verdict_action_extensions')}
        </button>
      );
  }
}
