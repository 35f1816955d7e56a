import type { Reply } from '../contract/messages';
import { t, tn } from '../platform/i18n';
import { extensionUrl, openTab } from '../platform/tabs';
import { ActionButton } from './action-button';
import { asReply } from './as-reply';

async function open(path: string): Promise<Reply<string>> {
  const url = extensionUrl(path);
  await openTab(url);
  return { ok: true, value: url };
}

/** Reload ChatGPT, and the ways to dig deeper: the troubleshooter, the support report and the DevTools panel as a tab. */
export function TabActions({ tabId }: { tabId: number | null }) {
  const query = tabId === null ? '' : `?tabId=${tabId}`;
  return (
    <div class="fix tab-actions row">
      <ActionButton
        id="reload-chatgpt"
        label={t('popup_reload')}
        run={() => asReply(import('../fixes/reload-chatgpt').then((m) => m.reloadChatGpt(tabId)))}
        doneText={(v) => tn('popup_reload_done', v.reloaded)}
      />
      <ActionButton id="open-troubleshooter" label={t('ts_open_troubleshooter')} run={() => open(`src/pages/troubleshooter.html${query}`)} doneText={() => t('popup_opened')} />
      <ActionButton id="open-report" label={t('popup_open_report')} run={() => open(`src/pages/report.html${query}`)} doneText={() => t('popup_opened')} />
      <ActionButton id="open-panel" label={t('popup_open_panel')} run={() => open(`src/devtools/panel.html${query}`)} doneText={() => t('popup_opened')} />
    </div>
  );
}
