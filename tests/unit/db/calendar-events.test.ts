import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addActionItem,
  applyCalendarSync,
  findOrCreateMeeting,
  findOrCreatePerson,
  findOrCreatePersonForEvent,
  forgetCalendarSync,
  meetingStatusFrom,
  nextOneOnOneAfter,
  PrepDatabase,
  type SyncedInstance,
  type SyncVerdict,
  saveMeetingNotes,
  setMeetingStatus,
  upcomingOneOnOnes,
} from "@/lib/db";

let db: PrepDatabase;
let n = 0;
beforeEach(async () => {
  db = new PrepDatabase(`calendar-events-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const NOW = Date.UTC(2026, 10, 25, 12);
const DAY = 86_400_000;
const me = { email: "me@example.com", self: true, responseStatus: "accepted" };

/** Detection as the tests need it: one other human is a 1:1 with them. */
function classify(instance: SyncedInstance): SyncVerdict {
  const others = (instance.attendees ?? []).filter((a) => !a.self && !a.resource);
  const [only] = others;
  return others.length === 1 && only
    ? { oneOnOne: true, counterpart: { email: only.email, displayName: only.displayName } }
    : { oneOnOne: false };
}

function weekly(series: string, email: string, name: string, weeks: number[]): SyncedInstance[] {
  return weeks.map((w) => {
    const startsAt = NOW + w * 7 * DAY;
    const stamp = new Date(startsAt)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    return {
      eventInstanceId: `${series}_${stamp}`,
      seriesId: series,
      eid: `eid-${series}-${w}`,
      title: `${name} / Me`,
      startsAt,
      // 45 minutes: the agenda's time boxes fit the event's own length.
      endsAt: startsAt + 45 * 60_000,
      status: "confirmed" as const,
      attendees: [me, { email, displayName: name, responseStatus: "accepted" }],
    };
  });
}

const sync = (instances: SyncedInstance[], now = NOW) => applyCalendarSync(db, { instances, classify, now });

describe("applyCalendarSync", () => {
  it("creates one person and one meeting per 1:1 instance, with statuses from the calendar", async () => {
    const result = await sync(weekly("dana", "Dana@Example.com", "Dana", [-2, -1, 1]));
    expect(result).toEqual({ added: 3, updated: 0, removed: 0 });
    const people = await db.people.toArray();
    expect(people.map((p) => p.email)).toEqual(["dana@example.com"]);
    const meetings = await db.meetings.orderBy("startsAt").toArray();
    expect(meetings.map((m) => m.status)).toEqual(["held", "held", "planned"]);
    expect(meetings.every((m) => m.personId === people[0]?.id && m.seriesId === "dana")).toBe(true);
    expect(meetings[0]?.eid).toBe("eid-dana--2");
    expect(meetings.map((m) => (m.endsAt ?? 0) - m.startsAt)).toEqual([45, 45, 45].map((n) => n * 60_000));
  });

  it("never duplicates people or meetings when the same instances come again", async () => {
    const instances = weekly("dana", "dana@example.com", "Dana", [-3, -2, -1, 0, 1]);
    await sync(instances);
    const again = await sync(instances);
    expect(again).toEqual({ added: 0, updated: 5, removed: 0 });
    expect(await db.people.count()).toBe(1);
    expect(await db.meetings.count()).toBe(5);
    expect(await db.calendarEvents.count()).toBe(5);
  });

  it("joins the meeting the manager already opened in Calendar and keeps its notes", async () => {
    const [first] = weekly("dana", "dana@example.com", "Dana", [-1]);
    if (!first) throw new Error("no instance");
    const person = await findOrCreatePerson(db, { email: "dana@example.com", displayName: "Dana R." });
    const opened = await findOrCreateMeeting(
      db,
      {
        personId: person.id,
        eventInstanceId: first.eventInstanceId,
        startsAt: first.startsAt,
      },
      NOW - 2 * DAY,
    );
    await saveMeetingNotes(db, opened.id, "Talked about the launch", NOW - DAY);
    const result = await sync([first]);
    expect(result).toEqual({ added: 0, updated: 1, removed: 0 });
    const meeting = await db.meetings.get(opened.id);
    expect(meeting?.notes).toBe("Talked about the launch");
    expect(meeting?.status).toBe("held");
    expect((await db.calendarEvents.get(first.eventInstanceId))?.createdMeeting).toBe(false);
    expect((await db.calendarEvents.get(first.eventInstanceId))?.createdPersonId).toBeUndefined();
  });

  it("marks a cancelled instance that arrives without guests as cancelled, for the series' person", async () => {
    const instances = weekly("dana", "dana@example.com", "Dana", [-2, -1]);
    await sync(instances);
    const [, second] = instances;
    if (!second) throw new Error("no instance");
    const cancelled: SyncedInstance = {
      eventInstanceId: second.eventInstanceId,
      seriesId: "dana",
      title: "",
      startsAt: second.startsAt,
      status: "cancelled",
    };
    await sync([cancelled]);
    const meeting = await db.meetings.where("eventInstanceId").equals(second.eventInstanceId).first();
    expect(meeting?.status).toBe("cancelled");
    expect(meeting?.title).toBe("Dana / Me");
    // A cancelled instance never seen before still counts against the series it belongs to.
    const fresh: SyncedInstance = {
      ...cancelled,
      eventInstanceId: "dana_20261202T120000Z",
      startsAt: NOW + 7 * DAY,
    };
    const result = await sync([fresh]);
    expect(result.added).toBe(1);
    expect((await db.meetings.where("eventInstanceId").equals(fresh.eventInstanceId).first())?.status).toBe(
      "cancelled",
    );
  });

  it("records a declined instance as skipped", async () => {
    const [instance] = weekly("eli", "eli@example.com", "Eli", [-1]);
    if (!instance) throw new Error("no instance");
    const declined = {
      ...instance,
      attendees: [me, { email: "eli@example.com", displayName: "Eli", responseStatus: "declined" }],
    };
    await sync([declined]);
    expect((await db.meetings.toArray())[0]?.status).toBe("skipped");
  });

  it("keeps what the manager said happened over what the calendar shows, until handed back", async () => {
    const instances = weekly("eli", "eli@example.com", "Eli", [-1]);
    await sync(instances);
    const [meeting] = await db.meetings.toArray();
    if (!meeting) throw new Error("no meeting");
    expect(meeting.status).toBe("held");
    await setMeetingStatus(db, meeting.id, "skipped");
    await sync(instances);
    expect(await db.meetings.get(meeting.id)).toMatchObject({ status: "skipped", statusSetByUser: true });
    await setMeetingStatus(db, meeting.id, undefined);
    expect((await db.meetings.get(meeting.id))?.statusSetByUser).toBeUndefined();
    await sync(instances);
    expect((await db.meetings.get(meeting.id))?.status).toBe("held");
  });

  it("leaves group meetings out, and takes back a meeting it added once the event stops being a 1:1", async () => {
    const [instance] = weekly("eli", "eli@example.com", "Eli", [1]);
    if (!instance) throw new Error("no instance");
    await sync([instance]);
    expect(await db.meetings.count()).toBe(1);
    const group = { ...instance, attendees: [...(instance.attendees ?? []), { email: "sam@example.com" }] };
    const result = await sync([group]);
    expect(result.removed).toBe(1);
    expect(await db.meetings.count()).toBe(0);
    expect((await db.calendarEvents.get(instance.eventInstanceId))?.oneOnOne).toBe(false);
  });

  it("keeps a meeting the manager wrote in, even when its event stops being a 1:1", async () => {
    const [instance] = weekly("eli", "eli@example.com", "Eli", [1]);
    if (!instance) throw new Error("no instance");
    await sync([instance]);
    const meeting = await db.meetings.toCollection().first();
    if (!meeting) throw new Error("no meeting");
    await addActionItem(db, {
      personId: meeting.personId,
      meetingId: meeting.id,
      owner: "me",
      text: "Send the doc",
    });
    const group = { ...instance, attendees: [...(instance.attendees ?? []), { email: "sam@example.com" }] };
    expect((await sync([group])).removed).toBe(0);
    expect(await db.meetings.count()).toBe(1);
  });
});

describe("meetingStatusFrom", () => {
  it.each([
    ["cancelled", -1, "accepted", "cancelled"],
    ["confirmed", -1, "accepted", "held"],
    ["confirmed", 1, "accepted", "planned"],
    ["tentative", 1, "needsAction", "planned"],
    ["confirmed", -1, "declined", "skipped"],
    ["confirmed", 1, "declined", "skipped"],
  ] as const)("%s, %i days from now, guest %s → %s", (status, days, response, expected) => {
    const attendees = [me, { email: "a@example.com", responseStatus: response }];
    expect(meetingStatusFrom({ status, startsAt: NOW + days * DAY, attendees }, NOW)).toBe(expected);
  });
});

describe("forgetCalendarSync", () => {
  it("removes what the sync added and nobody wrote in, and keeps everything written", async () => {
    await sync([
      ...weekly("dana", "dana@example.com", "Dana", [-2, -1, 1]),
      ...weekly("eli", "eli@example.com", "Eli", [-1]),
    ]);
    const dana = await db.people.where("email").equals("dana@example.com").first();
    const written = await db.meetings
      .where("personId")
      .equals(dana?.id ?? "")
      .first();
    if (!written) throw new Error("no meeting");
    await saveMeetingNotes(db, written.id, "Career goals", NOW);

    const removed = await forgetCalendarSync(db);
    expect(removed).toEqual({ meetings: 3, people: 1 });
    expect((await db.people.toArray()).map((p) => p.email)).toEqual(["dana@example.com"]);
    expect((await db.meetings.toArray()).map((m) => m.id)).toEqual([written.id]);
    expect(await db.calendarEvents.count()).toBe(0);
  });

  it("keeps a person the manager knew before the sync", async () => {
    await findOrCreatePerson(db, { email: "dana@example.com", displayName: "Dana" });
    await sync(weekly("dana", "dana@example.com", "Dana", [-1]));
    expect(await forgetCalendarSync(db)).toEqual({ meetings: 1, people: 0 });
    expect(await db.people.count()).toBe(1);
  });
});

describe("upcomingOneOnOnes", () => {
  it("lists the next week's 1:1s soonest first with what is waiting for each", async () => {
    await sync([
      ...weekly("dana", "dana@example.com", "Dana", [-1, 0.5, 2]),
      ...weekly("eli", "eli@example.com", "Eli", [0.25]),
    ]);
    const dana = await db.people.where("email").equals("dana@example.com").first();
    const past = await db.meetings
      .where("personId")
      .equals(dana?.id ?? "")
      .first();
    if (!dana || !past) throw new Error("no Dana");
    await addActionItem(db, { personId: dana.id, meetingId: past.id, owner: "them", text: "Draft the RFC" });

    const upcoming = await upcomingOneOnOnes(db, NOW, NOW + 7 * DAY);
    expect(upcoming.map((u) => [u.person.displayName, u.openItems, u.queuedFeedback])).toEqual([
      ["Eli", 0, 0],
      ["Dana", 1, 0],
    ]);
    expect(await nextOneOnOneAfter(db, NOW)).toBe(NOW + 0.25 * 7 * DAY);
  });

  it("is empty with no meetings ahead", async () => {
    await sync(weekly("dana", "dana@example.com", "Dana", [-2, -1]));
    expect(await upcomingOneOnOnes(db, NOW, NOW + 7 * DAY)).toEqual([]);
    expect(await nextOneOnOneAfter(db, NOW)).toBeUndefined();
  });
});

describe("findOrCreatePersonForEvent", () => {
  it("files a guest-less view of a synced 1:1 under the person the sync found, not a new name-only one", async () => {
    const [next, later] = weekly("dana", "dana@example.com", "Dana", [1, 2]);
    if (!next || !later) throw new Error("no instances");
    await sync([next]);
    const dana = await db.people.where("email").equals("dana@example.com").first();

    const sameInstance = await findOrCreatePersonForEvent(db, {
      eventInstanceId: next.eventInstanceId,
      seriesId: "dana",
      displayName: "1:1 Dana",
    });
    expect(sameInstance.id).toBe(dana?.id);
    // An instance not seen before still belongs to its series' person.
    const sameSeries = await findOrCreatePersonForEvent(db, {
      eventInstanceId: later.eventInstanceId,
      seriesId: "dana",
      displayName: "1:1 Dana",
    });
    expect(sameSeries.id).toBe(dana?.id);
    expect(await db.people.count()).toBe(1);
  });

  it("goes by email when there is one, and by name for an event never seen", async () => {
    await sync(weekly("dana", "dana@example.com", "Dana", [1]));
    const eli = await findOrCreatePersonForEvent(db, {
      eventInstanceId: "x_20261201T100000Z",
      seriesId: "dana",
      email: "eli@example.com",
      displayName: "Eli",
    });
    expect(eli.email).toBe("eli@example.com");
    const omar = await findOrCreatePersonForEvent(db, { eventInstanceId: "omar1", displayName: "Omar" });
    expect(omar.displayName).toBe("Omar");
    expect(await db.people.count()).toBe(3);
  });
});
