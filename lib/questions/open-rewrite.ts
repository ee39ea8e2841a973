/**
 * Opens a yes/no question up while keeping what it is about: "Did the launch go well?" becomes
 * "How did the launch go?", not a generic "How did it go?". A manager pastes the result into
 * their prep, so a shape this can't turn into good English gets no rewrite here at all (the
 * caller then offers its generic one) rather than a clumsy one.
 *
 * It reads the question as auxiliary + subject + verb phrase and moves the question word to the
 * front, the way English forms an open question, reusing the manager's own auxiliary so that
 * tense and agreement stay theirs ("did the interviews", "has the team", "are you").
 */

import { isPastForm, verbBase } from "@/lib/feedback";

type AuxKind = "be" | "do" | "have" | "modal";
type Tense = "present" | "past" | "modal";

const AUXILIARIES: Readonly<Record<string, readonly [AuxKind, Tense]>> = {
  is: ["be", "present"],
  are: ["be", "present"],
  am: ["be", "present"],
  was: ["be", "past"],
  were: ["be", "past"],
  do: ["do", "present"],
  does: ["do", "present"],
  did: ["do", "past"],
  have: ["have", "present"],
  has: ["have", "present"],
  had: ["have", "past"],
  will: ["modal", "modal"],
  would: ["modal", "modal"],
  can: ["modal", "modal"],
  could: ["modal", "modal"],
  should: ["modal", "modal"],
  shall: ["modal", "modal"],
  may: ["modal", "modal"],
  might: ["modal", "modal"],
  must: ["modal", "modal"],
};

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

const PRONOUNS = set("you we they he she i it");
/** "it" and "that" name no subject a manager could recognise in a rewrite. */
const OBJECT_PRONOUN: Readonly<Record<string, string>> = {
  you: "you",
  we: "us",
  they: "them",
  he: "him",
  she: "her",
  i: "me",
  it: "it",
};
const DETERMINERS = set("the your our my his her their a an");
const DEMONSTRATIVES = set("this that these those");
const PREPOSITIONS = set(`about above across after against along among around at before behind below beside
between beyond by during for from in inside into near off on onto out outside over past since than through to
toward towards under until up upon via with within without`);
const JOINERS = set("and or but so because if when while whether than");
const ADVERBS = set(
  "still really very too so quite already ever actually also now always often even yet just",
);
/** Tails that only grade the outcome; the open question asks for the outcome itself. */
const MANNER_TAILS: readonly (readonly string[])[] = [
  ["according", "to", "plan"],
  ["as", "planned"],
  ["as", "expected"],
  ["as", "hoped"],
  ["to", "plan"],
  ["all", "right"],
  ["well"],
  ["ok"],
  ["okay"],
  ["fine"],
  ["alright"],
  ["smoothly"],
  ["badly"],
  ["great"],
  ["good"],
];

/**
 * Verbs whose yes/no question is really about how something went, so "how" fits in front:
 * "Did Sam help with the rollout?" → "How much did Sam help with the rollout?". The value
 * is what goes after "How", for verbs that read better graded.
 */
const MANNER_VERBS: Readonly<Record<string, string>> = {
  go: "",
  work: " well",
  help: " much",
  handle: "",
  land: "",
  settle: "",
  react: "",
  respond: "",
  cope: "",
  fit: " well",
  adjust: "",
  adapt: "",
  progress: "",
  turn: "",
  play: "",
  shape: "",
  come: "",
  get: "",
};
/** Particles that must follow the verb for it to mean how something went ("turn out", "get on"). */
const MANNER_PARTICLES: Readonly<Record<string, ReadonlySet<string>>> = {
  turn: set("out"),
  play: set("out"),
  shape: set("up"),
  come: set("along together across"),
  get: set("on along"),
};
const MANNER_FORMS: Readonly<Record<string, string>> = {
  went: "go",
  gone: "go",
  going: "go",
  fitted: "fit",
  fitting: "fit",
  getting: "get",
  got: "get",
  fit: "fit",
  gotten: "get",
  came: "come",
  coming: "come",
};

