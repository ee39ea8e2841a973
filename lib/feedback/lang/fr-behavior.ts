/**
 * Finds where a French behavior description judges the person instead of describing what they
 * did: traits and labels ("tu es négligent", "pas un joueur d'équipe"), absolutes ("toujours",
 * "à chaque fois"), guesses at intent ("tu t'en fiches", "tu voulais me saboter") and, in praise,
 * verdicts that name no behavior ("bravo", "tu es géniale").
 */
import type { CharacterHit, CharacterKind } from "../behavior-lint";
import { byFirstWord, phraseAt } from "../phrases";
import {
  ABSOLUTE_PHRASES,
  ABSOLUTES,
  CONTEXT_TRAITS,
  INTENT_ADVERBS,
  INTENT_LEADS,
  INTENT_SKIP,
  INTENT_TARGETS,
  KNOWING,
  LABEL_PHRASES,
  LACK_WORDS,
  LOW,
  MIND_PHRASES,
  MIND_VERBS,
  NOT_CARING,
  NOTHING_TO_DO,
  OCCASIONS,
  PRAISE_CONTEXT_TRAITS,
  PRAISE_LABEL_PHRASES,
  PRAISE_LABELS,
  PRAISE_PHRASES,
  PRAISE_TRAITS,
  PRAISE_VERB_TAILS,
  PRAISE_VERBS,
  QUALITIES,
  SPEECH_VERBS,
  STRONG_TRAITS,
  TRAIT_ADVERBS,
  TRAIT_NOUNS,
  VERDICT_NOUNS,
} from "./fr-lexicon";
import { frNamesTime } from "./fr-situation";
import { type FrWord, frTyped, frWords } from "./fr-text";

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** "être", "sembler", "paraître", "devenir", "rester", "se montrer". */
const COPULAS = set(`
  suis es est sommes etes sont etais etait etions etiez etaient ete etre sera seras serez serait serais
  seriez soit sois soyez semble sembles semblez semblait semblais sembliez semblaient sembler parais
  parait paraissez paraissait paraissais paru deviens devient devenez devenu devenue devenais devenait
  montre montres montrez montrais montrait montree
`);
/** Between the verb and the judgment: "tu es (vraiment) (très) (un) ...". */
const PRED_SKIP = set(`
  tres vraiment trop si tellement assez plutot un une peu bien franchement carrement completement totalement
  super hyper particulierement souvent parfois encore aussi ne n pas jamais plus juste simplement
  relativement extremement incroyablement vachement sacrement limite un vrai vraie veritable de d toujours
  reste restee restes restez restait restais tout toute fois
`);
const NEGATORS = set(`ne n pas jamais plus aucun aucune`);
/** Clause joiners: a new subject may follow. */
const JOINERS = set(`et mais puis donc car alors ou`);
/** Between the subject and the verb: "tu (ne) (t') (as) (toujours) été". */
const AUX_SKIP = set(`
  ne n pas jamais toujours souvent vraiment t te s se m me y en deja encore parfois aussi as a avez avons ont
  avais avait aviez peux peut pouvez sais sait savez tendance de d l air
`);
const PERSON = set(`tu vous il elle ils elles t toi`);
const SELF = set(`je j nous on moi`);
const ACT = set(`c ce ca cela ceci`);
const POSSESSIVES = set(`ton ta tes votre vos son sa ses`);

const DETERMINERS = set(
  `le la les l un une ce cet cette ces mon ma mes notre nos votre vos leur leurs son sa ses ton ta tes`,
);

function isTitle(word: FrWord): boolean {
  const first = word.raw.charAt(0);
  return first !== first.toLowerCase();
}

type Subject = "person" | "self" | "implicit" | "act" | "third";

interface Position {
  /** found after "es", "semble", "t'es montré"...; otherwise it opens the clause */
  copula: boolean;
  subject: Subject;
  negated: boolean;
}

function at(ws: readonly FrWord[], i: number): string {
  return ws[i]?.w ?? "";
}

function subjectBefore(ws: readonly FrWord[], verb: number, from: number): Subject {
  let k = verb - 1;
  for (let steps = 0; k >= from && steps < 6; k--, steps++) {
    const word = ws[k];
    if (!word) break;
    if (PERSON.has(word.w)) return "person";
    if (SELF.has(word.w)) return "self";
    if (ACT.has(word.w)) return "act";
    if (AUX_SKIP.has(word.w) || COPULAS.has(word.w)) continue;
    // "ton code est bâclé" is about the person
    if (POSSESSIVES.has(at(ws, k - 1))) return "person";
    // A capital opening the clause may be a name too: "Sam est désorganisé".
    if (word.cap || (k === from && isTitle(word) && !DETERMINERS.has(word.w))) return "person";
    return "third";
  }
  return k < from ? "implicit" : "third";
}

