import { endOfMonth } from "date-fns";
import type { GrowthPlan } from "@/lib/db";
import type { Language } from "@/lib/settings";
import { quarterEnd, quarterOf } from "./quarter";

export type GrowthCheckpoint = GrowthPlan["checkpoints"][number];

export interface GrowthPlanField {
  label: string;
  /** The method's own example, shown until the manager writes theirs. */
  placeholder: string;
  hint: string;
}

type GrowthPlanFieldName = "goal" | "support" | "evidence" | "checkpoints";

/** One plan per person per quarter: tie growth to real work, with evidence you can check. */
export const growthPlanTemplatesIn = {
  en: {
    goal: {
      label: "Goal",
      placeholder: "Lead a small project end to end",
      hint: "One goal, tied to real work this quarter.",
    },
    support: {
      label: "Support",
      placeholder: "Pair with senior engineer",
      hint: "What you and others will do to help.",
    },
    evidence: {
      label: "Evidence",
      placeholder: "Own the design doc and delivery plan",
      hint: "Something you can both point to at the end of the quarter.",
    },
    checkpoints: {
      label: "Checkpoints",
      placeholder: "Monthly progress review",
      hint: "Review progress together once a month.",
    },
  },
  de: {
    goal: {
      label: "Ziel",
      placeholder: "Ein kleines Projekt von Anfang bis Ende leiten",
      hint: "Ein Ziel, verknüpft mit echter Arbeit in diesem Quartal.",
    },
    support: {
      label: "Unterstützung",
      placeholder: "Pairing mit einer erfahrenen Entwicklerin oder einem erfahrenen Entwickler",
      hint: "Was Sie und andere zur Unterstützung beitragen.",
    },
    evidence: {
      label: "Nachweis",
      placeholder: "Designdokument und Umsetzungsplan verantworten",
      hint: "Etwas, worauf Sie beide am Ende des Quartals zeigen können.",
    },
    checkpoints: {
      label: "Meilensteine",
      placeholder: "Monatliches Fortschrittsgespräch",
      hint: "Besprechen Sie die Fortschritte einmal im Monat gemeinsam.",
    },
  },
  fr: {
    goal: {
      label: "Objectif",
      placeholder: "Mener un petit projet de bout en bout",
      hint: "Un seul objectif, lié au travail réel de ce trimestre.",
    },
    support: {
      label: "Soutien",
      placeholder: "Travailler en binôme avec un ingénieur senior",
      hint: "Ce que vous et d'autres ferez pour aider.",
    },
    evidence: {
      label: "Preuves",
      placeholder: "Prendre en charge le document de conception et le plan de livraison",
      hint: "Quelque chose que vous pourrez tous deux montrer à la fin du trimestre.",
    },
    checkpoints: {
      label: "Jalons",
      placeholder: "Point d'étape mensuel",
      hint: "Faites le point ensemble une fois par mois.",
    },
  },
  es: {
    goal: {
      label: "Objetivo",
      placeholder: "Liderar un proyecto pequeño de principio a fin",
      hint: "Un objetivo, ligado a trabajo real de este trimestre.",
    },
    support: {
      label: "Apoyo",
      placeholder: "Trabajar en pareja con una persona senior del equipo",
      hint: "Qué harás tú y qué harán otras personas para ayudar.",
    },
    evidence: {
      label: "Evidencias",
      placeholder: "Encargarse del documento de diseño y del plan de entrega",
      hint: "Algo concreto que los dos puedan señalar al final del trimestre.",
    },
    checkpoints: {
      label: "Hitos",
      placeholder: "Revisión mensual del progreso",
      hint: "Revisa el progreso juntos una vez al mes.",
    },
  },
} as const satisfies Record<Language, Record<GrowthPlanFieldName, GrowthPlanField>>;

/** The plan's fields, with the method's examples, in `language`. */
export function growthPlanTemplateFor(
  language: Language,
): Readonly<Record<GrowthPlanFieldName, GrowthPlanField>> {
  return growthPlanTemplatesIn[language] ?? growthPlanTemplatesIn.en;
}

/** The plan's fields in English. */
export const growthPlanTemplate = growthPlanTemplatesIn.en;

/**
 * The sentences the promotion conversation and its plan are made of, in each language. A
 * missing level reads as "the next role" in words that fit each language's sentence.
 */
