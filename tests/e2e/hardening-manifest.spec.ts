import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, type Frame, test } from "@playwright/test";
import { renderWeekPage } from "../fixtures/calendar/render";
import { expectPrepFor, fixtureEvents, openEvent, openWeek, SIDEBAR } from "./calendar";
import { test as withExtension } from "./extension";
import { ROOT } from "./paths";

/**
 * What the stores see: the built manifests and the Firefox package as addons-linter reads it.
 * It runs here rather than with the unit tests because it needs the build, which comes after them.
 */

const OUT = join(ROOT, process.env.PREP_OUT_DIR ?? ".output");
const CHROME = join(OUT, "chrome-mv3");
const FIREFOX = join(OUT, "firefox-mv2");
const CALENDAR = "https://calendar.google.com/*";

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | Record<string, string>;
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown;
};

function manifest(dir: string): Manifest {
  const file = join(dir, "manifest.json");
  if (!existsSync(file)) throw new Error(`No build at ${dir}; run "npm run build" first.`);
  return JSON.parse(readFileSync(file, "utf8"));
}

/**
 * Asked for only when the manager connects the Calendar API (identity and Google's API hosts, as
 * DESIGN allows), turns on reminders before a 1:1 (notifications) or automatic backups (downloads).
 */
const OPTIONAL = ["identity", "notifications", "downloads"];
const OPTIONAL_HOSTS = ["https://oauth2.googleapis.com/*", "https://www.googleapis.com/*"];

/** No source outside the package, and nothing that turns strings into code. */
function expectLocalOnlyCsp(csp: string | Record<string, string> | undefined) {
  // Absent means the browser's default, which allows only the package's own scripts.
  if (csp === undefined) return;
  const policies = typeof csp === "string" ? [csp] : Object.values(csp);
  for (const policy of policies) {
    expect(policy).not.toMatch(/https?:|wss?:|\*|data:|blob:|'unsafe-eval'|'unsafe-inline'|'strict-dynamic'/);
  }
}

function expectPermissionsFromDesign(m: Manifest, optionalPermissions = OPTIONAL) {
  // Manifest V2 has no optional_host_permissions; the hosts are optional permissions there.
  const optional = [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])].sort();
  expect(optional).toEqual([...optionalPermissions, ...OPTIONAL_HOSTS].sort());
  expect(m).not.toHaveProperty("externally_connectable");
  expect(m.content_scripts?.flatMap((c) => c.matches)).toEqual([CALENDAR]);
}

/** Every page loads only the package's own scripts. */
function expectOwnScriptsOnly(dir: string) {
  for (const page of readdirSync(dir).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(join(dir, page), "utf8");
    const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length, page).toBeGreaterThan(0);
    for (const source of sources) expect(source, page).toMatch(/^\/(?!\/)/);
  }
}

test("the Chrome manifest asks for storage, alarms and Google Calendar only, and loads no remote code", () => {
  const m = manifest(CHROME);
  expect(m.manifest_version).toBe(3);
  expect([...(m.permissions ?? [])].sort()).toEqual(["alarms", "offscreen", "storage", "unlimitedStorage"]);
  expect(m.host_permissions).toEqual([CALENDAR]);
  expectPermissionsFromDesign(m);
  expect(m.web_accessible_resources).toEqual([
    { resources: ["sidebar.html", "detector.html"], matches: [CALENDAR] },
  ]);
  expectLocalOnlyCsp(m.content_security_policy);
  expectOwnScriptsOnly(CHROME);
});

test("the Firefox manifest asks for the same (and identity), declares that it collects nothing, and loads no remote code", () => {
  const m = manifest(FIREFOX);
  expect(m.manifest_version).toBe(2);
  // Manifest V2 keeps host access among the permissions.
  // Firefox refuses `identity` as an optional permission (and prompts for it at no time).
  expect([...(m.permissions ?? [])].sort()).toEqual(
    [CALENDAR, "alarms", "identity", "storage", "unlimitedStorage"].sort(),
  );
  expect(m).not.toHaveProperty("host_permissions");
  expectPermissionsFromDesign(m, ["notifications", "downloads"]);
  expect(m.web_accessible_resources).toEqual(["sidebar.html", "detector.html"]);
  expect(m.browser_specific_settings).toMatchObject({
    gecko: { id: expect.any(String), data_collection_permissions: { required: ["none"] } },
  });
  expectLocalOnlyCsp(m.content_security_policy);
  expectOwnScriptsOnly(FIREFOX);
});

interface LinterMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

test("addons-linter finds no errors, warnings or notices in the Firefox package", async () => {
  manifest(FIREFOX);
  const linter = join(ROOT, "node_modules", ".bin", "addons-linter");
  // The linter exits non-zero when it finds errors; its report is on stdout either way.
  const { stdout } = await promisify(execFile)(linter, ["--output", "json", FIREFOX], {
    maxBuffer: 32 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const report = JSON.parse(stdout) as {
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  };
  const listed = (messages: LinterMessage[]) =>
    messages.map((m) => `${m.code} ${m.file ?? "?"}:${m.line ?? "?"}: ${m.message}`);
  expect(listed(report.errors)).toEqual([]);
  // zod's eval probe and Preact's dangerouslySetInnerHTML are replaced at build time
  // (build/store-safe-vendor-code.ts), so nothing is left for a reviewer to ask about.
  expect(listed(report.warnings)).toEqual([]);
  expect(listed(report.notices)).toEqual([]);
});

withExtension(
  "extension pages run under their CSP without a single violation (no eval, no inline code)",
  async ({ context, openExtensionPage, serveCalendar }) => {
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    const violations = (target: { evaluate: Frame["evaluate"] }) =>
      target.evaluate(() => (window as unknown as { __csp?: string[] }).__csp);

    const popup = await openExtensionPage("popup.html");
    await popup.getByRole("combobox", { name: "Who is it for?" }).waitFor();
    const options = await openExtensionPage("options.html");
    await options.getByRole("heading", { name: "People" }).waitFor();
    await serveCalendar(renderWeekPage());
    const page = await openWeek(await context.newPage());
    await openEvent(page, fixtureEvents.priyaWeekly1);
    await expectPrepFor(page, "Priya Raman");
    const frame = await (await page.locator(`${SIDEBAR} iframe`).elementHandle())?.contentFrame();
    if (!frame) throw new Error("The sidebar has no frame.");

    expect(await violations(popup)).toEqual([]);
    expect(await violations(options)).toEqual([]);
    expect(await violations(frame)).toEqual([]);
  },
);
