import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ErrorRecord } from '../core/error-record';
import { primaryRequestId } from '../core/headers';
import { clockTime } from '../core/clock-time';
import { formatDuration } from '../core/format';
import { anchoredScrollTop, virtualWindow } from '../core/virtual-window';
import { t, tn } from '../platform/i18n';
import { PathText, statusLabel } from '../ui/failure-cells';
import { recordGroup, type SortDir, type SortKey } from '../core/failure-table';

export const ROW_HEIGHT = 24;

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; cls: string }> = [
  { key: 'time', label: 'panel_col_time', cls: 'c-time' },
  { key: 'status', label: 'panel_col_status', cls: 'c-status' },
  { key: 'meaning', label: 'panel_col_meaning', cls: 'c-meaning' },
  { key: 'method', label: 'panel_col_method', cls: 'c-method' },
  { key: 'url', label: 'panel_col_url', cls: 'c-url' },
  { key: 'duration', label: 'panel_col_duration', cls: 'c-duration' },
  { key: 'requestId', label: 'panel_col_request_id', cls: 'c-id' },
];

export interface FailureTableViewProps {
  rows: readonly ErrorRecord[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
}

/**
 * The virtualized failure table: only the rows in view (plus a margin) are in the DOM, so 10,000
 * records scroll like 50. When rows arrive above what the user looks at, the scroll offset moves
 * by the same amount, so the view and the selection stay put.
 */
export function FailureTableView({ rows, selectedId, onSelect, sort, dir, onSort }: FailureTableViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const anchor = useRef<{ id: string; index: number } | null>(null);
  const indexById = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);

  useLayoutEffect(() => {
    const el = scroller.current;
    const a = anchor.current;
    if (!el || !a) return;
    const newIndex = indexById.get(a.id) ?? -1;
    if (newIndex >= 0 && newIndex !== a.index && el.scrollTop > 0) {
      const top = anchoredScrollTop(el.scrollTop, a.index, newIndex, ROW_HEIGHT);
      el.scrollTop = top;
      setScrollTop(top);
    }
    anchor.current = rows[Math.floor(el.scrollTop / ROW_HEIGHT)]
      ? { id: rows[Math.floor(el.scrollTop / ROW_HEIGHT)]!.id, index: Math.floor(el.scrollTop / ROW_HEIGHT) }
      : null;
  }, [indexById]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const first = Math.floor(el.scrollTop / ROW_HEIGHT);
    const row = rows[first];
    anchor.current = row ? { id: row.id, index: first } : null;
    setScrollTop(el.scrollTop);
  };

  const moveSelection = (delta: number | 'home' | 'end') => {
    if (!rows.length) return;
    const current = selectedId !== null ? (indexById.get(selectedId) ?? -1) : -1;
    const page = Math.max(1, Math.floor((height || ROW_HEIGHT * 20) / ROW_HEIGHT) - 1);
    const next =
      delta === 'home'
        ? 0
        : delta === 'end'
          ? rows.length - 1
          : Math.min(rows.length - 1, Math.max(0, current + (Math.abs(delta) === 1 ? delta : Math.sign(delta) * page)));
    const row = rows[next];
    if (!row) return;
    onSelect(row.id);
    const el = scroller.current;
    if (el) {
      const top = next * ROW_HEIGHT;
      const viewport = el.clientHeight || ROW_HEIGHT * 20;
      // Keep the header (one row high, sticky) from covering the selected row.
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + 2 * ROW_HEIGHT > el.scrollTop + viewport) el.scrollTop = top + 2 * ROW_HEIGHT - viewport;
      onScroll();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, number | 'home' | 'end'> = { ArrowDown: 1, ArrowUp: -1, PageDown: 2, PageUp: -2, Home: 'home', End: 'end' };
    const delta = keys[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    moveSelection(delta);
  };

  const win = virtualWindow(rows.length, scrollTop, height, ROW_HEIGHT);
  return (
    <div class="table-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} onKeyDown={onKeyDown} aria-label={tn('panel_table_label', rows.length)}>
      <table class="failure-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} class={c.cls} aria-sort={sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" class="sort" onClick={() => onSort(c.key)}>
                  {t(c.label)}
                  {sort === c.key && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {win.padTop > 0 && <tr class="pad" style={{ height: `${win.padTop}px` }} aria-hidden="true" />}
          {rows.slice(win.start, win.end).map((r, k) => {
            const id = primaryRequestId(r.ids);
            return (
              <tr
                key={r.id}
                data-record-id={r.id}
                aria-rowindex={win.start + k + 2}
                aria-selected={r.id === selectedId}
                class={`failure-row cat-${r.category} grp-${recordGroup(r)}${r.id === selectedId ? ' selected' : ''}`}
                onClick={() => onSelect(r.id)}
              >
                <td class="c-time">{clockTime(r.time)}</td>
                <td class="c-status status">{statusLabel(r)}</td>
                <td class="c-meaning" title={t(r.meaning)}>
                  {t(r.meaning)}
                </td>
                <td class="c-method">{r.method}</td>
                <td class="c-url">
                  <PathText record={r} />
                </td>
                <td class="c-duration">{formatDuration(r.durationMs)}</td>
                <td class="c-id">{id ?? '–'}</td>
              </tr>
            );
          })}
          {win.padBottom > 0 && <tr class="pad" style={{ height: `${win.padBottom}px` }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