interface PromotionWords {
  expects: (level: string | undefined, list: string) => string;
  strengths: (list: string) => string;
  gapEvidence: (expectation: string, list: string) => string;
  gapNoEvidence: (expectation: string) => string;
  close: string;
  goal: (list: string, level: string | undefined) => string;
  goalNoFocus: (level: string | undefined) => string;
  supportProjects: (list: string) => string;
  supportStrengths: (list: string) => string;
  supportReviews: string;
  lastCheckpoint: (level: string | undefined) => string;
  monthlyCheckpoint: (list: string | undefined) => string;
  /** The notes of an empty plan's checkpoints. */
  checkpoint: string;
  lastCheckpointPlain: string;
  /** The word before a list's last item: "A, B, and C". */
  and: string;
  /** English puts a comma before "and" in lists of three or more; the others don't. */
  serialComma: boolean;
}

export const promotionWordsIn: Readonly<Record<Language, PromotionWords>> = {
  en: {
    expects: (level, list) => `The ${level ?? "next"} role expects ${list}.`,
    strengths: (list) => `I see you doing ${list} well.`,
    gapEvidence: (expectation, list) => `For ${expectation}, I need to see ${list}.`,
    gapNoEvidence: (expectation) => `For ${expectation}, let's agree on what evidence would show it.`,
    close: "Let's build a plan together and check progress monthly.",
    goal: (list, level) => `Show ${list} at the ${level ?? "next"} level`,
    goalNoFocus: (level) => `Build a shared picture of what the ${level ?? "next"} role expects`,
    supportProjects: (list) => `Projects chosen to show ${list}`,
    supportStrengths: (list) => `keep building on ${list}`,
    supportReviews: "monthly progress reviews together",
    lastCheckpoint: (level) =>
      `End-of-quarter review: is the evidence for the ${level ?? "next"} role there?`,
    monthlyCheckpoint: (list) => `Monthly progress review${list ? `: ${list}` : ""}`,
    checkpoint: "Monthly progress review",
    lastCheckpointPlain: "End-of-quarter review: is the evidence there?",
    and: "and",
    serialComma: true,
  },
  de: {
    expects: (level, list) =>
      level ? `Die Rolle ${level} erwartet: ${list}.` : `Die nächste Stufe erwartet: ${list}.`,
    strengths: (list) => `Das machen Sie bereits gut: ${list}.`,
    gapEvidence: (expectation, list) => `Für ${expectation} muss ich Folgendes sehen: ${list}.`,
    gapNoEvidence: (expectation) => `Für ${expectation} sollten wir vereinbaren, woran man es erkennt.`,
    close: "Lassen Sie uns gemeinsam einen Plan aufstellen und die Fortschritte monatlich besprechen.",
    goal: (list, level) =>
      level ? `${list} auf dem Niveau der Rolle ${level} zeigen` : `${list} auf der nächsten Stufe zeigen`,
    goalNoFocus: (level) =>
      `Ein gemeinsames Bild davon entwickeln, was ${level ? `die Rolle ${level}` : "die nächste Stufe"} erwartet`,
    supportProjects: (list) => `Gezielt gewählte Projekte für ${list}`,
    supportStrengths: (list) => `weiter auf ${list} aufbauen`,
    supportReviews: "gemeinsame monatliche Fortschrittsgespräche",
    lastCheckpoint: (level) =>
      `Quartalsabschluss: Liegen die Nachweise für ${level ? `die Rolle ${level}` : "die nächste Stufe"} vor?`,
    monthlyCheckpoint: (list) => `Monatliches Fortschrittsgespräch${list ? `: ${list}` : ""}`,
    checkpoint: "Monatliches Fortschrittsgespräch",
    lastCheckpointPlain: "Quartalsabschluss: Liegen die Nachweise vor?",
    and: "und",
    serialComma: false,
  },
  fr: {
    expects: (level, list) =>
      level ? `Le rôle ${level} demande : ${list}.` : `Le niveau suivant demande : ${list}.`,
    strengths: (list) => `Ce que vous faites déjà bien : ${list}.`,
    gapEvidence: (expectation, list) => `Pour ${expectation}, j'ai besoin de voir : ${list}.`,
    gapNoEvidence: (expectation) => `Pour ${expectation}, mettons-nous d'accord sur ce qui le démontrerait.`,
    close: "Construisons un plan ensemble et faisons le point chaque mois.",
    goal: (list, level) =>
      level ? `Démontrer ${list} au niveau ${level}` : `Démontrer ${list} au niveau suivant`,
    goalNoFocus: (level) =>
      `Partager une vision claire de ce qu'attend ${level ? `le rôle ${level}` : "le niveau suivant"}`,
    supportProjects: (list) => `Des projets choisis pour démontrer ${list}`,
    supportStrengths: (list) => `continuer à s'appuyer sur ${list}`,
    supportReviews: "des points d'étape mensuels ensemble",
    lastCheckpoint: (level) =>
      `Bilan de fin de trimestre : les preuves pour ${level ? `le rôle ${level}` : "le niveau suivant"} sont-elles là ?`,
    monthlyCheckpoint: (list) => `Point d'étape mensuel${list ? ` : ${list}` : ""}`,
    checkpoint: "Point d'étape mensuel",
    lastCheckpointPlain: "Bilan de fin de trimestre : les preuves sont-elles là ?",
    and: "et",
    serialComma: false,
  },
  es: {
    expects: (level, list) =>
      level ? `El puesto de ${level} requiere: ${list}.` : `El siguiente nivel requiere: ${list}.`,
    strengths: (list) => `Veo que ya haces bien esto: ${list}.`,
    gapEvidence: (expectation, list) => `Para ${expectation}, necesito ver: ${list}.`,
    gapNoEvidence: (expectation) => `Para ${expectation}, acordemos qué evidencias lo demostrarían.`,
    close: "Preparemos juntos un plan y revisemos el progreso cada mes.",
    goal: (list, level) =>
      level ? `Demostrar ${list} al nivel del puesto de ${level}` : `Demostrar ${list} en el siguiente nivel`,
    goalNoFocus: (level) =>
      `Tener una visión compartida de lo que requiere ${level ? `el puesto de ${level}` : "el siguiente nivel"}`,
    supportProjects: (list) => `Proyectos elegidos para demostrar ${list}`,
    supportStrengths: (list) => `seguir apoyándote en ${list}`,
    supportReviews: "revisiones mensuales del progreso juntos",
    lastCheckpoint: (level) =>
      `Revisión de fin de trimestre: ¿están las evidencias para ${level ? `el puesto de ${level}` : "el siguiente nivel"}?`,
    monthlyCheckpoint: (list) => `Revisión mensual del progreso${list ? `: ${list}` : ""}`,
    checkpoint: "Revisión mensual del progreso",
    lastCheckpointPlain: "Revisión de fin de trimestre: ¿están las evidencias?",
    and: "y",
    serialComma: false,
  },
};

