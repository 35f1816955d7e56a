import type { ErrorRecord } from '../core/error-record';
import type { NetworkExtra } from '../core/network-extra';
import { t } from '../platform/i18n';
import { extensionVersion } from '../platform/manifest-info';
import { ActionButton } from '../ui/action-button';
import { downloadText } from '../ui/download';

function stamp(now: number): string {
  return new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

/** Exports the failures shown (after filters): records as JSON, and a secret-free HAR 1.2. */
export function ExportBar({ records, extras, now, reportUrl, troubleshooterUrl = null }: { records: readonly ErrorRecord[]; extras: ReadonlyMap<string, NetworkExtra>; now: number; reportUrl: string | null; troubleshooterUrl?: string | null }) {
  const json = async () => downloadText(`error-doctor-failures-${stamp(now)}.json`, JSON.stringify({ exportedAt: new Date(now).toISOString(), records }, null, 2));
  const har = async () => {
    // Loaded on first use: most sessions never export.
    const { buildHar } = await import('../core/har');
    return downloadText(`error-doctor-failures-${stamp(now)}.har`, JSON.stringify(buildHar(records, extras, extensionVersion()), null, 2));
  };
  const done = (v: { bytes: number }) => t('panel_export_done', [records.length, v.bytes]);
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
