/**
 * Where a behavior written in Spanish judges the person instead of describing what they did:
 * traits and labels ("eres un descuidado", "no eres buen compañero"), absolutes ("siempre",
 * "cada vez que"), guesses at intent ("no te importa", "querías dejarme en evidencia") and,
 * in praise, verdicts that name no behavior ("¡eres un crack!").
 *
 * Spanish drops the subject ("fuiste muy borde"), so a judgment counts as being about the
 * person unless the clause names someone or something else ("el cliente fue borde").
 */
import type { CharacterHit, CharacterKind } from "../behavior-lint";
import { byFirstWord, phraseAt } from "../phrases";
import {
  ABSOLUTE_PHRASES,
  ABSOLUTES,
  CLAUSE_JOINERS,
  CONTEXT_LABELS,
  CONTEXT_TRAITS,
  INTENT_TARGETS,
  INTENT_WORDS,
  LABEL_PHRASES,
  MIND_PHRASES,
  MIND_VERBS,
  OCCASIONS,
  POCO_TRAITS,
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
  VERDICT_PRAISE,
  WANT_FORMS,
} from "./es-lexicon";
import { namesTimeEs } from "./es-situation";
import { type EsWord, esTyped, esWords, lemmaIn, wordSet as set } from "./es-text";
import { isParticiple, isPastAction } from "./es-verbs";

/** Forms of "ser", "estar", "parecer"... that put a judgment on their subject. */
const COPULAS = set(`
  eres sos es soy somos sois son fuiste fue fui fuimos fueron fuisteis eras era eramos erais eran seras sera seran
  serias seria sido siendo ser estas estoy estan estuviste estuvo estuvieron estabas estaba estaban estado estar
  pareces parece parecen pareciste parecio parecias parecia parecer resultas resulta resultaste resulto
  resultabas resultaba sonaste sono suenas suena
`);
/** These need "te"/"se" to mean "became" or "behaved": "te pusiste agresivo", not "pusiste el PR". */
const REFLEXIVE_COPULAS = set(`
  mostraste mostro muestras muestra mostrabas mostraba pusiste puso pones pone ponias ponia volviste volvio
  vuelves vuelve comportaste comporto comportas comporta comportabas comportaba
`);
/** "actuaste como", "quedaste como": the "como" plays the part of "es". */
const BEFORE_COMO = set(`actuaste actuo actuas actua comportaste comporto comportas comporta quedaste quedo`);
const REFLEXIVE = set(`te se me nos`);
const FIRST_PERSON = set(`soy fui fuimos somos estoy estuve estuvimos`);

// Between the copula and the judgment: "eres (un) (poco) (demasiado) ..."
const PRED_SKIP = set(`
  muy tan bastante demasiado algo un una unos unas el la los las todo toda super realmente totalmente
  completamente bien mas menos tremendamente extremadamente increiblemente sumamente excesivamente
  especialmente francamente claramente no nunca nada siempre ya tambien como de forma manera modo
  lo mas poco persona tipo
`);
const NEGATORS = set(`no nunca nada ni jamas tampoco`);
const ARTICLES = set(`un una unos unas el la los las todo toda`);

// Between the subject and the copula: "tú (también) (siempre) has sido ..."
const AUX_SKIP = set(`
  no ya tambien siempre nunca te se me le les lo has ha han habeis hemos he estas estaba estabas sueles suele
  solo realmente hoy ayer antes ahora claramente obviamente a veces bastante muy
`);
const PERSON = set(`tu usted vos ustedes ella ellos ellas vosotros vosotras`);
const SELF = set(`yo nosotros nosotras`);
const ACTS = set(`eso esto ello aquello`);
const POSSESSIVES = set(`tu tus su sus`);
const PREPOSITIONS = set(
  `en de del durante con a al para por sobre tras desde hasta sin ante entre hacia segun`,
);
/** Capitalised only because they open a sentence: not names. */
const NOT_NAMES = set(`
  el la los las un una en de del durante con a al para por ayer hoy cuando mientras y pero que no si este esta
  ese esa tu su mi nuestro nuestra yo tambien despues antes
`);

type Subject = "person" | "self" | "act" | "third" | "implicit";

