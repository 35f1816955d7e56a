/*
 * The caps of a window tally (window-tally.ts), apart from its code: the stored log summary's
 * schema checks them (src/contract/log-summary.ts), and the popup, which reads that summary at
 * open, loads the tally's code only with the verdict's chunk.
 */

/** Enough check times to find three within 10 minutes in any window. */
export const MAX_CHECKS = 20;
/**
 * Distinct endpoints a tally names, at most. The diagnosis asks only whether one, two or three and
 * more differ, and a storm of distinct paths (ids the mask does not know) would otherwise make
 * every tally of the window quadratic in the log and the summary the log store writes with each
 * write tens of KB: the load test (test/e2e/load.test.ts), whose 5,000 paths all differ, lost
 * failures at the worker stops from that alone.
 */
export const MAX_ENDPOINTS = 100;
