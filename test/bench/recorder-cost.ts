import { buildRecord, type RequestEvent } from '../../src/core/error-record';
import { createRecorder } from '../../src/background/recorder';
import { BUDGETS } from './budgets';
import { nsPerCall } from './timing';
import { BASE_TIME, failureEvent, requestPair } from './request-events';
import { row, type Bench, type BenchResult } from './types';

/**
 * The background's cost per request. An event's unavoidable cost is the browser handing the
 * listener its details: Chrome's bindings turn the IPC message into a fresh JS object, which we
 * model as JSON.parse of the details (a lower bound of the real handover, so the ratio is an
 * upper bound). The empty listener pays exactly that; the recorder pays that plus its own work.
 */
const POOL = 4096;

export const recorderCost: Bench = {
  name: 'background per-event cost',
  ci: true,
  async run(): Promise<BenchResult> {
    const pairs = Array.from({ length: POOL }, (_, i) => requestPair(i, i % 7 ? 200 : 204));
    let sink = 0;
    const empty = { onStart: (_id: string, _t: number) => {}, onFinish: (_d: unknown) => {} };
    const emptyListener = (d: { requestId: string; timeStamp: number }) => empty.onStart(d.requestId, d.timeStamp);
    const emptyFinish = (d: RequestEvent) => empty.onFinish(d);
    const recorder = createRecorder({ onFailure: () => sink++ });
    const startListener = (d: { requestId: string; timeStamp: number }) => recorder.onStart(d.requestId, d.timeStamp);
    const finishListener = (d: RequestEvent) => recorder.onFinish(d);

    // Both sides parse the same strings; keep a reference to the parsed object so neither side's
    // handover can be optimised away.
    let last: unknown;
    const dispatch = (onStart: typeof startListener, onFinish: typeof finishListener) => (i: number) => {
      const [start, finish] = pairs[i % POOL]!;
      const s = JSON.parse(start) as { requestId: string; timeStamp: number };
      onStart(s);
      const f = JSON.parse(finish) as RequestEvent;
      onFinish(f);
      last = f;
    };
    const emptyNs: number[] = [];
    const recorderNs: number[] = [];
    // Interleaved, so drift in CPU speed (other processes on a shared machine) hits both alike.
    for (let round = 0; round < 3; round++) {
      emptyNs.push(nsPerCall(dispatch(emptyListener, emptyFinish), { iterations: 20_000, rounds: 5 }));
      recorderNs.push(nsPerCall(dispatch(startListener, finishListener), { iterations: 20_000, rounds: 5 }));
    }
    const emptyMin = Math.min(...emptyNs);
    const recorderMin = Math.min(...recorderNs);

    const failures = Array.from({ length: POOL }, (_, i) => failureEvent(i));
    const buildNs = nsPerCall((i) => {
      const record = buildRecord(failures[i % POOL]!, BASE_TIME);
      if (record) sink += record.path.length;
    });
    if (sink < 0 || !last) throw new Error('unreachable: keeps the results alive');

    const note = `per request (onBeforeRequest + onCompleted): empty listener ${emptyMin.toFixed(0)} ns, recorder ${recorderMin.toFixed(0)} ns; the handover is modelled as JSON.parse of the details`;
    return {
      rows: [
        row('success event cost vs empty listener', recorderMin / emptyMin, 'x', BUDGETS.successEventRatio, note),
        row('success event: recorder extra', Math.max(0, recorderMin - emptyMin), 'ns', BUDGETS.successEventExtraNs),
        row('failure: build the record', buildNs / 1000, 'µs', BUDGETS.buildRecordUs, '500/502/503/429 with headers and network errors, query dropped'),
      ],
    };
  },
};
