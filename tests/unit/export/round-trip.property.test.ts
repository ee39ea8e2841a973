import fc from "fast-check";
import { expect, it } from "vitest";
import { browser } from "wxt/browser";
import { PrepDatabase } from "@/lib/db";
import {
  backupTables,
  exportAll,
  exportBackupText,
  importBackup,
  parseBackup,
  personToMarkdown,
  previewImport,
  serializeBackup,
} from "@/lib/export";
import { readBackupSettings } from "@/lib/settings";
import { databaseArb, EXPORTED_AT, settingsArb } from "./arbitraries";
import { writeRows } from "./sample";

/** Each run builds, exports and imports two databases; 200 runs take a few seconds. */
const ROUND_TRIP_RUNS = 200;
const NOW = EXPORTED_AT;

let n = 0;
const database = () => new PrepDatabase(`round-trip-${++n}`);

/** A backslash count that is even leaves the character after it unescaped. */
function hasUnescaped(markdown: string, char: string): boolean {
  return new RegExp(`(^|[^\\\\])(\\\\\\\\)*\\${char}`, "m").test(markdown);
}

it(`export, then import into an empty database, then export gives the same backup (${ROUND_TRIP_RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(databaseArb, settingsArb, async (rows, settings) => {
      const source = database();
      const target = database();
      try {
        await browser.storage.local.clear();
        await browser.storage.local.set(settings);
        await writeRows(source, rows);
        const first = await exportAll(source, NOW);
        const text = serializeBackup(first);
        // What the options page writes, in one pass.
        expect(await exportBackupText(source, NOW)).toBe(text);
        const parsed = parseBackup(text);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.doc).toEqual(first);

        // Another browser: none of the settings are set there yet.
        await browser.storage.local.clear();
        const applied = await importBackup(target, parsed.doc);
        expect(await readBackupSettings()).toEqual(settings);
        const second = await exportAll(target, NOW);
        expect(serializeBackup(second)).toBe(text);
        expect(second).toEqual(first);
        // Stored rows too, derived `open` flags included.
        for (const table of backupTables) {
          expect(await target.table(table).toArray(), table).toEqual(await source.table(table).toArray());
        }

        const again = await previewImport(target, parsed.doc);
        for (const table of backupTables) {
          const total = rows[table].length;
          expect(applied.counts[table], table).toEqual({ added: total, updated: 0, unchanged: 0 });
          expect(again.counts[table], table).toEqual({ added: 0, updated: 0, unchanged: total });
        }

        for (const person of rows.people) {
          const markdown = await personToMarkdown(source, person.id, NOW);
          expect(hasUnescaped(markdown, "<"), markdown).toBe(false);
          const userText = markdown.replace(/^(\s*)- \[[ x]\] /gm, "$1- ");
          expect(hasUnescaped(userText, "["), markdown).toBe(false);
        }
      } finally {
        await Promise.all([source.delete(), target.delete()]);
      }
    }),
    { numRuns: ROUND_TRIP_RUNS },
  );
}, 120_000);
