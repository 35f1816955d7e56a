import { ProbeHistorySchema } from '../core/probe-history';
import { storedKey } from './stored-key';

/** The opt-in reachability probes, oldest first (src/background/probe.ts appends; the options page shows them). */
export const PROBE = storedKey('probe', ProbeHistorySchema, []);
