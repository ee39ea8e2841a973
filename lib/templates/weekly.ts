import type { AgendaItem } from "@/lib/db";

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

/** The method's weekly 1:1: short and repeatable, 30 minutes plus "my items" if time allows. */
export const weeklyTemplate: WeeklyTemplate = {
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
};

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
