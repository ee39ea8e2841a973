/**
 * Where a German behavior description judges the person instead of describing what they did:
 * trait words and labels ("du bist faul", "kein Teamplayer"), guesses at intent ("dir ist das
 * egal", "du wolltest mich bloßstellen"), absolutes ("immer", "jedes Mal") and, in praise,
 * verdicts that name no behavior ("super gemacht", "Sie sind großartig").
 */
import type { CharacterHit, CharacterKind } from "../behavior-lint";
import {
  DE_ABSOLUTES,
  DE_ACTION_PARTICIPLES,
  DE_CONTEXT_TRAITS,
  DE_COPULAS,
  DE_EMPTY_DEEDS,
  DE_INTENT_ADVERBS,
  DE_INTENT_TARGETS,
  DE_NEGATORS,
  DE_PERSON,
  DE_PRAISE_LABELS,
  DE_PRAISE_TRAITS,
  DE_QUALITIES,
  DE_SPEECH,
  DE_STRONG_LABELS,
  DE_STRONG_TRAITS,
  DE_THING_DETERMINERS,
  DE_WANT,
} from "./de-lexicon";
import { type DeWord, deWords, foldedSet, inflectedIn, typedRange } from "./de-text";

/** Words that start a new clause with a subject of its own. */
const CLAUSE_JOINERS = foldedSet(`aber weil dass obwohl sondern denn während nachdem bevor sodass`);
const DATIVE_PERSON = foldedSet(`dir ihnen ihm ihr euch`);
const LACKS = foldedSet(`fehlt fehlte fehlen fehlten mangelt mangelte vermisse vermissen`);
const SERIOUS = foldedSet(`nimmst nimmt nehmen nahmst nahm genommen nehmt`);
const HOLD = foldedSet(`hältst hält halten hieltst hielt hielten`);
const THINK = foldedSet(`denkst denkt dachtest dachte glaubst glaubt glaubtest glaubte meinst`);
const BETTER_THAN = foldedSet(`besser klüger schlauer überlegen wichtiger`);
const BAD = foldedSet(`schlecht schlimm negativ falsch mies`);
const NOT_SUBJECTS = foldedSet(`es das dies alles man nichts etwas was wer`);

interface Clause {
  from: number;
  to: number;
  person: boolean;
  /** "Das System ist unzuverlässig": a thing is the subject and no person is in sight */
  aboutThing: boolean;
}

function clauseAt(ws: readonly DeWord[], from: number): Clause {
  let to = from;
  while (to < ws.length && !ws[to]?.brk && !(to > from && CLAUSE_JOINERS.has(ws[to]?.w ?? ""))) to++;
  let person = false;
  let thing = false;
  for (let k = from; k < to; k++) {
    const word = ws[k];
    if (!word) continue;
    if (DE_PERSON.has(word.w)) person = true;
    if (DE_THING_DETERMINERS.has(word.w) && ws[k + 1]?.cap && k + 1 < to) thing = true;
  }
  // "Priya ist unorganisiert": a name before the verb is a person.
  const first = ws[from];
  if (
    first?.cap &&
    DE_COPULAS.has(ws[from + 1]?.w ?? "") &&
    !DE_THING_DETERMINERS.has(first.w) &&
    !NOT_SUBJECTS.has(first.w)
  ) {
    person = true;
  }
  return { from, to, person, aboutThing: thing && !person };
}

function some(ws: readonly DeWord[], from: number, to: number, test: (w: string) => boolean): number {
  for (let k = Math.max(0, from); k < to; k++) {
    const word = ws[k];
    if (word && !word.brk && test(word.w)) return k;
  }
  return -1;
}

/** Where the negation just before `i` is ("nicht so engagiert"), or -1. */
function negationBefore(ws: readonly DeWord[], i: number, from: number): number {
  return some(ws, Math.max(from, i - 2), i, (w) => DE_NEGATORS.has(w));
}

/** "Du denkst, du bist besser als …": a claim about what they believe of themselves. */
function thinksBetter(ws: readonly DeWord[], i: number): boolean {
  let person = false;
  for (let k = i + 1; k < ws.length && k < i + 12; k++) {
    const word = ws[k];
    if (!word || (word.brk && word.raw !== ",")) return false;
    if (word.w === "du" || word.w === "er" || word.w === "sie") person = true;
    if (person && BETTER_THAN.has(word.w)) return true;
  }
  return false;
}

const PARTICIPLE = /^\p{L}*ge\p{L}{2,}(?:t|en)$/u;

/** Whether the words say what someone did: a participle or "-iert" verb that is not a verdict. */
function describesAction(ws: readonly DeWord[], skip: ReadonlySet<number>): boolean {
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word || word.brk || skip.has(i) || word.cap) continue;
    const w = word.w;
    if (DE_EMPTY_DEEDS.has(w) || DE_PRAISE_TRAITS.has(w) || DE_STRONG_TRAITS.has(w)) continue;
    if (DE_ACTION_PARTICIPLES.has(w)) return true;
    if (w.length > 5 && (PARTICIPLE.test(w) || w.endsWith("iert"))) return true;
  }
  return false;
}

