/**
 * The example shown in the "timeouts and retries" step. Code, not prose, so it is not translated;
 * kept short enough to read in the page and to copy whole.
 */
export const RETRY_SNIPPET = `// Retry 429, 5xx and network errors with exponential backoff and full jitter.
async function withRetries(send, { tries = 5, baseMs = 500, maxMs = 30_000, timeoutMs = 60_000 } = {}) {
  for (let attempt = 0; ; attempt++) {
    let res;
    try {
      res = await send(AbortSignal.timeout(timeoutMs));
      if (res.status !== 429 && res.status < 500) return res;
    } catch (err) {
      if (attempt + 1 >= tries) throw err; // timeout or network error
    }
    if (attempt + 1 >= tries) return res;
    const retryAfter = Number(res?.headers.get('retry-after'));
    const backoff = Math.min(maxMs, baseMs * 2 ** attempt);
    const waitMs = retryAfter > 0 ? retryAfter * 1000 : Math.random() * backoff;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

// Usage: await withRetries((signal) => fetch(url, { ...init, signal }));`;
