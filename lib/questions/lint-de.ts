/**
 * The question check for German: yes/no questions, which in German open with the verb
 * ("Ist das Projekt im Plan?"), leading ones ("…, oder?", "Findest du nicht auch…",
 * "Warum hast du nicht…"), and two questions at once. Open questions open with a W-word
 * ("Was", "Wie", "Mit wem") or invite talk ("Erzähl mal…", "Können Sie beschreiben…").
 *
 * Shapes are read from a word list, not from one big pattern; the few patterns are anchored,
 * and rewrites only look at sentences of sensible length, so long pastes stay linear.
 */
import type { QuestionLintResult } from "./lint";
import { checkQuestion, type QuestionVerdict, type QuestionWords, trimEndOf } from "./sentences";

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** One spelling for umlauts typed or not: "könntest", "koenntest" and "konntest" all read "konntest". */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/ue/g, "u");
}

function wordsOf(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const W_WORDS = set(`
  was wie warum wieso weshalb weswegen wo wann wer wen wem wessen welche welcher welches welchen welchem
  wohin woher womit wofur woruber worauf woran wodurch wovon wozu worin wobei woraus wogegen wonach worum
  wieviel wieviele inwiefern inwieweit
`);
const PREPOSITIONS = set(`
  in mit bei von auf fur an aus zu um uber nach unter seit bis ab durch gegen ohne vor hinter zwischen neben
  wahrend trotz wegen im am beim vom zum zur
`);
/** Imperatives and openers that invite the person to talk. */
const INVITATIONS = set(`
  erzahl erzahle erzahlen erzahlt beschreib beschreibe beschreiben schilder schildere schildern erklar erklare
  erklaren berichte berichten fuhr fuhre fuhren nimm hilf helfen stell stellen gedanken ideen eindrucke
  deine ihre
`);
const INVITING_PHRASES: readonly (readonly string[])[] = [
  ["lass", "uns"],
  ["lasst", "uns"],
  ["lassen", "sie", "uns"],
  ["lass", "mal", "horen"],
  ["ich", "wurde", "gern"],
  ["ich", "wurde", "gerne"],
  ["ich", "bin", "neugierig"],
  ["mich", "interessiert"],
  ["mich", "wurde", "interessieren"],
  ["ich", "frage", "mich"],
  ["denk", "an"],
  ["denken", "sie", "an"],
];
/** What a polite request asks for when it asks them to talk: "Kannst du mir mehr erzählen?" */
const TALK_VERBS = set(`
  erzahlen erklaren beschreiben schildern berichten ausfuhren erlautern durchgehen zusammenfassen skizzieren
  mitnehmen
`);
const VIEW_NOUNS = set(
  `sicht einschatzung gedanken perspektive erfahrung erfahrungen eindruck eindrucke meinung`,
);
const POLITE_MODALS = set(
  `kannst konntest wurdest magst mochtest willst konnen konnten wurden mochten wollen konnt`,
);

/** Finite verbs that open a yes/no question. */
const FINITE = set(`
  ist sind bist seid war waren warst wart hast hat haben habt hattest hatte hatten hattet kannst kann konnen
  konnt konntest konnte konnten willst will wollen wollt wolltest wollte musst muss mussen musstest musste
  sollst soll sollen sollt solltest sollte sollten darf darfst durfen durftest durfte wirst wird werden werdet
  wurdest wurde wurden ware waren gibt gab gabe geht ging lauft lief klappt klappte passt passte brauchst
  braucht brauchen hilft macht machst magst mag mogen mochtest mochte fuhlst fuhlt fuhlen findest findet finden
  denkst glaubst meinst siehst sieht sehen weisst wisst wissen kennst verstehst versteht gefallt gefiel stort
  belastet fehlt liegt liegen bleibt kommst kommt kommen ergibt stimmt stimmst tut tust freust freut nervt
  steht stehst gehts gibts laufts klappts passts wars hattest
`);
const SUBJECTS = set(`du sie ihr wir es er man ich das der die den dem ein eine einen alles jemand`);
const NEGATIONS = set(`nicht kein keine keinen keiner keinem nie`);
const MODAL_HEADS = set(`
  kannst konntest sollst solltest wurdest wirst willst musst musstest konnen konnten sollen sollten wurden
  werden mussen kann konnte soll sollte wurde wird muss darf darfst durfen
`);
const PAST_HEADS = set(
  `war waren warst wart hast hat haben habt hattest hatte hatten lief ging gab klappte passte wars`,
);
const SUBORDINATORS = set(
  `wenn falls als nachdem bevor wahrend seit seitdem sobald da weil angenommen ruckblickend`,
);
const WHY = set(`warum wieso weshalb weswegen`);
const PEOPLE = set(`du sie ihr wir ich man er`);

/** Agreement-seeking tails after a comma: "…, oder?", "…, nicht wahr?", "…, findest du nicht?" */
const TAGS: ReadonlySet<string> = new Set([
  "oder",
  "nicht",
  "nicht wahr",
  "ne",
  "nee",
  "gell",
  "gelle",
  "gelt",
  "oder nicht",
  "oder etwa nicht",
  "richtig",
  "stimmts",
  "stimmt",
  "ja",
  "okay",
  "ok",
  "einverstanden",
  "korrekt",
  "passt",
  "klar",
  "wa",
  "nich",
  "woll",
  "findest du nicht",
  "findest du nicht auch",
  "finden sie nicht",
  "finden sie nicht auch",
  "meinst du nicht",
  "meinen sie nicht",
  "oder was",
  "ja oder nein",
  "stimmst du zu",
  "stimmen sie zu",
  "siehst du das nicht auch so",
  "sehen sie das nicht auch so",
]);

const leadingAnywhere: readonly RegExp[] = [
  /\b(?:findest|meinst|glaubst|denkst) du nicht\b/,
  /\b(?:finden|meinen|glauben|denken) sie nicht\b/,
  /\b(?:findet|meint|glaubt|denkt) ihr nicht\b/,
  /\b(?:stimmst|stimmen|stimmt) (?:du|sie|ihr) (?:mir |uns )?(?:nicht )?zu\b/,
  /\b(?:bist|sind|seid) (?:du|sie|ihr) (?:nicht )?auch (?:der )?(?:meinung|ansicht)\b/,
  /\b(?:hab|habe) ich (?:nicht )?recht\b/,
  /\bsehe ich das (?:richtig|falsch)\b/,
  /\b(?:ware|wars|ist) es nicht (?:besser|einfacher|sinnvoller|kluger|schlauer|leichter|am besten|klar|offensichtlich|so)\b/,
  /\b(?:warum|wieso|weshalb) nicht einfach\b/,
  /\bwie ware es,? wenn (?:wir|du|sie|ihr) (?:einfach|doch|lieber)\b/,
  /\bwas spricht dagegen,? (?:einfach|dass wir einfach)\b/,
  /\b(?:sicherlich|offensichtlich|doch sicher|doch bestimmt|doch wohl|doch klar)\b/,
  /^(?:gib|geben sie|gebt) zu\b/,
  /^wie (?:toll|grossartig|super|genial|fantastisch|klasse|schlimm|furchtbar|schrecklich|katastrophal|peinlich|cool) (?:war|waren|ist|sind|lief|liefen)\b/,
];

const FILLERS =
  /^(?:(?:also gut|also|und dann|und|aber|okay|ok|na|hey|hallo|hi|so|nun|gut|ubrigens|apropos|kurze frage|eine frage|ehrlich gesagt|mal ehrlich|ganz ehrlich|jetzt mal ehrlich|noch eine sache|nur aus neugier|sag mal|sagen sie mal|dann|jetzt|noch was)\b[\s,:;.\u2013\u2014-]*)+/;

const words: QuestionWords = {
  messages: {
    closed: "Geschlossene Frage: Sie lässt sich mit Ja oder Nein beantworten.",
    leading: "Suggestivfrage: Sie legt die gewünschte Antwort schon nahe.",
    double: "Zwei Fragen auf einmal: Meist wird nur eine davon beantwortet.",
  },
  advice: {
    closed: "Beginnen Sie mit „was“, „wie“ oder „wo“, damit Ihr Gegenüber in eigenen Worten antwortet.",
    leading: "Lassen Sie Ihre eigene Meinung weg und fragen Sie nach der anderen Sicht.",
    double: "Stellen Sie eine Frage nach der anderen, die wichtigste zuerst.",
  },
  suggest: (question) => `Vorschlag: „${question}“`,
  fallback: "Wie würden Sie das angehen?",
};

/** The forms a rewrite needs, for "du" or for "Sie". */
interface Address {
  du: string;
  dir: string;
  dich: string;
  deiner: string;
  hast: string;
  bist: string;
  brauchst: string;
  wurdest: string;
  siehst: string;
  fuhlst: string;
  kannst: string;
}
const INFORMAL: Address = {
  du: "du",
  dir: "dir",
  dich: "dich",
  deiner: "deiner",
  hast: "hast du",
  bist: "bist du",
  brauchst: "brauchst du",
  wurdest: "würdest du",
  siehst: "siehst du",
  fuhlst: "fühlst du dich",
  kannst: "kannst",
};
const FORMAL: Address = {
  du: "Sie",
  dir: "Ihnen",
  dich: "Sie",
  deiner: "Ihrer",
  hast: "haben Sie",
  bist: "sind Sie",
  brauchst: "brauchen Sie",
  wurdest: "würden Sie",
  siehst: "sehen Sie",
  fuhlst: "fühlen Sie sich",
  kannst: "können",
};

/** "du" when the question says "du"; otherwise "Sie", as the question bank addresses people. */
function addressOf(text: string): Address {
  return /(?:^|[^\p{L}])(?:du|dich|dir|dein\p{L}*|euch|euer\p{L}*)(?![\p{L}])/iu.test(text)
    ? INFORMAL
    : FORMAL;
}

type Verdict = QuestionVerdict;

/** Checks a question written in German, and answers in German. `questionLint` catches what it throws. */
export function germanQuestionLint(text: string): QuestionLintResult {
  const clean = text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]/g, '"')
    .replace(/\s+/g, " ")
    .normalize("NFC")
    .trim();
  return checkQuestion(clean, { words, judge });
}

