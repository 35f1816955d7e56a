import { boolean, number, object, optional, picklist, string, type InferOutput } from 'valibot';
import { AlertStateSchema, EMPTY_ALERT_STATE } from '../core/alert-rules';
import { validItems } from '../core/valid-items';
import { storedKey } from './stored-key';

/** The alert rules' memory, so a stopped worker does not forget a run of failures (src/background/alerts.ts). */
export const ALERT_STATE = storedKey('alertState', AlertStateSchema, EMPTY_ALERT_STATE);

/** One notification shown (or refused), as the options page lists it. */
const AlertRecordSchema = object({
  id: string(),
  kind: picklist(['failures', 'incident', 'recovery']),
  time: number(),
  title: string(),
  message: string(),
  /** The extension page a click opens. */
  target: string(),
  /** False when the notifications API refused (then `error` says why). */
  shown: boolean(),
  error: optional(string()),
});
export type AlertRecord = InferOutput<typeof AlertRecordSchema>;

export const MAX_ALERT_HISTORY = 50;

/** The notifications shown, newest last: the options page lists them and tests read them. */
export const ALERT_HISTORY = storedKey('alerts', validItems(AlertRecordSchema, MAX_ALERT_HISTORY), []);
