import { format, isValid } from "date-fns";
import { countsAsHeld } from "@/lib/cadence";
import {
  type ActionItem,
  type Feedback,
  type GrowthPlan,
  type Meeting,
  type Person,
  type PrepDatabase,
  personRecord,
} from "@/lib/db";
import { conversationGuides, guidePrompt } from "@/lib/templates";

/**
 * Makes user text render as the same text in any CommonMark or GitHub Markdown viewer: no
 * headings, lists, links, emphasis, tables or HTML of its own. Lines are kept (as hard breaks),
 * paragraphs too; `indent` is put before every continuation line so the text stays inside the
 * list item it is written in.
 */
export function escapeMarkdown(text: string, indent = ""): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.split("\n").map(escapeLine).filter(Boolean))
    .filter((lines) => lines.length > 0);
  // A backslash at the end of a line is a hard line break, so the lines don't run together.
  return paragraphs.map((lines) => lines.join(`\\\n${indent}`)).join(`\n\n${indent}`);
}

/** For a name or title on one line, such as a heading: line breaks become spaces. */
function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, " "));
}

function escapeLine(line: string): string {
  // Every ASCII punctuation mark may be backslash-escaped; these are the ones that start markup
  // anywhere in a line: code, emphasis, links, images, HTML, entities, tables, strikethrough, math.
  let out = line.trim().replace(/[\\`*_[\]<>&|~$]/g, "\\$&");
  // These only mean something at the start of a line: headings, quotes, lists, setext underlines.
  out = out.replace(/^([#+\-=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
  // Indentation would make a code block; a no-break space indents without meaning anything.
  const indent = line.match(/^[ \t]*/)?.[0].replace(/\t/g, "    ") ?? "";
  return out === "" ? "" : "\u00a0".repeat(indent.length) + out;
}

function day(ms: number | undefined): string {
  if (ms === undefined || !isValid(ms)) return "an unknown date";
  return format(ms, "EEE d MMM yyyy");
}

function dayAndTime(ms: number): string {
  return isValid(ms) ? format(ms, "EEE d MMM yyyy, HH:mm") : "an unknown date";
}

const kindLabels: Record<Meeting["kind"], string> = {
  weekly: "Weekly 1:1",
  monthly: "Monthly deep dive",
  career: "Career conversation",
  adhoc: "Ad hoc 1:1",
};

/** Prompts in the order the guides ask them, so answers read like the conversation went. */
const promptOrder = new Map(
  conversationGuides
    .flatMap((g) => g.sections.flatMap((s) => s.prompts.map((p) => p.id)))
    .map((id, i) => [id, i]),
);

function meetingSection(m: Meeting, now: number): string[] {
  // A past 1:1 nobody marked skipped or cancelled happened, as everywhere else in 1:1 Prep.
  const status = countsAsHeld(m, now) ? "held" : m.status;
  const out = [`### ${dayAndTime(m.startsAt)} · ${kindLabels[m.kind]} · ${status}`, ""];
  const facts = [
    m.title ? `- Event: ${escapeInline(m.title)}` : undefined,
    m.happiness !== undefined ? `- Happiness: ${m.happiness}/10` : undefined,
  ].filter((line) => line !== undefined);
  if (facts.length > 0) out.push(...facts, "");
  if (m.notes.trim()) out.push("**Notes**", "", escapeMarkdown(m.notes), "");
  const answers = Object.entries(m.answers)
    .filter(([, text]) => text.trim() !== "")
    .sort(([a], [b]) => (promptOrder.get(a) ?? promptOrder.size) - (promptOrder.get(b) ?? promptOrder.size));
  for (const [promptId, text] of answers) {
    out.push(`**${escapeInline(guidePrompt(promptId)?.text ?? promptId)}**`, "", escapeMarkdown(text), "");
  }
  return out;
}

function actionItemLine(item: ActionItem, person: Person, now: number): string {
  const owner = item.owner === "me" ? "you" : escapeInline(person.displayName);
  const facts = [`owner: ${owner}`];
  if (item.dueAt !== undefined) {
    const overdue = item.doneAt === undefined && item.dueAt < now;
    facts.push(`due ${day(item.dueAt)}${overdue ? " (overdue)" : ""}`);
  }
  if (item.doneAt !== undefined) facts.push(`done ${day(item.doneAt)}`);
  facts.push(`agreed ${day(item.createdAt)}`);
  const box = item.doneAt === undefined ? "[ ]" : "[x]";
  return `- ${box} ${escapeMarkdown(item.text, "  ") || "(no text)"}\\\n  ${facts.join(" · ")}`;
}

function feedbackSection(f: Feedback): string[] {
  const valence = f.valence === "reinforcing" ? "Reinforcing" : "Redirecting";
  const when = f.deliveredAt !== undefined ? `given ${day(f.deliveredAt)}` : "not given yet";
  const field = (label: string, text: string) =>
    text.trim() ? [`- **${label}:** ${escapeMarkdown(text, "  ")}`] : [];
  return [
    `### ${valence}, ${when}`,
    "",
    `- Written: ${day(f.createdAt)}`,
    ...field("Situation", f.situation),
    ...field("Behavior", f.behavior),
    ...field("Impact", f.impact),
    ...field("Request", f.request),
    "",
  ];
}

function growthPlanSection(g: GrowthPlan): string[] {
  const field = (label: string, text: string) =>
    text.trim() ? [`- **${label}:** ${escapeMarkdown(text, "  ")}`] : [];
  const out = [
    `### ${g.quarter}`,
    "",
    ...field("Goal", g.goal),
    ...field("Support", g.support),
    ...field("Evidence", g.evidence),
  ];
  if (g.checkpoints.length > 0) {
    out.push("- **Checkpoints:**");
    for (const c of [...g.checkpoints].sort((a, b) => a.dueAt - b.dueAt)) {
      const note = c.note.trim() ? `: ${escapeMarkdown(c.note, "    ")}` : "";
      out.push(`  - ${day(c.dueAt)}, ${c.status}${note}`);
    }
  }
  out.push("");
  return out;
}

/**
 * One person's whole history as a Markdown document to read or print: meetings newest first,
 * action items open first, feedback and growth plans. Everything the manager wrote is escaped,
 * so it shows as text and no markup or HTML of theirs comes through.
 */
export async function personToMarkdown(
  db: PrepDatabase,
  personId: string,
  now = Date.now(),
): Promise<string> {
  const read = await personRecord(db, personId);
  const { person } = read;

  const out = [`# ${escapeInline(person.displayName) || "(no name)"}`, ""];
  out.push(`- Email: ${person.email ? escapeInline(person.email) : "none"}`);
  out.push(`- Cadence: a 1:1 every ${person.cadenceDays} day${person.cadenceDays === 1 ? "" : "s"}`);
  if (person.archivedAt !== undefined) out.push(`- Archived: ${day(person.archivedAt)}`);
  out.push(`- Exported: ${day(now)}, from 1:1 Prep. Private notes: keep this document safe.`, "");

  out.push("## Meetings", "");
  const meetings = read.meetings.sort((a, b) => b.startsAt - a.startsAt);
  if (meetings.length === 0) out.push("No meetings yet.", "");
  for (const m of meetings) out.push(...meetingSection(m, now));

  out.push("## Action items", "");
  const open = read.actionItems
    .filter((a) => a.doneAt === undefined)
    .sort(
      (a, b) =>
        (a.dueAt ?? Number.POSITIVE_INFINITY) - (b.dueAt ?? Number.POSITIVE_INFINITY) ||
        a.createdAt - b.createdAt,
    );
  const done = read.actionItems
    .filter((a) => a.doneAt !== undefined)
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  if (open.length + done.length === 0) out.push("No action items.", "");
  if (open.length > 0) out.push("### Open", "", ...open.map((a) => actionItemLine(a, person, now)), "");
  if (done.length > 0) out.push("### Done", "", ...done.map((a) => actionItemLine(a, person, now)), "");

  out.push("## Feedback", "");
  const feedback = read.feedback.sort((a, b) => b.createdAt - a.createdAt);
  if (feedback.length === 0) out.push("No feedback written.", "");
  for (const f of feedback) out.push(...feedbackSection(f));

  out.push("## Growth plans", "");
  const plans = read.growthPlans.sort((a, b) => (a.quarter < b.quarter ? 1 : a.quarter > b.quarter ? -1 : 0));
  if (plans.length === 0) out.push("No growth plans.", "");
  for (const g of plans) out.push(...growthPlanSection(g));

  return `${out.join("\n").trimEnd()}\n`;
}