function judge(sentence: string, isQuestion: boolean): Verdict {
  const folded = fold(sentence);
  const stripped = folded.replace(FILLERS, "");
  const key = trimEndOf(stripped.trim() || folded, "?!. ");
  const original = stripped.trim()
    ? dropWords(sentence, wordsOf(folded).length - wordsOf(stripped).length)
    : sentence;
  const address = addressOf(sentence);

  if (leadingAnywhere.some((re) => re.test(key))) {
    return { code: "leading", rewrite: leadingRewrite(key, address, original) };
  }
  const comma = Math.max(key.lastIndexOf(","), key.lastIndexOf(" - "), key.lastIndexOf("\u2013"));
  if (comma > 0 && TAGS.has(wordsOf(key.slice(comma + 1)).join(" "))) {
    return { code: "leading", rewrite: `Wie ${address.siehst} das?` };
  }
  return judgeHead(original, key, isQuestion, 0, address);
}

/** `text` without its first `n` words and the punctuation after them; folding keeps word counts. */
function dropWords(text: string, n: number): string {
  if (n <= 0) return text;
  let seen = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    seen++;
    if (seen === n) {
      let end = (m.index ?? 0) + m[0].length;
      while (end < text.length && /[\s,:;.\u2013\u2014-]/.test(text.charAt(end))) end++;
      return text.slice(end);
    }
  }
  return text;
}

