import type { Reply } from '../contract/messages';
import { PANEL_PAGE, REPORT_PAGE, TROUBLESHOOTER_PAGE, pagePath, type PagePath } from '../contract/pages';
import { t, tn } from '../platform/i18n';
import { extensionUrl, openTab } from '../platform/tabs';
import { ActionButton } from './action-button';
import { asReply } from './as-reply';

async function open(page: PagePath, tabId: number | null): Promise<Reply<string>> {
  const url = extensionUrl(pagePath(page, tabId));
  await openTab(url);
  return { ok: true, value: url };
}

/** Reload ChatGPT, and the ways to dig deeper: the troubleshooter, the support report and the DevTools panel as a tab. */
export function TabActions({ tabId }: { tabId: number | null }) {
  return (
    <div class="fix tab-actions row">
      <ActionButton
        id="reload-chatgpt"
        label={t('popup_reload')}
        run={() => asReply(import('../fixes/reload-chatgpt').then((m) => m.reloadChatGpt(tabId)))}
        doneText={(v) => tn('popup_reload_done', v.reloaded)}
      />
      <ActionButton
        id="open-troubleshooter"
        label={t('ts_open_troubleshooter')}
        run={() => open(TROUBLESHOOTER_PAGE, tabId)}
        doneText={() => t('popup_opened')}
      />
      <ActionButton id="open-report" label={t('popup_open_report')} run={() => open(REPORT_PAGE, tabId)} doneText={() => t('popup_opened')} />
      <ActionButton id="open-panel" label={t('popup_open_panel')} run={() => open(PANEL_PAGE, tabId)} doneText={() => t('popup_opened')} />
    </div>
  );
}
