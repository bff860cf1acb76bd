// Timing helpers for the benchmarks: repeated runs with percentiles, and plain-text tables.
import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns p50/p95 in milliseconds. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), runs };
}

/** Synchronous throughput of `fn`, in operations per second. */
export function opsPerSecond(runs: number, fn: () => unknown): number {
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) fn();
  return runs / ((performance.now() - start) / 1000);
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** A left-aligned plain-text table (first row is the header). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}
