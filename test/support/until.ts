/**
 * Polls `check` until it is truthy (UI tests: preact renders and storage events are async), for
 * at most 5 s: a fix's code is imported on the click, which the test runner compiles on first
 * use, slowly when the 2-core machine is busy with a browser.
 */
export async function until<T>(check: () => T, what: string, context: () => string = () => ''): Promise<NonNullable<T>> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${context()}`.trim());
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
