import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { PrepDatabase } from "@/lib/db";
import { exportAll, importBackup, parseBackup } from "@/lib/export";

/** The rows of a database fixture as a backup of that time would have carried them. */
function backupOfFixture(version: number, backupFormat: 1 | 2) {
  const url = new URL(`../../fixtures/db/v${version}.json`, import.meta.url);
  const { tables } = JSON.parse(readFileSync(url, "utf8")) as {
    tables: Record<string, Record<string, unknown>[]>;
  };
  const data = Object.fromEntries(
    ["people", "meetings", "agendaItems", "actionItems", "feedback", "growthPlans", "questionsAsked"].map(
      (t) => [t, (tables[t] ?? []).map(({ open: _derived, ...row }) => row)],
    ),
  );
  return {
    format: "one-on-one-prep-backup",
    version: backupFormat,
    exportedAt: "2026-11-25T16:00:00.000Z",
    schemaVersion: version,
    data,
    ...(backupFormat === 2 ? { settings: { badgeScope: "mine", defaultCadenceDays: 14 } } : {}),
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

let db: PrepDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe.each([
  [1, 1],
  [2, 1],
  [3, 2],
] as const)("a backup of a schema %i database in format %i", (version, format) => {
  it("imports into an empty database and exports again with every row as it was", async () => {
    const file = backupOfFixture(version, format);
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    db = new PrepDatabase(`older-${version}-${format}`);
    await importBackup(db, parsed.doc, {}, Date.UTC(2026, 11, 3));
    const again = await exportAll(db, Date.UTC(2026, 11, 3));
    for (const [table, rows] of Object.entries(file.data)) {
      expect(again.data[table as keyof typeof again.data], table).toEqual(
        [...(rows as { id: string }[])].sort(byId),
      );
    }
    if (format === 2) expect(again.settings).toEqual(file.settings);
  });
});