interface Position {
  copula: boolean;
  subject: Subject;
  negated: boolean;
}

function at(ws: readonly EsWord[], i: number): string {
  return ws[i]?.w ?? "";
}

function isCopula(ws: readonly EsWord[], j: number): boolean {
  const w = at(ws, j);
  // "esta" without its accent is as likely "this": count it only after someone.
  if (w === "esta" && !/á/i.test(ws[j]?.raw ?? "")) {
    const prev = ws[j - 1];
    return (
      prev !== undefined &&
      !prev.brk &&
      (PERSON.has(prev.w) || prev.w === "el" || prev.cap || NEGATORS.has(prev.w))
    );
  }
  if (COPULAS.has(w)) return true;
  if (REFLEXIVE_COPULAS.has(w) && REFLEXIVE.has(at(ws, j - 1))) return true;
  return BEFORE_COMO.has(w) && at(ws, j + 1) === "como";
}

function subjectBefore(ws: readonly EsWord[], verb: number, from: number): Subject {
  if (FIRST_PERSON.has(at(ws, verb))) return "self";
  let k = verb - 1;
  for (let steps = 0; k >= from && steps < 8; k--, steps++) {
    const word = ws[k];
    if (!word) break;
    const w = word.w;
    // "él" keeps its accent apart from "el"; right before a verb even "el" is a pronoun.
    if (w === "el" && (k === verb - 1 || /é/i.test(word.raw))) return "person";
    if (PERSON.has(w)) return "person";
    if (AUX_SKIP.has(w)) continue;
    // "gracias por ser tan atento": the infinitive's subject is whoever is thanked
    if (PREPOSITIONS.has(w) && k === verb - 1) return "implicit";
    if (SELF.has(w)) return "self";
    if (ACTS.has(w)) return "act";
    if (word.cap && !NOT_NAMES.has(w)) return "person";
    if (POSSESSIVES.has(at(ws, k - 1))) return "person";
    // "En la reunión fuiste...": a place or time before the verb, not its subject.
    let p = k - 1;
    while (p >= from && p > k - 4 && !PREPOSITIONS.has(at(ws, p))) p--;
    if (p >= from && PREPOSITIONS.has(at(ws, p)) && p > k - 4) {
      k = p;
      continue;
    }
    return "third";
  }
  return "implicit";
}

/** Where the word at `i` stands: said of someone, opening a clause, or neither. */
function position(ws: readonly EsWord[], i: number, from: number): Position | undefined {
  let negated = false;
  let j = i - 1;
  for (let steps = 0; j >= from && steps < 7; j--, steps++) {
    if (isCopula(ws, j)) return { copula: true, subject: subjectBefore(ws, j, from), negated };
    const w = at(ws, j);
    if (!PRED_SKIP.has(w) && !REFLEXIVE.has(w)) return undefined;
    if (NEGATORS.has(w)) negated = true;
  }
  return j < from ? { copula: false, subject: "implicit", negated } : undefined;
}

function aboutThePerson(subject: Subject): boolean {
  return subject === "person" || subject === "implicit";
}

const ABSOLUTE_INDEX = byFirstWord(ABSOLUTE_PHRASES);
const MIND_INDEX = byFirstWord(MIND_PHRASES);
const LABEL_INDEX = byFirstWord(LABEL_PHRASES);
const PRAISE_LABEL_INDEX = byFirstWord(PRAISE_LABEL_PHRASES);
const PRAISE_INDEX = byFirstWord(PRAISE_PHRASES);

function adverbOf(adjective: string): string {
  return adjective.endsWith("o") ? `${adjective.slice(0, -1)}amente` : `${adjective}mente`;
}
const STRONG_ADVERBS: ReadonlySet<string> = new Set([...STRONG_TRAITS].map(adverbOf));

