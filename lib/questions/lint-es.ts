/**
 * The question check for Spanish: yes/no questions, questions that suggest their answer
 * ("…, ¿verdad?", "¿No crees que…?", "¿Por qué no…?") and two questions at once.
 *
 * Spanish asks yes/no without inverting anything ("¿El proyecto va bien?"), so a question is
 * open when it opens with an interrogative ("qué", "cómo", "en qué medida"…) or is an
 * invitation to talk ("Cuéntame…", "¿Me explicas…?"), and closed otherwise. Only the part
 * after "¿" is the question: "Si pudieras cambiar algo, ¿qué sería?" opens with "qué".
 * Matching runs on a copy without accents of the same length, so "que" typed for "qué"
 * reads the same and a rewrite can lift the manager's own words, accents and all.
 * Patterns are anchored or word-bounded with no ambiguous repetition.
 */
import type { QuestionLintResult } from "./lint";
import {
  checkQuestion,
  isQuestionSentence,
  type QuestionVerdict,
  type QuestionWords,
  trimEndOf,
} from "./sentences";

const words: QuestionWords = {
  messages: {
    closed: "Pregunta cerrada: se puede responder con un sí o un no.",
    leading: "Pregunta que sugiere la respuesta: deja ver lo que esperas oír.",
    double: "Dos preguntas a la vez: la gente suele responder solo a una.",
  },
  advice: {
    closed: "Empieza por qué, cómo o dónde para que responda con sus propias palabras.",
    leading: "Deja tu opinión fuera y pregunta por la suya.",
    double: "Pregunta una cosa cada vez, primero la que más importa.",
  },
  suggest: (question) => `Prueba: «${question}»`,
  fallback: "¿Cómo lo enfocarías tú?",
};

type Verdict = QuestionVerdict;

/** The text in lower case without accents, one character for one, so indices still match. */
function fold(text: string): string {
  // The same sentence is folded at every step; a long paste should be walked once.
  if (text === lastFolded.text) return lastFolded.folded;
  let out = "";
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch.toLowerCase();
      continue;
    }
    const lower = ch.toLowerCase();
    const bare = lower.normalize("NFD").replace(/\p{M}/gu, "");
    // Keep the length: a character that folds into two (or none) stays as it was.
    out += bare.length === ch.length ? bare : lower.length === ch.length ? lower : ch;
  }
  lastFolded = { text, folded: out };
  return out;
}
let lastFolded = { text: "", folded: "" };

const INTERROGATIVE =
  /^(?:(?:a|de|del|en|con|por|para|sobre|desde|hasta|hacia|segun|entre|sin|bajo|tras) )?(?:que|como|cual|cuales|cuando|donde|adonde|quien|quienes|cuanto|cuanta|cuantos|cuantas)\b/;

/** Spanish puts the person or the topic first: "¿Y tú qué opinas?", "¿El proyecto cómo va?" */
const INTERROGATIVE_AFTER_LEAD =
  /^(?:(?:(?:y|e|tu|ti|a ti|usted|a usted|vos|para ti) )+|(?:el|la|los|las|tu|tus) \S+ )(?:que|como|cual|cuales|cuando|donde|quien|cuanto|cuanta)\b/;

const INVITATION =
  /^(?:cuentame|cuentanos|cuenteme|cuentales|explicame|explicanos|expliqueme|describeme|describenos|hablame|hablanos|dime|comparte|comparteme|compartenos|ayudame a entender|imagina|imaginate|piensa en|haz memoria|recuerda|ponme un ejemplo|dame un ejemplo|repasemos|me (?:cuentas|contarias|explicas|explicarias|describes|hablas|compartes|dices (?:que|como|cual|cuando|donde|por que|quien)|ayudas a entender|pones un ejemplo|das un ejemplo)|(?:me |nos )?(?:puedes|podrias|quieres|querrias|te importaria|le importaria|podria|puede)(?: por favor)? (?:contarme|contarnos|contar|explicarme|explicarnos|explicar|describirme|describir|describirnos|hablarme|hablarnos|compartir|detallar|desarrollar|ampliar|profundizar|ayudarme a entender|darme un ejemplo|ponerme un ejemplo|decirme (?:que|como|cual|cuando|donde|por que|quien)|guiarme|repasar conmigo)|me gustaria (?:saber|entender|escuchar|conocer|oir)|quiero (?:saber|entender|escuchar)|quisiera (?:saber|entender|escuchar))\b/;

/** Without "?" only these openings read as a yes/no question rather than a statement. */
const CLOSED_WITHOUT_MARK =
  /^(?:todo bien|va todo bien|esta todo bien|estas bien|estas contento|estas contenta|alguna pregunta|alguna duda|algun bloqueo|algo mas|tienes alguna|tienes algun|hay algo|hay alguna|hay algun|te parece bien|has terminado|has podido|necesitas algo)\b/;

