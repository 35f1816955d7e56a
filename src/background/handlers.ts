import type { Handlers } from '../platform/messaging';
import type { LogStore } from './log-store';
import { monitorHandlers, type MonitorHandlerDeps } from './monitor-handlers';
import type { StatusCheck } from './status-check';

export interface HandlerDeps extends MonitorHandlerDeps {
  logStore: LogStore;
  statusCheck: StatusCheck;
}

/**
 * One handler per request type, each a thin call into the module that does the work. Each
 * feature contributes its handlers as a group (see `logHandlers`); the map type makes a
 * missing handler a compile error.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...logHandlers(deps),
    ...statusHandlers(deps),
    ...monitorHandlers(deps),
  };
}

function logHandlers({ logStore }: HandlerDeps) {
  return {
    'log/clear': async () => ({ removed: await logStore.clear() }),
    'log/flush': async () => ({ records: (await logStore.current()).records.length }),
  } satisfies Partial<Handlers>;
}

function statusHandlers({ statusCheck }: HandlerDeps) {
  return {
    'status/check': async ({ force }) => statusCheck.check({ force: force === true }),
  } satisfies Partial<Handlers>;
}
