/** One line of the bench table, and of test-results/bench.json (which .ci/run reads). */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The figure must be at most this. */
  budget: number;
  pass: boolean;
  /** How it was measured, or why it was skipped; printed under the table. */
  note?: string;
}

export interface SkippedRow {
  name: string;
  reason: string;
}

export interface BenchResult {
  rows: BenchRow[];
  skipped?: SkippedRow[];
}

export interface Bench {
  name: string;
  /** Part of `--ci` (the whole CI set takes under a minute). */
  ci: boolean;
  run(options: { ci: boolean }): Promise<BenchResult>;
}

export function row(name: string, value: number, unit: string, budget: number, note?: string): BenchRow {
  const rounded = Math.round(value * 100) / 100;
  return { name, value: rounded, unit, budget, pass: Number.isFinite(value) && value <= budget, ...(note ? { note } : {}) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
