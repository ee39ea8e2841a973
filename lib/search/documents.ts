import type { ActionItem, AgendaItem, Feedback, GrowthPlan, Meeting, Person, SearchedTable } from "@/lib/db";

/** What a result is, as the manager filters them. */
export const searchKinds = ["note", "item", "feedback", "plan"] as const;
export type SearchKind = (typeof searchKinds)[number];

/** What a document is, finer than the filter: answers count as notes, agenda items as items. */
export type DocumentKind = "note" | "answer" | "agenda" | "action" | "feedback" | "plan" | "person";

export const kindOfDocument: Record<DocumentKind, SearchKind | undefined> = {
  note: "note",
  answer: "note",
  agenda: "item",
  action: "item",
  feedback: "feedback",
  plan: "plan",
  person: undefined,
};

/** One searchable text: a meeting's notes, an item, a piece of feedback, a plan, a name. */
export interface SearchDocument {
  /** `${kind}:${row id}` */
  id: string;
  kind: DocumentKind;
  /** the row it comes from */
  rowId: string;
  personId: string;
  meetingId?: string;
  /** when it was written or took place; a name has none */
  date?: number;
  text: string;
}

export function documentId(kind: DocumentKind, rowId: string): string {
  return `${kind}:${rowId}`;
}

/** The documents a row of this table may give, to take out before its new ones go in. */
export function documentIdsOfRow(table: SearchedTable, rowId: string): string[] {
  switch (table) {
    case "people":
      return [documentId("person", rowId)];
    case "meetings":
      return [documentId("note", rowId), documentId("answer", rowId)];
    case "agendaItems":
      return [documentId("agenda", rowId)];
    case "actionItems":
      return [documentId("action", rowId)];
    case "feedback":
      return [documentId("feedback", rowId)];
    case "growthPlans":
      return [documentId("plan", rowId)];
  }
}

/** The four parts of SBI feedback, in the order they are told. */
export function feedbackText(f: Pick<Feedback, "situation" | "behavior" | "impact" | "request">): string {
  return [f.situation, f.behavior, f.impact, f.request].filter((t) => t.trim() !== "").join(" — ");
}

export function answersText(m: Pick<Meeting, "answers">): string {
  return Object.values(m.answers)
    .filter((t) => t.trim() !== "")
    .join(" — ");
}

export function planText(p: Pick<GrowthPlan, "goal" | "support" | "evidence" | "checkpoints">): string {
  return [p.goal, p.support, p.evidence, ...p.checkpoints.map((c) => c.note)]
    .filter((t) => t.trim() !== "")
    .join(" — ");
}

/** The first day of a plan's quarter ("2026-Q4"). */
export function quarterDate(quarter: string): number | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1) : undefined;
}

export interface SearchableRows {
  people: readonly Person[];
  meetings: readonly Meeting[];
  agendaItems: readonly AgendaItem[];
  actionItems: readonly ActionItem[];
  feedback: readonly Feedback[];
  growthPlans: readonly GrowthPlan[];
}

/**
 * The documents these rows give. An agenda item takes its date from its meeting, found among
 * `rows.meetings`. Empty texts give none.
 */
export function searchDocuments(rows: SearchableRows): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const meetingDate = new Map(rows.meetings.map((m) => [m.id, m.startsAt]));
  const add = (doc: SearchDocument) => {
    if (doc.text.trim() !== "") docs.push(doc);
  };
  for (const p of rows.people)
    add({ id: documentId("person", p.id), kind: "person", rowId: p.id, personId: p.id, text: p.displayName });
  for (const m of rows.meetings) {
    const base = { rowId: m.id, personId: m.personId, meetingId: m.id, date: m.startsAt };
    add({ id: documentId("note", m.id), kind: "note", ...base, text: m.notes });
    add({ id: documentId("answer", m.id), kind: "answer", ...base, text: answersText(m) });
  }
  for (const a of rows.agendaItems) {
    const date = a.meetingId ? meetingDate.get(a.meetingId) : undefined;
    add({
      id: documentId("agenda", a.id),
      kind: "agenda",
      rowId: a.id,
      personId: a.personId,
      ...(a.meetingId ? { meetingId: a.meetingId } : {}),
      ...(date !== undefined ? { date } : {}),
      text: a.text,
    });
  }
  for (const i of rows.actionItems)
    add({
      id: documentId("action", i.id),
      kind: "action",
      rowId: i.id,
      personId: i.personId,
      meetingId: i.meetingId,
      date: i.createdAt,
      text: i.text,
    });
  for (const f of rows.feedback)
    add({
      id: documentId("feedback", f.id),
      kind: "feedback",
      rowId: f.id,
      personId: f.personId,
      ...(f.deliveredMeetingId ? { meetingId: f.deliveredMeetingId } : {}),
      date: f.createdAt,
      text: feedbackText(f),
    });
  for (const g of rows.growthPlans) {
    const date = quarterDate(g.quarter);
    add({
      id: documentId("plan", g.id),
      kind: "plan",
      rowId: g.id,
      personId: g.personId,
      ...(date !== undefined ? { date } : {}),
      text: planText(g),
    });
  }
  return docs;
}
