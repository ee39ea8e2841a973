import type { TestInfo } from "@playwright/test";

/** The sections of the printed table, in the order they are printed. */
export const sections = ["bundle", "injection", "page overhead", "data scale", "sync"] as const;
export type Section = (typeof sections)[number];

export interface BenchRow {
  section: Section;
  figure: string;
  unit: "ms" | "kB" | "MB" | "×" | "rows";
  /** how many samples the median and p95 come from; 1 for a single measurement */
  n: number;
  median: number;
  p95?: number;
  /** upper bound, in `unit`, that the p95 (or the single value) must not exceed */
  budget?: number;
  /** what is judged against the budget when it is not the p95 */
  judged?: "median" | "value";
  note?: string;
}

export interface BenchFacts {
  node: string;
  chromium?: string;
  cores: number;
  cpu?: string;
  extensionDir: string;
  /** 1-minute load average when the run started and ended: timings on a busy machine run long */
  load?: { start: number; end?: number };
  builtAt?: string;
}

export const ROWS_ATTACHMENT = "bench-rows";
export const FACTS_ATTACHMENT = "bench-facts";

/** Nearest-rank percentile: an actual sample, never an interpolation between two. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

export function summary(samples: readonly number[]): { n: number; median: number; p95: number } {
  return { n: samples.length, median: percentile(samples, 50), p95: percentile(samples, 95) };
}

export function judgedValue(row: BenchRow): number {
  if (row.judged === "median" || row.judged === "value" || row.p95 === undefined) return row.median;
  return row.p95;
}

export function verdict(row: BenchRow): "pass" | "MISS" | "" {
  if (row.budget === undefined) return "";
  const value = judgedValue(row);
  return Number.isFinite(value) && value <= row.budget ? "pass" : "MISS";
}

/**
 * Rows travel to the reporter as attachments rather than shared state, so a test that fails
 * still reports what it measured before failing, and no test depends on another's module.
 */
export async function report(testInfo: TestInfo, rows: BenchRow[]) {
  await testInfo.attach(ROWS_ATTACHMENT, { body: JSON.stringify(rows), contentType: "application/json" });
}

export async function reportFacts(testInfo: TestInfo, facts: Partial<BenchFacts>) {
  await testInfo.attach(FACTS_ATTACHMENT, { body: JSON.stringify(facts), contentType: "application/json" });
}

/** One progress line on the terminal while the bench runs; the table comes at the end. */
export function progress(message: string) {
  console.log(`  … ${message}`);
}
