import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Attendee,
  type Classification,
  classifyEvent,
  type DetectionSettings,
  type EventSignals,
  isResourceEmail,
} from "../../../lib/detection";

const SELF_EMAIL = "morgan.lee@acme.com";
const me: Attendee = { email: SELF_EMAIL, self: true, organizer: true, responseStatus: "accepted" };
const priya: Attendee = { email: "Priya.Sharma@acme.com", displayName: "Priya Sharma" };
const sam: Attendee = { email: "sam@acme.com", displayName: "Sam Ortiz" };
const kim: Attendee = { email: "kim@acme.com" };
const coach: Attendee = { email: "jo@coachingco.com", displayName: "Jo Coach" };
const vendor: Attendee = { email: "rep@vendor.io", displayName: "Rep" };
const room: Attendee = {
  email: "c_1888abc@resource.calendar.google.com",
  displayName: "Berlin-3-Atlas (8)",
  resource: true,
};

/** Title only: the guest list could not be read. */
function byTitle(title: string, settings?: DetectionSettings): Classification {
  return classifyEvent({ title }, settings);
}

/** The user and one colleague from the same company, not recurring. */
function withColleague(title: string, extra: Partial<EventSignals> = {}): Classification {
  return classifyEvent({ title, attendees: [me, priya], selfEmail: SELF_EMAIL, ...extra });
}

/** The user and one guest from another company, not recurring. */
function withOutsider(title: string, extra: Partial<EventSignals> = {}): Classification {
  return classifyEvent({ title, attendees: [me, coach], selfEmail: SELF_EMAIL, ...extra });
}

describe("1:1 markers in titles", () => {
  const markers: Array<[language: string, title: string]> = [
    ["English", "1:1"],
    ["English", "Priya / Morgan 1:1"],
    ["English", "1-1 with Priya"],
    ["English", "1on1"],
    ["English", "Weekly 1-on-1"],
    ["English", "1 on 1 catch-up"],
    ["English", "1x1 Priya"],
    ["English", "Priya's 1:1"],
    ["English", "one on one"],
    ["English", "One-on-One: Priya"],
    ["English", "One-to-one with Priya"],
    ["English", "1-to-1"],
    ["English", "Skip-level with Priya"],
    ["English", "skip level"],
    ["English", "[1:1] Priya"],
    ["English", "1:1."],
    ["English", "１：１ Priya"],
    ["English", "1—1 Priya"],
    ["English", "1:1-Priya"],
    ["English", "1-2-1 with Priya"],
    ["English", "Monthly 1:1 (moved)"],
    ["German", "Einzelgespräch mit Anna"],
    ["German", "Mitarbeitergespräch"],
    ["German", "Jährliches Mitarbeitergespräch"],
    ["German", "1:1-Gespräch mit Anna"],
    ["German", "Vier-Augen-Gespräch"],
    ["German", "Einzelgespraech"],
    ["German", "EINZELGESPRÄCH"],
    ["French", "Tête-à-tête avec Marie"],
    ["French", "tete a tete"],
    ["French", "Entretien individuel"],
    ["French", "Point individuel - Marie"],
    ["French", "Entretien annuel Marie"],
    ["French", "One-to-one Marie"],
    ["French", "1 : 1 avec Marie"],
    ["Spanish", "Reunión individual con Juan"],
    ["Spanish", "Reunion uno a uno"],
    ["Spanish", "Cara a cara con Juan"],
    ["Spanish", "1 a 1 Juan"],
    ["Portuguese", "Reunião individual com João"],
    ["Portuguese", "Um a um com João"],
    ["Portuguese", "1 a 1"],
    ["Italian", "Incontro individuale con Giulia"],
    ["Italian", "Uno a uno"],
    ["Italian", "Colloquio individuale"],
    ["Dutch", "Één-op-één met Daan"],
    ["Dutch", "een-op-een"],
    ["Dutch", "1-op-1 Daan"],
    ["Dutch", "Individueel gesprek"],
    ["Dutch", "Functioneringsgesprek Daan"],
    ["Polish", "Spotkanie 1 na 1 z Anną"],
    ["Polish", "Jeden na jeden"],
    ["Polish", "Spotkanie indywidualne"],
    ["Polish", "Rozmowa indywidualna z Piotrem"],
    ["Japanese", "1on1"],
    ["Japanese", "１ｏｎ１ミーティング"],
    ["Japanese", "ワンオンワン"],
    ["Japanese", "個人面談"],
    ["Japanese", "田中さんとの面談"],
    ["Chinese", "一对一"],
    ["Chinese", "一對一 張偉"],
    ["Chinese", "单独沟通"],
    ["Chinese", "1对1 张伟"],
    ["Korean", "일대일 면담"],
  ];

  it.each(markers)("%s: %j is a 1:1 when the guests are unknown", (_language, title) => {
    expect(byTitle(title)).toMatchObject({ isOneOnOne: true, reason: "Title says 1:1" });
  });

  it.each(markers)("%s: %j is a 1:1 with one colleague", (_language, title) => {
    expect(withColleague(title)).toMatchObject({ isOneOnOne: true, reason: "Title says 1:1" });
  });

  it.each(markers)("%s: %j is a 1:1 even with an outside guest", (_language, title) => {
    expect(withOutsider(title).isOneOnOne).toBe(true);
  });
});

