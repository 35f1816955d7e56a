import { vi } from 'vitest';

/**
 * vitest's waitUntil, polling `check` until it is truthy (UI tests: preact renders and storage
 * events are async), with the test's own words when it times out. At most 5 s: a fix's code is
 * imported on the click, which the test runner compiles on first use, slowly when the 2-core
 * machine is busy with a browser.
 */
export async function until<T>(check: () => T, what: string, context: () => string = () => ''): Promise<NonNullable<T>> {
  try {
    return (await vi.waitUntil(check, { timeout: 5000, interval: 5 })) as NonNullable<T>;
  } catch (error) {
    if (error instanceof Error && error.message === 'Timed out in waitUntil!') throw new Error(`timed out waiting for ${what} ${context()}`.trim());
    throw error;
  }
}