function startsWith(ws: readonly string[], phrase: readonly string[]): boolean {
  return phrase.every((part, n) => ws[n] === part);
}

function judgeHead(
  original: string,
  key: string,
  isQuestion: boolean,
  depth: number,
  address: Address,
): Verdict {
  const ws = wordsOf(key);
  const first = ws[0] ?? "";
  const second = ws[1] ?? "";
  const clauseBreak = key.search(/[,:;\u2013\u2014]/);
  const firstClause = wordsOf(clauseBreak > 0 ? key.slice(0, clauseBreak) : key);

  // "Warum hast du nicht früher Bescheid gesagt?" presumes they should have.
  if (
    WHY.has(first) &&
    FINITE.has(second) &&
    PEOPLE.has(ws[2] ?? "") &&
    firstClause.slice(3).some((w) => NEGATIONS.has(w))
  ) {
    return { code: "leading", rewrite: `Was hat ${address.dich} daran gehindert?` };
  }
  if (W_WORDS.has(first) || (PREPOSITIONS.has(first) && (W_WORDS.has(second) || W_WORDS.has(ws[2] ?? "")))) {
    return "open";
  }
  if (first === "was" || (first === "seit" && second === "wann")) return "open";
  if (SUBORDINATORS.has(first) && clauseBreak > 0 && depth < 3) {
    return judgeRest(original, key, clauseBreak, isQuestion, depth, address);
  }
  if (INVITATIONS.has(first) || INVITING_PHRASES.some((phrase) => startsWith(ws, phrase))) return "open";
  if (POLITE_MODALS.has(first) && (second === "du" || second === "sie" || second === "ihr")) {
    if (ws.some((w) => TALK_VERBS.has(w))) return "open";
    if (ws.includes("teilen") && ws.some((w) => VIEW_NOUNS.has(w))) return "open";
    // "Kannst du mir sagen, was …" asks for their words; "…, ob …" asks for a yes.
    const after = clauseBreak > 0 ? (wordsOf(key.slice(clauseBreak + 1))[0] ?? "") : "";
    if (ws.includes("sagen") && W_WORDS.has(after)) return "open";
  }
  const verbFirst =
    FINITE.has(first) || (SUBJECTS.has(second) && !W_WORDS.has(first) && !PREPOSITIONS.has(first));
  if (verbFirst && (FINITE.has(first) || isQuestion)) {
    // "Ist das nicht offensichtlich?", "Hättest du nicht früher fragen können?"
    if (firstClause.slice(1, 5).some((w) => NEGATIONS.has(w))) {
      return { code: "leading", rewrite: leadingRewrite(key, address, original) };
    }
    if (isQuestion && ws.includes("doch"))
      return { code: "leading", rewrite: leadingRewrite(key, address, original) };
    if (FINITE.has(first) && (SUBJECTS.has(second) || isQuestion)) {
      return { code: "closed", rewrite: closedRewrite(original, first, address) };
    }
  }
  if (isQuestion && ws.includes("doch"))
    return { code: "leading", rewrite: leadingRewrite(key, address, original) };
  // "Hey Sam, wie war deine Woche?", "Ehrlich, läuft alles?": judge the main clause.
  if (clauseBreak > 0 && depth < 3) return judgeRest(original, key, clauseBreak, isQuestion, depth, address);
  // A question that opens with neither a W-word nor a verb is a statement with a question mark
  // ("Alles gut?", "Du bist zufrieden?"): still yes or no.
  return isQuestion ? { code: "closed", rewrite: closedRewrite(original, first, address) } : "statement";
}

