import { maskIds, redactText, stripQueryValues } from './redact';

export interface ReportRedactOptions {
  /** Support may ask for conversation ids; they stay masked unless the user keeps them. */
  keepConversationIds: boolean;
}

/**
 * The report's last line of defence, applied to every string that goes into it, on top of what
 * the recorder already masked (records are redacted when stored; status texts, extension names
 * and browser strings are not). Request ids (cf-ray, UUID x-request-id) match none of these.
 */
const EXTRA_MASKS: ReadonlyArray<readonly [RegExp, string]> = [
  // An email cut short by a length limit ("jane@exa") no longer looks like an email to the main rule.
  [/[\w.+-]+(?:@|%40)[\w.-]*/gi, '[email]'],
];

/** Query strings inside free text: names kept, values removed (`?a=1&b=2` → `?a=&b=`). */
function stripEmbeddedQueries(text: string): string {
  return text.replace(/\?[^\s#"'<>]*/g, (query) => stripQueryValues(query) || '?');
}

/** Masks user/org/project ids always; they identify a person, and support never needs them. */
export function maskUserIds(text: string): string {
  return text.replace(/\b(user|org|proj|acct|account)-[A-Za-z0-9_]{6,}\b/g, '$1-[id]');
}

/** Free text (status lines, errors, status-page texts, extension names, browser strings). */
export function reportRedact(text: string, options: ReportRedactOptions): string {
  // Secrets first: stripping queries rewrites `?Bearer x` into `?Bearer=`, hiding the scheme word.
  let out = stripEmbeddedQueries(redactText(String(text)));
  for (const [pattern, replacement] of EXTRA_MASKS) out = out.replace(pattern, replacement);
  out = maskUserIds(out);
  return options.keepConversationIds ? out : maskIds(out);
}

/**
 * A request id for support. Request ids are UUID-shaped like conversation ids, so id masking is
 * off here; every secret rule still applies, so a header stuffed with a secret cannot slip through.
 */
export function reportRequestId(id: string): string {
  return reportRedact(id, { keepConversationIds: true });
}
