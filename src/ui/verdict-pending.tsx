import { t } from '../platform/i18n';

/**
 * The verdict's place while it is worked out (the tab and the extensions it weighs are still
 * being read): in the popup, a card of the verdict's usual size (popup.css), so what is below
 * moves little when the verdict replaces it.
 */
export function VerdictPending() {
  return (
    <section class="verdict verdict-loading" aria-busy="true">
      <p class="verdict-side">{t('diag_checking')}</p>
    </section>
  );
}
