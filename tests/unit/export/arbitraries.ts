import fc from "fast-check";
import { actionItemOwners, agendaSections, meetingKinds, meetingStatuses, type Person } from "@/lib/db";
import type { SampleRows } from "./sample";

/** Any instant a row may hold: the schema allows every non-negative safe integer. */
const epochMs = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }),
  fc.constantFrom(0, Number.MAX_SAFE_INTEGER),
);

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
      email: optional(fc.stringMatching(/^[a-z0-9]{1,12}$/)),
      displayName: text(),
      cadenceDays: fc.integer({ min: 1, max: 365 }),
      archivedAt: optional(epochMs),
    }),
    { selector: (p) => p.id, maxLength: 4 },
  )
  // The index in the address keeps emails unique, as the database requires.
  .map((people) =>
    people.map((p, i) =>
      compact<Person>({ ...p, email: p.email === undefined ? undefined : `${p.email}.${i}@example.com` }),
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
        kind: fc.constantFrom(...meetingKinds),
        kindSetByUser: optional(fc.boolean()),
        status: fc.constantFrom(...meetingStatuses),
        notes: text(200),
        answers: fc.dictionary(
          fc.string({ maxLength: 30 }).filter((k) => k !== "__proto__"),
          text(),
          { maxKeys: 4, noNullPrototype: true },
        ),
        happiness: optional(fc.integer({ min: 1, max: 10 })),
        updatedAt: epochMs,
      }),
      { selector: (m) => m.id, maxLength: 6 },
    )
    .map((meetings) =>
      meetings.map((m, i) => compact({ ...m, eventInstanceId: `${m.eventInstanceId}#${i}` })),
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
          discussedAt: optional(epochMs),
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
              doneAt: optional(epochMs),
              createdAt: epochMs,
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
          createdAt: epochMs,
          deliveredAt: optional(epochMs),
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
              askedAt: epochMs,
            }),
            4,
          )
        : fc.constant([]),
    });
  });
});