/** Nouns for the work itself that double as verbs: "the design review", "the release plan". */
const WORK_NOUNS = set(
  "review design lead launch release demo sync plan test build update report call support",
);

const OPINION_VERBS = set("like love enjoy hate dislike mind");
const WISH_VERBS = set("want hope plan intend");
const WISH_FORMS = set("wanting hoping planning intending going aiming");

/** Gradable adjectives common in 1:1s; suffixes below catch most others. */
const ADJECTIVES = set(`happy sad busy clear easy hard difficult tough tricky simple safe risky ready calm
bright fair fast slow quick long short big small heavy light late early new old close near far deep broad wide
high low strong weak good bad fine ok okay sure keen glad proud sane sound solid stable steady firm tight loose
smooth rough messy noisy quiet crazy hectic intense full empty free fun fresh stale real rich poor warm cold
cool clean dense thin thick vague open kind nice friendly lonely likely unlikely costly timely worth aware
fit wise healthy heavy ambitious realistic`);
/** Participles that describe how someone feels or how far along something is; they grade well. */
const GRADED_PARTICIPLES = set(`involved interested excited worried stressed overwhelmed motivated supported
challenged engaged valued appreciated informed prepared aligned connected delayed organized organised committed
invested tired bored frustrated concerned surprised disappointed pleased satisfied qualified stretched
overloaded underused heard recognized recognised included empowered trusted burned burnt confused`);
/** Words that look like adjectives but don't take "how": "How over is…", or that read as leading. */
const UNGRADABLE = set(`over back gone here there away dead alive live same official final married fixed
broken true false correct right wrong done finished complete shipped great amazing awesome wonderful
fantastic incredible brilliant terrible awful horrible several only other another own next last`);
const ADJECTIVE_ENDINGS = /(?:ful|less|able|ible|ive|ous|ic|ical|ent|ant|ary|ish)$/;

interface Parsed {
  aux: string;
  kind: AuxKind;
  tense: Tense;
  /** The subject as the manager wrote it ("the new team", "Sam", "you"). */
  subject: string;
  /** Lower-case pronoun when the subject is one. */
  pronoun?: string;
  /** The verb phrase after the subject, as typed. */
  rest: string[];
}

