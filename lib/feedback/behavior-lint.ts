/**
 * Finds where a behavior description judges the person instead of describing
 * what they did: trait words and labels ("you're careless", "not a team
 * player"), absolutes ("always", "every time"), guesses at what they think or
 * want ("doesn't care", "trying to undermine"), and praise that names no
 * behavior ("you're awesome").
 */
import {
  ABSOLUTE_PHRASES,
  ABSOLUTES,
  CLAUSE_JOINERS,
  CONTEXT_LABELS,
  CONTEXT_TRAITS,
  INTENT_ADVERBS,
  INTENT_TARGETS,
  LABEL_PHRASES,
  looksLikeTrait,
  MIND_PHRASES,
  MIND_VERBS,
  OCCASIONS,
  PRAISE_CONTEXT_LABELS,
  PRAISE_LABEL_PHRASES,
  PRAISE_LABELS,
  PRAISE_PHRASES,
  PRAISE_TRAITS,
  QUALITIES,
  SPEECH_VERBS,
  STRONG_LABELS,
  STRONG_TRAITS,
  TRAIT_NOUNS,
  VERDICT_NOUNS,
} from "./lexicon";
import { byFirstWord, phraseAt } from "./phrases";
import { namesTime } from "./situation-lint";
import { typed, type Word, words } from "./text";
import { isPastForm, verbBase } from "./verbs";

export type CharacterKind = "trait" | "mind" | "absolute" | "praise";

export interface CharacterHit {
  kind: CharacterKind;
  /** the words that gave it away, as typed */
  match: string;
  /** where those words are, as word indices */
  start: number;
  end: number;
}

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

const COPULAS = set(`
  am is are was were be been being seem seems seemed seeming appear appears appeared act acts acted acting behave
  behaves behaved behaving get gets got getting become becomes became becoming turn turns turned grow grows grew
  look looks looked looking sound sounds sounded feel feels felt come comes came
`);
// These take an adjective but rarely a noun phrase: "got defensive", not "got a star".
const LIGHT_COPULAS = set(`get gets got getting turn turns turned grow grows grew look looks looked looking
  sound sounds sounded feel feels felt come comes came become becomes became becoming`);
// "came across as", "seen as": the "as" plays the part of "is".
const BEFORE_AS = set(`across seen perceived viewed regarded known considered described`);

// Between the verb and the judgment: "you are (not) (really) (such) (a) ..."
const PRED_SKIP = set(`
  so very really too extremely incredibly quite pretty rather a an the bit little kind sort of kinda sorta
  somewhat totally completely just such not never super overly fairly truly genuinely simply utterly absolutely
  clearly obviously often sometimes generally usually frequently always constantly still also more most less real
  total complete increasingly excessively unnecessarily needlessly particularly especially like being been getting
  way far much honestly seriously plain downright borderline almost slightly mildly awfully terribly bloody damn
  actually acting
`);
const ARTICLES = set(`a an the such real total complete like`);
const NEGATORS = set(`not never`);

// Between the person and the verb: "you (have) (always) been ...", "you tend to be ..."
const AUX_SKIP = set(`
  have has had will would can could should might may must do does did not also always never often sometimes really
  just still again usually generally clearly obviously to tend tends tended is are was were am be been being seem
  seems seemed kind of sort across come came comes coming seen perceived viewed regarded known considered described
  totally completely honestly
`);

const PERSON_PRONOUNS = set(`you he she they who ya`);
const SELF_PRONOUNS = set(`i we`);
const ACT_PRONOUNS = set(`it this that which what there`);
const POSSESSIVES = set(`your his her their`);
// Capitalised only because they start a sentence: not names.
const FUNCTION_WORDS = set(`
  the a an this that these those it its when while during in on at after before then and but so also yesterday today
  everyone someone nobody everybody somebody there here my our your his her their i we what which who how why
`);
const PREPOSITIONS = set(
  `for to with about of in on at from by that toward towards than around over under into`,
);
const DO_FORMS = set(`do does did`);
const TAKE_FORMS = set(`take takes took taking`);
const LACK_FORMS = set(`lack lacks lacking lacked`);
const HAVE_FORMS = set(`has have had show shows showed showing with`);
const LACK_SKIP = set(`of any a real basic some the much enough`);
const OWN_UP = set(`take takes took taking show shows showed showing have has had`);
const WANT_FORMS = set(`want wants wanted`);
const TRY_FORMS = set(`try tries tried trying`);
// "wants to ...", "wants attention": a guess at motives.
const WANTED = set(`to attention credit control praise recognition validation`);
const KNOWING = set(`clearly obviously apparently evidently`);
const SEEMING = set(`seem seems seemed appear appears appeared even really actually truly ever to`);
const SEEM_FORMS = set(`seem seems seemed appear appears appeared`);
const SUPPOSED = set(`think believe want care feel assume expect`);
// "poor judgment", "zero initiative": a quality judged absent.
const LOW = set(`poor bad terrible awful zero little no weak low questionable`);

