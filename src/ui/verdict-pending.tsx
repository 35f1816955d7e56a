import { t } from '../platform/i18n';

/**
 * The verdict's place while it is worked out or its code loads (the popup loads the verdict in a
 * chunk started at open): in the popup, a card of the verdict's usual size (popup.css), so what
 * is below moves little when the verdict replaces it. `noFailures`: none to weigh, so the verdict
 * will most likely be the short "all clear".
 */
export function VerdictPending({ noFailures = false }: { noFailures?: boolean }) {
  return (
    <section class={noFailures ? 'verdict verdict-loading no-failures' : 'verdict verdict-loading'} aria-busy="true">
      <p class="verdict-side">{t('diag_checking')}</p>
    </section>
  );
}
