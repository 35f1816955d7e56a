import type { Handlers } from '../platform/messaging';
import type { createAnswerFailures } from './answer-failures';
import type { LogStore } from './log-store';
import { monitorHandlers, type MonitorHandlerDeps } from './monitor-handlers';
import type { StatusCheck } from './status-check';

export interface HandlerDeps extends MonitorHandlerDeps {
  logStore: LogStore;
  statusCheck: StatusCheck;
  answerFailure: ReturnType<typeof createAnswerFailures>;
}

/**
 * One handler per request type, each a thin call into the module that does the work: the log's
 * and the status check's here, the monitor's (and saving settings) in monitor-handlers.ts. The
 * map type makes a missing handler a compile error.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { logStore, statusCheck } = deps;
  return {
    'log/clear': async () => ({ removed: await logStore.clear() }),
    'log/flush': async () => ({ records: (await logStore.current()).records.length }),
    'status/check': async ({ force }) => statusCheck.check({ force: force === true }),
    'answer/failure': (params, from) => deps.answerFailure(params, from),
    ...monitorHandlers(deps),
  };
}
