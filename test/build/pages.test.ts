import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../src/contract/pages';

/**
 * Every page the code opens or links (src/contract/pages.ts) is in each build at that path: the
 * manifest's pages through crxjs, the others as vite.config.ts's inputs. Runs after `npm run build`.
 */
describe.each(['dist/chrome', 'dist/firefox'])('the pages of %s', (dist) => {
  it.each(Object.entries(PAGES))('%s is built at %s', (_name, path) => {
    expect(existsSync(join(dist, path))).toBe(true);
  });
});
