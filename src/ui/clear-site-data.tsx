import { useState } from 'preact/hooks';
import type { SiteDataPlan } from '../core/site-data-plan';
import { t } from '../platform/i18n';
import { ActionButton } from './action-button';
import { asReply } from './as-reply';
import type { ClearFlow } from './clear-flow';

/** The plan, the confirmation view, the clear and its check: loaded together on the first click. */
const load = () => Promise.all([import('../fixes/site-data-clearer'), import('./clear-flow')]);

/**
 * "Clear cookies & cache for ChatGPT": the button, then (one click) a confirmation that names
 * every site the user will be signed out of, then (the second click) the clear and its report,
 * all in place. Shared by the popup, its verdict and the DevTools panel.
 */
export function ClearSiteData({ primary = false }: { primary?: boolean }) {
  const [open, setOpen] = useState<{ plan: SiteDataPlan; Flow: typeof ClearFlow } | null>(null);
  if (!open) {
    return (
      <div class="fix clear-site-data">
        <ActionButton
          id="clear-site-data-start"
          primary={primary}
          label={t('popup_clear_button')}
          run={() => asReply(load().then(async ([m, view]) => ({ plan: await m.currentPlan(), Flow: view.ClearFlow })))}
          onDone={setOpen}
          doneText={() => ''}
        />
        <p class="muted">{t('popup_clear_hint')}</p>
      </div>
    );
  }
  return <open.Flow plan={open.plan} onClose={() => setOpen(null)} />;
}