/** Where the word at `i` stands: said of someone, opening a clause, or neither. */
function position(ws: readonly FrWord[], i: number, from: number): Position | undefined {
  let negated = false;
  let j = i - 1;
  for (let steps = 0; j >= from && steps < 7; j--, steps++) {
    const w = at(ws, j);
    // "tu avais l'air agacé"
    const looks = w === "air" && at(ws, j - 1) === "l";
    if (COPULAS.has(w) || looks) return { copula: true, subject: subjectBefore(ws, j, from), negated };
    if (!PRED_SKIP.has(w)) return undefined;
    if (NEGATORS.has(w)) negated = true;
  }
  return j < from ? { copula: false, subject: "implicit", negated } : undefined;
}

function negatedBefore(ws: readonly FrWord[], i: number, from: number): boolean {
  for (let k = i - 1; k >= Math.max(from, i - 5); k--) if (NEGATORS.has(at(ws, k))) return true;
  return false;
}

function aboutThePerson(pos: Position | undefined): boolean {
  return pos !== undefined && (pos.subject === "person" || pos.subject === "implicit");
}

/** "comme un gamin", "comme une diva", "de façon irresponsable" */
function afterLike(ws: readonly FrWord[], i: number): boolean {
  const prev = at(ws, i - 1);
  if (prev === "comme" || ((prev === "un" || prev === "une") && at(ws, i - 2) === "comme")) return true;
  return (prev === "facon" || prev === "maniere") && /^(?:de|d|une)$/.test(at(ws, i - 2));
}

function standsAlone(ws: readonly FrWord[], next: number): boolean {
  const word = ws[next];
  return !word || word.brk || JOINERS.has(word.w);
}

const ABSOLUTE_INDEX = byFirstWord(ABSOLUTE_PHRASES);
const MIND_INDEX = byFirstWord(MIND_PHRASES);
const LABEL_INDEX = byFirstWord(LABEL_PHRASES);
const PRAISE_LABEL_INDEX = byFirstWord(PRAISE_LABEL_PHRASES);
const PRAISE_INDEX = byFirstWord(PRAISE_PHRASES);

const AVOIR_ETRE = set(`
  as a avez avons ont avais avait aviez avaient es est etes sommes sont etais etait etiez eu
`);
// Past participles that say how it went rather than what was done.
const NOT_ACTIONS = set(
  `ete eu fait assure gere dechire cartonne brille excelle impressionne epate reussi bosse travaille`,
);
const PARTICIPLE = /(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|erte|ait|int|eint)$/;
const ADVERB_SKIP = set(`ne n pas deja bien tout vite aussi toujours encore su pu`);

/** Whether the text tells of something done: "tu as présenté", "tu expliquais". */
function describesAction(ws: readonly FrWord[], skip: ReadonlySet<number>): boolean {
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word || word.brk || skip.has(i) || !AVOIR_ETRE.has(word.w)) continue;
    let k = i + 1;
    while (k < i + 4 && ADVERB_SKIP.has(at(ws, k))) k++;
    const next = ws[k];
    if (next && !skip.has(k) && isParticiple(next) && !NOT_ACTIONS.has(next.w)) return true;
  }
  // "en écrivant un plan"
  return ws.some((word, i) => word.w.endsWith("ant") && at(ws, i - 1) === "en" && !skip.has(i));
}

function isParticiple(word: FrWord | undefined): boolean {
  return word !== undefined && PARTICIPLE.test(word.raw.toLowerCase());
}

/**
 * "il était difficile de te joindre": "il" stands for nobody. "susceptible de" means likely,
 * "nul besoin" no need.
 */
function impersonal(ws: readonly FrWord[], i: number, from: number): boolean {
  const next = at(ws, i + 1);
  if (next === "besoin" || (at(ws, i).startsWith("susceptible") && (next === "de" || next === "d")))
    return true;
  if (!/^(?:de|d|que|qu)$/.test(next)) return false;
  for (let k = i - 1; k >= Math.max(from, i - 4); k--) if (at(ws, k) === "il") return true;
  return false;
}

/** Verbs that report a verdict with "de": "tu l'as traité de paresseux". */
const NAMING_VERBS = set(`qualifie traite traites traitais traitait appele`);
const TOPIC_VERBS = set(`parle evoque mentionne reconnu admis avoue`);

/**
 * Whether what follows the speech verb is what was said: "que…", a quote, "de paresseux" after
 * "traité". "Tu as répondu de manière condescendante" is how they answered, not what.
 */
