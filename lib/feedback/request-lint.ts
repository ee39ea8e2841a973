/**
 * Whether a request is something the person can go and do. "Hold questions to
 * the end" is; "be better", "improve", "more ownership" are not: they name a
 * wish, not an action, so the person has to guess what would count.
 */
import {
  CONTEXT_LABELS,
  CONTEXT_TRAITS,
  LABEL_PHRASES,
  looksLikeTrait,
  PRAISE_LABEL_PHRASES,
  PRAISE_LABELS,
  PRAISE_TRAITS,
  STRONG_LABELS,
  STRONG_TRAITS,
} from "./lexicon";
import { type Word, words } from "./text";
import { verbBase } from "./verbs";

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Asking for improvement without saying what it looks like. */
const VAGUE_VERBS = set(`
  improve better step shape up try work grow develop level sort pull buck enhance boost strengthen
`);
/** Fine with a concrete object ("listen to the whole question"), vague alone ("listen more"). */
const SOFT_VERBS = set(`
  communicate collaborate listen focus engage participate contribute help support respect prepare care think
  consider reflect pay own prioritize prioritise manage handle treat behave act mind watch remember learn
  understand take show speak lead drive commit aim fix change reduce increase raise
`);
/** Verbs that carry no action of their own: "be", "keep", "stop", "start doing". */
const LIGHT_VERBS = set(`be do get make keep stop start continue try let have go become stay`);

/** Nouns that name a quality, not a thing one can point at. */
const VAGUE_NOUNS = set(`
  communication attitude behavior behaviour performance professionalism ownership initiative accountability game
  act effort focus skills skill work job output quality teamwork collaboration tone manners engagement commitment
  reliability responsiveness attention detail details mindset approach leadership presence energy urgency care
  consistency transparency proactivity punctuality improvement things thing stuff yourself self responsibility
  respect empathy patience discipline maturity judgment judgement standards bar level best way ways everything
  anything something habits habit others people everyone everybody sense pace mistakes mistake contributions
  feedback right wrong player leader lead manager senior adult grown-up owner role model example
  professional together
`);

const FILLER = set(`
  a an the and or but so to of in on at for with by from as it its this that these those is are was were be been
  being am do does did have has had will would can could should may might must not no very really just also too
  quite please you your i we us me my our let try sure make next time future going forward moving now then
  again more less much bit little always never lot lots like want need ask some any all way
  okay ok overall generally up about over into through around
`);

/** Degree words and comparatives: "be nicer", "try harder", "do better". */
const COMPARATIVES = set(`
  better harder nicer kinder calmer clearer friendlier quicker faster sharper smarter louder quieter tougher
  softer stronger gentler politer more less best worse bigger greater careful mindful respectful punctual polite
  attentive aware prepared visible concise clear open honest transparent accountable consistent confident
  assertive present
`);

/** Words after which the next word is in a verb's place. */
const VERB_LEADS = set(`
  you to please and then let us we should could would can will must not never always just also kindly
`);
const AFTER_GERUND = set(
  `before after when while without by from about on keep stop start continue avoid try`,
);

/** Amounts, times and deadlines make even a soft request checkable. */
const MEASURES = set(`
  before after within until by first daily weekly every each once twice minutes minute hours hour days day eod
  morning monday tuesday wednesday thursday friday start end beginning ahead advance asap immediately least most
`);

function isTrait(w: string): boolean {
  return STRONG_TRAITS.has(w) || CONTEXT_TRAITS.has(w) || PRAISE_TRAITS.has(w) || COMPARATIVES.has(w);
}

const LABELS: ReadonlySet<string> = new Set([...STRONG_LABELS, ...PRAISE_LABELS, ...CONTEXT_LABELS]);
const PHRASES = [...LABEL_PHRASES, ...PRAISE_LABEL_PHRASES];

/** "be a team player", "be a rockstar": a label to live up to, not an action. */
function labelAt(ws: readonly Word[], k: number): boolean {
  if (LABELS.has(ws[k]?.w ?? "")) return true;
  return PHRASES.some((phrase) => phrase.every((part, n) => ws[k + n]?.w === part));
}

function inVerbPlace(ws: readonly Word[], i: number): boolean {
  const prev = ws[i - 1];
  if (!prev || prev.brk || VERB_LEADS.has(prev.w)) return true;
  const w = ws[i]?.w ?? "";
  return w.endsWith("ing") && AFTER_GERUND.has(prev.w);
}

export type RequestProblem = "no-action" | "vague";

