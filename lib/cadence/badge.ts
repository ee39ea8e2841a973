import type { OverdueForPerson } from "./overdue-items";

const PRODUCT = "1:1 Prep";
/** Browsers truncate long titles; past this many lines the rest is summed up. */
const MAX_TOOLTIP_PEOPLE = 10;

/** The toolbar badge: empty when nothing is overdue; four characters at most, as badges are tiny. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count < 1) return "";
  return count > 99 ? "99+" : String(Math.floor(count));
}

/** The toolbar button's title: the total, then one line per person. */
export function badgeTooltip(byPerson: readonly OverdueForPerson[]): string {
  const total = byPerson.reduce((sum, p) => sum + p.count, 0);
  if (total === 0) return `${PRODUCT} — no overdue action items. Nice follow-through!`;
  const lines = [`${PRODUCT} — ${total} overdue action ${total === 1 ? "item" : "items"}`];
  for (const p of byPerson.slice(0, MAX_TOOLTIP_PEOPLE)) lines.push(`${p.displayName}: ${p.count}`);
  const rest = byPerson.length - MAX_TOOLTIP_PEOPLE;
  if (rest > 0) lines.push(`and ${rest} more ${rest === 1 ? "person" : "people"}`);
  return lines.join("\n");
}
