import { errorText } from '../core/error-text';
/**
 * One request to see whether a host answers at all. Credentials are omitted so no cookie is
 * sent, and the body is never read: the status (or the failure) is all the probe needs.
 */
export interface ProbeAnswer {
  status: number | null;
  error: string | null;
  ms: number;
}

export async function probeUrl(url: string, timeoutMs: number, fetchFn: typeof fetch = fetch): Promise<ProbeAnswer> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetchFn(url, { cache: 'no-store', credentials: 'omit', redirect: 'manual', signal });
    // Drop the body unread; a streamed answer must not keep the connection busy.
    void response.body?.cancel().catch(() => undefined);
    // `redirect: 'manual'` gives an opaque redirect with status 0: still an answer from the host.
    status = response.status;
  } catch (thrown) {
    error = signal.aborted ? `timed out after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` : errorText(thrown).slice(0, 120);
  }
  return { status, error, ms: Math.round(performance.now() - started) };
}
