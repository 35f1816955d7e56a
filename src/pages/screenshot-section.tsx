import { useState } from 'preact/hooks';
import type { Reply } from '../contract/messages';
import { t } from '../platform/i18n';
import { captureTab } from '../platform/screenshot';
import { ActionButton } from '../ui/action-button';
import { errorText } from '../core/error-text';

function downloadDataUrl(filename: string, dataUrl: string): Reply<null> {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  return { ok: true, value: null };
}

/** The optional screenshot: never taken on its own, shown before it can be saved, never masked. */
export function ScreenshotSection({ tabId, fileStem }: { tabId: number | null; fileStem: string }) {
  const [image, setImage] = useState<string | null>(null);
  const take = async (): Promise<Reply<string>> => {
    if (tabId === null) return { ok: false, error: { code: 'no-tab', message: t('report_screenshot_no_tab') } };
    try {
      return { ok: true, value: await captureTab(tabId) };
    } catch (error) {
      const reason = errorText(error);
      // activeTab is granted when the user opens Error Doctor from the toolbar on that tab, not to pages opened later.
      const hint = /activeTab|all_urls/.test(reason) ? ` ${t('report_screenshot_hint_active_tab')}` : '';
      return { ok: false, error: { code: 'capture-failed', message: t('report_screenshot_failed', reason) + hint } };
    }
  };
  return (
    <section class="report-screenshot" aria-labelledby="shot-title">
      <h2 id="shot-title">{t('report_screenshot')}</h2>
      <p class="notice">{t('report_screenshot_note')}</p>
      <div class="report-actions">
        <ActionButton id="report-screenshot" label={t('report_screenshot_take')} run={take} onDone={setImage} />
        {image && (
          <ActionButton id="report-screenshot-download" label={t('report_screenshot_download')} run={async () => downloadDataUrl(`${fileStem}.png`, image)} />
        )}
      </div>
      {image && <img src={image} alt={t('report_screenshot_alt')} />}
    </section>
  );
}
