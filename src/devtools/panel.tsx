import { useMemo, useState } from 'preact/hooks';
import type { FilterGroup } from '../core/categories';
import { DEFAULT_QUERY, failureTable, PANEL_FIRST_RECORDS, groupCounts, type SortKey, type TableQuery } from '../core/failure-table';
import { matchExtras } from '../core/network-extra';
import { t } from '../platform/i18n';
import { LogNotice } from '../ui/log-notice';
import { useLog } from '../ui/use-log';
import { useNow } from '../ui/use-now';
import { useStatus } from '../ui/use-status';
import { FailureFilters } from './failure-filters';
import { FailureTableView } from './failure-table-view';
import { incidentTimes } from './incident-times';
import { lazyChunk, PartPending } from '../ui/lazy-part';
import { useNetworkExtras } from './use-network-extras';
import { useTabTitle } from './use-tab-title';
import './panel-parts.css';
import { rateChart } from '../core/rate-chart';
import { ExportBar } from './export-bar';
import { RateChartView } from './rate-chart-view';

/** The details pane, its evidence table and copies: loaded when a row is first selected. */
const useDetails = lazyChunk(() => import('./failure-details'));
/**
 * The verdict and the fixes beside the chart: loaded from the start, but the table, what the
 * panel is opened for, paints without waiting for the diagnosis's code. Their styles are in the
 * panel's stylesheet (panel-main.tsx).
 */
const useFixes = lazyChunk(() => import('./panel-fixes'));

export interface PanelProps {
  /** The inspected tab; null shows every tab. */
  tabId: number | null;
  /** The support report page for this tab, when that page exists. */
  reportUrl?: string | null;
  /** The guided troubleshooter for this tab, when that page exists. */
  troubleshooterUrl?: string | null;
}

/**
 * The DevTools panel: the inspected tab's failures live from the recorder's log, enriched with
 * what DevTools alone sees (kept in memory), a chart of the last hour, details and exports.
 */
export function Panel({ tabId, reportUrl = null, troubleshooterUrl = null }: PanelProps) {
  const log = useLog({ first: PANEL_FIRST_RECORDS });
  const partial = log?.partial ?? true;
  const now = useNow(10_000);
  const status = useStatus();
  const incidents = useMemo(() => incidentTimes(status), [status]);
  const { extras, listening } = useNetworkExtras();
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const title = useTabTitle(tabId);

  const all = log?.records;
  const tabRecords = useMemo(() => (all ? (tabId === null ? all : all.filter((r) => r.tabId === tabId)) : []), [all, tabId]);
  const rows = useMemo(() => failureTable(tabRecords, query, t), [tabRecords, query]);
  const counts = useMemo(() => groupCounts(tabRecords), [tabRecords]);
  const matched = useMemo(() => matchExtras(tabRecords, extras), [tabRecords, extras]);
  const chart = useMemo(() => rateChart(tabRecords, now, incidents), [tabRecords, now, incidents]);
  const selected = selectedId !== null ? tabRecords.find((r) => r.id === selectedId) : undefined;
  const details = useDetails(selected ? selected.id : null);
  const fixes = useFixes('open');

  const onSort = (key: SortKey) =>
    setQuery((q) => ({ ...q, sort: key, dir: q.sort === key ? (q.dir === 'asc' ? 'desc' : 'asc') : key === 'time' ? 'desc' : 'asc' }));
  const onToggle = (g: FilterGroup) => setQuery((q) => ({ ...q, groups: q.groups.includes(g) ? q.groups.filter((x) => x !== g) : [...q.groups, g] }));

  return (
    <main class="panel">
      <header class="panel-head">
        <h1>{t('extName')}</h1>
        <span class="muted scope" title={tabId === null ? undefined : t('panel_scope_tab', tabId)}>
          {tabId === null ? t('panel_scope_all') : (title ?? t('panel_scope_tab', tabId))}
        </span>
        <span class="muted live" role="status">
          {partial ? t('panel_count_partial', rows.length) : t('panel_count', [rows.length, tabRecords.length])}
        </span>
        {/* Exports and the verdict wait for the whole log: a part of it would tell a wrong story. */}
        <ExportBar records={partial ? [] : rows} extras={matched} now={now} reportUrl={reportUrl} troubleshooterUrl={troubleshooterUrl} />
      </header>
      {log && <LogNotice log={log} />}
      <div class="panel-top">
        {chart && <RateChartView chart={chart} />}
        {all && !partial && fixes?.kind === 'done' && <fixes.value.PanelFixes records={all} tabId={tabId} now={now} status={status} />}
        {fixes?.kind === 'failed' && <PartPending state={fixes} />}
      </div>
      <FailureFilters
        groups={query.groups}
        counts={counts}
        text={query.text}
        onToggle={onToggle}
        onText={(text) => setQuery((q) => ({ ...q, text }))}
        onClear={() => setQuery((q) => ({ ...q, groups: [], text: '' }))}
      />
      <div class="panel-body" aria-busy={partial}>
        {log === undefined || (partial && tabRecords.length === 0) ? (
          <p class="muted">{t('panel_loading')}</p>
        ) : tabRecords.length === 0 ? (
          <p class="empty">{t('panel_empty')}</p>
        ) : (
          <div class="table-col">
            <FailureTableView rows={rows} selectedId={selectedId} onSelect={setSelectedId} sort={query.sort} dir={query.dir} onSort={onSort} />
            {rows.length === 0 && <p class="muted no-match">{t('panel_no_match')}</p>}
          </div>
        )}
        {selected && details?.kind === 'done' ? (
          <details.value.FailureDetails record={selected} extra={matched.get(selected.id)} listening={listening} />
        ) : (
          // The details pane takes room only once a row is selected.
          selected && (
            <section class="details">
              <PartPending state={details} />
            </section>
          )
        )}
      </div>
    </main>
  );
}