const wordsFor = (language: Language): PromotionWords => promotionWordsIn[language] ?? promotionWordsIn.en;

/**
 * A checkpoint at the end of each month (local time) of the quarter containing `from`.
 * Months already over at `from` get none, so a plan started mid-quarter has no checkpoint
 * that is overdue the moment it is written.
 */
export function monthlyCheckpoints(
  from: Date | number,
  note: (month: number, last: boolean) => string = defaultCheckpointNote,
): GrowthCheckpoint[] {
  const start = new Date(from).getTime();
  const end = quarterEnd(start);
  const first = new Date(start);
  const dues: number[] = [];
  for (let month = 0; month < 3; month++) {
    const due = endOfMonth(new Date(first.getFullYear(), first.getMonth() + month, 1)).getTime();
    if (due > end) break;
    dues.push(due);
  }
  return dues.map((dueAt, i) => ({ dueAt, note: note(i, i === dues.length - 1), status: "open" as const }));
}

function defaultCheckpointNote(_month: number, last: boolean): string {
  return checkpointNote("en", last);
}

/** An empty plan's checkpoint note in `language`; the last of the quarter asks for the evidence. */
export function checkpointNote(language: Language, last: boolean): string {
  const words = wordsFor(language);
  return last ? words.lastCheckpointPlain : words.checkpoint;
}

/**
 * An empty plan for the quarter containing `at`, with its monthly checkpoints noted in
 * `language`. The notes are stored with the plan: they stay in the language it was started in.
 */
export function growthPlanDraft(
  at: Date | number,
  language: Language = "en",
): Pick<GrowthPlan, "quarter" | "goal" | "support" | "evidence" | "checkpoints"> {
  return {
    quarter: quarterOf(at),
    goal: "",
    support: "",
    evidence: "",
    checkpoints: monthlyCheckpoints(at, (_month, last) => checkpointNote(language, last)),
  };
}

/** The earliest checkpoint still open (overdue ones included), for the sidebar. */
export function nextCheckpoint(checkpoints: readonly GrowthCheckpoint[]): GrowthCheckpoint | undefined {
  let next: GrowthCheckpoint | undefined;
  for (const c of checkpoints) {
    if (c.status === "open" && (!next || c.dueAt < next.dueAt)) next = c;
  }
  return next;
}

export interface PromotionGap {
  /** One of the level's expectations the person does not show yet. */
  expectation: string;
  /** What you need to see to call it met: concrete, observable. */
  evidenceNeeded: readonly string[];
}

