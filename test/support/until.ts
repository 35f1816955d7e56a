/** Polls `check` until it is truthy (UI tests: preact renders and storage events are async), bounded. */
export async function until<T>(check: () => T, what: string, context: () => string = () => ''): Promise<NonNullable<T>> {
  for (let i = 0; i < 300; i++) {
    const value = check();
    if (value) return value as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what} ${context()}`.trim());
}
