import type { ActionItem, Meeting, Person, SearchedTable, SearchHitRows } from "@/lib/db";
import { answersText, type DocumentKind, feedbackText, planText } from "./documents";
import type { SearchHit } from "./engine";
import { matcher, snippet, type TextPart } from "./text";

/** One result as the popup shows it, read from the row as it is now. */
export interface SearchResultRow {
  hit: SearchHit;
  /** the snippet, matched words marked */
  parts: TextPart[];
  /** set for an action item: it can be ticked from the result */
  actionItem?: ActionItem;
  /** the meeting the result belongs to, when it has one, to open its prep */
  meeting?: Meeting;
}

export interface SearchResultGroup {
  person: Person;
  /** newest first */
  results: SearchResultRow[];
}

export const tableOfKind: Record<DocumentKind, SearchedTable> = {
  note: "meetings",
  answer: "meetings",
  agenda: "agendaItems",
  action: "actionItems",
  feedback: "feedback",
  plan: "growthPlans",
  person: "people",
};

/** Which rows to read for these hits: each hit's own, its person's and its meeting's. */
export function rowsToRead(hits: readonly SearchHit[]): { [T in SearchedTable]: string[] } {
  const keys: { [T in SearchedTable]: string[] } = {
    people: [],
    meetings: [],
    agendaItems: [],
    actionItems: [],
    feedback: [],
    growthPlans: [],
  };
  for (const hit of hits) {
    keys[tableOfKind[hit.kind]].push(hit.rowId);
    keys.people.push(hit.personId);
    if (hit.meetingId) keys.meetings.push(hit.meetingId);
  }
  return keys;
}

function textNow(hit: SearchHit, rows: SearchHitRows): string | undefined {
  switch (hit.kind) {
    case "note":
      return rows.meetings.get(hit.rowId)?.notes;
    case "answer": {
      const m = rows.meetings.get(hit.rowId);
      return m && answersText(m);
    }
    case "agenda":
      return rows.agendaItems.get(hit.rowId)?.text;
    case "action":
      return rows.actionItems.get(hit.rowId)?.text;
    case "feedback": {
      const f = rows.feedback.get(hit.rowId);
      return f && feedbackText(f);
    }
    case "plan": {
      const p = rows.growthPlans.get(hit.rowId);
      return p && planText(p);
    }
    case "person":
      return rows.people.get(hit.rowId)?.displayName;
  }
}

/**
 * Hits grouped by person, each group newest first and the group with the newest result first;
 * names (which have no date) come first in their person's group. A hit whose row or person is
 * gone since the index last saw it is left out, and the text shown is the row's text now.
 */
export function groupResults(hits: readonly SearchHit[], rows: SearchHitRows): SearchResultGroup[] {
  const groups = new Map<string, SearchResultGroup>();
  for (const hit of hits) {
    const person = rows.people.get(hit.personId);
    const text = textNow(hit, rows);
    if (!person || text === undefined) continue;
    const meeting = hit.meetingId ? rows.meetings.get(hit.meetingId) : undefined;
    // A meeting now with someone else is not this person's to show under their name.
    if (meeting && meeting.personId !== person.id) continue;
    const actionItem = hit.kind === "action" ? rows.actionItems.get(hit.rowId) : undefined;
    const row: SearchResultRow = {
      hit,
      parts: snippet(text, matcher(hit.found, hit.queryTerms)),
      ...(actionItem ? { actionItem } : {}),
      ...(meeting ? { meeting } : {}),
    };
    const group = groups.get(person.id) ?? { person, results: [] };
    group.results.push(row);
    groups.set(person.id, group);
  }
  const newest = (g: SearchResultGroup) => Math.max(...g.results.map((r) => r.hit.date ?? -1));
  const sorted = [...groups.values()];
  for (const g of sorted)
    g.results.sort(
      (a, b) => (b.hit.date ?? Number.POSITIVE_INFINITY) - (a.hit.date ?? Number.POSITIVE_INFINITY),
    );
  return sorted.sort((a, b) => newest(b) - newest(a));
}