/** Openings of a side clause whose question comes after the comma. */
const CLAUSE_HEAD =
  /^(?:si|cuando|desde|mirando|pensando|ahora que|dado que|suponiendo|imagina que|en tu opinion|para ti|segun tu|despues de|antes de|tras|hablando de|volviendo a|sobre|respecto a|en cuanto a|con respecto a)\b/;

const FILLERS =
  /^(?:(?:y|e|pero|bueno|oye|vale|ok|okay|entonces|pues|a ver|una pregunta|por cierto|otra cosa|hola|mira|ahora|asi que|por curiosidad)\b[\s,:;.\u2013\u2014-]*)+/;

/** Tags asking for agreement: "…, ¿verdad?", "…, ¿no?", "… ¿o no?". */
const TAG =
  /(?:[,;:\u2013\u2014-] *¿? *|¿ *)(?:verdad|cierto|no|vale|si|eh|de acuerdo|no es asi|no crees|no te parece|a que si|o no|correcto|ok|okay|no es cierto|no es verdad|me equivoco|tengo razon)$| o no$/;

const LEADING_ANYWHERE: readonly RegExp[] = [
  /\b(?:estas|estarias|estais|esta|estaria) de acuerdo (?:en|con) que\b|\bestarias de acuerdo\b|\bcoincides (?:en|conmigo)\b|\bestamos todos de acuerdo\b/,
  /\bpor que no\b/,
  /\bque tiene de malo\b/,
  /\b(?:obviamente|evidentemente|sin duda|esta claro que|es obvio que)\b/,
  /\btengo razon\b|\bme equivoco\b/,
];

/** Heads that presume the answer: "¿No sería mejor…?", "¿Verdad que…?", "¿Qué tal si lo hacemos así?" */
const LEADING_HEAD: readonly RegExp[] = [
  /^no \S/,
  /^(?:estas|estais|esta|estarias|estariais) de acuerdo\b/,
  /^seria (?:mejor|mas facil|mas sencillo|mas logico|buena idea)\b/,
  /^que tal si (?!me |nos )/,
  /^y si (?:simplemente|solo|mejor)\b/,
  /^(?:que tan|como de|lo) (?:genial|increible|bien|fantastic[oa]|buen[oa]|impresionante|terrible|horrible|mal[oa]?) (?:fue|fueron|es|son|salio|estuvo|ha sido)\b/,
];

/** Checks a question written in Spanish, and answers in Spanish. `questionLint` catches what it throws. */
export function spanishQuestionLint(text: string): QuestionLintResult {
  const clean = text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
  return checkQuestion(clean, {
    words,
    judge,
    asks: (sentence) => isQuestionSentence(sentence) || sentence.includes("¿"),
    marked: (whole) => whole.includes("?") || whole.includes("¿"),
  });
}

/** The sentence without its marks at either end. */
function bare(text: string): string {
  let start = 0;
  while (start < text.length && "¿¡ ".includes(text[start] ?? "")) start++;
  return trimEndOf(text.slice(start), "?!.… ");
}

function judge(sentence: string, isQuestion: boolean): Verdict {
  const whole = bare(sentence);
  const folded = fold(whole);
  if (TAG.test(folded)) return { code: "leading", rewrite: "¿Cómo lo ves tú?" };
  // "Obviamente…, ¿qué opinas?": the view comes before the question mark.
  if (LEADING_ANYWHERE.some((re) => re.test(folded))) {
    return { code: "leading", rewrite: leadingRewrite(whole, folded) };
  }
  // The question proper starts at "¿"; before it is context ("Desde tu posición, ¿…?").
  const mark = whole.indexOf("¿");
  const body = mark >= 0 ? bare(whole.slice(mark)) : whole;
  return judgeHead(body, isQuestion, 0);
}

function withoutFillers(text: string): string {
  const folded = fold(text);
  const m = folded.match(FILLERS);
  const rest = m ? text.slice(m[0].length) : text;
  return rest.trim() === "" ? text : rest.trim();
}

