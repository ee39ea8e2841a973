import { type AgendaEntry, checkAgendaText, meetingAgenda, swapPositions } from "@/lib/prep/agenda";
import { Problem } from "@/lib/problem";
import type { PrepDatabase } from "./database";
import { newId } from "./repositories";
import type { AgendaItem, Meeting } from "./schema";

/** This meeting's agenda: its own items and the undiscussed ones carried from earlier meetings. */
export async function agendaFor(
  db: PrepDatabase,
  current: Pick<Meeting, "id" | "personId" | "startsAt">,
): Promise<AgendaEntry[]> {
  const items = await db.agendaItems.where("personId").equals(current.personId).toArray();
  // Only the meetings undiscussed items were added for place them; years of notes stay unread.
  const origins = new Set<string>();
  for (const item of items) {
    if (item.meetingId !== undefined && item.discussedAt === undefined) origins.add(item.meetingId);
  }
  const meetings = (await db.meetings.bulkGet([...origins])).filter(
    (m): m is Meeting => m !== undefined && m.personId === current.personId,
  );
  return meetingAgenda(items, meetings, current);
}

export interface NewAgendaItem {
  personId: string;
  meetingId: string;
  section: AgendaItem["section"];
  text: string;
}

/** Appends the item to the end of its section; throws with a message to show when the text is unusable. */
export async function addAgendaItem(db: PrepDatabase, item: NewAgendaItem): Promise<AgendaItem> {
  const checked = checkAgendaText(item.text);
  if (!checked.ok) throw new Problem(checked.message, checked.problem.code, checked.problem.values);
  return db.transaction("rw", db.agendaItems, async () => {
    // Positions grow across all of the person's meetings, so carried items and new ones interleave
    // in the order they were written without renumbering anything.
    let last = -1;
    await db.agendaItems
      .where("personId")
      .equals(item.personId)
      .each((row) => {
        if (row.section === item.section && row.position > last) last = row.position;
      });
    const row: AgendaItem = {
      id: newId(),
      personId: item.personId,
      meetingId: item.meetingId,
      section: item.section,
      text: checked.text,
      position: Math.floor(last) + 1,
    };
    await db.agendaItems.add(row);
    return row;
  });
}

/**
 * Ticks the item in `meetingId`, moving it there if it was carried, so it stays on the agenda
 * of the meeting where it was discussed. Returns the meeting it belonged to before, for an undo.
 */
export async function markAgendaItemDiscussed(
  db: PrepDatabase,
  id: string,
  meetingId: string,
  now = Date.now(),
): Promise<{ meetingId?: string }> {
  return db.transaction("rw", db.agendaItems, async () => {
    const before = await db.agendaItems.get(id);
    if (!before) throw new Problem("This agenda item no longer exists.", "agendaItemGone");
    await db.agendaItems.update(id, { meetingId, discussedAt: now });
    return before.meetingId === undefined ? {} : { meetingId: before.meetingId };
  });
}

/**
 * Unticks the item. With `backTo` (what markAgendaItemDiscussed returned) a carried item goes
 * back to where it came from and is carried again; without it, it stays open where it is.
 */
export async function unmarkAgendaItemDiscussed(
  db: PrepDatabase,
  id: string,
  backTo?: { meetingId?: string },
) {
  await db.agendaItems.update(
    id,
    backTo ? { discussedAt: undefined, meetingId: backTo.meetingId } : { discussedAt: undefined },
  );
}

export async function removeAgendaItem(db: PrepDatabase, id: string) {
  await db.agendaItems.delete(id);
}

/** Moves the item one step up or down among `ordered`, the section as the manager sees it. */
export async function moveAgendaItem(
  db: PrepDatabase,
  ordered: readonly Pick<AgendaItem, "id" | "position">[],
  id: string,
  direction: "up" | "down",
) {
  const swap = swapPositions(ordered, id, direction);
  if (!swap) return;
  await db.transaction("rw", db.agendaItems, async () => {
    await db.agendaItems.update(swap.id, { position: swap.position });
    await db.agendaItems.update(swap.neighbour.id, { position: swap.neighbour.position });
  });
}
