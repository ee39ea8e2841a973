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
import type { Language } from "@/lib/settings";
import { conversationGuides, guidePrompt } from "@/lib/templates";
import { type MarkdownWords, markdownWordsFor } from "./markdown-words";

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

/** The fixed words and the dates of one export, in the language it is written in. */
interface Writer {
  language: Language;
  words: MarkdownWords;
  day(ms: number | undefined): string;
  dayAndTime(ms: number): string;
  /** "- **Label:** text", or nothing for empty text */
  field(label: string, text: string): string[];
}

function writerFor(language: Language): Writer {
  const words = markdownWordsFor(language);
  const { locale, day, dayAndTime } = words.dates;
  const options = locale ? { locale } : {};
  return {
    language,
    words,
    day: (ms) => (ms === undefined || !isValid(ms) ? words.unknownDate : format(ms, day, options)),
    dayAndTime: (ms) => (isValid(ms) ? format(ms, dayAndTime, options) : words.unknownDate),
    field: (label, text) =>
      text.trim() ? [`- **${label}${words.colon}** ${escapeMarkdown(text, "  ")}`] : [],
  };
}

/** Prompts in the order the guides ask them, so answers read like the conversation went. */
const promptOrder = new Map(
  conversationGuides
    .flatMap((g) => g.sections.flatMap((s) => s.prompts.map((p) => p.id)))
    .map((id, i) => [id, i]),
);

function meetingSection(m: Meeting, now: number, w: Writer): string[] {
  const { words } = w;
  // A past 1:1 nobody marked skipped or cancelled happened, as everywhere else in 1:1 Prep.
  const status = words.statuses[countsAsHeld(m, now) ? "held" : m.status];
  const out = [`### ${w.dayAndTime(m.startsAt)} · ${words.kinds[m.kind]} · ${status}`, ""];
  const facts = [
    m.title ? `- ${words.event}${words.colon} ${escapeInline(m.title)}` : undefined,
    m.happiness !== undefined ? `- ${words.happiness}${words.colon} ${m.happiness}/10` : undefined,
  ].filter((line) => line !== undefined);
  if (facts.length > 0) out.push(...facts, "");
  if (m.notes.trim()) out.push(`**${words.notes}**`, "", escapeMarkdown(m.notes), "");
  const answers = Object.entries(m.answers)
    .filter(([, text]) => text.trim() !== "")
    .sort(([a], [b]) => (promptOrder.get(a) ?? promptOrder.size) - (promptOrder.get(b) ?? promptOrder.size));
  for (const [promptId, text] of answers) {
    const prompt = guidePrompt(promptId, w.language) ?? guidePrompt(promptId);
    out.push(`**${escapeInline(prompt?.text ?? promptId)}**`, "", escapeMarkdown(text), "");
  }
  return out;
}

function actionItemLine(item: ActionItem, person: Person, now: number, w: Writer): string {
  const { words } = w;
  const owner = item.owner === "me" ? words.you : escapeInline(person.displayName);
  const facts = [`${words.owner}${words.colon} ${owner}`];
  if (item.dueAt !== undefined) {
    const overdue = item.doneAt === undefined && item.dueAt < now;
    facts.push(`${words.due(w.day(item.dueAt))}${overdue ? ` (${words.overdue})` : ""}`);
  }
  if (item.doneAt !== undefined) facts.push(words.doneOn(w.day(item.doneAt)));
  facts.push(words.agreed(w.day(item.createdAt)));
  const box = item.doneAt === undefined ? "[ ]" : "[x]";
  return `- ${box} ${escapeMarkdown(item.text, "  ") || words.noText}\\\n  ${facts.join(" · ")}`;
}

function feedbackSection(f: Feedback, w: Writer): string[] {
  const { words } = w;
  const valence = f.valence === "reinforcing" ? words.reinforcing : words.redirecting;
  const when = f.deliveredAt !== undefined ? words.given(w.day(f.deliveredAt)) : words.notGivenYet;
  return [
    `### ${valence}, ${when}`,
    "",
    `- ${words.written}${words.colon} ${w.day(f.createdAt)}`,
    ...w.field(words.situation, f.situation),
    ...w.field(words.behavior, f.behavior),
    ...w.field(words.impact, f.impact),
    ...w.field(words.request, f.request),
    "",
  ];
}

function growthPlanSection(g: GrowthPlan, w: Writer): string[] {
  const { words } = w;
  const out = [
    `### ${g.quarter}`,
    "",
    ...w.field(words.goal, g.goal),
    ...w.field(words.support, g.support),
    ...w.field(words.evidence, g.evidence),
  ];
  if (g.checkpoints.length > 0) {
    out.push(`- **${words.checkpoints}${words.colon}**`);
    for (const c of [...g.checkpoints].sort((a, b) => a.dueAt - b.dueAt)) {
      const note = c.note.trim() ? `${words.colon} ${escapeMarkdown(c.note, "    ")}` : "";
      out.push(`  - ${w.day(c.dueAt)}, ${words.checkpointStatuses[c.status]}${note}`);
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
  language: Language = "en",
): Promise<string> {
  const read = await personRecord(db, personId);
  const { person } = read;
  const w = writerFor(language);
  const { words } = w;
  const line = (label: string, text: string) => `- ${label}${words.colon} ${text}`;

  const out = [`# ${escapeInline(person.displayName) || words.noName}`, ""];
  out.push(line(words.email, person.email ? escapeInline(person.email) : words.none));
  out.push(line(words.cadence, words.everyDays(person.cadenceDays)));
  if (person.archivedAt !== undefined) out.push(line(words.archived, w.day(person.archivedAt)));
  out.push(line(words.exported, words.exportedOn(w.day(now))), "");

  out.push(`## ${words.meetings}`, "");
  const meetings = read.meetings.sort((a, b) => b.startsAt - a.startsAt);
  if (meetings.length === 0) out.push(words.noMeetings, "");
  for (const m of meetings) out.push(...meetingSection(m, now, w));

  out.push(`## ${words.actionItems}`, "");
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
  if (open.length + done.length === 0) out.push(words.noActionItems, "");
  if (open.length > 0)
    out.push(`### ${words.open}`, "", ...open.map((a) => actionItemLine(a, person, now, w)), "");
  if (done.length > 0)
    out.push(`### ${words.done}`, "", ...done.map((a) => actionItemLine(a, person, now, w)), "");

  out.push(`## ${words.feedback}`, "");
  const feedback = read.feedback.sort((a, b) => b.createdAt - a.createdAt);
  if (feedback.length === 0) out.push(words.noFeedback, "");
  for (const f of feedback) out.push(...feedbackSection(f, w));

  out.push(`## ${words.growthPlans}`, "");
  const plans = read.growthPlans.sort((a, b) => (a.quarter < b.quarter ? 1 : a.quarter > b.quarter ? -1 : 0));
  if (plans.length === 0) out.push(words.noGrowthPlans, "");
  for (const g of plans) out.push(...growthPlanSection(g, w));

  return `${out.join("\n").trimEnd()}\n`;
}