type Subject = "person" | "self" | "implicit" | "act" | "third";

interface Position {
  /** found after "is", "seems", "acted"...; otherwise it opens the clause */
  copula: boolean;
  subject: Subject;
  negated: boolean;
}

function at(ws: readonly Word[], i: number): string {
  return ws[i]?.w ?? "";
}

function subjectBefore(ws: readonly Word[], verb: number, from: number): Subject {
  let k = verb - 1;
  for (let steps = 0; k >= from && steps < 6; k--, steps++) {
    const word = ws[k];
    if (!word) break;
    if (AUX_SKIP.has(word.w)) continue;
    // "thanks for being amazing"
    if (at(ws, verb) === "being" && PREPOSITIONS.has(word.w)) return "implicit";
    if (PERSON_PRONOUNS.has(word.w)) return "person";
    if (SELF_PRONOUNS.has(word.w)) return "self";
    if (ACT_PRONOUNS.has(word.w)) return "act";
    // "your tone was dismissive" is about the person
    if (POSSESSIVES.has(at(ws, k - 1))) return "person";
    if (word.cap && !FUNCTION_WORDS.has(word.w)) return "person";
    return "third";
  }
  return k < from ? "implicit" : "third";
}

/** Where the word at `i` stands: said of someone, opening a clause, or neither. */
function position(ws: readonly Word[], i: number, from: number): Position | undefined {
  let negated = false;
  let article = false;
  let j = i - 1;
  for (let steps = 0; j >= from && steps < 7; j--, steps++) {
    const w = at(ws, j);
    const asCopula = w === "as" && BEFORE_AS.has(at(ws, j - 1));
    if (COPULAS.has(w) || asCopula) {
      if (article && LIGHT_COPULAS.has(w)) return undefined;
      return { copula: true, subject: subjectBefore(ws, j, from), negated };
    }
    if (!PRED_SKIP.has(w)) return undefined;
    if (NEGATORS.has(w)) negated = true;
    if (ARTICLES.has(w)) article = true;
  }
  return j < from ? { copula: false, subject: "implicit", negated } : undefined;
}

function negatedBefore(ws: readonly Word[], i: number, from: number): boolean {
  for (let k = i - 1; k >= Math.max(from, i - 5); k--) {
    if (NEGATORS.has(at(ws, k))) return true;
  }
  return false;
}

function aboutThePerson(subject: Subject): boolean {
  return subject === "person" || subject === "implicit";
}

/** Nothing after it but a break, a preposition or another judgment: "defensive when challenged". */
function standsAlone(ws: readonly Word[], next: number): boolean {
  const word = ws[next];
  if (!word || word.brk) return true;
  return (
    PREPOSITIONS.has(word.w) ||
    CLAUSE_JOINERS.has(word.w) ||
    STRONG_TRAITS.has(word.w) ||
    CONTEXT_TRAITS.has(word.w)
  );
}

function adverbOf(adjective: string): string {
  if (adjective.endsWith("y")) return `${adjective.slice(0, -1)}ily`;
  if (adjective.endsWith("le")) return `${adjective.slice(0, -1)}y`;
  if (adjective.endsWith("ic")) return `${adjective}ally`;
  return `${adjective}ly`;
}

const STRONG_ADVERBS: ReadonlySet<string> = new Set([...STRONG_TRAITS].map(adverbOf));

const ABSOLUTE_INDEX = byFirstWord(ABSOLUTE_PHRASES);
const MIND_INDEX = byFirstWord(MIND_PHRASES);
const LABEL_INDEX = byFirstWord(LABEL_PHRASES);
const PRAISE_LABEL_INDEX = byFirstWord(PRAISE_LABEL_PHRASES);
const PRAISE_INDEX = byFirstWord(PRAISE_PHRASES);

