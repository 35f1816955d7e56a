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
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`timed out after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`)),
    timeoutMs,
  );
  try {
    const response = await fetchFn(url, { method: 'GET', cache: 'no-store', credentials: 'omit', redirect: 'manual', signal: controller.signal });
    // Drop the body unread; a streamed answer must not keep the connection busy.
    void response.body?.cancel().catch(() => undefined);
    // `redirect: 'manual'` gives an opaque redirect with status 0: still an answer from the host.
    return { status: response.status, error: null, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = controller.signal.aborted ? controller.signal.reason : error;
    const message = reason instanceof Error ? reason.message : String(reason);
    return { status: null, error: message.slice(0, 120), ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}