const LACK = set(
  `falta faltan faltaba faltaban falto carece careces carecia carecias careciste carecio carencia`,
);
const SHOW = set(
  `tienes tiene tenias tenia tuviste tuvo muestras muestra mostraste mostro demuestras demuestra demostraste demostro`,
);
const LACK_SKIP = set(`de el la un una ningun ninguna nada mucho mucha total absoluta cierta algo`);
const LOW = set(`poca poco cero nula nulo ninguna ningun mala mal escasa escaso`);
const WITHOUT_ANY = set(`ningun ninguna`);
const MIND_SKIP = set(`te le les me nos se lo la ni siquiera realmente parece parecia parecio`);
// With a preposition these state a role or a fact: "responsable de la release".
const ROLE_ADJECTIVES = set(`responsable comprometido dedicado capaz atento`);
// Praise words that are everyday words too ("bueno, ..."): only a verdict after "eres", "fue".
const COPULA_ONLY_PRAISE = set(`bueno top`);
const NOT_ACTIONS = set(
  `fuiste estuviste hiciste tuviste luciste bordaste petaste clavaste pareciste sentiste`,
);
const HAVE = set(`has ha han habeis hemos he`);
const OWN_EXPERIENCE = set(`he habia hemos habiamos`);

/** "fue difícil seguir tu explicación", "es complicado que...": said of a task, not a person. */
function describesSomethingElse(next: string): boolean {
  return next === "de" || next === "que" || (next.length > 3 && /(?:ar|er|ir)(?:lo|la|le|se)?$/.test(next));
}

/** Whether the text tells of something done: "le explicaste", "ha publicado". */
export function describesActionEs(ws: readonly EsWord[], skip: ReadonlySet<number>): boolean {
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word || word.brk || skip.has(i) || NOT_ACTIONS.has(word.w)) continue;
    if (isPastAction(word.raw, word.w) || word.w.endsWith("abas")) return true;
    if (
      HAVE.has(at(ws, i - 1)) &&
      isParticiple(word.w) &&
      !/^(?:sido|estado|tenido|hecho|lucido|bordado|clavado)$/.test(word.w)
    ) {
      return true;
    }
  }
  return false;
}