describe("times, dates and numbers are not markers", () => {
  it.each([
    "11:15 standup",
    "Call at 1:10pm",
    "Ratio 1:1.5",
    "Release 1.1",
    "Suite 1-1C",
    "v1.1 launch",
    "Room 1-1",
    "Q1-1 planning",
    "2021-11-01 review",
    "Odds 10:1",
    "1:100 scale model",
    "11:11",
    "Sprint 1-1",
    "Meeting 1-1:30",
    "Deadline 1-1-2024",
    "Ticket #1-1",
    "Building 1:1 layout",
    "1:1,5",
    "Floor 1x1",
    "v1:1",
    "Grades 1 to 12",
    "Ratio 1 : 1",
    "Score 1 : 1",
    "9-1-1 drill",
    "1/1 holiday",
  ])("%j", (title) => {
    expect(byTitle(title).isOneOnOne).toBe(false);
    expect(withOutsider(title).isOneOnOne).toBe(false);
  });
});

describe("name pairs", () => {
  it.each([
    ["Alex / Sam", "Alex"],
    ["Alex <> Sam", "Alex"],
    ["Alex & Sam", "Alex"],
    ["Alex x Sam", "Alex"],
    ["Alex | Sam", "Alex"],
    ["Alex/Sam", "Alex"],
    ["Alex <-> Sam - weekly", "Alex"],
    ["Priya Sharma / Morgan Lee", "Priya Sharma"],
    ["Weekly sync: Jean-Luc / Zoë", "Jean-Luc"],
    ["Sam <> me", "Sam"],
    ["Me / Sam", "Sam"],
    ["Priya - Morgan", "Priya"],
    ["Siobhan O'Brien / Alex", "Siobhan O'Brien"],
    ["Alex / Sam - roadmap", "Alex"],
    ["Weekly Alex / Sam", "Alex"],
    ["Alex / Sam career chat", "Alex"],
    ["張偉 / 李娜", "張偉"],
  ])("%j is a pair (counterpart %j)", (title, name) => {
    expect(byTitle(title)).toEqual({
      isOneOnOne: true,
      reason: "Title names two people",
      counterpart: { displayName: name },
    });
  });

  it.each([
    "Team sync / planning",
    "Design / Eng",
    "Q&A",
    "R&D review",
    "A/B test results",
    "Sales / Marketing",
    "Alex / Sam / Kim",
    "Alex, Sam",
    "Mon/Wed standup",
    "OKRs / KPIs",
    "Acme Corp / Sam",
    "Alex / new hires",
    "Weekly sync",
    "Roadmap - Priya",
    "iOS / Android",
    "Jira / Confluence training",
    "Paris / London trip",
    "Alex & Sam's wedding",
    "Product / Design review",
    "产品 / 设计",
  ])("%j is not a pair", (title) => {
    expect(byTitle(title).isOneOnOne).toBe(false);
  });

  it("does not count a name pair for an outside guest", () => {
    expect(withOutsider("Acme <> Globex")).toMatchObject({
      isOneOnOne: false,
      reason: "External guest without a 1:1 marker",
    });
  });

  it("counts a name pair for one colleague", () => {
    expect(withColleague("Priya / Morgan")).toMatchObject({
      isOneOnOne: true,
      reason: "One colleague, names in the title",
    });
  });
});

