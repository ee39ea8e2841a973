import type { AgendaItem } from "@/lib/db";
import type { Language } from "@/lib/settings";

export type AgendaSection = AgendaItem["section"];

export interface AgendaSectionTemplate {
  key: AgendaSection;
  title: string;
  /** The time box; absent for a section that only gets what time is left. */
  minutes?: number;
  prompt: string;
}

export interface WeeklyTemplate {
  /** In meeting order: their agenda first. */
  sections: readonly AgendaSectionTemplate[];
  /** How to close every 1:1, whatever its kind. */
  wrapUp: string;
}

/**
 * The method's weekly 1:1: short and repeatable, 30 minutes plus "my items" if time allows.
 * The same sections, in the same order with the same time boxes, in every language; agenda
 * items store the section key, never its title.
 */
export const weeklyTemplatesIn: Readonly<Record<Language, WeeklyTemplate>> = {
  en: {
    sections: [
      {
        key: "theirs",
        title: "Their items",
        minutes: 15,
        prompt: "Their agenda comes first. What do they want to talk about?",
      },
      {
        key: "growth",
        title: "Growth and development",
        minutes: 10,
        prompt: "What are they learning, and how is the growth plan going?",
      },
      {
        key: "feedback",
        title: "Feedback",
        minutes: 5,
        prompt: "Give the feedback you queued, then ask for feedback on yourself.",
      },
      {
        key: "mine",
        title: "My items",
        prompt: "Only if time is left: context, decisions and requests from you.",
      },
    ],
    wrapUp: "Capture the key points and agree on action items: who does what, by when.",
  },
  de: {
    sections: [
      {
        key: "theirs",
        title: "Themen Ihres Gegenübers",
        minutes: 15,
        prompt: "Die Agenda Ihres Gegenübers kommt zuerst. Worüber möchte die Person sprechen?",
      },
      {
        key: "growth",
        title: "Wachstum und Entwicklung",
        minutes: 10,
        prompt: "Was lernt die Person gerade, und wie läuft der Entwicklungsplan?",
      },
      {
        key: "feedback",
        title: "Feedback",
        minutes: 5,
        prompt: "Geben Sie das vorgemerkte Feedback, und bitten Sie dann um Feedback zu sich selbst.",
      },
      {
        key: "mine",
        title: "Meine Themen",
        prompt: "Nur wenn Zeit bleibt: Kontext, Entscheidungen und Anliegen von Ihnen.",
      },
    ],
    wrapUp: "Halten Sie die wichtigsten Punkte fest und vereinbaren Sie Aufgaben: Wer macht was bis wann?",
  },
  fr: {
    sections: [
      {
        key: "theirs",
        title: "Ses sujets",
        minutes: 15,
        prompt: "Ses sujets passent d'abord. De quoi la personne veut-elle parler ?",
      },
      {
        key: "growth",
        title: "Développement et progression",
        minutes: 10,
        prompt: "Qu'apprend la personne, et où en est le plan de développement ?",
      },
      {
        key: "feedback",
        title: "Retours",
        minutes: 5,
        prompt: "Donnez les retours que vous avez notés, puis demandez-en sur vous-même.",
      },
      {
        key: "mine",
        title: "Mes sujets",
        prompt: "Seulement s'il reste du temps : contexte, décisions et demandes de votre part.",
      },
    ],
    wrapUp: "Notez les points clés et convenez des actions : qui fait quoi, et pour quand.",
  },
  es: {
    sections: [
      {
        key: "theirs",
        title: "Sus temas",
        minutes: 15,
        prompt: "Su agenda va primero. ¿De qué quiere hablar?",
      },
      {
        key: "growth",
        title: "Crecimiento y desarrollo",
        minutes: 10,
        prompt: "¿Qué está aprendiendo y cómo va el plan de desarrollo?",
      },
      {
        key: "feedback",
        title: "Feedback",
        minutes: 5,
        prompt: "Da el feedback que tienes pendiente y después pide feedback sobre ti.",
      },
      {
        key: "mine",
        title: "Mis temas",
        prompt: "Solo si queda tiempo: contexto, decisiones y peticiones por tu parte.",
      },
    ],
    wrapUp: "Anota los puntos clave y acuerda las tareas: quién hace qué y para cuándo.",
  },
};

/** The weekly template in `language`. */
export function weeklyTemplateFor(language: Language): WeeklyTemplate {
  return weeklyTemplatesIn[language] ?? weeklyTemplatesIn.en;
}

/** The weekly template in English. */
export const weeklyTemplate: WeeklyTemplate = weeklyTemplatesIn.en;

export function sectionTemplate(
  key: AgendaSection,
  template: WeeklyTemplate = weeklyTemplate,
): AgendaSectionTemplate | undefined {
  return template.sections.find((s) => s.key === key);
}

/** "15 min", or "if time" for a section without a time box. */
export function timeBoxLabel(section: Pick<AgendaSectionTemplate, "minutes">): string {
  return section.minutes === undefined ? "if time" : `${section.minutes} min`;
}

/** Planned minutes of the time-boxed sections. */
export function plannedMinutes(template: WeeklyTemplate = weeklyTemplate): number {
  return template.sections.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
}

/**
 * The template with its time boxes scaled to a meeting of `minutes`: a 60-minute 1:1 gets 60
 * minutes of boxes, in the template's proportions, in whole minutes that add up exactly. Every box
 * that had time keeps at least a minute; "if time" sections and empty boxes stay as they are.
 * Without a usable length (unknown, not a whole positive number, or too short to give each box a
 * minute) the template's own minutes stand.
 */
export function fitTimeBoxes(template: WeeklyTemplate, minutes: number | undefined): WeeklyTemplate {
  const boxed = template.sections.flatMap((s, index) =>
    s.minutes !== undefined && s.minutes > 0 ? [{ index, weight: s.minutes }] : [],
  );
  const planned = boxed.reduce((sum, b) => sum + b.weight, 0);
  if (minutes === undefined || !Number.isInteger(minutes) || minutes < boxed.length || planned === 0)
    return template;
  if (minutes === planned) return template;

  // Largest remainder: floor each share, then hand the minutes left to the largest fractions.
  const shares = boxed.map((b) => {
    const exact = (b.weight * minutes) / planned;
    return { ...b, exact, given: Math.max(1, Math.floor(exact)) };
  });
  let left = minutes - shares.reduce((sum, s) => sum + s.given, 0);
  // A box already raised to its one minute has had more than its share, so it comes last.
  const byFraction = [...shares].sort((a, b) => b.exact - b.given - (a.exact - a.given) || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % byFraction.length, left--) {
    const share = byFraction[i];
    if (share) share.given++;
  }
  // A box raised to its one minute is paid for by the box furthest above its exact share.
  while (left < 0) {
    const donor = shares
      .filter((s) => s.given > 1)
      .reduce<(typeof shares)[number] | undefined>(
        (best, s) => (best === undefined || s.given - s.exact > best.given - best.exact ? s : best),
        undefined,
      );
    if (!donor) return template;
    donor.given--;
    left++;
  }
  const given = new Map(shares.map((s) => [s.index, s.given]));
  return {
    ...template,
    sections: template.sections.map((s, index) => {
      const fitted = given.get(index);
      return fitted === undefined ? s : { ...s, minutes: fitted };
    }),
  };
}

/** Whole minutes from `startsAt` to `endsAt`, or undefined when the end isn't after the start. */
export function meetingMinutes(startsAt: number, endsAt: number | undefined): number | undefined {
  if (endsAt === undefined || !(endsAt > startsAt)) return undefined;
  return Math.round((endsAt - startsAt) / 60_000) || undefined;
}
