import type { ActionItem, Meeting, Person } from "@/lib/db";

export const at = (iso: string) => Date.parse(iso);

export function person(id: string, cadenceDays = 7, extra: Partial<Person> = {}): Person {
  return { id, displayName: id, cadenceDays, ...extra };
}

let meetingSeq = 0;
export function meeting(
  personId: string,
  startsAt: string,
  status: Meeting["status"] = "held",
  extra: Partial<Meeting> = {},
): Meeting {
  meetingSeq++;
  return {
    id: `m${meetingSeq}`,
    personId,
    eventInstanceId: `e${meetingSeq}`,
    startsAt: at(startsAt),
    kind: "weekly",
    status,
    notes: "",
    answers: {},
    updatedAt: 0,
    ...extra,
  };
}

/** Held 1:1s for one person at 10:00 UTC on each given date. */
export function heldOn(personId: string, dates: readonly string[]): Meeting[] {
  return dates.map((date) => meeting(personId, `${date}T10:00:00Z`));
}

let itemSeq = 0;
export function item(extra: Partial<ActionItem> = {}): ActionItem {
  itemSeq++;
  return {
    id: `a${itemSeq}`,
    personId: "p",
    meetingId: "m",
    owner: "me",
    text: `item ${itemSeq}`,
    createdAt: 0,
    ...extra,
  };
}