function judgeHead(text: string, isQuestion: boolean, depth: number): Verdict {
  const original = withoutFillers(text);
  const head = fold(original);
  // "¿Verdad que…?", "¿A que…?": with its accent "¿A qué…?" asks, so look at what was typed.
  const presumes = /^(?:verdad que|a que)\b/.test(original.toLowerCase());
  if (presumes || LEADING_HEAD.some((re) => re.test(head))) {
    return { code: "leading", rewrite: leadingRewrite(original, head) };
  }
  if (INTERROGATIVE.test(head) || INTERROGATIVE_AFTER_LEAD.test(head) || INVITATION.test(head)) {
    return "open";
  }
  const comma = original.search(/[,:;\u2013\u2014]/);
  if (comma > 0 && depth < 3 && (CLAUSE_HEAD.test(head) || isQuestion)) {
    const rest = original.slice(comma + 1).trim();
    if (bare(rest) !== "") {
      const verdict = judgeHead(rest, isQuestion, depth + 1);
      if (verdict !== "statement") return verdict;
    }
  }
  if (isQuestion || CLOSED_WITHOUT_MARK.test(head)) {
    return { code: "closed", rewrite: closedRewrite(original) };
  }
  return "statement";
}

function leadingRewrite(original: string, head: string): string {
  if (/\bpor que no\b/.test(head)) {
    // "¿Por qué no me avisaste?", "¿Por qué no se llegó a tiempo?": something did not happen
    const past =
      /\bpor que no (?:\S+ )?\S+(?:aste|iste|aron|ieron)\b/.test(head) ||
      /\bpor que no (?:lo |me |nos )?has\b/.test(head) ||
      /por qu[eé] no (?:\S+ )?\S+ó(?!\p{L})/u.test(original.toLowerCase());
    return past ? "¿Qué te lo impidió?" : "¿Cómo lo enfocarías tú?";
  }
  const how = match(original, /^(?:que tan|como de|lo) \S+ (?:fue|fueron|salio|estuvo|ha sido) (.+)$/);
  if (how?.[1]) return `¿Cómo fue ${how[1]} desde tu punto de vista?`;
  if (/\b(?:crees|cree|piensas|parece|acuerdo|coincides|razon|equivoco|verdad)\b/.test(head)) {
    return "¿Cómo lo ves tú?";
  }
  return "¿Cómo lo enfocarías tú?";
}

/** `re` run on the folded text, its groups lifted from the original, accents and all. */
function match(original: string, re: RegExp): (string | undefined)[] | undefined {
  const withIndices = new RegExp(re.source, `${re.flags.replace("d", "")}d`);
  const m = withIndices.exec(fold(original));
  if (!m?.indices) return undefined;
  return m.indices.map((pair) => (pair ? lowerFirst(original.slice(pair[0], pair[1])) : undefined));
}

// Capitalised only because they opened the question; names keep their capital.
const OPENING_WORDS =
  /^(?:El|La|Los|Las|Un|Una|Tu|Tus|Su|Sus|Mi|Este|Esta|Ese|Esa|Nuestro|Nuestra|Vuestro|Vuestra|Va|Van)\b/;

function lowerFirst(phrase: string): string {
  return OPENING_WORDS.test(phrase) ? `${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}` : phrase;
}

/** "de el plan" is written "del plan". */
function de(phrase: string): string {
  return /^el\b/i.test(phrase) ? `del${phrase.slice(2)}` : `de ${phrase}`;
}

function plural(noun: string): string {
  if (/s$/i.test(noun)) return noun;
  if (/ión$/i.test(noun)) return `${noun.slice(0, -3)}iones`;
  return /[aeiouáéó]$/i.test(noun) ? `${noun}s` : `${noun}es`;
}

type Rewrite = readonly [RegExp, (g: (string | undefined)[]) => string | undefined];

const FEELINGS =
  "bien|ok|okay|contento|contenta|a gusto|comodo|comoda|satisfecho|satisfecha|feliz|tranquilo|tranquila|motivado|motivada|agobiado|agobiada|estresado|estresada|preocupado|preocupada|seguro|segura|ilusionado|ilusionada";
const ON_TRACK = "bien|segun lo previsto|segun el plan|en plazo|a tiempo|por buen camino";
const DONE = "terminado|acabado|enviado|hecho|cerrado|entregado|completado|revisado|resuelto";