/** What a request has in it; `requestProblem` weighs these. */
interface RequestSignals {
  hasVerb: boolean;
  /** a verb that names an action by itself: "hold", "send", "ping" */
  concreteVerb: boolean;
  /** "improve", "step up": asks for progress without saying what */
  vagueVerb: boolean;
  /** "be more careful", "be a team player" */
  beTrait: boolean;
  /** a number, a deadline, a channel: something one can check */
  measurable: boolean;
  /** words that point at something: verbs of action, things, people, places */
  concreteWords: number;
  /** the same, leaving out verbs: "questions", "agenda", "staging" */
  things: number;
  comparative: boolean;
  keepGoing: boolean;
}

function readRequest(ws: readonly Word[]): RequestSignals {
  const signals: RequestSignals = {
    hasVerb: false,
    concreteVerb: false,
    vagueVerb: false,
    beTrait: false,
    measurable: false,
    concreteWords: 0,
    things: 0,
    comparative: false,
    keepGoing: false,
  };
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word || word.brk) continue;
    const w = word.w;
    // "more of this" after praise is "keep doing it"
    if (w === "more" && ws[i + 1]?.w === "of" && /^(this|that|it)$/.test(ws[i + 2]?.w ?? "")) {
      signals.keepGoing = true;
    }
    if (/\d/.test(w) || w.startsWith("#") || w.startsWith("@") || MEASURES.has(w)) signals.measurable = true;
    // "be on time" is as checkable as it gets
    if (w === "time" && ws[i - 1]?.w === "on") {
      signals.measurable = true;
      signals.concreteWords++;
    }
    if (COMPARATIVES.has(w)) signals.comparative = true;
    const base = verbBase(w) ?? (VAGUE_VERBS.has(w) || SOFT_VERBS.has(w) ? w : undefined);
    const verbPlace = base !== undefined && inVerbPlace(ws, i);
    if (base !== undefined && verbPlace) {
      signals.hasVerb = true;
      if (base === "keep" || base === "continue") signals.keepGoing = true;
      if (VAGUE_VERBS.has(base)) signals.vagueVerb = true;
      else if (!SOFT_VERBS.has(base) && !LIGHT_VERBS.has(base)) signals.concreteVerb = true;
      if (COPULAR.has(base) && traitFollows(ws, i)) signals.beTrait = true;
    }
    const weakVerb = verbPlace && (VAGUE_VERBS.has(base) || SOFT_VERBS.has(base) || LIGHT_VERBS.has(base));
    // "proactively", "more carefully": how, not what
    const manner = w.length > 4 && w.endsWith("ly");
    if (!FILLER.has(w) && !VAGUE_NOUNS.has(w) && !isTrait(w) && !manner && !weakVerb) {
      signals.concreteWords++;
      if (!verbPlace) signals.things++;
    }
  }
  // Unknown verbs still lead a sentence: "Rubber-duck the plan with Sam first".
  if (!signals.hasVerb) signals.hasVerb = leadsWithUnknownVerb(ws);
  return signals;
}

const COPULAR = set(`be become stay act get`);

/** "be (a lot) more careful", "get better", "be a team player" */
function traitFollows(ws: readonly Word[], verb: number): boolean {
  let k = verb + 1;
  while (k < verb + 4 && FILLER.has(ws[k]?.w ?? "") && !isTrait(ws[k]?.w ?? "")) k++;
  const quality = ws[k]?.w ?? "";
  return isTrait(quality) || looksLikeTrait(quality) || labelAt(ws, k);
}

/** What, if anything, keeps this request from being something one can do. */
export function requestProblem(request: string, reinforcing = false): RequestProblem | undefined {
  const r = readRequest(words(request));
  if (!r.hasVerb) return "no-action";
  if ((r.beTrait || r.vagueVerb) && !r.concreteVerb && !r.measurable) return "vague";
  // After praise, "keep doing that" points back at a behavior that was just described.
  if (r.concreteWords === 0 && !(reinforcing && r.keepGoing)) return "vague";
  // "delegate more", "ask less": an action, but no way to tell when it is enough
  if (r.things === 0 && r.comparative && !r.measurable) return "vague";
  return undefined;
}

const NOT_VERB_STARTS = set(`
  a an the more less fewer better clearer greater faster earlier regular consistent some any no your my our their
  his her its this that these those each every all both much many good great bad
`);
const NOUN_ENDINGS = ["tion", "sion", "ness", "ment", "ity", "ship", "ance", "ence", "ism", "ure", "ety"];

function leadsWithUnknownVerb(ws: readonly Word[]): boolean {
  const i = ws.findIndex((word) => !word.brk && !FILLER.has(word.w));
  if (i < 0 || !inVerbPlace(ws, i)) return false;
  const w = ws[i]?.w ?? "";
  if (NOT_VERB_STARTS.has(w) || isTrait(w) || VAGUE_NOUNS.has(w) || /\d/.test(w)) return false;
  return !NOUN_ENDINGS.some((end) => w.endsWith(end)) && !w.endsWith("s");
}
