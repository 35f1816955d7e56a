import type { Category } from './categories';
import type { ErrorRecord } from './error-record';
import { isApiPath } from './hosts';

/**
 * Every piece of evidence a record holds, as rows for the details view. `highlight` marks the
 * headers that decide the diagnosis, with `note` (an i18n key) saying why they matter.
 */
export interface EvidenceRow {
  /** i18n key of the label. */
  label: string;
  value: string;
  highlight: boolean;
  note: string | null;
  /** A raw header name, shown in monospace. */
  header: boolean;
  /** `value` is an i18n key rather than literal evidence. */
  valueIsKey: boolean;
}

const EDGE: ReadonlySet<Category> = new Set(['gateway', 'cloudflare']);

export function evidence(r: ErrorRecord): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  const add = (label: string, value: string | number | null, opts: Partial<Omit<EvidenceRow, 'label' | 'value'>> = {}) => {
    if (value === null || value === '') return;
    rows.push({
      label,
      value: String(value),
      highlight: opts.highlight ?? false,
      note: opts.note ?? null,
      header: opts.header ?? false,
      valueIsKey: opts.valueIsKey ?? false,
    });
  };
  add('panel_ev_time', new Date(r.time).toISOString());
  add('panel_ev_url', `https://${r.host}${r.path}`);
  add('panel_ev_method', r.method);
  add('panel_ev_type', r.type);
  add('panel_ev_status', r.status !== null ? `${r.status}${r.statusLine ? ` (${r.statusLine})` : ''}` : null, { highlight: true });
  add('panel_ev_error', r.error, { highlight: true });
  add('panel_ev_category', r.category);
  add('panel_ev_duration', r.durationMs !== null ? `${r.durationMs} ms` : null);
  add('panel_ev_tab', r.tabId);
  add('cf-ray', r.ids.cfRay, { header: true, highlight: true, note: 'panel_note_cfray' });
  add('x-request-id', r.ids.xRequestId, { header: true });
  const api = isApiPath(r.path);
  if (r.ids.oaiRequestId) add('x-oai-request-id', r.ids.oaiRequestId, { header: true, highlight: true, note: 'panel_note_oai_id' });
  else if (api && r.status !== null) add('x-oai-request-id', '—', { header: true, highlight: r.htmlOnApi, note: 'panel_note_oai_missing' });
  add('retry-after', r.retryAfter, { header: true, highlight: true, note: 'panel_note_retry_after' });
  add('server', r.server, {
    header: true,
    highlight: EDGE.has(r.category) && /cloudflare/i.test(r.server ?? ''),
    note: EDGE.has(r.category) ? 'panel_note_server' : null,
  });
  add('content-type', r.contentType, { header: true, highlight: r.htmlOnApi, note: r.htmlOnApi ? 'panel_note_html_on_api' : null });
  if (r.telemetry) add('panel_ev_telemetry', 'panel_ev_yes', { note: 'panel_note_telemetry', valueIsKey: true });
  return rows;
}
