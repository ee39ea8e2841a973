import fc from "fast-check";
import {
  actionItemOwners,
  agendaSections,
  LATEST_DATE,
  meetingKinds,
  meetingStatuses,
  otherVersionSources,
  type Person,
} from "@/lib/db";
import { normalizeEmail } from "@/lib/detection";
import type { BackupSettings } from "@/lib/settings";
import type { SampleRows } from "./sample";

/** When the backups in these tests were made; anything that already happened lies before it. */
export const EXPORTED_AT = Date.UTC(2026, 10, 25, 9, 30);

/** Any planned instant a row may hold: 1970 to 2200, the ends included. */
const epochMs = fc.oneof(fc.integer({ min: 0, max: LATEST_DATE }), fc.constantFrom(0, LATEST_DATE));
/** A time something happened: never after the backup was made. */
const happenedAt = fc.oneof(fc.integer({ min: 0, max: EXPORTED_AT }), fc.constantFrom(0, EXPORTED_AT));

/**
 * Addresses as the page and the Calendar API hand them over: accents, IDN and punycode domains,
 * look-alike letters of other scripts, zero-width characters and capitals, all through the one
 * email rule, as everything stored is.
 */
const email = fc
  .tuple(
    fc.constantFrom(
      "josé",
      "ivan",
      "іvan",
      "zoë",
      "李雷",
      "a.b+c",
      "PRIYA",
      "pri\u200Bya",
      "o'brien",
      "ñandú",
    ),
    fc.constantFrom("exämple.com", "xn--bcher-kva.example", "example.com", "例え.jp", "EXAMPLE.org"),
  )
  .map(([local, domain]) => normalizeEmail(`${local}@${domain}`) as string);

/** Text as people type it, and as a hostile file would carry it. */
const text = (maxLength = 40) =>
  fc.oneof(
    fc.string({ maxLength, unit: "grapheme" }),
    fc.string({ maxLength, unit: "binary" }),
    fc.constantFrom("<script>alert(1)</script>", "# heading", "[x](javascript:alert(1))", "__proto__", ""),
  );

const id = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 32, unit: "binary" }));

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops keys whose value is undefined: a stored row lacks the field rather than holding undefined. */
function compact<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

const peopleArb = fc
  .uniqueArray(
    fc.record({
      id,
      email: optional(email),
      displayName: text(),
      cadenceDays: fc.integer({ min: 1, max: 365 }),
      archivedAt: optional(happenedAt),
    }),
    { selector: (p) => p.id, maxLength: 4 },
  )
  // The index in the address keeps emails unique, as the database requires.
  .map((people) =>
    people.map((p, i) =>
      compact<Person>({ ...p, email: p.email === undefined ? undefined : p.email.replace("@", `.${i}@`) }),
    ),
  );

