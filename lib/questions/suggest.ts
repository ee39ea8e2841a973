import type { Meeting } from "@/lib/db";
import { type Question, type QuestionPurpose, questionPurposes } from "./bank";

/** A question from the bank or one the user added; user questions may leave the purpose out. */
export interface QuestionInput {
  id: string;
  text: string;
  purpose?: QuestionPurpose;
}

/** One question asked in one meeting; `questionsAsked` rows fit as they are. */
export interface AskedQuestion {
  questionId: string;
  meetingId: string;
  askedAt: number;
  /** When present and `personId` is given, rows for other people are ignored. */
  personId?: string;
}

/** A meeting with the person, in any order. Cancelled and skipped ones are not counted. */
export interface MeetingRef {
  id: string;
  startsAt: number;
  status?: Meeting["status"];
}

export interface SuggestQuestionsInput {
  bank: readonly QuestionInput[];
  /** What was asked with this person, in any meeting. */
  asked: readonly AskedQuestion[];
  personId?: string;
  meetingsWithPerson: readonly MeetingRef[];
  /**
   * The meeting being prepared. Only meetings before it count towards the rotation, and
   * what is ticked as asked in it does not reshuffle its own suggestions.
   */
  current?: { id: string; startsAt: number };
  count?: number;
  /** Same seed, same suggestions: use the meeting id so reopening a meeting shows the same ones. */
  seed: string;
  /**
   * Questions not to show. Each excluded suggestion is replaced in place and the others stay
   * put, so a shuffle button passes every id it has dismissed for this meeting.
   */
  exclude?: readonly string[];
}

/** A question asked in any of the person's last this-many meetings is not suggested again. */
export const ROTATION_MEETINGS = 6;

interface Ranked {
  question: Question;
  /** 0 never asked, 1 asked before the rotation window, 2 asked within it */
  tier: 0 | 1 | 2;
  lastAskedAt: number;
  hash: number;
}

/**
 * Suggests `count` open questions for a 1:1, one per purpose where possible.
 *
 * Never-asked questions come first, then those asked longest ago. Anything asked in the
 * person's last {@link ROTATION_MEETINGS} meetings comes back only when nothing else is
 * left, least recently asked first. Fewer than `count` come back only when the bank minus
 * `exclude` is smaller than that.
 */
export function suggestQuestions(input: SuggestQuestionsInput): Question[] {
  const count = Math.max(0, Math.floor(input.count ?? 3));
  if (count === 0 || !Number.isFinite(count)) return [];

  const ranked = rank(input);
  const eligible = ranked.filter((r) => r.tier < 2);
  const fallback = ranked.filter((r) => r.tier === 2);

  const base = pickSpread(eligible, count, new Set());
  for (const r of fallback) {
    if (base.length >= count) break;
    base.push(r);
  }

  const exclude = new Set(input.exclude ?? []);
  if (exclude.size === 0) return base.map((r) => r.question);

  const chosen = new Set(base.map((r) => r.question.id));
  const result: (Ranked | undefined)[] = [...base];
  result.forEach((slot, index) => {
    if (!slot || !exclude.has(slot.question.id)) return;
    const taken = new Set(
      result.filter((r, i): r is Ranked => r !== undefined && i !== index).map((r) => r.question.purpose),
    );
    const available = (r: Ranked) => !exclude.has(r.question.id) && !chosen.has(r.question.id);
    const replacement =
      eligible.find((r) => available(r) && !taken.has(r.question.purpose)) ??
      eligible.find(available) ??
      fallback.find(available);
    result[index] = replacement;
    if (replacement) chosen.add(replacement.question.id);
  });
  return result.filter((r): r is Ranked => r !== undefined).map((r) => r.question);
}

/** Normalises user questions into bank questions: purpose defaults to "context", ids are unique. */
export function toQuestions(bank: readonly QuestionInput[]): Question[] {
  const seen = new Set<string>();
  const out: Question[] = [];
  for (const q of bank) {
    if (!q || typeof q.id !== "string" || seen.has(q.id) || typeof q.text !== "string" || !q.text.trim()) {
      continue;
    }
    seen.add(q.id);
    const purpose = questionPurposes.includes(q.purpose as QuestionPurpose)
      ? (q.purpose as QuestionPurpose)
      : "context";
    out.push({ id: q.id, purpose, text: q.text.trim() });
  }
  return out;
}

function rank(input: SuggestQuestionsInput): Ranked[] {
  const { current, personId } = input;
  const asked = input.asked.filter(
    (a) => personId === undefined || a.personId === undefined || a.personId === personId,
  );

  const previous = input.meetingsWithPerson
    .filter((m) => m.status !== "cancelled" && m.status !== "skipped")
    .filter((m) => !current || (m.id !== current.id && m.startsAt < current.startsAt))
    .sort((a, b) => b.startsAt - a.startsAt);
  const window = previous.slice(0, ROTATION_MEETINGS);
  const windowIds = new Set(window.map((m) => m.id));
  const olderIds = new Set(previous.slice(ROTATION_MEETINGS).map((m) => m.id));
  // With fewer meetings than the window, everything asked before is recent.
  const windowStart =
    window.length < ROTATION_MEETINGS ? Number.NEGATIVE_INFINITY : (window.at(-1)?.startsAt ?? 0);

  const recent = new Set<string>();
  const lastAskedAt = new Map<string, number>();
  for (const a of asked) {
    if (current && a.meetingId === current.id) continue;
    lastAskedAt.set(a.questionId, Math.max(lastAskedAt.get(a.questionId) ?? a.askedAt, a.askedAt));
    // A meeting not in the list (deleted, or cancelled after the fact) is placed by when it was asked.
    const inWindow = windowIds.has(a.meetingId) || (!olderIds.has(a.meetingId) && a.askedAt >= windowStart);
    if (inWindow) recent.add(a.questionId);
  }

  return toQuestions(input.bank)
    .map((question): Ranked => {
      const last = lastAskedAt.get(question.id);
      return {
        question,
        tier: recent.has(question.id) ? 2 : last === undefined ? 0 : 1,
        lastAskedAt: last ?? 0,
        hash: seededHash(input.seed, question.id),
      };
    })
    .sort((a, b) => a.tier - b.tier || a.lastAskedAt - b.lastAskedAt || a.hash - b.hash);
}

/** First pass takes the best question of each purpose not yet chosen; the second fills by rank. */
function pickSpread(ranked: readonly Ranked[], count: number, chosen: Set<string>): Ranked[] {
  const picked: Ranked[] = [];
  const purposes = new Set<QuestionPurpose>();
  for (const r of ranked) {
    if (picked.length >= count) return picked;
    if (purposes.has(r.question.purpose)) continue;
    picked.push(r);
    purposes.add(r.question.purpose);
    chosen.add(r.question.id);
  }
  for (const r of ranked) {
    if (picked.length >= count) break;
    if (chosen.has(r.question.id)) continue;
    picked.push(r);
    chosen.add(r.question.id);
  }
  return picked;
}

/** FNV-1a with a murmur3 finaliser: stable across runs and engines, well spread for short ids. */
function seededHash(seed: string, id: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${id}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