function reportsWords(ws: readonly FrWord[], verb: number): boolean {
  // "tu as parlé de ton manque de motivation": what they talked about, not the manager's verdict
  if (TOPIC_VERBS.has(at(ws, verb))) return true;
  const naming = NAMING_VERBS.has(at(ws, verb));
  for (let k = verb + 1; k <= verb + 5; k++) {
    const word = ws[k];
    if (!word || word.brk) return false;
    if (word.w === "que" || word.w === "qu" || word.w === "citation") return true;
    if (naming && (word.w === "de" || word.w === "d")) return true;
  }
  return false;
}

const OCCASION_LEADS = set(`chaque tous toutes`);
/** "toujours pas" is "still not", a fact. */
const STILL = set(`pas rien personne aucun aucune`);
const PRONOUNS_AFTER_NE = set(`te t se s vous me m nous y en le la l les lui leur`);

/** Everything in `text` that judges the person rather than describing what they did. */
export function frenchCharacterHits(text: string, reinforcing = false): CharacterHit[] {
  const read = frWords(text, true);
  const ws = read.words;
  const hits: CharacterHit[] = [];
  const add = (kind: CharacterKind, start: number, end: number) => {
    if (hits.length < 50) hits.push({ kind, match: frTyped(read, start, end), start, end });
  };
  // "à chaque standup ce sprint" counts occasions in a window; "à chaque standup" is a habit.
  const window = frNamesTime(ws);
  let from = 0;
  let speech = false;
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word) continue;
    const w = word.w;
    if (word.brk || JOINERS.has(w)) {
      from = i + 1;
      speech = false;
      continue;
    }
    // What someone said is reported, not judged: "tu as dit à Sam qu'il était paresseux".
    if (speech) continue;
    if (SPEECH_VERBS.has(w) && (AVOIR_ETRE.has(at(ws, i - 1)) || PERSON.has(at(ws, i - 1)))) {
      speech = reportsWords(ws, i);
      if (speech) continue;
    }
    const next = at(ws, i + 1);
    const pos = position(ws, i, from);

    // Absolutes.
    let length = phraseAt(ws, i, ABSOLUTE_INDEX);
    if (length > 0) add("absolute", i, i + length);
    else if (ABSOLUTES.has(w)) {
      const still = w === "toujours" && (STILL.has(next) || at(ws, i - 1) === "pas");
      // "tu n'as jamais répondu à mon message": one thing not done, in the past tense
      const notDone = w === "jamais" && AVOIR_ETRE.has(at(ws, i - 1)) && isParticiple(ws[i + 1]);
      if (!still && !notDone) add("absolute", i, i + 1);
    } else if (OCCASION_LEADS.has(w) && !window) {
      const k = at(ws, i + 1) === "les" ? i + 2 : i + 1;
      if (OCCASIONS.has(at(ws, k))) add("absolute", i, k + 1);
    }

    // Guesses at what they think or want.
    length = phraseAt(ws, i, MIND_INDEX);
    if (length > 0) add("mind", i, i + length);
    if (INTENT_ADVERBS.has(w) && !reinforcing) add("mind", i, i + 1);
    if (w === "dessein" && at(ws, i - 1) === "a" && !reinforcing) add("mind", i - 1, i + 1);
    // "tu t'en fiches", "il s'en moque"
    if (NOT_CARING.has(w) && at(ws, i - 1) === "en") add("mind", Math.max(from, i - 2), i + 1);
    // "tu n'en as rien à faire"
    if (NOTHING_TO_DO.has(w) && at(ws, i - 1) === "a" && at(ws, i - 2) === "rien") {
      for (let k = i - 3; k >= Math.max(from, i - 5); k--) {
        if (at(ws, k) === "en") {
          add("mind", k, i + 1);
          break;
        }
      }
    }
    // "tu ne t'intéresses pas", "ça ne te préoccupe pas", "il n'écoute pas"
    if (w === "ne" || w === "n") {
      let k = i + 1;
      while (k < i + 3 && PRONOUNS_AFTER_NE.has(at(ws, k))) k++;
      if (MIND_VERBS.has(at(ws, k)) && NEGATORS.has(at(ws, k + 1))) add("mind", i, k + 2);
    }
    // "tu voulais me saboter", "tu cherches à te faire remarquer", "pour nous ridiculiser"
    if (INTENT_LEADS.has(w)) {
      let k = i + 1;
      while (k < i + 5 && INTENT_SKIP.has(at(ws, k))) k++;
      if (INTENT_TARGETS.has(at(ws, k))) add("mind", i, k + 1);
    }
    // "tu n'as pas pris son retour au sérieux"
    if (w === "serieux" && at(ws, i - 1) === "au" && negatedBefore(ws, i, Math.max(from, i - 8)))
      add("mind", i - 1, i + 1);
    if (KNOWING.has(w)) {
      for (let k = Math.max(0, i - 3); k <= i + 4; k++) {
        const near = at(ws, k);
        if (NEGATORS.has(near) || INTENT_LEADS.has(near) || MIND_VERBS.has(near)) {
          add("mind", i, i + 1);
          break;
        }
      }
    }

    // Traits and labels.
    // "un peu de patience" is a little of it, not a lack
    if ((LACK_WORDS.has(w) || LOW.has(w)) && !(w === "peu" && at(ws, i - 1) === "un")) {
      let k = i + 1;
      while (k < i + 4 && /^(?:de|d|du|la|le|l|des|vrai|vraie|reel|reelle|bon)$/.test(at(ws, k))) k++;
      // "aucun sens" is said of plans; "aucun sens des priorités" of people
      const sense =
        at(ws, k) !== "sens" || /^(?:de|d|du|des)$/.test(at(ws, k + 1)) || at(ws, k - 1) === "bon";
      if (QUALITIES.has(at(ws, k)) && sense) add("trait", i, k + 1);
    } else if (w === "pas" && (next === "de" || next === "d") && QUALITIES.has(at(ws, i + 2))) {
      add("trait", i, i + 3);
    }
    if (TRAIT_ADVERBS.has(w)) add("trait", i, i + 1);
    if (TRAIT_NOUNS.has(w) && (pos !== undefined || afterLike(ws, i))) add("trait", i, i + 1);
    length = phraseAt(ws, i, LABEL_INDEX);
    if (length > 0) add("trait", i, i + length);

    const denied = negatedBefore(ws, i, from);
    length = phraseAt(ws, i, PRAISE_LABEL_INDEX);
    if (length > 0) {
      if (denied) add("trait", i, i + length);
      else if (reinforcing) add("praise", i, i + length);
    }

    if (impersonal(ws, i, from)) {
      // nothing said of anyone
    } else if (STRONG_TRAITS.has(w)) {
      // "le client était impoli" is about someone else
      if (aboutThePerson(pos) || afterLike(ws, i)) add("trait", i, i + 1);
    } else if (CONTEXT_TRAITS.has(w)) {
      if (aboutThePerson(pos) && (pos?.copula || standsAlone(ws, i + 1))) add("trait", i, i + 1);
    } else if (PRAISE_CONTEXT_TRAITS.has(w) && aboutThePerson(pos) && pos?.copula) {
      if (pos.negated) add("trait", i, i + 1);
    }

    if (!reinforcing) continue;
    // Praise that says it went well, not what to repeat.
    length = phraseAt(ws, i, PRAISE_INDEX);
    if (length > 0) add("praise", i, i + length);
    if (PRAISE_LABELS.has(w) && pos?.copula && aboutThePerson(pos)) add("praise", i, i + 1);
    if (PRAISE_TRAITS.has(w) || PRAISE_CONTEXT_TRAITS.has(w)) {
      const ofTheWork = VERDICT_NOUNS.has(next) || VERDICT_NOUNS.has(at(ws, i - 1));
      const ofThem = pos !== undefined && (aboutThePerson(pos) || pos.subject === "act") && !pos.negated;
      if (ofTheWork)
        add("praise", VERDICT_NOUNS.has(next) ? i : i - 1, i + (VERDICT_NOUNS.has(next) ? 2 : 1));
      else if (ofThem && (pos?.copula || standsAlone(ws, i + 1))) add("praise", i, i + 1);
    }
    if (PRAISE_VERBS.has(w) && (AVOIR_ETRE.has(at(ws, i - 1)) || PERSON.has(at(ws, i - 1)))) {
      // "tu as assuré la permanence" and "tu as géré l'escalade" tell what was done.
      const tail = ws[i + 1];
      const takesObject = /^(?:assure|assures|assurez|gere|geres|gerez)$/.test(w);
      if (!takesObject || !tail || tail.brk || PRAISE_VERB_TAILS.has(tail.w)) add("praise", i, i + 1);
    }
  }
  // Praise next to a described behavior is fine: the behavior is what they can repeat.
  const praise = hits.filter((hit) => hit.kind === "praise");
  if (praise.length === 0) return hits;
  const praiseWords = new Set<number>();
  for (const hit of praise) for (let k = hit.start; k < hit.end; k++) praiseWords.add(k);
  return describesAction(ws, praiseWords) ? hits.filter((hit) => hit.kind !== "praise") : hits;
}