const DETERMINERS = set(
  `a an the this that these those your my our his her their its some any every each no`,
);
const NOT_ACTIONS = set(`be have do get feel seem go make thank rock nail kill crush smash ace`);
const ACTION_LEADS = set(`you he she they we i and then also just not never who`);
// "you nailed the demo" says it went well, not what they did.
const PRAISE_VERBS = set(`nailed crushed killed smashed aced rocked`);
// With a preposition these state a role or a fact: "responsible for the release".
const ROLE_ADJECTIVES = set(`responsible committed engaged invested capable available involved interested`);

/** Whether the text tells of something done: "you asked", "walked the new hire through". */
export function describesAction(ws: readonly Word[], skip: ReadonlySet<number> = new Set()): boolean {
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word || word.brk || skip.has(i)) continue;
    const prev = ws[i - 1];
    const afterLead = !prev || prev.brk || ACTION_LEADS.has(prev.w) || prev.w.endsWith("ly");
    if (prev && (DETERMINERS.has(prev.w) || COPULAS.has(prev.w) || PRED_SKIP.has(prev.w)) && !afterLead) {
      continue;
    }
    const base = verbBase(word.w);
    if (base !== undefined) {
      if (!NOT_ACTIONS.has(base) && (afterLead || isPastForm(word.w))) return true;
    } else if (afterLead && prev && word.w.length > 4 && word.w.endsWith("ed") && !PRAISE_VERBS.has(word.w)) {
      return true;
    }
  }
  return false;
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(i);
  return out;
}

