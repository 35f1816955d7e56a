import type { ErrorRecord } from '../core/error-record';
import type { NetworkExtra } from '../core/network-extra';
import { t, tn } from '../platform/i18n';
import { ActionButton } from '../ui/action-button';

/** The formats load on the first export click (a chunk that fails to load fails the button). */
const formats = () => import('./exports');

/** Exports the failures shown (after filters): records as JSON, and a secret-free HAR 1.2. */
export function ExportBar({
  records,
  extras,
  now,
  reportUrl,
  troubleshooterUrl = null,
}: {
  records: readonly ErrorRecord[];
  extras: ReadonlyMap<string, NetworkExtra>;
  now: number;
  reportUrl: string | null;
  troubleshooterUrl?: string | null;
}) {
  const json = async () => (await formats()).exportJson(records, now);
  const har = async () => (await formats()).exportHar(records, extras, now);
  const done = (v: { bytes: number }) => tn('panel_export_done', records.length, [records.length, v.bytes]);
  return (
    <div class="export-bar" role="group" aria-label={t('panel_export')}>
      <ActionButton label={t('panel_export_json')} run={json} doneText={done} disabled={!records.length} id="export-json" />
      <ActionButton label={t('panel_export_har')} run={har} doneText={done} disabled={!records.length} id="export-har" />
      {reportUrl && (
        <a class="button-link" href={reportUrl} target="_blank" rel="noopener" id="open-report">
          {t('panel_export_report')}
        </a>
      )}
      {troubleshooterUrl && (
        <a class="button-link" href={troubleshooterUrl} target="_blank" rel="noopener" id="open-troubleshooter">
          {t('ts_open_troubleshooter')}
        </a>
      )}
    </div>
  );
}