/** Everything in `text` that judges the person rather than describing what they did. */
export function esCharacterHits(text: string, reinforcing = false): CharacterHit[] {
  const ws = esWords(text, true);
  const hits: CharacterHit[] = [];
  const add = (kind: CharacterKind, start: number, end: number) => {
    if (hits.length < 50) hits.push({ kind, match: esTyped(ws, start, end), start, end });
  };
  // "cada daily de este sprint" counts occasions in a window; "cada daily" is a habit.
  const window = namesTimeEs(ws);
  let from = 0;
  let speech = false;
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word) continue;
    const w = word.w;
    // "dijiste que era una vaga": the "que" opens what was said, not a new clause of ours.
    if (word.brk || (CLAUSE_JOINERS.has(w) && !(speech && w === "que"))) {
      from = i + 1;
      speech = false;
      continue;
    }
    // What someone said is reported, not judged: "le dijiste a Ana que era una vaga".
    if (speech) continue;
    if (SPEECH_VERBS.has(w)) {
      speech = true;
      continue;
    }
    const next = at(ws, i + 1);

    let length = phraseAt(ws, i, ABSOLUTE_INDEX);
    if (length > 0) add("absolute", i, i + length);
    // "nunca había visto algo así" is the writer's own experience
    else if (ABSOLUTES.has(w) && !OWN_EXPERIENCE.has(next)) add("absolute", i, i + 1);
    else if (!window && w === "cada" && OCCASIONS.has(next)) add("absolute", i, i + 2);
    else if (
      !window &&
      (w === "todos" || w === "todas") &&
      /^(?:los|las)$/.test(next) &&
      OCCASIONS.has(at(ws, i + 2))
    ) {
      add("absolute", i, i + 3);
    }

    length = phraseAt(ws, i, MIND_INDEX);
    if (length > 0) add("mind", i, i + length);
    // Praise may fairly say "lo mantuviste pequeño deliberadamente".
    if (INTENT_WORDS.has(w) && !reinforcing) add("mind", i, i + 1);
    if (NEGATORS.has(w)) {
      let k = i + 1;
      while (k < i + 4 && MIND_SKIP.has(at(ws, k))) k++;
      // "no quiere decir" is "does not mean"
      if (MIND_VERBS.has(at(ws, k)) && at(ws, k + 1) !== "decir") add("mind", i, k + 1);
    }
    if (WANT_FORMS.has(w)) {
      const target = next === "a" ? i + 2 : i + 1;
      if (INTENT_TARGETS.has(at(ws, target))) add("mind", i, target + 1);
    }

    if (LACK.has(w)) {
      let k = i + 1;
      while (k < i + 4 && LACK_SKIP.has(at(ws, k))) k++;
      if (QUALITIES.has(at(ws, k))) add("trait", i, k + 1);
    } else if (NEGATORS.has(w) && SHOW.has(next)) {
      // "no tienes iniciativa", "nunca muestras interés"
      let k = i + 2;
      while (k < i + 5 && LACK_SKIP.has(at(ws, k))) k++;
      if (QUALITIES.has(at(ws, k))) add("trait", i, k + 1);
    } else if (w === "sin" && WITHOUT_ANY.has(next) && QUALITIES.has(at(ws, i + 2))) {
      add("trait", i, i + 3);
    } else if (LOW.has(w) && QUALITIES.has(next) && next !== "cuidado") {
      add("trait", i, i + 2);
    }
    if (TRAIT_NOUNS.has(w) || STRONG_LABELS.has(w) || STRONG_ADVERBS.has(w)) add("trait", i, i + 1);
    length = phraseAt(ws, i, LABEL_INDEX);
    if (length > 0) add("trait", i, i + length);

    const pos = position(ws, i, from);
    const aboutThem = pos !== undefined && aboutThePerson(pos.subject);
    const denied = pos?.negated ?? false;
    length = phraseAt(ws, i, PRAISE_LABEL_INDEX);
    if (length > 0 && pos?.copula && aboutThem) add(denied ? "trait" : "praise", i, i + length);
    if (PRAISE_LABELS.has(w) && at(ws, i - 1) !== "mal") add(denied ? "trait" : "praise", i, i + 1);
    length = phraseAt(ws, i, PRAISE_INDEX);
    if (length > 0) add("praise", i, i + length);
    if (VERDICT_PRAISE.has(w) && VERDICT_NOUNS.has(next)) add("praise", i, i + 2);

    const thirdParty = pos?.copula === true && !aboutThem;
    if (w === "poco" && POCO_TRAITS.has(lemmaIn(POCO_TRAITS, next) ?? "") && !thirdParty) {
      add("trait", i, i + 2);
      i++;
      continue;
    }
    if (lemmaIn(STRONG_TRAITS, w)) {
      // "el cliente fue grosero" is about someone else
      if (!thirdParty) add("trait", i, i + 1);
    } else if (lemmaIn(CONTEXT_TRAITS, w) && !describesSomethingElse(next)) {
      const alone = !next || ws[i + 1]?.brk || PREPOSITIONS.has(next) || CLAUSE_JOINERS.has(next);
      if (pos && aboutThem && (pos.copula || alone)) add("trait", i, i + 1);
    } else if (lemmaIn(PRAISE_TRAITS, w)) {
      const role = ROLE_ADJECTIVES.has(lemmaIn(PRAISE_TRAITS, w) ?? "") && PREPOSITIONS.has(next);
      const everyday = COPULA_ONLY_PRAISE.has(lemmaIn(PRAISE_TRAITS, w) ?? "");
      if (pos && aboutThem && !role && (pos.copula || !everyday)) {
        if (pos.negated) add("trait", i, i + 1);
        else if (pos.copula || reinforcing || !next || ws[i + 1]?.brk) add("praise", i, i + 1);
      }
    } else if (lemmaIn(CONTEXT_LABELS, w) && pos?.copula && aboutThem && ARTICLES.has(at(ws, i - 1))) {
      const praise = PRAISE_CONTEXT_LABELS.has(lemmaIn(CONTEXT_LABELS, w) ?? "");
      add(praise && !pos.negated ? "praise" : "trait", i, i + 1);
    }
  }
  // Praise next to a described behavior is fine: the behavior is what they can repeat.
  const praise = hits.filter((hit) => hit.kind === "praise");
  const praiseWords = new Set(praise.flatMap((hit) => range(hit.start, hit.end)));
  if (praise.length > 0 && describesActionEs(ws, praiseWords)) {
    return hits.filter((hit) => hit.kind !== "praise");
  }
  return hits;
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(i);
  return out;
}