/** Everything in `text` that judges the person rather than describing what they did. */
export function characterHits(text: string, reinforcing = false): CharacterHit[] {
  const ws = words(text, true);
  const hits: CharacterHit[] = [];
  const add = (kind: CharacterKind, start: number, end: number) => {
    if (hits.length < 50) hits.push({ kind, match: typed(ws, start, end), start, end });
  };
  // "every standup this sprint" counts occasions in a window; "every standup" is a habit.
  const window = namesTime(ws);
  let from = 0;
  let speech = false;
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word) continue;
    const w = word.w;
    if (word.brk || CLAUSE_JOINERS.has(w)) {
      if (ABSOLUTES.has(w) && !speech) add("absolute", i, i + 1);
      from = i + 1;
      speech = false;
      continue;
    }
    // What someone said is reported, not judged: "you told Sam he was lazy".
    if (speech) continue;
    if (SPEECH_VERBS.has(w)) {
      speech = true;
      continue;
    }
    const next = at(ws, i + 1);

    let length = phraseAt(ws, i, ABSOLUTE_INDEX);
    if (length > 0) add("absolute", i, i + length);
    else if (ABSOLUTES.has(w)) add("absolute", i, i + 1);
    else if (
      (w === "every" || w === "each") &&
      !window &&
      OCCASIONS.has(next === "single" ? at(ws, i + 2) : next)
    ) {
      add("absolute", i, i + (next === "single" ? 3 : 2));
    }

    length = phraseAt(ws, i, MIND_INDEX);
    if (length > 0) add("mind", i, i + length);
    // Reinforcing feedback may fairly say "you deliberately kept it small".
    if (INTENT_ADVERBS.has(w) && !reinforcing) add("mind", i, i + 1);
    if (NEGATORS.has(w)) {
      // "doesn't care", "didn't even seem to care"
      let k = i + 1;
      while (k < i + 4 && SEEMING.has(at(ws, k))) k++;
      if (MIND_VERBS.has(at(ws, k))) add("mind", DO_FORMS.has(at(ws, i - 1)) ? i - 1 : i, k + 1);
    }
    // "you seem to think the rules don't apply to you"
    if (SEEM_FORMS.has(w) && next === "to" && SUPPOSED.has(at(ws, i + 2))) add("mind", i, i + 3);
    if (
      KNOWING.has(w) &&
      (DO_FORMS.has(next) || NEGATORS.has(next) || WANT_FORMS.has(next) || MIND_VERBS.has(next))
    ) {
      add("mind", i, i + 2);
    }
    if (WANT_FORMS.has(w) && WANTED.has(next)) {
      const subject = subjectBefore(ws, i, from);
      if (subject === "person" || subject === "implicit") add("mind", i, i + 2);
    }
    if (TRY_FORMS.has(w) && next === "to" && INTENT_TARGETS.has(at(ws, i + 2))) add("mind", i, i + 3);
    if (w === "seriously") {
      const before = ws.slice(Math.max(from, i - 5), i).map((x) => x.w);
      if (before.some((x) => NEGATORS.has(x)) && before.some((x) => TAKE_FORMS.has(x))) add("mind", i, i + 1);
    }
    if (w === "checked" && next === "out" && position(ws, i, from)?.copula) add("mind", i, i + 2);

    if (LACK_FORMS.has(w) || (w === "no" && HAVE_FORMS.has(at(ws, i - 1)))) {
      let k = i + 1;
      while (k < i + 3 && LACK_SKIP.has(at(ws, k))) k++;
      if (QUALITIES.has(at(ws, k))) add("trait", i, k + (at(ws, k + 1) === "of" ? 3 : 1));
    } else if (NEGATORS.has(w) && OWN_UP.has(next)) {
      // "doesn't take ownership", "never shows initiative"
      let k = i + 2;
      while (k < i + 4 && LACK_SKIP.has(at(ws, k))) k++;
      if (QUALITIES.has(at(ws, k))) add("trait", DO_FORMS.has(at(ws, i - 1)) ? i - 1 : i, k + 1);
    } else if (LOW.has(w) && QUALITIES.has(next) && next !== "work" && next !== "sense") {
      add("trait", i, i + 2);
    }
    if (TRAIT_NOUNS.has(w) || STRONG_LABELS.has(w) || STRONG_ADVERBS.has(w)) add("trait", i, i + 1);
    // "not a people person" is no praise
    const denied = negatedBefore(ws, i, from);
    if (PRAISE_LABELS.has(w)) add(denied ? "trait" : "praise", i, i + 1);
    length = phraseAt(ws, i, LABEL_INDEX);
    if (length > 0) add("trait", i, i + length);
    length = phraseAt(ws, i, PRAISE_LABEL_INDEX);
    if (length > 0) add(denied ? "trait" : "praise", i, i + length);
    length = phraseAt(ws, i, PRAISE_INDEX);
    if (length > 0) add("praise", i, i + length);
    if (PRAISE_TRAITS.has(w) && VERDICT_NOUNS.has(next)) add("praise", i, i + 2);
    if (PRAISE_VERBS.has(w)) {
      const subject = subjectBefore(ws, i, from);
      if (subject === "person" || subject === "implicit") add("praise", i, i + 1);
    }

    const pos = position(ws, i, from);
    if (STRONG_TRAITS.has(w)) {
      // "the client was rude" is about someone else
      if (!(pos?.copula && (pos.subject === "third" || pos.subject === "self"))) add("trait", i, i + 1);
    } else if (CONTEXT_TRAITS.has(w)) {
      if (pos && aboutThePerson(pos.subject) && (pos.copula || standsAlone(ws, i + 1)))
        add("trait", i, i + 1);
    } else if (PRAISE_TRAITS.has(w) || (CONTEXT_LABELS.has(w) && pos?.copula)) {
      const praise = PRAISE_TRAITS.has(w) || PRAISE_CONTEXT_LABELS.has(w);
      const role = ROLE_ADJECTIVES.has(w) && PREPOSITIONS.has(next);
      if (pos && aboutThePerson(pos.subject)) {
        if (!praise || pos.negated) add("trait", i, i + 1);
        // Opening a clause, praise is only a verdict when it stands alone ("Awesome!")
        // or the feedback is praise anyway ("Great presentation").
        else if (!role && (pos.copula || reinforcing || standsAlone(ws, i + 1))) add("praise", i, i + 1);
      }
    } else if (pos?.copula && pos.subject === "person" && looksLikeTrait(w) && !PREPOSITIONS.has(next)) {
      add(reinforcing && !pos.negated ? "praise" : "trait", i, i + 1);
    }
  }
  // Praise next to a described behavior is fine: the behavior is what they can repeat.
  const praise = hits.filter((hit) => hit.kind === "praise");
  const praiseWords = new Set(praise.flatMap((hit) => range(hit.start, hit.end)));
  if (praise.length > 0 && describesAction(ws, praiseWords))
    return hits.filter((hit) => hit.kind !== "praise");
  return hits;
}