describe("no other human", () => {
  it.each<[string, Attendee[], string | undefined]>([
    ["1:1 prep", [], undefined],
    ["1:1 prep", [me], SELF_EMAIL],
    ["1:1 Priya", [{ email: "MORGAN.LEE@acme.com" }], SELF_EMAIL],
    ["Einzelgespräch", [{ email: "x@y.com", self: true }], undefined],
    ["Focus", [me, room], SELF_EMAIL],
    ["1:1", [me, room, { email: "holidays@group.v.calendar.google.com" }], SELF_EMAIL],
    ["Alex / Sam", [null as unknown as Attendee, me], SELF_EMAIL],
    ["Weekly sync", [me], SELF_EMAIL],
  ])("%j with %j is not a 1:1", (title, attendees, selfEmail) => {
    const signals: EventSignals = { title, attendees, recurring: true };
    if (selfEmail !== undefined) signals.selfEmail = selfEmail;
    expect(classifyEvent(signals)).toEqual({ isOneOnOne: false, reason: "No other guests" });
  });
});

describe("groups", () => {
  it.each<[string, Attendee[], number]>([
    ["1:1", [me, priya, sam], 3],
    ["Priya / Sam", [me, priya, sam], 3],
    ["Einzelgespräch", [me, priya, sam, kim], 4],
    ["1:1", [priya, sam], 2],
    ["1:1", [me, priya, { ...sam, optional: true }], 3],
    ["Weekly sync", [me, priya, { ...sam, responseStatus: "declined" }, room], 3],
    ["1:1", [me, priya, {}], 3],
  ])("%j with %#: group of %i", (title, attendees, n) => {
    expect(classifyEvent({ title, attendees, selfEmail: SELF_EMAIL, recurring: true })).toEqual({
      isOneOnOne: false,
      reason: `Group meeting (${n} guests)`,
    });
  });

  it("counts the same guest listed twice once", () => {
    const result = classifyEvent({
      title: "1:1",
      attendees: [me, priya, { email: "priya.sharma@ACME.com" }],
      selfEmail: SELF_EMAIL,
    });
    expect(result.isOneOnOne).toBe(true);
  });
});

describe("rooms and resources", () => {
  it("ignores a room next to one colleague", () => {
    expect(classifyEvent({ title: "1:1", attendees: [me, room, priya], selfEmail: SELF_EMAIL })).toEqual({
      isOneOnOne: true,
      reason: "Title says 1:1",
      counterpart: { email: "priya.sharma@acme.com", displayName: "Priya Sharma" },
    });
  });

  it("ignores a resource flagged only by its address", () => {
    const projector = { email: "projector@resource.calendar.google.com" };
    expect(
      classifyEvent({ title: "Weekly", attendees: [me, projector, sam], selfEmail: SELF_EMAIL }).isOneOnOne,
    ).toBe(true);
  });

  it("ignores a resource flagged only by `resource`", () => {
    const board = { displayName: "Whiteboard", resource: true };
    expect(classifyEvent({ title: "1:1", attendees: [me, board, sam] }).isOneOnOne).toBe(true);
  });

  it("is not a 1:1 with a room and nobody else", () => {
    expect(classifyEvent({ title: "1:1", attendees: [me, room], selfEmail: SELF_EMAIL }).reason).toBe(
      "No other guests",
    );
  });

  it.each([
    ["c_188@resource.calendar.google.com", true],
    ["team@group.calendar.google.com", true],
    ["en.german#holiday@group.v.calendar.google.com", true],
    ["someone@calendar.google.com", true],
    ["ROOM@RESOURCE.CALENDAR.GOOGLE.COM", true],
    ["priya@acme.com", false],
    ["calendar.google.com@acme.com", false],
    ["", false],
    [undefined, false],
    [42, false],
  ])("isResourceEmail(%j) is %s", (email, expected) => {
    expect(isResourceEmail(email as string)).toBe(expected);
  });
});

