import type { Transaction } from "dexie";
import { normalizeEmail } from "@/lib/detection";
import { clampRowDates, datedTables } from "./dates";
import type { Person } from "./schema";

/**
 * Brings rows an older release stored within today's rules: every date within 1970–2200 (a
 * crafted import could store one that blanks every view that shows it), and each email in the
 * one stored form. When another person already holds that form, the two were one address all
 * along: the one stored untidily keeps its name and everything written about it but lets the
 * address go, and People shows the two side by side to merge.
 */
export async function upgradeToVersion3(tx: Transaction): Promise<void> {
  const now = Date.now();
  for (const table of datedTables) {
    await tx
      .table(table)
      .filter((row: object) => clampRowDates(table, row, now) !== row)
      .modify((row: object, ref: { value: object }) => {
        ref.value = clampRowDates(table, row, now);
      });
  }
  const people = (await tx.table("people").toArray()) as Person[];
  const held = new Set(people.flatMap((p) => (p.email ? [p.email] : [])));
  for (const person of people) {
    if (!person.email) continue;
    const email = normalizeEmail(person.email);
    if (email === person.email) continue;
    const free = email !== undefined && !held.has(email);
    if (free) held.add(email);
    await tx.table("people").update(person.id, { email: free ? email : undefined });
  }
}
