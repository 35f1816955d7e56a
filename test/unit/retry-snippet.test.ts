import { describe, expect, it } from 'vitest';
import { RETRY_SNIPPET } from '../../src/pages/retry-snippet';

type Send = (signal: AbortSignal) => Promise<{ status: number; headers: { get(name: string): string | null } }>;
// The snippet is shown to developers to copy: run it, so what they copy works as described.
const withRetries = new Function(`${RETRY_SNIPPET.replace(/\/\/ Usage:.*$/m, '')}\nreturn withRetries;`)() as (
  send: Send,
  options?: { tries?: number; baseMs?: number; maxMs?: number; timeoutMs?: number },
) => Promise<{ status: number }>;

const answer = (status: number, retryAfter: string | null = null) => ({ status, headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : null) } });

describe('the retry snippet', () => {
  it('retries 429 and 5xx, then returns the success', async () => {
    const statuses = [503, 429, 502, 200];
    let calls = 0;
    const res = await withRetries(async () => answer(statuses[calls++]!), { baseMs: 1 });
    expect(res.status).toBe(200);
    expect(calls).toBe(4);
  });

  it('does not retry other 4xx', async () => {
    let calls = 0;
    expect((await withRetries(async () => (calls++, answer(400)), { baseMs: 1 })).status).toBe(400);
    expect(calls).toBe(1);
  });

  it('gives up after `tries`, returning the last answer or throwing the last error', async () => {
    let calls = 0;
    expect((await withRetries(async () => (calls++, answer(500)), { tries: 3, baseMs: 1 })).status).toBe(500);
    expect(calls).toBe(3);
    await expect(withRetries(async () => Promise.reject(new Error('network down')), { tries: 2, baseMs: 1 })).rejects.toThrow('network down');
  });

  it('waits what retry-after says', async () => {
    const statuses = [answer(429, '1'), answer(200)];
    const started = Date.now();
    await withRetries(async () => statuses.shift()!, { baseMs: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('passes a timeout signal to every attempt', async () => {
    const signals: AbortSignal[] = [];
    await withRetries(async (signal) => (signals.push(signal), answer(200)), { timeoutMs: 1234 });
    expect(signals[0]).toBeInstanceOf(AbortSignal);
  });
});