/** Everything in German `text` that judges the person rather than describing what they did. */
export function germanCharacterHits(text: string, reinforcing = false): CharacterHit[] {
  const ws = deWords(text, true);
  const hits: CharacterHit[] = [];
  const add = (kind: CharacterKind, start: number, end: number) => {
    if (hits.length < 50) hits.push({ kind, match: typedRange(ws, start, end), start, end });
  };
  let clause = clauseAt(ws, 0);
  // Reported speech runs to the end of the sentence: "du hast gesagt, er sei faul".
  let speechSince = -1;
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word) continue;
    if (word.brk || i >= clause.to) {
      if (word.brk && word.raw !== ",") speechSince = -1;
      clause = clauseAt(ws, word.brk ? i + 1 : i);
      if (word.brk) continue;
    }
    const w = word.w;
    if (DE_SPEECH.has(w)) speechSince = i;
    // "hat ihn als faul bezeichnet": the speech verb closes the clause it reports.
    if (speechSince >= 0 || some(ws, i + 1, clause.to, (x) => DE_SPEECH.has(x)) >= 0) continue;
    const next = ws[i + 1]?.w ?? "";
    const copula = some(ws, clause.from, i, (x) => DE_COPULAS.has(x)) >= 0;

    // Absolutes. "immer noch" means "still", not "always".
    if (w === "jedes" || w === "jedem" || w === "jeden") {
      if (next === "mal") add("absolute", i, i + 2);
      else if (next === "einzelne" && ws[i + 2]?.w === "mal") add("absolute", i, i + 3);
    } else if (inflectedIn(w, DE_ABSOLUTES) && !(w === "immer" && next === "noch")) {
      add("absolute", i, next === "wieder" ? i + 2 : i + 1);
    }

    // Guesses at intent.
    if (!reinforcing && (DE_INTENT_ADVERBS.has(w) || (w === "absicht" && ws[i - 1]?.w === "mit"))) {
      add("mind", w === "absicht" ? i - 1 : i, i + 1);
    }
    if (DE_WANT.has(w)) {
      const target = some(ws, i + 1, clause.to, (x) => inflectedIn(x, DE_INTENT_TARGETS));
      if (target >= 0) add("mind", i, target + 1);
    }
    if (w === "egal" && some(ws, clause.from, clause.to, (x) => DATIVE_PERSON.has(x)) >= 0) {
      add("mind", i, i + 1);
    }
    const negation = negationBefore(ws, i, clause.from);
    if (w === "wichtig" && negation >= 0 && clause.person) add("mind", negation, i + 1);
    if (
      w.startsWith("interessier") &&
      clause.person &&
      some(ws, i + 1, clause.to, (x) => x === "nicht") >= 0
    ) {
      add("mind", i, i + 1);
    }
    if (w === "ernst" && negation >= 0 && some(ws, clause.from, clause.to, (x) => SERIOUS.has(x)) >= 0) {
      add("mind", negation, i + 1);
    }
    if (w === "lust" && DE_NEGATORS.has(ws[i - 1]?.w ?? "")) add("mind", i - 1, i + 1);
    if (HOLD.has(w) && some(ws, i + 1, clause.to, (x) => x === "fur") >= 0 && clause.person) {
      add("mind", i, i + 1);
    }
    if (THINK.has(w) && thinksBetter(ws, i)) add("mind", i, i + 1);

    // Traits and labels.
    if (inflectedIn(w, DE_STRONG_TRAITS)) {
      if (!clause.aboutThing) add("trait", i, i + 1);
    } else if (inflectedIn(w, DE_CONTEXT_TRAITS)) {
      if (copula && clause.person && !clause.aboutThing) add("trait", i, i + 1);
    } else if (inflectedIn(w, DE_PRAISE_TRAITS)) {
      if (negation >= 0 && copula && clause.person) add("trait", negation, i + 1);
      else if (reinforcing && negation < 0) add("praise", i, i + 1);
    }
    if (inflectedIn(w, DE_STRONG_LABELS)) add("trait", i, i + 1);
    else if (inflectedIn(w, DE_PRAISE_LABELS)) {
      if (negation >= 0) add("trait", negation, i + 1);
      else if (reinforcing) add("praise", i, i + 1);
    }
    if (inflectedIn(w, DE_QUALITIES)) {
      if (negation >= 0) add("trait", negation, i + 1);
      else if (some(ws, clause.from, clause.to, (x) => LACKS.has(x)) >= 0) add("trait", i, i + 1);
    }
    if (w === "einstellung" && inflectedIn(ws[i - 1]?.w ?? "", BAD)) add("trait", i - 1, i + 1);
    if (w === "kind" && ws[i - 1]?.w === "ein" && ws[i - 2]?.w === "wie") add("trait", i - 2, i + 1);
  }
  // Praise next to a described behavior is fine: the behavior is what they can repeat.
  const praiseWords = new Set<number>();
  for (const hit of hits) {
    if (hit.kind === "praise") for (let k = hit.start; k < hit.end; k++) praiseWords.add(k);
  }
  if (praiseWords.size > 0 && describesAction(ws, praiseWords)) {
    return hits.filter((hit) => hit.kind !== "praise");
  }
  return hits;
}
