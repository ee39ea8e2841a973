import type {
  ActionItem,
  AgendaItem,
  Feedback,
  GrowthPlan,
  Meeting,
  Person,
  PrepDatabase,
  QuestionAsked,
} from "@/lib/db";
import { searchIndexTables, statsTables, syncStateTables } from "@/lib/db";

export const at = (d: number, h = 15) => Date.UTC(2026, 10, d, h);

export interface SampleRows {
  people: Person[];
  meetings: Meeting[];
  agendaItems: AgendaItem[];
  actionItems: ActionItem[];
  feedback: Feedback[];
  growthPlans: GrowthPlan[];
  questionsAsked: QuestionAsked[];
}

/** Two reports with a bit of everything, written as the app would write them. */
export function sampleRows(): SampleRows {
  return {
    people: [
      { id: "p-priya", email: "priya@example.com", displayName: "Priya Raman", cadenceDays: 7 },
      { id: "p-jordan", displayName: "Jordan", cadenceDays: 14 },
    ],
    meetings: [
      {
        id: "m-1",
        personId: "p-priya",
        eventInstanceId: "evt_1",
        title: "Priya / Alex",
        startsAt: at(3),
        kind: "weekly",
        status: "held",
        notes: "Offsite budget is stuck.\nShe wants the API review.",
        answers: {},
        updatedAt: at(3, 16),
      },
      {
        id: "m-2",
        personId: "p-priya",
        eventInstanceId: "evt_2",
        startsAt: at(10),
        kind: "monthly",
        status: "held",
        notes: "",
        answers: { "monthly.make-it-a-10": "Fewer context switches." },
        happiness: 7,
        updatedAt: at(10, 16),
      },
      {
        id: "m-3",
        personId: "p-jordan",
        eventInstanceId: "evt_3",
        startsAt: at(12),
        kind: "adhoc",
        status: "planned",
        notes: "",
        answers: {},
        updatedAt: at(1),
      },
    ],
    agendaItems: [
      { id: "ag-1", personId: "p-priya", meetingId: "m-1", section: "theirs", text: "Budget", position: 0 },
      { id: "ag-2", personId: "p-priya", section: "mine", text: "Reorg", position: 1, discussedAt: at(10) },
    ],
    actionItems: [
      {
        id: "ai-1",
        personId: "p-priya",
        meetingId: "m-1",
        owner: "me",
        text: "Ask finance",
        dueAt: at(6),
        createdAt: at(3),
      },
      {
        id: "ai-2",
        personId: "p-priya",
        meetingId: "m-1",
        owner: "them",
        text: "Draft the plan",
        doneAt: at(8),
        createdAt: at(3),
      },
      {
        id: "ai-3",
        personId: "p-jordan",
        meetingId: "m-3",
        owner: "them",
        text: "Write-up",
        createdAt: at(1),
      },
    ],
    feedback: [
      {
        id: "fb-1",
        personId: "p-priya",
        situation: "In the incident review",
        behavior: "you walked through the timeline",
        impact: "we found the cause fast",
        request: "Keep doing it.",
        valence: "reinforcing",
        createdAt: at(2),
        deliveredAt: at(3),
        deliveredMeetingId: "m-1",
      },
    ],
    growthPlans: [
      {
        id: "gp-1",
        personId: "p-priya",
        quarter: "2026-Q4",
        goal: "Lead the API review",
        support: "Pairing",
        evidence: "",
        checkpoints: [{ dueAt: at(30), note: "First review", status: "open" }],
      },
    ],
    questionsAsked: [
      {
        id: "qa-1",
        personId: "p-priya",
        questionId: "blockers.need-from-me",
        meetingId: "m-1",
        askedAt: at(3),
      },
    ],
  };
}

/**
 * What another computer holds that opened the sample's first 1:1 (same event, same person) on its
 * own before it ever synced: the same people, and its own meeting for that event under a lower id,
 * empty as opening it left it.
 */
export function sampleRowsOpenedElsewhere(): SampleRows {
  const rows = sampleRows();
  const [meeting] = rows.meetings;
  if (!meeting) throw new Error("no sample meeting");
  return {
    ...rows,
    meetings: [{ ...meeting, id: "m-0", notes: "" }],
    agendaItems: [],
    actionItems: [],
    questionsAsked: [],
  };
}

/**
 * The sample with `count` meetings of its first 1:1, a day apart, in place of its own: years of
 * them, more than one sync batch holds.
 */
export function sampleWithMeetings(count: number, notes = (i: number) => `notes ${i}`): SampleRows {
  const rows = sampleRows();
  const template = rows.meetings[0];
  if (!template) throw new Error("no sample meeting");
  rows.meetings = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `m-${i}`,
    eventInstanceId: `evt_${i}`,
    startsAt: at(1) - i * 86_400_000,
    notes: notes(i),
  }));
  return rows;
}

export async function writeRows(db: PrepDatabase, rows: SampleRows) {
  await db.transaction("rw", db.tables, async () => {
    await db.people.bulkAdd(rows.people);
    await db.meetings.bulkAdd(rows.meetings);
    await db.agendaItems.bulkAdd(rows.agendaItems);
    await db.actionItems.bulkAdd(rows.actionItems);
    await db.feedback.bulkAdd(rows.feedback);
    await db.growthPlans.bulkAdd(rows.growthPlans);
    await db.questionsAsked.bulkAdd(rows.questionsAsked);
  });
}

/** The tables of what the manager wrote: the search index's own are derived from them. */
export function recordTables(db: PrepDatabase) {
  const derived = new Set<string>([...searchIndexTables, ...syncStateTables, ...statsTables]);
  return db.tables.filter((t) => !derived.has(t.name));
}

/** Every stored row of every table, as stored, for "nothing changed" checks. */
export async function snapshot(db: PrepDatabase): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(
    await Promise.all(recordTables(db).map(async (t) => [t.name, await t.toArray()])),
  );
}
