/**
 * `npm run bench`: runs every benchmark and prints one table (figure, value, budget, pass/fail);
 * exits non-zero when a budget is broken. `--ci` runs the quick set (under a minute in all);
 * `--json <file>` also writes `{ rows: [{ name, value, unit, budget, pass }] }` for .ci/run.
 * Each benchmark is its own module; this file only orchestrates.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { answerObserver } from './answer-observer';
import { bundleSize } from './bundle-size';
import { logStoreWrites } from './log-store-writes';
import { panelRender } from './panel-render';
import { popupReady } from './popup-ready';
import { recorderCost } from './recorder-cost';
import type { Bench, BenchRow, SkippedRow } from './types';

const BENCHES: Bench[] = [bundleSize, recorderCost, logStoreWrites, panelRender, popupReady, answerObserver];

function parseArgs(argv: string[]): { ci: boolean; json: string | null; only: string | null } {
  const ci = argv.includes('--ci');
  const jsonAt = argv.indexOf('--json');
  const json = jsonAt >= 0 ? (argv[jsonAt + 1] ?? null) : null;
  if (jsonAt >= 0 && !json) throw new Error('--json needs a file name');
  const onlyAt = argv.indexOf('--only');
  return { ci, json, only: onlyAt >= 0 ? (argv[onlyAt + 1] ?? null) : null };
}

function format(value: number, unit: string): string {
  if (unit === 'B') return `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'x') return `${value.toFixed(2)}x`;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;
}

function printTable(rows: BenchRow[], skipped: SkippedRow[]): void {
  const lines = rows.map((r) => [r.name, format(r.value, r.unit), `<= ${format(r.budget, r.unit)}`, r.pass ? 'pass' : 'FAIL']);
  for (const s of skipped) lines.push([s.name, '-', '-', 'skipped']);
  const header = ['figure', 'value', 'budget', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  const notes = [...rows.filter((r) => r.note).map((r) => `${r.name}: ${r.note}`), ...skipped.map((s) => `${s.name}: ${s.reason}`)];
  if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const rows: BenchRow[] = [];
  const skipped: SkippedRow[] = [];
  const started = Date.now();
  for (const bench of BENCHES) {
    if (args.ci && !bench.ci) continue;
    if (args.only && !bench.name.includes(args.only)) continue;
    process.stderr.write(`bench: ${bench.name}...\n`);
    try {
      const result = await bench.run({ ci: args.ci });
      rows.push(...result.rows);
      skipped.push(...(result.skipped ?? []));
    } catch (error) {
      // A benchmark that cannot run is a failure, not a silent gap in the table.
      rows.push({
        name: `${bench.name} (could not run)`,
        value: Number.NaN,
        unit: '',
        budget: 0,
        pass: false,
        note: String(error instanceof Error ? error.message : error),
      });
    }
  }
  printTable(rows, skipped);
  const failed = rows.filter((r) => !r.pass).length;
  console.log(
    `\n${rows.length - failed} within budget, ${failed} over budget${skipped.length ? `, ${skipped.length} skipped` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (args.json) {
    mkdirSync(dirname(args.json), { recursive: true });
    writeFileSync(args.json, `${JSON.stringify({ rows, skipped }, null, 2)}\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