describe("interviews, vendors and outside guests", () => {
  const candidate: Attendee = { email: "jane.doe@gmail.com", displayName: "Jane Doe" };

  it.each([
    ["Interview: Jane Doe (Backend)", candidate, "Interview"],
    ["Phone screen - Jane", candidate, "Interview"],
    ["Onsite: Jane", candidate, "Interview"],
    ["Candidate chat", candidate, "Interview"],
    ["Vorstellungsgespräch Jane", candidate, "Interview"],
    ["カジュアル面談", candidate, "Interview"],
    ["Mock interview", priya, "Interview"],
    ["Acme demo", vendor, "Sales or vendor call"],
    ["Vendor sync", vendor, "Sales or vendor call"],
    ["Customer call", vendor, "Sales or vendor call"],
    ["Weekly sync", vendor, "External guest without a 1:1 marker"],
    ["Coaching session", coach, "External guest without a 1:1 marker"],
    ["Catch up", candidate, "External guest without a 1:1 marker"],
  ])("%j with %j: %s", (title, guest, reason) => {
    expect(
      classifyEvent({ title, attendees: [me, guest], selfEmail: SELF_EMAIL, recurring: true }),
    ).toMatchObject({ isOneOnOne: false, reason });
  });

  it.each(["Interview with Jane", "Phone screen", "Acme <> Globex demo", "採用面談"])(
    "%j is not a 1:1 by title",
    (title) => {
      expect(byTitle(title).isOneOnOne).toBe(false);
    },
  );

  it.each(["1:1 with Jo (coach)", "Mentoring 1:1", "Coaching one-on-one"])(
    "an outside coach with a marker: %j",
    (title) => {
      expect(withOutsider(title)).toEqual({
        isOneOnOne: true,
        reason: "Title says 1:1",
        counterpart: { email: "jo@coachingco.com", displayName: "Jo Coach" },
      });
    },
  );
});

describe("one colleague, no marker", () => {
  it.each([
    ["Weekly sync", false, "One colleague, weekly"],
    ["Catch up", false, "One colleague, catch up"],
    ["Check-in", false, "One colleague, check-in"],
    ["Sync", false, "One colleague, sync"],
    ["Coffee chat", false, "One colleague, coffee chat"],
    ["Jour fixe", false, "One colleague, jour fixe"],
    ["定例", false, "One colleague, 定例"],
    ["Priya & Morgan", false, "One colleague, names in the title"],
    ["Budget review", true, "One colleague, recurring"],
    ["", true, "One colleague, recurring"],
  ])("%j (recurring: %s) is a 1:1: %s", (title, recurring, reason) => {
    expect(withColleague(title, { recurring })).toMatchObject({ isOneOnOne: true, reason });
  });

  it.each(["Weekly sync", "Check-in", "Coffee chat", "Catch up"])(
    "%j says nothing when the guests are unknown",
    (title) => {
      expect(byTitle(title).isOneOnOne).toBe(false);
    },
  );

  it("lets a colleague's selling words pass: the guest is internal", () => {
    expect(withColleague("Customer escalations", { recurring: true })).toMatchObject({
      isOneOnOne: true,
      reason: "One colleague, recurring",
    });
    expect(byTitle("Customer call").reason).toBe("Sales or vendor call");
  });

  it.each(["Budget review", "Quarterly planning", "Lunch", ""])("one-off %j is not a 1:1", (title) => {
    expect(withColleague(title)).toMatchObject({
      isOneOnOne: false,
      reason: "One colleague, not recurring and no 1:1 in the title",
    });
  });

  it("treats a subdomain as the same company", () => {
    const result = classifyEvent({
      title: "Sync",
      attendees: [me, { email: "li@eng.acme.com" }],
      selfEmail: SELF_EMAIL,
    });
    expect(result.isOneOnOne).toBe(true);
  });

  it("falls back to the self attendee's domain when selfEmail is unknown", () => {
    expect(classifyEvent({ title: "Sync", attendees: [me, priya] }).reason).toBe("One colleague, sync");
    expect(classifyEvent({ title: "Sync", attendees: [me, vendor] }).reason).toBe(
      "External guest without a 1:1 marker",
    );
  });

  it("uses title and recurrence alone when no domain is known", () => {
    const guest = { displayName: "Priya" };
    expect(classifyEvent({ title: "Sync", attendees: [{ self: true }, guest] })).toEqual({
      isOneOnOne: true,
      reason: "One guest, sync",
      counterpart: { displayName: "Priya" },
    });
    expect(classifyEvent({ title: "Planning", attendees: [guest], recurring: true }).reason).toBe(
      "One guest, recurring",
    );
  });

  it("does not call two personal addresses colleagues", () => {
    const result = classifyEvent({
      title: "Hike",
      attendees: [{ email: "me@gmail.com", self: true }, { email: "friend@gmail.com" }],
    });
    expect(result).toMatchObject({
      isOneOnOne: false,
      reason: "One guest, not recurring and no 1:1 in the title",
    });
  });

  it("counts a declined guest as invited", () => {
    const declined = { ...priya, responseStatus: "declined" };
    expect(classifyEvent({ title: "1:1", attendees: [me, declined], selfEmail: SELF_EMAIL }).isOneOnOne).toBe(
      true,
    );
  });

  it("counts an optional guest as a person", () => {
    const optional = { ...priya, optional: true };
    expect(classifyEvent({ title: "1:1", attendees: [me, optional], selfEmail: SELF_EMAIL }).isOneOnOne).toBe(
      true,
    );
  });

  it("matches the user's address case-insensitively", () => {
    const result = classifyEvent({
      title: "1:1",
      attendees: [{ email: "Morgan.Lee@ACME.com" }, priya],
      selfEmail: "MORGAN.LEE@acme.com",
    });
    expect(result.counterpart).toEqual({ email: "priya.sharma@acme.com", displayName: "Priya Sharma" });
  });
});

