import { t } from '../platform/i18n';

/**
 * The verdict's place while it is worked out or its code loads (the popup loads the verdict in a
 * chunk started at open): a card of the verdict's size (verdict-card.css), so nothing below it
 * moves when the verdict replaces it.
 */
export function VerdictPending() {
  return (
    <section class="verdict verdict-loading" aria-busy="true">
      <p class="verdict-side">{t('diag_checking')}</p>
    </section>
  );
}
