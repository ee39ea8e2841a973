import { browser } from "wxt/browser";
import { z } from "zod";
import { type Question, type QuestionPurpose, questionBankFor, questionPurposes } from "@/lib/questions";
import {
  type AgendaSection,
  type AgendaSectionTemplate,
  type ConversationGuide,
  conversationGuidesIn,
  type GuidePrompt,
  type WeeklyTemplate,
  weeklyTemplate,
  weeklyTemplateFor,
} from "@/lib/templates";
import type { Language } from "./language-settings";
import { watchLocalKeys } from "./watch-local";

/**
 * The user's edits to the templates, kept as overrides of the defaults rather than as copies,
 * so a default that improves in a later version still reaches every field the user left alone.
 * The defaults themselves are never stored: they come in the language the pages speak, so a
 * field the user never edited follows a change of language, and one they edited stays theirs,
 * word for word, in whatever language they wrote it.
 *
 * Users edit wording, not structure. The weekly sections' keys are what agenda items store,
 * and guide prompt ids are what `meeting.answers` is keyed by; both stay fixed so answers from
 * earlier 1:1s keep their meaning. Prompt kinds are not editable either: the happiness prompt
 * stays a 1–10 score. Own questions get ids of their own ("custom.…") that never clash with
 * the bank's, because `questionsAsked` rows point at them for the rotation.
 */

export const TEMPLATES_KEY = "templates";

export const TEMPLATE_LIMITS = {
  title: 100,
  prompt: 500,
  minutes: 120,
  questions: 200,
  question: 300,
} as const;

export interface WeeklySectionOverride {
  title?: string;
  /** `null` takes the time box away: the section gets whatever time is left. */
  minutes?: number | null;
  prompt?: string;
}

export interface GuidePromptOverride {
  text?: string;
  hint?: string;
}

export interface OwnQuestion {
  id: string;
  purpose: QuestionPurpose;
  text: string;
}

export interface TemplateOverrides {
  weekly?: Partial<Record<AgendaSection, WeeklySectionOverride>>;
  /** By prompt id, for the monthly deep dive and the career conversation alike. */
  prompts?: Record<string, GuidePromptOverride>;
  questions?: OwnQuestion[];
}

export interface TemplateSet {
  weekly: WeeklyTemplate;
  monthly: ConversationGuide;
  career: ConversationGuide;
  /** The bank, then the user's own questions, all in the same rotation. */
  questions: readonly Question[];
}

/** The built-in templates and question bank in `language`. */
export function defaultTemplatesFor(language: Language): TemplateSet {
  const guides = conversationGuidesIn[language] ?? conversationGuidesIn.en;
  return {
    weekly: weeklyTemplateFor(language),
    monthly: guides.monthly,
    career: guides.career,
    questions: questionBankFor(language),
  };
}

/** The built-in templates in English. */
export const defaultTemplates: TemplateSet = defaultTemplatesFor("en");

const OWN_ID = /^custom\.[A-Za-z0-9-]{1,64}$/;
const PROMPT_ID = /^[a-z0-9.-]{1,100}$/;
/** Keys looked at in a stored record; anything past this is hand-edited or hostile. */
const MAX_KEYS = 500;

const title = z.string().trim().min(1).max(TEMPLATE_LIMITS.title);
const promptText = z.string().trim().min(1).max(TEMPLATE_LIMITS.prompt);
const minutes = z.number().int().min(0).max(TEMPLATE_LIMITS.minutes).nullable();
const ownQuestion = z.object({
  id: z.string().regex(OWN_ID),
  purpose: z.enum(questionPurposes).catch("context"),
  text: z.string().trim().min(1).max(TEMPLATE_LIMITS.question),
});

function field<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Storage can be edited by hand or left by another version: each bad part reads as "no
 * override" (its default), the good parts are kept, and nothing here throws.
 */
