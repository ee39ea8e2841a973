import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { FullResult, Reporter, TestCase, TestError, TestResult } from "@playwright/test/reporter";
import { EXTENSION_DIR } from "../tests/e2e/paths";
import {
  type BenchFacts,
  type BenchRow,
  FACTS_ATTACHMENT,
  ROWS_ATTACHMENT,
  sections,
  verdict,
} from "./report";

const RESULTS_FILE = fileURLToPath(new URL("./results.json", import.meta.url));

/**
 * Prints a line per benchmark as it finishes and one table at the end, and writes the same
 * figures to bench/results.json. A missed budget is reported, not failed: only a benchmark that
 * could not measure fails the run.
 */
export default class BenchReporter implements Reporter {
  private rows: BenchRow[] = [];
  private facts: BenchFacts = {
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim(),
    extensionDir: EXTENSION_DIR,
    load: { start: loadavg()[0] ?? 0 },
  };
  private failures: string[] = [];

  printsToStdio() {
    return true;
  }

  onBegin() {
    console.log(`Benchmarking ${this.facts.extensionDir}`);
  }

  onStdOut(chunk: string | Buffer) {
    process.stdout.write(chunk);
  }

  onStdErr(chunk: string | Buffer) {
    process.stderr.write(chunk);
  }

  onTestEnd(test: TestCase, result: TestResult) {
    for (const attachment of result.attachments) {
      if (!attachment.body) continue;
      if (attachment.name === ROWS_ATTACHMENT)
        this.rows.push(...(JSON.parse(attachment.body.toString()) as BenchRow[]));
      if (attachment.name === FACTS_ATTACHMENT)
        this.facts = { ...this.facts, ...(JSON.parse(attachment.body.toString()) as Partial<BenchFacts>) };
    }
    const seconds = (result.duration / 1000).toFixed(1);
    if (result.status === "passed") {
      console.log(`✓ ${test.title} (${seconds} s)`);
      return;
    }
    console.log(`✗ ${test.title} (${result.status}, ${seconds} s)`);
    for (const error of result.errors) this.failures.push(`${test.title}: ${errorText(error)}`);
  }

  onError(error: TestError) {
    this.failures.push(errorText(error));
  }

  onEnd(result: FullResult) {
    const rows = [...this.rows].sort((a, b) => sections.indexOf(a.section) - sections.indexOf(b.section));
    this.facts.chromium ??= process.env.PREP_BENCH_CHROMIUM;
    this.facts.load = { start: this.facts.load?.start ?? 0, end: loadavg()[0] ?? 0 };
    const missed = rows.filter((r) => verdict(r) === "MISS").map((r) => `${r.section}: ${r.figure}`);
    const results = {
      facts: this.facts,
      status: result.status,
      rows: rows.map((r) => ({ ...r, result: verdict(r) || undefined })),
      missed,
      failures: this.failures,
    };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    for (const failure of this.failures) console.log(`\n${failure}`);
    const f = this.facts;
    const load = f.load ? ` · 1-min load ${f.load.start.toFixed(1)} → ${f.load.end?.toFixed(1)}` : "";
    console.log("");
    console.log(
      `node ${f.node} · ${f.chromium ?? "Chromium (version unknown)"} · ${f.cores} cores${f.cpu ? ` (${f.cpu})` : ""}${load}`,
    );
    console.log(`extension: ${f.extensionDir}${f.builtAt ? `, built ${f.builtAt}` : ""}`);
    console.log(table(rows));
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    console.log(
      [
        missed.length === 0 ? "Every budget met." : `${plural(missed.length, "budget")} missed.`,
        this.failures.length ? `${plural(this.failures.length, "benchmark")} could not measure.` : "",
        "Figures in bench/results.json.",
      ]
        .filter(Boolean)
        .join(" "),
    );
  }
}

function errorText(error: TestError): string {
  return (error.message ?? error.value ?? "unknown error").split("\n").slice(0, 6).join("\n");
}

function format(value: number | undefined, unit: BenchRow["unit"]): string {
  if (value === undefined) return "–";
  if (!Number.isFinite(value)) return "n/a";
  const digits = unit === "rows" ? 0 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toFixed(digits);
  return unit === "×" ? `${number}×` : unit === "rows" ? number : `${number} ${unit}`;
}

/** Long notes (a refusal's whole message) stay whole in results.json; the table gets their start. */
function shorten(note: string): string {
  return note.length > 56 ? `${note.slice(0, 55)}…` : note;
}

function table(rows: BenchRow[]): string {
  const header = ["figure", "n", "median", "p95", "budget", "result"];
  const body: (string[] | string)[] = [];
  for (const section of sections) {
    const inSection = rows.filter((r) => r.section === section);
    if (inSection.length === 0) continue;
    body.push(section);
    for (const r of inSection) {
      body.push([
        `  ${r.figure}${r.note ? ` (${shorten(r.note)})` : ""}`,
        String(r.n),
        format(r.median, r.unit),
        r.n > 1 && r.p95 !== undefined ? format(r.p95, r.unit) : "–",
        r.budget === undefined
          ? "report"
          : `≤ ${format(r.budget, r.unit)}${r.judged === "median" ? " median" : ""}`,
        verdict(r),
      ]);
    }
  }
  const cellsOf = body.filter((b): b is string[] => Array.isArray(b));
  const widths = header.map((h, i) => Math.max(h.length, ...cellsOf.map((cells) => (cells[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [rule, line(header), rule, ...body.map((b) => (Array.isArray(b) ? line(b) : b)), rule].join("\n");
}