describe("user settings", () => {
  it.each<[string, DetectionSettings, boolean, string]>([
    ["Mentoring Priya", { keywords: ["mentoring"] }, true, "Title matches your keyword “mentoring”"],
    ["MÉNTORING", { keywords: ["mentoring"] }, true, "Title matches your keyword “mentoring”"],
    [
      "Walk and think",
      { keywords: ["  walk and think "] },
      true,
      "Title matches your keyword “walk and think”",
    ],
    ["Mentorings", { keywords: ["mentoring"] }, false, "Guests unknown and no 1:1 in the title"],
    ["Daily standup 1:1", { exclusions: ["standup"] }, false, "Excluded by your setting “standup”"],
    [
      "Mentoring",
      { keywords: ["mentoring"], exclusions: ["Mentoring"] },
      false,
      "Excluded by your setting “Mentoring”",
    ],
    ["1:1 prep", { exclusions: ["prep"] }, false, "Excluded by your setting “prep”"],
    ["Prepaid 1:1", { exclusions: ["prep"] }, true, "Title says 1:1"],
    ["1:1", { keywords: ["", "   "], exclusions: ["", " "] }, true, "Title says 1:1"],
    ["Anything", { keywords: [] }, false, "Guests unknown and no 1:1 in the title"],
    ["定期面接", { exclusions: ["面接"] }, false, "Excluded by your setting “面接”"],
    ["1:1", { keywords: ["1:1"] }, true, "Title says 1:1"],
  ])("%j with %j", (title, settings, isOneOnOne, reason) => {
    expect(byTitle(title, settings)).toMatchObject({ isOneOnOne, reason });
  });

  it("applies keywords to an outside guest", () => {
    expect(withOutsider("Mentoring", {}).isOneOnOne).toBe(false);
    expect(
      classifyEvent(
        { title: "Mentoring", attendees: [me, coach], selfEmail: SELF_EMAIL },
        { keywords: ["mentoring"] },
      ),
    ).toMatchObject({ isOneOnOne: true });
  });

  it("applies exclusions to one colleague", () => {
    expect(
      classifyEvent(
        { title: "1:1 standup", attendees: [me, priya], selfEmail: SELF_EMAIL, recurring: true },
        { exclusions: ["standup"] },
      ),
    ).toEqual({
      isOneOnOne: false,
      reason: "Excluded by your setting “standup”",
      counterpart: { email: "priya.sharma@acme.com", displayName: "Priya Sharma" },
    });
  });
});