const REWRITES: readonly Rewrite[] = [
  [
    /^(?=.*\b(?:feedback|comentarios|sugerencias)\b).*\b(?:para|sobre) mi$/,
    () => "¿Qué feedback tienes para mí?",
  ],
  [
    /\b(?:necesitas|quieres) (?:algo|alguna cosa) de mi\b|\bhay algo (?:que )?(?:pueda|podria) hacer\b|\b(?:te )?puedo ayudar(?:te)?\b/,
    () => "¿Qué necesitas de mí esta semana?",
  ],
  [/\bbloque|\batasc|\bobstaculo|\bimpedimento/, () => "¿Qué te está frenando ahora mismo?"],
  [/^(?:hay |tienes )?(?:alguna|algun|alguno)s? (?:pregunta|duda)s?$/, () => "¿Qué preguntas tienes?"],
  [/^(?:hay )?(?:algo|alguna cosa|nada) mas\b/, () => "¿Qué más tienes en mente?"],
  [/^(?:hay )?algo que te (?:preocupe|inquiete|agobie)\b/, () => "¿Qué te preocupa ahora mismo?"],
  [/^(?:hay )?algo (?:que|de lo que)\b/, () => "¿Qué tienes en mente ahora mismo?"],
  [/^(?:quieres|te gustaria|necesitas) hablar (?:de|sobre) algo\b/, () => "¿De qué te gustaría hablar hoy?"],
  [
    /^(?:todo|va todo|todo va|anda todo|esta todo|sigue todo|todo sigue|que tal todo) ?(?:bien|ok|okay|en orden|correcto|genial|tranquilo|bajo control)?$/,
    () => "¿Cómo van las cosas esta semana?",
  ],
  [
    new RegExp(`^(?:estas|te sientes|te encuentras|sigues) (?:${FEELINGS})(?: (?:con|en|por|sobre) (.+))?$`),
    (g) => (g[1] ? `¿Cómo te sientes con ${g[1]}?` : "¿Cómo te sientes con el trabajo estos días?"),
  ],
  [
    new RegExp(
      `^((?:el|la|los|las|tu|tus|vuestro|vuestra|nuestro|nuestra|este|esta) .+?) (va|van) (?:${ON_TRACK})$`,
    ),
    (g) => `¿Cómo ${g[2]} ${g[1]} desde tu punto de vista?`,
  ],
  [new RegExp(`^(va|van) (?:${ON_TRACK}) (.+)$`), (g) => `¿Cómo ${g[1]} ${g[2]} desde tu punto de vista?`],
  [/^(?:fue|estuvo|salio) (?:bien|genial|ok) (.+)$/, (g) => `¿Cómo fue ${g[1]} desde tu punto de vista?`],
  [/^(.+?) (?:fue|estuvo|salio) bien$/, (g) => `¿Cómo fue ${g[1]} desde tu punto de vista?`],
  [
    new RegExp(`^(?:ya )?(?:lo )?(?:has|habeis) (?:${DONE})(?: (.+))?$`),
    (g) => (g[1] ? `¿Cómo vas con ${g[1]}?` : "¿Cómo vas con ello?"),
  ],
  [
    /^(?:ya )?(?:terminaste|acabaste|enviaste|cerraste|entregaste|resolviste)(?: (.+))?$/,
    (g) => (g[1] ? `¿Cómo vas con ${g[1]}?` : "¿Cómo vas con ello?"),
  ],
  [/^(?:has hablado|hablaste|has podido hablar) con (.+)$/, (g) => `¿Qué te ha contado ${g[1]}?`],
  [
    /^(?:te gusta|te gusto|te esta gustando|te gustan|disfrutas) (.+)$/,
    (g) => `¿Qué es lo que más te gusta ${de(g[1] ?? "")}?`,
  ],
  [
    /^(?:entiendes|entendiste|queda claro|quedo claro|tiene sentido|esta claro)(?: (.+))?$/,
    (g) => (g[1] ? `¿Qué sigue sin estar claro ${de(g[1])}?` : "¿Qué sigue sin estar claro?"),
  ],
  [
    /^(?:tienes |teneis |hay )?(?:alguna|algun|alguno|algunas|algunos) (\S+)(?: (.+))?$/,
    (g) => `¿Qué ${plural(g[1] ?? "")} tienes${g[2] ? ` ${g[2]}` : ""}?`,
  ],
  [
    /^(?:puedes|podrias|podras|puede|podria) (?:por favor )?(?!ser\b|estar\b)(.+)$/,
    (g) => `¿Qué necesitarías para ${g[1]}?`,
  ],
];

/**
 * Rewrites for the commonest yes/no shapes; otherwise a generic open question in the tense
 * the question was asked in.
 */
function closedRewrite(original: string): string {
  const s = bare(original);
  for (const [pattern, build] of REWRITES) {
    const groups = match(s, pattern);
    if (groups) {
      const out = build(groups);
      if (out) return out;
    }
  }
  const head = fold(s);
  if (/^(?:fue|fuiste|estuvo|estuviste|salio|hiciste)\b|^\S+(?:aste|iste)\b/.test(head)) {
    return "¿Cómo fue desde tu punto de vista?";
  }
  if (/^(?:has|ha|habeis|han)\b/.test(head)) return "¿Cómo va por tu parte?";
  if (/^(?:puedes|podrias|deberias|deberia|debemos|vas a|vamos a|quieres|se podria|podemos)\b/.test(head)) {
    return "¿Qué propondrías tú?";
  }
  return "¿Cómo lo ves tú?";
}