function judgeRest(
  original: string,
  key: string,
  at: number,
  isQuestion: boolean,
  depth: number,
  address: Address,
): Verdict {
  const afterBreak = key.slice(at + 1);
  const restKey = afterBreak.replace(FILLERS, "").trim();
  const originalBreak = original.search(/[,:;\u2013\u2014]/);
  const restOriginal = dropWords(
    originalBreak >= 0 ? original.slice(originalBreak + 1).trim() : original,
    wordsOf(afterBreak).length - wordsOf(restKey).length,
  );
  if (trimEndOf(restKey, "?!. ") === "") {
    return isQuestion ? { code: "closed", rewrite: closedRewrite(original, "", address) } : "statement";
  }
  return judgeHead(restOriginal, restKey, isQuestion, depth + 1, address);
}

function leadingRewrite(key: string, a: Address, original = ""): string {
  const ws = wordsOf(key);
  if (WHY.has(ws[0] ?? "") && ws.some((w) => NEGATIONS.has(w))) return `Was hat ${a.dich} daran gehindert?`;
  if (/\b(?:recht|richtig|zu|meinung|ansicht)\b/.test(key)) return `Wie ${a.siehst} das?`;
  const how = trimEndOf(original, "?!. ").match(/^wie \p{L}+ (war|waren|lief|liefen) (.+)$/iu);
  if (how?.[2]) {
    const verb = /^(?:waren|liefen)$/i.test(how[1] ?? "") ? "liefen" : "lief";
    return `Wie ${verb} ${lowerFirst(how[2])} aus ${a.deiner} Sicht?`;
  }
  return `Wie ${a.wurdest} das angehen?`;
}