export function toTemplateOverrides(value: unknown): TemplateOverrides {
  const stored = recordOf(value);
  if (!stored) return {};
  const out: TemplateOverrides = {};

  const weeklyIn = recordOf(stored.weekly);
  if (weeklyIn) {
    const weekly: Partial<Record<AgendaSection, WeeklySectionOverride>> = {};
    for (const { key } of weeklyTemplate.sections) {
      const section = recordOf(Object.hasOwn(weeklyIn, key) ? weeklyIn[key] : undefined);
      if (!section) continue;
      const next: WeeklySectionOverride = {};
      const t = field(title, section.title);
      const m = field(minutes, section.minutes);
      const p = field(promptText, section.prompt);
      if (t !== undefined) next.title = t;
      if (m !== undefined) next.minutes = m;
      if (p !== undefined) next.prompt = p;
      if (Object.keys(next).length > 0) weekly[key] = next;
    }
    if (Object.keys(weekly).length > 0) out.weekly = weekly;
  }

  const promptsIn = recordOf(stored.prompts);
  if (promptsIn) {
    const prompts: [string, GuidePromptOverride][] = [];
    for (const [id, raw] of Object.entries(promptsIn).slice(0, MAX_KEYS)) {
      const prompt = recordOf(raw);
      if (!PROMPT_ID.test(id) || !prompt) continue;
      const next: GuidePromptOverride = {};
      const text = field(promptText, prompt.text);
      const hint = field(promptText, prompt.hint);
      if (text !== undefined) next.text = text;
      if (hint !== undefined) next.hint = hint;
      if (Object.keys(next).length > 0) prompts.push([id, next]);
    }
    // fromEntries defines own properties, so an id like "__proto__" cannot reach the prototype.
    if (prompts.length > 0) out.prompts = Object.fromEntries(prompts);
  }

  if (Array.isArray(stored.questions)) {
    const seen = new Set<string>();
    const questions: OwnQuestion[] = [];
    for (const raw of stored.questions.slice(0, TEMPLATE_LIMITS.questions)) {
      const q = field(ownQuestion, raw);
      if (!q || seen.has(q.id)) continue;
      seen.add(q.id);
      questions.push(q);
    }
    if (questions.length > 0) out.questions = questions;
  }

  return out;
}

/** The templates the user sees: the defaults with whatever valid overrides are stored. */
export function applyTemplateOverrides(defaults: TemplateSet, stored: unknown): TemplateSet {
  const overrides = toTemplateOverrides(stored);
  const weekly = overrides.weekly ?? {};
  const prompts = overrides.prompts ?? {};

  const section = (s: AgendaSectionTemplate): AgendaSectionTemplate => {
    const o = Object.hasOwn(weekly, s.key) ? weekly[s.key] : undefined;
    if (!o) return s;
    const { minutes: defaultMinutes, ...rest } = s;
    const m = o.minutes === undefined ? defaultMinutes : (o.minutes ?? undefined);
    return {
      ...rest,
      title: o.title ?? s.title,
      prompt: o.prompt ?? s.prompt,
      ...(m === undefined ? {} : { minutes: m }),
    };
  };

  const prompt = (p: GuidePrompt): GuidePrompt => {
    const o = Object.hasOwn(prompts, p.id) ? prompts[p.id] : undefined;
    if (!o) return p;
    const hint = o.hint ?? p.hint;
    return { id: p.id, kind: p.kind, text: o.text ?? p.text, ...(hint === undefined ? {} : { hint }) };
  };

  const guide = (g: ConversationGuide): ConversationGuide => ({
    ...g,
    sections: g.sections.map((s) => ({ ...s, prompts: s.prompts.map(prompt) })),
  });

  const taken = new Set(defaults.questions.map((q) => q.id));
  const own = (overrides.questions ?? []).filter((q) => !taken.has(q.id));

  return {
    weekly: { ...defaults.weekly, sections: defaults.weekly.sections.map(section) },
    monthly: guide(defaults.monthly),
    career: guide(defaults.career),
    questions: own.length > 0 ? [...defaults.questions, ...own] : defaults.questions,
  };
}

/** The guide a meeting of this kind follows in these templates; weekly and ad hoc 1:1s have none. */
export function guideIn(templates: TemplateSet, kind: string): ConversationGuide | undefined {
  if (kind === "monthly") return templates.monthly;
  if (kind === "career") return templates.career;
  return undefined;
}

export async function readTemplateOverrides(): Promise<TemplateOverrides> {
  const stored = await browser.storage.local.get(TEMPLATES_KEY);
  return toTemplateOverrides(stored[TEMPLATES_KEY]);
}

export async function readTemplates(language: Language = "en"): Promise<TemplateSet> {
  const stored = await browser.storage.local.get(TEMPLATES_KEY);
  return applyTemplateOverrides(defaultTemplatesFor(language), stored[TEMPLATES_KEY]);
}

/** Writes only what passes the guard; nothing left to override removes the key altogether. */
export async function setTemplateOverrides(overrides: TemplateOverrides): Promise<TemplateOverrides> {
  const clean = toTemplateOverrides(overrides);
  if (Object.keys(clean).length === 0) await browser.storage.local.remove(TEMPLATES_KEY);
  else await browser.storage.local.set({ [TEMPLATES_KEY]: clean });
  return clean;
}

/**
 * Reads, changes and writes in one go, so an edit made meanwhile in another tab is not
 * overwritten by a stale copy of the whole value.
 */
export async function updateTemplateOverrides(
  change: (current: TemplateOverrides) => TemplateOverrides,
): Promise<TemplateOverrides> {
  return setTemplateOverrides(change(await readTemplateOverrides()));
}

/** Calls back with the new overrides whenever they change anywhere; returns the unsubscribe. */
export function watchTemplateOverrides(onChange: (overrides: TemplateOverrides) => void): () => void {
  return watchLocalKeys([TEMPLATES_KEY], (changes) =>
    onChange(toTemplateOverrides(changes[TEMPLATES_KEY]?.newValue)),
  );
}
