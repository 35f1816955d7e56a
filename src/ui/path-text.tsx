import type { ErrorRecord } from '../core/error-record';

/** The path as rows show it: the host only when it is not chatgpt.com, the usual one. */
export function shownPath(record: Pick<ErrorRecord, 'host' | 'path'>): string {
  return record.host === 'chatgpt.com' ? record.path : `${record.host}${record.path}`;
}

/** Splits before the last segment ("/a/b/" keeps "b/" whole), the part a narrow row keeps. */
export function splitPath(path: string): [head: string, tail: string] {
  if (path.length < 2) return ['', path];
  const cut = path.lastIndexOf('/', path.endsWith('/') ? path.length - 2 : path.length - 1);
  return cut < 0 ? ['', path] : [path.slice(0, cut + 1), path.slice(cut + 1)];
}

/**
 * A path shortened in the middle: the head gives way (an ellipsis) and the last segment stays,
 * since that is what tells `/conversation` from `/conversation/prepare`. CSS only (path-text in
 * theme.css), so it follows any column width without measuring.
 */
export function PathText({ record }: { record: Pick<ErrorRecord, 'host' | 'path'> }) {
  const [head, tail] = splitPath(shownPath(record));
  return (
    <span class="path-text" title={`${record.host}${record.path}`}>
      <span class="path-head">{head}</span>
      <span class="path-tail">{tail}</span>
    </span>
  );
}