type Rewrite = readonly [RegExp, (m: RegExpMatchArray, a: Address) => string | undefined];

/** "Das Projekt" becomes "das Projekt" inside the rewrite; names stay as written. */
const lowerFirst = (s: string | undefined) =>
  s
    ? s.replace(
        /^(?:Der|Die|Das|Den|Dem|Dein|Deine|Ihr|Ihre|Unser|Unsere|Mein|Meine|Dieser|Diese|Dieses|Es)\b/,
        (w) => w.toLowerCase(),
      )
    : "";
const plural = (verb: string | undefined) => /^(?:sind|waren|liegen|laufen)$/i.test(verb ?? "");

const NOUNS =
  "Fragen|Bedenken|Ideen|Sorgen|Vorschläge|Vorschlaege|Wünsche|Wuensche|Probleme|Anmerkungen|Anliegen|Einwände|Einwaende|Themen";

const rewrites: readonly Rewrite[] = [
  [
    /\bfeedback\b/i,
    (m, a) =>
      /\b(?:für|fuer|fur|an) mich\b/i.test(m.input ?? "")
        ? `Welches Feedback ${a.hast} für mich?`
        : undefined,
  ],
  [
    /\bvon mir\b|\bkann ich (?:dir |ihnen |euch )?(?:irgendwie |bei etwas |etwas |was |irgendwas )?(?:helfen|tun|unterstützen|unterstuetzen)\b/i,
    (_m, a) => `Was ${a.brauchst} diese Woche von mir?`,
  ],
  [
    /\bblock\p{L}*|\bhindernis\p{L}*|\bfest(?:hängst|haengst|hängen|gefahren)\b|\bsteckst\b.*\bfest$|\bhängst du\b/iu,
    (_m, a) => `Was bremst ${a.dich} gerade aus?`,
  ],
  [/^(?:noch |irgendwelche |weitere |offene )*fragen$/i, (_m, a) => `Welche Fragen ${a.hast} noch?`],
  [
    /^(?:und )?sonst so$|^(?:sonst noch|noch) (?:was|etwas|irgendwas)$|^gibt (?:es|'s) (?:sonst )?noch (?:was|etwas|irgendwas)\b|^war(?:'s| es| das) (?:das|alles)$/i,
    (_m, a) => `Was beschäftigt ${a.dich} sonst noch?`,
  ],
  [
    /^(?:bist|sind) (?:du|sie) (?:noch |wirklich |eigentlich )?(?:zufrieden|glücklich|gluecklich|happy|froh)(?: (mit|über|ueber) (.+))?$/i,
    (m, a) =>
      m[2]
        ? `Wie zufrieden ${a.bist} ${m[1]?.toLowerCase()} ${lowerFirst(m[2])}?`
        : `Wie geht es ${a.dir} zurzeit mit ${a.deiner} Arbeit?`,
  ],
  [
    /^(?:bist|sind) (?:du|sie) (?:noch |wirklich |eigentlich )?(mit|über|ueber) (.+?) (?:zufrieden|glücklich|gluecklich|happy|froh)$/i,
    (m, a) => `Wie zufrieden ${a.bist} ${m[1]?.toLowerCase()} ${lowerFirst(m[2])}?`,
  ],
  [
    /^(?:(?:ist|läuft|laeuft|lauft|passt) )?alles\b|^(?:läuft|laeuft|lauft|klappt) (?:es|alles)$|^geht(?: es|'s|s) (?:dir|ihnen|euch) gut$/i,
    (_m, a) => `Wie läuft es gerade für ${a.dich}?`,
  ],
  [
    /^(ist|sind|liegt|liegen) (.+?) (?:noch )?(?:im|auf|nach) (?:zeitplan|plan|kurs|soll)$/i,
    (m, a) => `Wie ${plural(m[1]) ? "laufen" : "läuft"} ${lowerFirst(m[2])} aus ${a.deiner} Sicht?`,
  ],
  [
    /^(ist|sind) (.+?) (fertig|erledigt|abgeschlossen|durch|live|bereit|fertiggestellt)$/i,
    (m) => `Was fehlt noch, bis ${lowerFirst(m[2])} ${m[3]?.toLowerCase()} ${m[1]?.toLowerCase()}?`,
  ],
  [
    /^(war|waren) (.+?) (?:ein erfolg|erfolgreich|gut|okay|ok|hilfreich|sinnvoll|nützlich|nuetzlich|in ordnung)$/i,
    (m, a) => `Wie ${plural(m[1]) ? "liefen" : "lief"} ${lowerFirst(m[2])} aus ${a.deiner} Sicht?`,
  ],
  [
    /^(?:hast|haben) (?:du|sie) (?:schon |schon mal |bereits )?mit (.+?) (?:gesprochen|geredet|telefoniert)$/i,
    (m, a) => `Was ${a.hast} von ${m[1]} gehört?`,
  ],
  [
    /^(?:hast|haben) (?:du|sie) (?:schon |bereits )?(.+?) (?:fertig|erledigt|abgeschlossen|geschafft|fertiggestellt|hinbekommen|geschickt|abgeschickt|verschickt)$/i,
    (m) => `Was fehlt noch, um ${lowerFirst(m[1])} abzuschließen?`,
  ],
  [/^(?:ergibt|macht) (.+?) sinn$/i, (m, a) => `Wie schlüssig ist ${lowerFirst(m[1])} für ${a.dich}?`],
  [
    /^(?:fühlst|fuehlst|fuhlst) du dich (\p{L}+)(?: (.+))?$|^(?:fühlen|fuehlen|fuhlen) sie sich (\p{L}+)(?: (.+))?$/iu,
    (m, a) => {
      const how = m[1] ?? m[3];
      const rest = m[2] ?? m[4];
      return `Wie ${how} ${a.fuhlst}${rest ? ` ${rest}` : ""}?`;
    },
  ],
  [
    new RegExp(
      `^(hast|haben|hättest|haettest|hättet|hätten|haetten) (du|sie|ihr) (?:(?:irgendwelche|noch|schon|denn|vielleicht|eigentlich|gerade|aktuell) )*(${NOUNS}|Feedback)(?: (.+))?$`,
      "i",
    ),
    (m) =>
      `${/^feedback$/i.test(m[3] ?? "") ? "Welches" : "Welche"} ${m[3]} ${m[1]?.toLowerCase()} ${m[2]?.toLowerCase() === "sie" ? "Sie" : m[2]?.toLowerCase()}${m[4] ? ` ${m[4]}` : ""}?`,
  ],
  [
    new RegExp(`^(?:irgendwelche|noch|weitere|sonst noch) (${NOUNS})(?: (.+))?$`, "i"),
    (m, a) => `Welche ${m[1]} ${a.hast}${m[2] ? ` ${m[2]}` : ""}?`,
  ],
  [
    /^(läuft|laeuft|lauft|lief|klappt|klappte|ging|geht) (.+?)(?: (?:gut|rund|glatt|reibungslos|nach plan|wie geplant|okay|ok))?$/i,
    (m) => `Wie ${m[1]?.toLowerCase()} ${lowerFirst(m[2])}?`,
  ],
  [
    /^(funktioniert|funktionierte|passt|passte) (.+?)(?: (?:gut|rund|okay|ok))?$/i,
    (m) => `Wie gut ${m[1]?.toLowerCase()} ${lowerFirst(m[2])}?`,
  ],
  [
    /^gibt (?:es|'s) (?:sonst |noch |sonst noch )?(?:etwas|was|irgendwas|irgendetwas)\b/i,
    (_m, a) => `Was beschäftigt ${a.dich} gerade?`,
  ],
  [
    /^(möchtest|moechtest|mochtest|willst|magst) (du) (?:noch |heute )?(?:etwas|was|irgendwas|irgendetwas) (.+)$|^(möchten|moechten|mochten|wollen) (Sie) (?:noch |heute )?(?:etwas|was|irgendwas|irgendetwas) (.+)$/i,
    (m) => `Was ${(m[1] ?? m[4] ?? "").toLowerCase()} ${m[2] ?? m[5]} heute ${m[3] ?? m[6]}?`,
  ],
  [/\blust\b/i, (_m, a) => `Was würde ${a.dich} daran reizen?`],
  [/^soll(?:te)? ich mir sorgen machen\b/i, (_m, a) => `Was bereitet ${a.dir} daran Sorgen?`],
  [
    /^(?:sollen|sollten|können|koennen|konnen) wir (?:weitermachen|aufhören|aufhoeren|schluss machen|zum nächsten punkt|zum naechsten punkt)/i,
    () => "Was sollten wir heute noch besprechen?",
  ],
  [
    /^([Ii]st|[Ss]ind|[Ww]ar|[Ww]aren|[Bb]ist|[Ss]eid|[Ww]arst) (.+?) ([a-zäöüß]+)$/,
    (m) => {
      const how = m[3] ?? "";
      if (/^(?:nicht|noch|da|dabei|so|los|schon|fertig|okay|ok|gewesen|geworden)$/.test(how))
        return undefined;
      if (how.startsWith("ge") && !/^(?:gestresst|genervt|gelangweilt|gefordert)$/.test(how))
        return undefined;
      return `Wie ${how} ${m[1]?.toLowerCase()} ${lowerFirst(m[2])}?`;
    },
  ],
  [
    /^(kannst|könntest|koenntest|konntest|wirst|würdest|wuerdest|wurdest) du (?:bitte |vielleicht |eventuell )?(.+)$/i,
    (m) => `Was würde es brauchen, damit du ${m[2]} kannst?`,
  ],
  [
    /^(?:[Kk](?:ö|oe|o)nn(?:t)?en|[Ww]erden|[Ww](?:ü|ue|u)rden) Sie (?:bitte |vielleicht |eventuell )?(.+)$/,
    (m) => `Was würde es brauchen, damit Sie ${m[1]} können?`,
  ],
];

/** The commonest yes/no shapes rewritten open; otherwise an open question in the same tense. */
function closedRewrite(original: string, first: string, a: Address): string {
  const s = trimEndOf(original, "?!. ");
  if (s.length <= 300) {
    for (const [pattern, build] of rewrites) {
      const m = s.match(pattern);
      if (m) {
        const out = build(m, a);
        if (out) return out;
      }
    }
  }
  // "Hast du …?" is past only with a participle: "Hast du Zeit?" is not.
  const participle = /(?:^|\s)\p{Ll}*ge\p{Ll}{2,}(?:t|en)$|iert$/u.test(s);
  if (PAST_HEADS.has(first) && (!/^(?:hast|hat|haben|habt)$/.test(first) || participle)) {
    return `Wie ist es aus ${a.deiner} Sicht gelaufen?`;
  }
  if (MODAL_HEADS.has(first)) return `Was ${a.wurdest} vorschlagen?`;
  return `Wie ${a.siehst} das?`;
}
