import type { AgendaItem, Meeting } from "@/lib/db";
// The schema file alone: lib/db itself reads its agenda through this module.
import { agendaSections } from "@/lib/db/schema";
import type { ProblemDetail } from "@/lib/problem";

/**
 * Which agenda items a meeting shows, and the rules around them.
 *
 * An item belongs to the meeting it was added for (its meetingId). A meeting shows its own
 * items, discussed or not, and every item from an earlier meeting with the same person that
 * was never discussed: those are carried. When a carried item is ticked, it moves to the
 * meeting where it was discussed (see markAgendaItemDiscussed), so every meeting's agenda stays
 * a record of what was talked about there, and nothing is counted twice. Items of later
 * meetings never show in an earlier one: they were written for a conversation still ahead.
 */

export interface AgendaEntry {
  item: AgendaItem;
  /** on the agenda because it was not discussed in an earlier meeting */
  carried: boolean;
  /** start of the meeting it was first added for; absent when that meeting is unknown */
  carriedFrom?: number;
}

export const AGENDA_TEXT_MAX = 5000;

export type AgendaTextCheck =
  | { ok: true; text: string }
  | { ok: false; reason: "empty" | "too-long"; message: string; problem: ProblemDetail };

export function checkAgendaText(text: string): AgendaTextCheck {
  const trimmed = text.trim();
  if (!trimmed) {
    return {
      ok: false,
      reason: "empty",
      message: "Write the item first.",
      problem: { code: "agendaEmpty", values: [] },
    };
  }
  if (trimmed.length > AGENDA_TEXT_MAX)
    return {
      ok: false,
      reason: "too-long",
      message: `Keep it under ${AGENDA_TEXT_MAX} characters (this one has ${trimmed.length}).`,
      problem: { code: "agendaTooLong", values: [String(AGENDA_TEXT_MAX), String(trimmed.length)] },
    };
  return { ok: true, text: trimmed };
}

/** This meeting's agenda: sections in the weekly template's order, items in the order the manager set. */
export function meetingAgenda(
  items: readonly AgendaItem[],
  meetings: readonly Pick<Meeting, "id" | "startsAt">[],
  current: Pick<Meeting, "id" | "personId" | "startsAt">,
): AgendaEntry[] {
  const startsById = new Map(meetings.map((m) => [m.id, m.startsAt]));
  const entries: AgendaEntry[] = [];
  for (const item of items) {
    if (item.personId !== current.personId) continue;
    if (item.meetingId === current.id) {
      entries.push({ item, carried: false });
      continue;
    }
    if (item.discussedAt !== undefined) continue;
    const origin = item.meetingId === undefined ? undefined : startsById.get(item.meetingId);
    if (origin !== undefined && origin >= current.startsAt) continue;
    // Added between meetings, or for a meeting no longer on record: it still waits to be raised.
    entries.push(
      origin === undefined ? { item, carried: true } : { item, carried: true, carriedFrom: origin },
    );
  }
  const sectionOrder = (e: AgendaEntry) => agendaSections.indexOf(e.item.section);
  return entries.sort(
    (a, b) =>
      sectionOrder(a) - sectionOrder(b) ||
      a.item.position - b.item.position ||
      (a.carriedFrom ?? 0) - (b.carriedFrom ?? 0) ||
      a.item.id.localeCompare(b.item.id),
  );
}

/** Open (not yet discussed) items per section. */
export function openCounts(entries: readonly AgendaEntry[]): Record<AgendaItem["section"], number> {
  const counts = { theirs: 0, growth: 0, feedback: 0, mine: 0 };
  for (const { item } of entries) if (item.discussedAt === undefined) counts[item.section]++;
  return counts;
}

export const AGENDA_NUDGE =
  "Your items outnumber theirs. Their agenda comes first: ask what they want to cover.";

/**
 * Their agenda comes first. One item of mine against none of theirs is normal before they have
 * added anything, so the nudge waits for a second one.
 */
export function mineOutnumberTheirs(counts: Pick<Record<AgendaItem["section"], number>, "mine" | "theirs">) {
  return counts.mine >= 2 && counts.mine > counts.theirs;
}

export function agendaNudge(entries: readonly AgendaEntry[]): string | undefined {
  return mineOutnumberTheirs(openCounts(entries)) ? AGENDA_NUDGE : undefined;
}

/**
 * The position that moves `id` one step up or down among `ordered` (one section as shown), and
 * the neighbour's new position; undefined at either end. Equal positions (rows written by an
 * import) still move, by half a step.
 */
export function swapPositions(
  ordered: readonly Pick<AgendaItem, "id" | "position">[],
  id: string,
  direction: "up" | "down",
): { id: string; position: number; neighbour: { id: string; position: number } } | undefined {
  const index = ordered.findIndex((i) => i.id === id);
  const item = ordered[index];
  const other = ordered[direction === "up" ? index - 1 : index + 1];
  if (!item || !other) return undefined;
  const position =
    item.position === other.position ? other.position + (direction === "up" ? -0.5 : 0.5) : other.position;
  return { id, position, neighbour: { id: other.id, position: item.position } };
}
