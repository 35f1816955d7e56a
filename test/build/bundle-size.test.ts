import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../bench/bundle-size';

/**
 * Size budgets are deterministic, so they fail CI (times are noisy and only printed by
 * `npm run bench`). Runs after `npm run build` in `npm test`; reads the built extensions.
 */
describe.each(['dist/chrome', 'dist/firefox'])('bundle sizes of %s', (dist) => {
  const sizes = bundleSizes(dist);

  it.each(sizes.map((s) => [s.name, s] as const))('%s is within its budget', (_name, size) => {
    expect(size.files.length, 'the measure found the files').toBeGreaterThan(0);
    expect(size.bytes, `${size.files.join(', ')}: ${(size.bytes / 1024).toFixed(1)} KB gzip, budget ${(size.budget / 1024).toFixed(0)} KB`).toBeLessThanOrEqual(
      size.budget,
    );
  });

  it('counts what a page loads at open and not what it loads on a click', () => {
    const popup = sizes.find((s) => s.name.startsWith('popup'))!;
    expect(popup.files.some((f) => f.endsWith('.js')) && popup.files.some((f) => f.endsWith('.css'))).toBe(true);
    expect(popup.later.length).toBeGreaterThan(0);
  });
});
