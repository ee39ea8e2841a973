import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const TABLES =
  "people|meetings|agendaItems|actionItems|feedback|growthPlans|questionsAsked|calendarEvents|unsavedEdits";

/**
 * What only lib/db may do: import Dexie, or reach into the database's tables and connection.
 * Everything else calls lib/db's functions, so its rules (one email rule, a meeting never changing
 * person, edits merged rather than dropped) can't be bypassed.
 */
const rules: [string, RegExp][] = [
  ["imports Dexie", /from\s+["']dexie["']/],
  [
    "reaches into a table",
    new RegExp(`\\b(?:db|database|prepDatabase\\(\\)|\\w+Db)\\s*\\.\\s*(?:${TABLES})\\b`),
  ],
  [
    "uses the connection itself",
    /\b(?:db|database|prepDatabase\(\)|\w+Db)\s*\.\s*(?:table|tables|transaction|backendDB|verno|open|close|delete)\b/,
  ],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function violations(text: string): string[] {
  return rules.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}

describe("the database is reached only through lib/db", () => {
  it("catches each way around it (so the check can fail)", () => {
    expect(violations('import { Dexie } from "dexie";')).toEqual(["imports Dexie"]);
    expect(violations("await db.meetings.put(row)")).toEqual(["reaches into a table"]);
    expect(violations("prepDatabase().people.get(id)")).toEqual(["reaches into a table"]);
    expect(violations('db.table("meetings").clear()')).toEqual(["uses the connection itself"]);
    expect(violations("await saveText(prepDatabase(), target, edit)")).toEqual([]);
  });

  it("holds for every file of the extension outside lib/db", () => {
    const files = ["entrypoints", "components", "lib"]
      .flatMap((dir) => sources(join(ROOT, dir)))
      .filter((path) => !relative(ROOT, path).startsWith(join("lib", "db")));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((path) =>
      violations(readFileSync(path, "utf8")).map((what) => `${relative(ROOT, path)} ${what}`),
    );
    expect(found).toEqual([]);
  });
});
