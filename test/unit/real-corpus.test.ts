import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file of the reality corpus has its source in the README and a replay in real browsers. */
describe('reality corpus', () => {
  const dir = 'test/fixtures/real';
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.json')), ...readdirSync(`${dir}/status`).map((f) => `status/${f}`)];
  const readme = readFileSync(`${dir}/README.md`, 'utf8');
  // Replays live in test/support (written once for both browsers) or test/e2e.
  const sources = (root: string): string[] =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, f));
  const replays = [...sources('test/support'), ...sources('test/e2e')]
    .filter((f) => !f.endsWith('real-corpus.ts'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it.each(files)('%s is sourced in the README and replayed', (file) => {
    expect(readme).toContain(`\`${file}\``);
    expect(replays).toContain(`${file.replace(/^status\//, '')}'`);
  });
});