describe("counterpart", () => {
  it.each([
    ["1:1 Priya", "Priya"],
    ["Priya 1:1", "Priya"],
    ["1:1 with Priya Sharma", "Priya Sharma"],
    ["Weekly 1:1 – Priya Sharma (Remote)", "Priya Sharma"],
    ["1:1 w/ Priya", "Priya"],
    ["[1:1] Ludwig van Beethoven", "Ludwig van Beethoven"],
    ["Einzelgespräch mit Anna", "Anna"],
    ["Tête-à-tête avec Marie", "Marie"],
    ["Reunión individual con José", "José"],
    ["1on1 田中さん", "田中"],
    ["一对一 张伟", "张伟"],
    ["1:1 Priya / Morgan", "Priya"],
    ["1:1 Morgan / Priya", "Priya"],
    ["Morgan <> Priya 1:1", "Priya"],
    ["1:1 Morgan", undefined],
    ["1:1", undefined],
    ["1:1 agenda", undefined],
    ["Skip-level: Jordan", "Jordan"],
    ["1:1 @ Cafe Luna", undefined],
    ["Priyaさんとの1on1", "Priya"],
    ["Morgan's 1:1 with Priya", "Priya"],
    ["1:1 with my manager", undefined],
  ])("%j is with %j", (title, name) => {
    const result = classifyEvent({ title, selfEmail: SELF_EMAIL });
    expect(result.isOneOnOne).toBe(true);
    expect(result.counterpart?.displayName).toBe(name);
  });

  it("takes the first of a pair when the user's name is unknown", () => {
    expect(byTitle("Morgan / Priya").counterpart).toEqual({ displayName: "Morgan" });
  });

  it("gives the guest's lower-cased email and name", () => {
    expect(withColleague("1:1").counterpart).toEqual({
      email: "priya.sharma@acme.com",
      displayName: "Priya Sharma",
    });
  });

  it("leaves out a display name the guest list does not have", () => {
    expect(classifyEvent({ title: "1:1", attendees: [me, kim], selfEmail: SELF_EMAIL }).counterpart).toEqual({
      email: "kim@acme.com",
    });
  });

  it("names the single guest even when it is not a 1:1, for a manual override", () => {
    expect(withOutsider("Coaching").counterpart).toEqual({
      email: "jo@coachingco.com",
      displayName: "Jo Coach",
    });
  });
});

describe("bad input", () => {
  it.each<[string, unknown]>([
    ["null", null],
    ["undefined", undefined],
    ["a string", "1:1"],
    ["a number", 11],
  ])("%s reads as unreadable", (_label, signals) => {
    expect(classifyEvent(signals as EventSignals)).toEqual({
      isOneOnOne: false,
      reason: "Could not read this event",
    });
  });

  it.each<[string, unknown, boolean]>([
    ["title not a string", { title: 11, attendees: [me, priya], recurring: true }, true],
    ["attendees not an array", { title: "1:1", attendees: "priya" }, true],
    ["attendees null", { title: "1:1", attendees: null }, true],
    ["attendee entries null", { title: "1:1", attendees: [null, me, undefined, priya, 7] }, true],
    ["email not a string", { title: "1:1", attendees: [me, { email: 5, displayName: ["x"] }] }, true],
    ["settings garbage", { title: "1:1" }, true],
  ])("%s", (_label, signals, isOneOnOne) => {
    const result = classifyEvent(signals as EventSignals, { keywords: "x", exclusions: [null, 3] } as never);
    expect(result.isOneOnOne).toBe(isOneOnOne);
  });

  it("survives a getter that throws", () => {
    const signals = {
      get title(): string {
        throw new Error("boom");
      },
    };
    expect(classifyEvent(signals as EventSignals).reason).toBe("Could not read this event");
  });

  it("handles a 1 MB title quickly", () => {
    const huge = `${"1:1 ".repeat(1)}${"a1:1-".repeat(200_000)}${"<> / ".repeat(10_000)}`;
    const started = performance.now();
    const result = classifyEvent({ title: huge, attendees: [me, priya], selfEmail: SELF_EMAIL });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.isOneOnOne).toBe(true);
  });

  it.each([
    "1".repeat(1_000_000),
    " ".repeat(1_000_000),
    "x ".repeat(500_000),
    "Alex / ".repeat(150_000),
    "<-".repeat(500_000),
  ])("handles pathological title #%#", (title) => {
    const started = performance.now();
    classifyEvent({ title }, { keywords: ["a".repeat(100)], exclusions: ["z"] });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("properties", () => {
  const attendee = fc.record(
    {
      email: fc.oneof(fc.emailAddress(), fc.string(), fc.constant(null)),
      displayName: fc.oneof(fc.string(), fc.constant(null)),
      self: fc.oneof(fc.boolean(), fc.constant(null)),
      resource: fc.oneof(fc.boolean(), fc.constant(null)),
      optional: fc.boolean(),
      organizer: fc.boolean(),
      responseStatus: fc.constantFrom("accepted", "declined", "tentative", "needsAction"),
    },
    { requiredKeys: [] },
  );
  const title = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom("1:1", "Alex / Sam", "Einzelgespräch", "11:15", "１：１", "面談"),
  );
  const settings = fc.record(
    { keywords: fc.array(fc.string()), exclusions: fc.array(fc.string()) },
    { requiredKeys: [] },
  );

  it("never throws on anything", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (signals, prefs) => {
        const result = classifyEvent(signals as EventSignals, prefs as DetectionSettings);
        expect(typeof result.isOneOnOne).toBe("boolean");
        expect(typeof result.reason).toBe("string");
      }),
    );
  });

  it("never throws on arbitrary titles and guest lists", () => {
    fc.assert(
      fc.property(
        title,
        fc.option(fc.array(attendee), { nil: undefined }),
        fc.option(fc.emailAddress(), { nil: undefined }),
        fc.boolean(),
        settings,
        (t, attendees, selfEmail, recurring, prefs) => {
          const signals = { title: t, attendees, selfEmail, recurring } as EventSignals;
          const result = classifyEvent(signals, prefs);
          expect(result.reason.length).toBeGreaterThan(0);
          expect(result.reason).not.toBe("Could not read this event");
        },
      ),
    );
  });

  it("never calls two or more other humans a 1:1", () => {
    const human = fc.record({
      email: fc.emailAddress(),
      displayName: fc.option(fc.string(), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        title,
        fc.uniqueArray(human, { minLength: 2, maxLength: 6, selector: (h) => h.email.toLowerCase() }),
        fc.boolean(),
        settings,
        (t, others, recurring, prefs) => {
          fc.pre(others.every((o) => o.email.toLowerCase() !== SELF_EMAIL && !isResourceEmail(o.email)));
          const result = classifyEvent(
            { title: t, attendees: [me, ...others], selfEmail: SELF_EMAIL, recurring },
            prefs,
          );
          expect(result.isOneOnOne).toBe(false);
          expect(result.reason).toMatch(/^Group meeting \(\d+ guests\)$/);
        },
      ),
    );
  });

  it("never calls an event with nobody else a 1:1", () => {
    fc.assert(
      fc.property(title, fc.boolean(), settings, (t, recurring, prefs) => {
        const attendees = [me, room];
        expect(
          classifyEvent({ title: t, attendees, selfEmail: SELF_EMAIL, recurring }, prefs).isOneOnOne,
        ).toBe(false);
      }),
    );
  });

  it("ignores case and accents in markers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Einzelgespräch", "Tête-à-tête", "Reunião individual", "One-on-One"),
        (t) => {
          expect(byTitle(t.toUpperCase()).isOneOnOne).toBe(true);
          expect(byTitle(t.normalize("NFD")).isOneOnOne).toBe(true);
        },
      ),
    );
  });
});