/** A whole database with consistent references: every row belongs to a generated person and meeting. */
export const databaseArb: fc.Arbitrary<SampleRows> = peopleArb.chain((people) => {
  if (people.length === 0) {
    return fc.constant({
      people,
      meetings: [],
      agendaItems: [],
      actionItems: [],
      feedback: [],
      growthPlans: [],
      questionsAsked: [],
    });
  }
  const personId = fc.constantFrom(...people.map((p) => p.id));
  const meetingsArb = fc
    .uniqueArray(
      fc.record({
        id,
        personId,
        eventInstanceId: fc.string({ minLength: 1, maxLength: 40 }),
        seriesId: optional(fc.string({ maxLength: 40 })),
        eid: optional(fc.string({ maxLength: 40 })),
        title: optional(text()),
        startsAt: epochMs,
        /** minutes; the end is only kept after the start, inside the date range */
        length: optional(fc.integer({ min: 1, max: 24 * 60 })),
        kind: fc.constantFrom(...meetingKinds),
        kindSetByUser: optional(fc.boolean()),
        statusSetByUser: optional(fc.boolean()),
        status: fc.constantFrom(...meetingStatuses),
        notes: text(200),
        answers: fc.dictionary(
          fc.string({ maxLength: 30 }).filter((k) => k !== "__proto__"),
          text(),
          { maxKeys: 4, noNullPrototype: true },
        ),
        happiness: optional(fc.integer({ min: 1, max: 10 })),
        timedBoxes: optional(
          fc.array(
            fc.record({
              section: fc.constantFrom(...agendaSections),
              plannedMinutes: fc.integer({ min: 0, max: 90 }),
              actualMinutes: fc.integer({ min: 0, max: 90 }),
            }),
            { maxLength: 4 },
          ),
        ),
        updatedAt: happenedAt,
        otherVersions: optional(
          fc.array(
            fc
              .record(
                {
                  text: text(60),
                  savedAt: happenedAt,
                  from: fc.constantFrom(...otherVersionSources),
                  promptId: fc.string({ maxLength: 20 }),
                },
                { requiredKeys: ["text", "savedAt", "from"] },
              )
              .map(compact),
            { minLength: 1, maxLength: 2 },
          ),
        ),
      }),
      { selector: (m) => m.id, maxLength: 6 },
    )
    .map((meetings) =>
      meetings.map(({ length, ...m }, i) => {
        const endsAt = length === undefined ? undefined : m.startsAt + length * 60_000;
        return compact({
          ...m,
          eventInstanceId: `${m.eventInstanceId}#${i}`,
          endsAt: endsAt !== undefined && endsAt <= LATEST_DATE ? endsAt : undefined,
        });
      }),
    );

  return meetingsArb.chain((meetings) => {
    const meetingId =
      meetings.length > 0 ? fc.constantFrom(...meetings.map((m) => m.id)) : fc.constant(undefined);
    const rows = <T>(arb: fc.Arbitrary<T & { id: string }>, maxLength: number) =>
      fc.uniqueArray(arb, { selector: (r) => r.id, maxLength }).map((list) => list.map(compact));
    const withMeeting = meetings.length > 0;
    const requiredMeeting = meetingId as fc.Arbitrary<string>;
    return fc.record({
      people: fc.constant(people),
      meetings: fc.constant(meetings),
      agendaItems: rows(
        fc.record({
          id,
          personId,
          meetingId: withMeeting ? optional(requiredMeeting) : fc.constant(undefined),
          section: fc.constantFrom(...agendaSections),
          text: text(),
          // JSON has no -0, so a backup can't tell it from 0; positions only order items, and the
          // app never computes one.
          position: fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
          discussedAt: optional(happenedAt),
        }),
        6,
      ),
      actionItems: withMeeting
        ? rows(
            fc.record({
              id,
              personId,
              meetingId: requiredMeeting,
              owner: fc.constantFrom(...actionItemOwners),
              text: text(),
              dueAt: optional(epochMs),
              doneAt: optional(happenedAt),
              createdAt: happenedAt,
            }),
            6,
          )
        : fc.constant([]),
      feedback: rows(
        fc.record({
          id,
          personId,
          situation: text(),
          behavior: text(),
          impact: text(),
          request: text(),
          valence: fc.constantFrom("reinforcing" as const, "redirecting" as const),
          createdAt: happenedAt,
          deliveredAt: optional(happenedAt),
          deliveredMeetingId: withMeeting ? optional(requiredMeeting) : fc.constant(undefined),
        }),
        4,
      ),
      growthPlans: rows(
        fc.record({
          id,
          personId,
          quarter: fc
            .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 4 }))
            .map(([y, q]) => `${y}-Q${q}`),
          goal: text(),
          support: text(),
          evidence: text(),
          checkpoints: fc.array(
            fc.record({
              dueAt: epochMs,
              note: text(),
              status: fc.constantFrom("open" as const, "done" as const, "missed" as const),
            }),
            { maxLength: 3 },
          ),
        }),
        3,
      ),
      questionsAsked: withMeeting
        ? rows(
            fc.record({
              id,
              personId,
              questionId: fc.string({ maxLength: 30 }),
              meetingId: requiredMeeting,
              askedAt: happenedAt,
            }),
            4,
          )
        : fc.constant([]),
    });
  });
});

/** Settings as the options page stores them, any subset set. */
export const settingsArb: fc.Arbitrary<BackupSettings> = fc
  .record(
    {
      myEmail: email,
      detectionSettings: fc.record({
        keywords: fc.array(fc.constantFrom("Sync", "Einzelgespräch", "tête-à-tête"), { maxLength: 3 }),
        exclusions: fc.array(fc.constantFrom("Standup", "Retro"), { maxLength: 2 }),
      }),
      // Never "__proto__": assigning it stores no key, and a backup holding one is refused.
      detectionOverrides: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 20 }).filter((key) => key !== "__proto__"),
        fc.boolean(),
        {
          maxKeys: 3,
          noNullPrototype: true,
        },
      ),
      sidebarOffFor: fc.uniqueArray(email, { maxLength: 2 }),
      badgeScope: fc.constantFrom("all", "mine"),
      defaultCadenceDays: fc.integer({ min: 1, max: 365 }),
      meetingKindRules: fc.record({
        monthlyDeepDive: fc.constantFrom("off", "first-of-month"),
        careerEvery: fc.constantFrom("off", "quarter"),
      }),
      templates: fc.constantFrom(
        {},
        { weekly: { theirs: { title: "Their topics", minutes: 20 } } },
        { questions: [{ id: "custom.q1", purpose: "growth", text: "What did you learn?" }] },
      ),
      reminderMinutes: fc.constantFrom(0, 5, 15, 60),
      autoBackup: fc.record({
        every: fc.constantFrom("day", "week"),
        keep: fc.integer({ min: 1, max: 100 }),
      }),
    },
    { requiredKeys: [] },
  )
  .map((settings) => settings as BackupSettings);
