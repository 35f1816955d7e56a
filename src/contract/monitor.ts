import { EMPTY_MONITOR_STATE, MonitorStateSchema } from '../core/monitor-schedule';
import { storedKey } from './stored-key';

/** The status monitor's schedule and backoff (src/background/status-monitor.ts writes it; the options page shows it). */
export const MONITOR = storedKey('monitor', MonitorStateSchema, EMPTY_MONITOR_STATE);
