// Small numeric helpers shared by the benchmark's processes.

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length),
  };
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Megabytes as the goals state them: 10^6 bytes. */
export const MB = 1e6;

/** Resident set size now, in MB (after a full collection when the process runs with --expose-gc). */
export function rssMB(collect = true): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) {
    gc();
    gc();
  }
  return process.memoryUsage().rss / MB;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMB(): number {
  return (process.resourceUsage().maxRSS * 1024) / MB;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