describe("the company domain the organisation set", () => {
  const settings: DetectionSettings = { companyDomain: "acme.com" };

  it("tells a colleague from an outside guest when the page doesn't show the user's address", () => {
    const colleague = { title: "Catch up", attendees: [priya], recurring: true };
    const outsider = { title: "Catch up", attendees: [vendor], recurring: true };
    expect(classifyEvent(outsider).isOneOnOne).toBe(true);
    expect(classifyEvent(outsider, settings)).toMatchObject({
      isOneOnOne: false,
      reason: "External guest without a 1:1 marker",
    });
    expect(classifyEvent(colleague, settings)).toMatchObject({
      isOneOnOne: true,
      reason: "One colleague, catch up",
    });
  });

  it("counts a subdomain as the same company", () => {
    const engineer: Attendee = { email: "kai@eng.acme.com" };
    expect(
      classifyEvent({ title: "Customer escalations", attendees: [engineer], recurring: true }, settings),
    ).toMatchObject({ isOneOnOne: true, reason: "One colleague, recurring" });
  });

  it("gives way to the user's own address when the page shows it", () => {
    const signals = { title: "Catch up", attendees: [vendor], selfEmail: "sam@vendor.io", recurring: true };
    expect(classifyEvent(signals, settings)).toMatchObject({
      isOneOnOne: true,
      reason: "One colleague, catch up",
    });
  });

  it.each([42, "", "not a domain at all", "@"])("ignores %j", (companyDomain) => {
    const signals = { title: "Catch up", attendees: [vendor], recurring: true };
    expect(classifyEvent(signals, { companyDomain } as DetectionSettings)).toEqual(classifyEvent(signals));
  });
});