export interface PromotionConversation {
  /** e.g. "Senior Engineer" */
  level: string;
  expectations: readonly string[];
  strengths: readonly string[];
  gaps: readonly PromotionGap[];
}

export interface PromotionPlan {
  quarter: string;
  goal: string;
  support: string;
  evidence: string;
  checkpoints: GrowthCheckpoint[];
}

/**
 * The method's promotion conversation in one go: "The <level> role expects X, Y, Z. I see you
 * doing X well. For Y, I need to see A and B. Let's build a plan together and check progress
 * monthly." Empty parts are left out rather than read out as blanks. In `language`, around
 * the manager's own words, which stay as they typed them.
 */
export function promotionScript(input: PromotionConversation, language: Language = "en"): string {
  const words = wordsFor(language);
  const list = (items: readonly string[]) => listOf(items, language);
  const level = roleName(input.level);
  const gaps = cleanGaps(input.gaps);
  const expectations = expectationsOf(input, gaps);
  const strengths = clean(input.strengths);

  const sentences: string[] = [];
  if (expectations.length > 0) sentences.push(words.expects(level, list(expectations)));
  if (strengths.length > 0) sentences.push(words.strengths(list(strengths)));
  for (const gap of gaps) {
    sentences.push(
      gap.evidenceNeeded.length > 0
        ? words.gapEvidence(gap.expectation, list(gap.evidenceNeeded))
        : words.gapNoEvidence(gap.expectation),
    );
  }
  sentences.push(words.close);
  return sentences.join(" ");
}

/** Fills a growth plan from the promotion conversation: the gaps are the goal, their evidence the bar. */
export function promotionToPlan(
  input: PromotionConversation & { quarterStart: Date | number },
  language: Language = "en",
): PromotionPlan {
  const words = wordsFor(language);
  const list = (items: readonly string[]) => listOf(items, language);
  const level = roleName(input.level);
  const gaps = cleanGaps(input.gaps);
  const strengths = clean(input.strengths);
  const focus = gaps.length > 0 ? gaps.map((g) => g.expectation) : expectationsOf(input, gaps);
  const evidence = gaps.flatMap((g) => g.evidenceNeeded);

  const goal = focus.length > 0 ? words.goal(list(focus), level) : words.goalNoFocus(level);
  const support = [
    focus.length > 0 ? words.supportProjects(list(focus)) : "",
    strengths.length > 0 ? words.supportStrengths(list(strengths)) : "",
    words.supportReviews,
  ]
    .filter(Boolean)
    .join("; ");
  const checkpoints = monthlyCheckpoints(input.quarterStart, (_month, last) =>
    last ? words.lastCheckpoint(level) : words.monthlyCheckpoint(focus.length > 0 ? list(focus) : undefined),
  );

  return {
    quarter: quarterOf(input.quarterStart),
    goal: capitalize(goal),
    support: capitalize(support),
    evidence: evidence.length > 0 ? evidence.map(capitalize).join("; ") : "",
    checkpoints,
  };
}

/** The level as typed, or undefined for none: each language says "the next role" its own way. */
function roleName(level: string): string | undefined {
  return trimItem(level ?? "") || undefined;
}

function expectationsOf(input: PromotionConversation, gaps: readonly PromotionGap[]): string[] {
  const stated = clean(input.expectations);
  if (stated.length > 0) return stated;
  // Without a stated list, what was praised and what is missing are the expectations.
  return unique([...clean(input.strengths), ...gaps.map((g) => g.expectation)]);
}

function cleanGaps(gaps: readonly PromotionGap[]): { expectation: string; evidenceNeeded: string[] }[] {
  return (gaps ?? [])
    .map((g) => ({
      expectation: trimItem(g.expectation ?? ""),
      evidenceNeeded: clean(g.evidenceNeeded ?? []),
    }))
    .filter((g) => g.expectation !== "");
}

function clean(items: readonly string[]): string[] {
  return unique((items ?? []).map(trimItem).filter(Boolean));
}

/** People type "Owns design docs." as often as "owns design docs"; the sentence adds its own stops. */
function trimItem(item: string): string {
  return item
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;,:!]+$/, "")
    .trim();
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** "A", "A and B", "A, B, and C"; in German "A, B und C". */
export function listOf(items: readonly string[], language: Language = "en"): string {
  const { and, serialComma } = wordsFor(language);
  if (items.length <= 1) return items[0] ?? "";
  if (items.length === 2) return `${items[0]} ${and} ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}${serialComma ? "," : ""} ${and} ${items.at(-1)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
