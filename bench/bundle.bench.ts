import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "@playwright/test";
import { EXTENSION_DIR } from "../tests/e2e/paths";
import { type BenchRow, report, reportFacts } from "./report";

const KB = 1000;
const CONTENT_SCRIPT_BUDGET = { raw: 30 * KB, gzip: 10 * KB };

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[] }[];
}

/** A module and every module it imports statically, as the browser would fetch before running it. */
function withStaticImports(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(EXTENSION_DIR, entry), "utf8");
  // Minified output: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`.
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    const spec = match[1];
    if (!spec) continue;
    const target = spec.startsWith("/") ? spec.slice(1) : posix.join(posix.dirname(entry), spec);
    if (existsSync(join(EXTENSION_DIR, target))) withStaticImports(target, seen);
  }
  return seen;
}

/** The scripts an HTML page loads before it runs: its module scripts, their imports and modulepreloads. */
function scriptsOfPage(page: string): Set<string> {
  const html = readFileSync(join(EXTENSION_DIR, page), "utf8");
  const scripts = new Set<string>();
  const refs = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g),
  ];
  for (const [, ref] of refs) {
    if (!ref) continue;
    const path = ref.startsWith("/") ? ref.slice(1) : posix.join(posix.dirname(page), ref);
    withStaticImports(path, scripts);
  }
  return scripts;
}

function sizes(files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(EXTENSION_DIR, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

test("bundle sizes", async () => {
  const testInfo = test.info();
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8")) as Manifest;
  const entries: { name: string; files: Set<string>; budget?: { raw: number; gzip: number } }[] = [];
  const background = manifest.background?.service_worker;
  if (background) entries.push({ name: background, files: withStaticImports(background) });
  for (const script of manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? []) {
    // Content scripts are classic scripts: one file each, nothing imported.
    entries.push({ name: script, files: new Set([script]), budget: CONTENT_SCRIPT_BUDGET });
  }
  for (const page of readdirSync(EXTENSION_DIR)
    .filter((f) => f.endsWith(".html"))
    .sort()) {
    entries.push({ name: page, files: scriptsOfPage(page) });
  }

  const rows: BenchRow[] = [];
  for (const entry of entries) {
    const { raw, gzip } = sizes(entry.files);
    const chunks = entry.files.size > 1 ? `${entry.files.size} chunks` : undefined;
    rows.push(
      {
        section: "bundle",
        figure: `${entry.name} raw`,
        unit: "kB",
        n: 1,
        median: raw / KB,
        judged: "value",
        ...(entry.budget ? { budget: entry.budget.raw / KB } : {}),
        ...(chunks ? { note: chunks } : {}),
      },
      {
        section: "bundle",
        figure: `${entry.name} gzip`,
        unit: "kB",
        n: 1,
        median: gzip / KB,
        judged: "value",
        ...(entry.budget ? { budget: entry.budget.gzip / KB } : {}),
      },
    );
  }
  await report(testInfo, rows);
  await reportFacts(testInfo, {
    builtAt: statSync(join(EXTENSION_DIR, "manifest.json"))
      .mtime.toISOString()
      .replace(/\.\d+Z$/, "Z"),
  });
});