const lower = (w: string | undefined) => (w ?? "").toLowerCase();
const isPreposition = (w: string | undefined) => PREPOSITIONS.has(lower(w));
const isName = (w: string) => /^\p{Lu}[\p{L}\p{N}'-]*$/u.test(w) && w !== "I";

function isGradable(word: string): boolean {
  const w = lower(word);
  if (UNGRADABLE.has(w) || w.length < 2) return false;
  return ADJECTIVES.has(w) || GRADED_PARTICIPLES.has(w) || (w.length > 4 && ADJECTIVE_ENDINGS.test(w));
}

/** Nouns that end like a verb's "-ing" form. */
const ING_NOUNS = set(`thing something anything everything nothing morning evening meeting building ceiling
string spring during onboarding funding pricing offering setting wedding`);

function isIng(word: string): boolean {
  const w = lower(word);
  return w.length > 4 && w.endsWith("ing") && !ING_NOUNS.has(w);
}

/** The verb among MANNER_VERBS that `form` is a form of ("settled", "settling" give "settle"). */
function mannerBase(form: string): string | undefined {
  const known = (w: string) => (w in MANNER_VERBS ? w : undefined);
  const listed = MANNER_FORMS[form] ?? known(form);
  if (listed) return listed;
  for (const ending of ["ing", "ed", "es", "s", "d"]) {
    if (!form.endsWith(ending)) continue;
    const stem = form.slice(0, -ending.length);
    const found = known(stem) ?? known(`${stem}e`);
    if (found) return found;
  }
  return undefined;
}

/** Verbs a 1:1 question uses that the feedback lexicon (verbs people do at work) lacks. */
const MORE_VERBS = set(`need want like feel seem look mean hope expect care matter belong deserve prefer apply
grow struggle enjoy understand believe trust worry mind own count happen last`);

function isBaseVerb(word: string): boolean {
  const w = lower(word);
  return (
    verbBase(w) === w || MORE_VERBS.has(w) || OPINION_VERBS.has(w) || WISH_VERBS.has(w) || w in MANNER_VERBS
  );
}

function isParticiple(word: string): boolean {
  const w = lower(word);
  return isPastForm(w) || w in MANNER_FORMS || w === "been";
}

/** Where the subject's words end and its verb phrase starts, for the words after the auxiliary. */
function subjectEnd(words: readonly string[], kind: AuxKind): number | undefined {
  const first = words[0];
  if (first === undefined) return undefined;
  const head = lower(first);
  if (PRONOUNS.has(head)) return 1;
  let at: number;
  if (DETERMINERS.has(head)) {
    // "the new hire": adjectives before the noun belong to it, whatever the noun could also be.
    at = 1;
    while (at < words.length - 1 && ADJECTIVES.has(lower(words[at]))) at++;
    at++;
  } else if (DEMONSTRATIVES.has(head)) {
    // "Is that clear?": a demonstrative standing alone is the subject.
    const next = words[1];
    if (next === undefined || startsPredicate(next, kind) || isGradable(next)) return 1;
    at = 2;
  } else if (isName(first)) {
    at = 1;
    while (at < words.length && isName(words[at] ?? "")) at++;
    // "Sam's team": a possessive name goes with the noun after it.
    if (/'s$/.test(words[at - 1] ?? "")) at++;
  } else if (kind === "be" && /^\p{Ll}/u.test(first) && !startsPredicate(first, kind)) at = 1;
  else return undefined;
  while (at < words.length) {
    const w = words[at] ?? "";
    // "the head of sales": "of" stays inside the noun phrase.
    if (lower(w) === "of" && at + 1 < words.length) {
      at += 2;
      continue;
    }
    // "Did the design review help?": work nouns that are also verbs name things before a verb.
    const next = words[at + 1];
    const compound =
      (kind === "do" || kind === "modal") &&
      DETERMINERS.has(head) &&
      WORK_NOUNS.has(lower(w)) &&
      next !== undefined &&
      /^\p{Ll}/u.test(next) &&
      !startsObject(next);
    if (startsPredicate(w, kind) && !compound) break;
    at++;
  }
  // "Is the budget proposal final?", "Could the hiring plan slip?": a last word no list knows is
  // still the predicate.
  if (at === words.length && words.length >= 3) return words.length - 1;
  return at <= words.length ? at : undefined;
}

/** Words that open what follows a verb rather than continue a noun: "plan to", "review the doc", "lead well". */
function startsObject(word: string): boolean {
  const w = lower(word);
  return (
    isPreposition(w) ||
    JOINERS.has(w) ||
    ADVERBS.has(w) ||
    DETERMINERS.has(w) ||
    DEMONSTRATIVES.has(w) ||
    PRONOUNS.has(w) ||
    MANNER_TAILS.some((tail) => tail[0] === w) ||
    /^(?:ahead|it|them|us|me|him|everything|anything|something)$/.test(w)
  );
}

function startsPredicate(word: string, kind: AuxKind): boolean {
  const w = lower(word);
  if (isPreposition(w) || JOINERS.has(w) || ADVERBS.has(w) || DETERMINERS.has(w)) return true;
  if (kind === "be") return isGradable(w) || isIng(w) || isParticiple(w) || w === "not";
  if (kind === "have") return isParticiple(w);
  return isBaseVerb(w);
}

function parse(words: readonly string[]): Parsed | undefined {
  const aux = lower(words[0]);
  const entry = AUXILIARIES[aux];
  if (!entry) return undefined;
  const [kind, tense] = entry;
  const after = words.slice(1);
  const end = subjectEnd(after, kind);
  if (end === undefined || end < 1 || end >= after.length) return undefined;
  const subjectWords = after.slice(0, end);
  const head = lower(subjectWords[0]);
  const pronoun = subjectWords.length === 1 && PRONOUNS.has(head) ? head : undefined;
  const subject =
    pronoun === "i"
      ? "I"
      : [
          DETERMINERS.has(head) || DEMONSTRATIVES.has(head) || pronoun ? head : subjectWords[0],
          ...subjectWords.slice(1),
        ]
          .filter((w): w is string => w !== undefined)
          .join(" ");
  return { aux, kind, tense, subject, pronoun, rest: after.slice(end) };
}

/** `words` without a trailing manner tail such as "well" or "as planned"; undefined when none was there. */
function withoutMannerTail(words: readonly string[]): string[] {
  for (const tail of MANNER_TAILS) {
    if (tail.length > words.length) continue;
    const end = words.slice(words.length - tail.length).map(lower);
    if (end.every((w, i) => w === tail[i])) return words.slice(0, words.length - tail.length);
  }
  return [...words];
}

const sentence = (...parts: readonly (string | undefined)[]) =>
  `${parts
    .filter((p): p is string => p !== undefined && p !== "")
    .join(" ")
    .replace(/^./, (c) => c.toUpperCase())}?`;

/** "How did the launch go?", "How is the new hire settling in?", "How well do you think the plan will work?" */
function mannerRewrite(p: Parsed): string | undefined {
  const [verb, ...after] = p.rest;
  const form = lower(verb);
  const base = mannerBase(form);
  if (base === undefined) return undefined;
  const fitsAux = p.kind === "be" ? isIng(form) : p.kind === "have" ? isParticiple(form) : form === base;
  if (!fitsAux) return undefined;
  const particles = MANNER_PARTICLES[base];
  if (particles && !particles.has(lower(after[0]))) return undefined;
  // "Did you go to the offsite?" is about going somewhere, not about how it went.
  const tail = withoutMannerTail(after);
  if (base === "go" && tail.length > 0) return undefined;
  const how = `How${MANNER_VERBS[base] ?? ""}`;
  if (p.kind === "modal") return sentence(how, "do you think", p.subject, p.aux, verb, ...tail);
  return sentence(how, p.aux, p.subject, verb, ...tail);
}

/** "Do you like the new team?" → "What do you think of the new team?" */
function opinionRewrite(p: Parsed): string | undefined {
  const [verb, ...object] = p.rest;
  const form = lower(verb);
  const first = object[0];
  if (first === undefined || lower(first) === "to" || JOINERS.has(lower(first))) return undefined;
  if (p.kind === "do" && OPINION_VERBS.has(form)) {
    if (p.pronoun === "you" && isIng(first))
      return sentence("What", p.tense === "past" ? "was" : "is", "it like", ...object);
    return sentence("What", p.aux, p.subject, "think of", ...object);
  }
  if (p.kind === "be" && p.pronoun === "you" && /^(?:enjoying|liking|loving)$/.test(form)) {
    return sentence("How", p.aux, "you finding", ...object);
  }
  if (p.kind === "have" && /^(?:enjoyed|liked|loved)$/.test(form))
    return sentence("How", p.aux, p.subject, "found", ...object);
  return undefined;
}

/** A word that can start a verb phrase: not a pronoun, article, preposition or "be". */
function isPlainVerb(word: string | undefined): boolean {
  const w = lower(word);
  return (
    /^\p{Ll}+$/u.test(word ?? "") &&
    !PRONOUNS.has(w) &&
    !DETERMINERS.has(w) &&
    !DEMONSTRATIVES.has(w) &&
    !isPreposition(w) &&
    !JOINERS.has(w) &&
    !/^(?:be|not|never)$/.test(w)
  );
}

/** "Could the team own the migration?" → "What would it take for the team to own the migration?" */
function abilityRewrite(p: Parsed): string | undefined {
  if (!/^(?:can|could|will|would)$/.test(p.aux) || !isPlainVerb(p.rest[0])) return undefined;
  const who = p.pronoun ? OBJECT_PRONOUN[p.pronoun] : p.subject;
  return sentence("What would it take for", who, "to", ...p.rest);
}

/** "Is this the right approach?" → "What do you think is the right approach?" */
function choiceRewrite(p: Parsed): string | undefined {
  const pointsAt = p.pronoun === "it" || DEMONSTRATIVES.has(p.subject);
  if (p.kind !== "be" || p.tense !== "present" || !pointsAt || lower(p.rest[0]) !== "the") return undefined;
  if (p.rest.length < 2 || p.rest.some((w) => JOINERS.has(lower(w)))) return undefined;
  return sentence("What do you think is", ...p.rest.map(lower));
}

/** "Do you want to lead the migration?" → "What would it mean for you to lead the migration?" */
function wishRewrite(p: Parsed): string | undefined {
  const [verb, to, ...action] = p.rest;
  const form = lower(verb);
  const wish =
    (p.kind === "do" && WISH_VERBS.has(form)) ||
    (p.kind === "be" && WISH_FORMS.has(form)) ||
    (p.kind === "modal" && p.aux === "would" && /^(?:like|love|want)$/.test(form));
  if (!wish || lower(to) !== "to" || !isPlainVerb(action[0])) return undefined;
  const who = p.pronoun ? OBJECT_PRONOUN[p.pronoun] : p.subject;
  return sentence("What would it mean for", who, "to", ...action);
}

/** "Do you know about the reorg?" → "What do you know about the reorg?" */
function knowledgeRewrite(p: Parsed): string | undefined {
  const [verb, ...object] = p.rest;
  const form = lower(verb);
  const first = lower(object[0]);
  if (object.length === 0 || /^(?:that|if|whether|what|how|why|who|where|when|which)$/.test(first))
    return undefined;
  const topic = first === "about" || first === "of" ? object.slice(1) : object;
  if (topic.length === 0) return undefined;
  if (
    p.pronoun === "you" &&
    first === "about" &&
    (form === "thought" || (p.kind === "do" && form === "think"))
  ) {
    return sentence("What are your thoughts on", ...topic);
  }
  if ((p.kind === "do" && form === "know") || (p.kind === "have" && form === "heard")) {
    return sentence("What", p.aux, p.subject, form, "about", ...topic);
  }
  if (p.kind === "do" && form === "understand") {
    return p.pronoun === "you"
      ? sentence("What is still unclear about", ...topic)
      : sentence("What", p.aux, p.subject, "understand about", ...topic);
  }
  return undefined;
}

/** "Do you feel ready for the review?" → "How ready do you feel for the review?" */
function feelingRewrite(p: Parsed): string | undefined {
  const [verb, adjective, ...after] = p.rest;
  const form = lower(verb);
  if (p.kind !== "do" || !/^(?:feel|seem|look|sound)$/.test(form) || adjective === undefined)
    return undefined;
  if (!isGradable(adjective) || (after.length > 0 && !isPreposition(after[0]))) return undefined;
  return sentence("How", lower(adjective), p.aux, p.subject, form, ...after);
}

/** "Is the workload manageable?" → "How manageable is the workload?"; "Is the new hire settling in?" */
function stateRewrite(words: readonly string[]): string | undefined {
  const aux = lower(words[0]);
  if (AUXILIARIES[aux]?.[0] !== "be") return undefined;
  const after = words.slice(1);
  const start = subjectStart(after);
  if (start === undefined) return undefined;
  for (let at = start; at < after.length; at++) {
    const word = after[at] ?? "";
    const rest = after.slice(at + 1);
    if (!isGradable(word) || (rest.length > 0 && !isPreposition(rest[0]))) continue;
    const subject = subjectText(after.slice(0, at));
    if (subject === undefined) return undefined;
    // "How happy are you with…": the subject stays where English wants it.
    return sentence("How", lower(word), aux, subject, ...rest);
  }
  return undefined;
}

/** The index after the subject's first word, where a predicate may start; undefined for no subject. */
function subjectStart(words: readonly string[]): number | undefined {
  const head = lower(words[0]);
  if (words.length < 2 || head === "there" || head === "not") return undefined;
  if (PRONOUNS.has(head) || DEMONSTRATIVES.has(head)) return 1;
  if (DETERMINERS.has(head)) return words.length > 2 ? 2 : undefined;
  return 1;
}

function subjectText(words: readonly string[]): string | undefined {
  if (words.length === 0 || words.some((w) => JOINERS.has(lower(w)) || ADVERBS.has(lower(w))))
    return undefined;
  const [head, ...tail] = words;
  const h = lower(head);
  if (h === "i") return tail.length === 0 ? "I" : undefined;
  if (PRONOUNS.has(h) && tail.length > 0) return undefined;
  return [DETERMINERS.has(h) || DEMONSTRATIVES.has(h) || PRONOUNS.has(h) ? h : head, ...tail].join(" ");
}

/** "Are there any risks with the launch?" → "What risks are there with the launch?" */
function thereRewrite(words: readonly string[]): string | undefined {
  const [aux, there, any, noun, ...rest] = words;
  if (!/^(?:is|are|was|were)$/i.test(aux ?? "") || lower(there) !== "there" || lower(any) !== "any")
    return undefined;
  if (noun === undefined || (rest.length > 0 && !isPreposition(rest[0]))) return undefined;
  return sentence("What", lower(noun), lower(aux), "there", ...rest);
}

/**
 * The noun phrase the question is about, for a rewrite that keeps it when the verb can't be
 * kept: the first name or "the/your/our… noun" in it.
 */
function topicOf(words: readonly string[], parsed: Parsed | undefined): string | undefined {
  if (parsed && !parsed.pronoun && !DEMONSTRATIVES.has(lower(parsed.subject.split(" ")[0])))
    return parsed.subject;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? "";
    const w = lower(word);
    if (isName(word)) {
      let end = i + 1;
      while (end < words.length && isName(words[end] ?? "")) end++;
      if (/'s$/.test(words[end - 1] ?? "") && end < words.length) end++;
      return words.slice(i, end).join(" ");
    }
    if (/^(?:the|your|our|my|his|her|their)$/.test(w) && i + 1 < words.length) {
      let end = i + 2;
      while (end < words.length) {
        const next = lower(words[end]);
        if (next === "of" && end + 1 < words.length) end += 2;
        else if (isPreposition(next) || JOINERS.has(next) || ADVERBS.has(next) || DETERMINERS.has(next))
          break;
        else end++;
      }
      return [w, ...words.slice(i + 1, end)].join(" ");
    }
  }
  return undefined;
}

function topicRewrite(words: readonly string[], parsed: Parsed | undefined): string | undefined {
  const tense = AUXILIARIES[lower(words[0])]?.[1];
  if (tense === undefined) return undefined;
  const topic = topicOf(words, parsed);
  if (topic === undefined) return undefined;
  if (tense === "past") return sentence("How did things go with", topic);
  if (tense === "present") return sentence("How are things going with", topic);
  const asksAboutUs = parsed?.pronoun !== undefined && /^(?:you|we|i)$/.test(parsed.pronoun);
  return asksAboutUs
    ? sentence("What would you suggest for", topic)
    : sentence("What is your read on", topic);
}

/**
 * An open question about the same subject as `question` (a yes/no question without its final
 * punctuation), or undefined when its shape isn't one this knows.
 */
export function openRewriteKeepingSubject(question: string): string | undefined {
  // Only plain words: anything else (quotes, brackets, a second clause) is left to the generic rewrite.
  if (!/^[\p{L}\p{N}' -]+$/u.test(question)) return undefined;
  const words = question.split(" ").filter(Boolean);
  if (words.length < 3 || words.length > 20) return undefined;
  const parsed = parse(words);
  const structural = parsed
    ? (mannerRewrite(parsed) ??
      opinionRewrite(parsed) ??
      wishRewrite(parsed) ??
      knowledgeRewrite(parsed) ??
      feelingRewrite(parsed) ??
      choiceRewrite(parsed) ??
      abilityRewrite(parsed))
    : undefined;
  return structural ?? thereRewrite(words) ?? stateRewrite(words) ?? topicRewrite(words, parsed);
}
