import type { Locale } from "date-fns";
import { de, es, fr } from "date-fns/locale";
import type { GrowthPlan, Meeting } from "@/lib/db";
import type { Language } from "@/lib/settings";

/** The fixed words of a person's Markdown export, in one language. */
export interface MarkdownWords {
  /** date-fns's locale and patterns; English keeps date-fns's own */
  dates: { locale?: Locale; day: string; dayAndTime: string };
  /** what goes between a label and its text: French sets a space before the colon */
  colon: string;
  unknownDate: string;
  noName: string;
  email: string;
  none: string;
  cadence: string;
  everyDays: (days: number) => string;
  archived: string;
  exported: string;
  exportedOn: (day: string) => string;
  meetings: string;
  noMeetings: string;
  kinds: Record<Meeting["kind"], string>;
  statuses: Record<Meeting["status"], string>;
  event: string;
  happiness: string;
  notes: string;
  actionItems: string;
  noActionItems: string;
  open: string;
  done: string;
  noText: string;
  owner: string;
  you: string;
  due: (day: string) => string;
  overdue: string;
  doneOn: (day: string) => string;
  agreed: (day: string) => string;
  feedback: string;
  noFeedback: string;
  reinforcing: string;
  redirecting: string;
  given: (day: string) => string;
  notGivenYet: string;
  written: string;
  situation: string;
  behavior: string;
  impact: string;
  request: string;
  growthPlans: string;
  noGrowthPlans: string;
  goal: string;
  support: string;
  evidence: string;
  checkpoints: string;
  checkpointStatuses: Record<GrowthPlan["checkpoints"][number]["status"], string>;
}

const english: MarkdownWords = {
  dates: { day: "EEE d MMM yyyy", dayAndTime: "EEE d MMM yyyy, HH:mm" },
  colon: ":",
  unknownDate: "an unknown date",
  noName: "(no name)",
  email: "Email",
  none: "none",
  cadence: "Cadence",
  everyDays: (days) => `a 1:1 every ${days} day${days === 1 ? "" : "s"}`,
  archived: "Archived",
  exported: "Exported",
  exportedOn: (day) => `${day}, from 1:1 Prep. Private notes: keep this document safe.`,
  meetings: "Meetings",
  noMeetings: "No meetings yet.",
  kinds: {
    weekly: "Weekly 1:1",
    monthly: "Monthly deep dive",
    career: "Career conversation",
    adhoc: "Ad hoc 1:1",
  },
  statuses: { planned: "planned", held: "held", skipped: "skipped", cancelled: "cancelled" },
  event: "Event",
  happiness: "Happiness",
  notes: "Notes",
  actionItems: "Action items",
  noActionItems: "No action items.",
  open: "Open",
  done: "Done",
  noText: "(no text)",
  owner: "owner",
  you: "you",
  due: (day) => `due ${day}`,
  overdue: "overdue",
  doneOn: (day) => `done ${day}`,
  agreed: (day) => `agreed ${day}`,
  feedback: "Feedback",
  noFeedback: "No feedback written.",
  reinforcing: "Reinforcing",
  redirecting: "Redirecting",
  given: (day) => `given ${day}`,
  notGivenYet: "not given yet",
  written: "Written",
  situation: "Situation",
  behavior: "Behavior",
  impact: "Impact",
  request: "Request",
  growthPlans: "Growth plans",
  noGrowthPlans: "No growth plans.",
  goal: "Goal",
  support: "Support",
  evidence: "Evidence",
  checkpoints: "Checkpoints",
  checkpointStatuses: { open: "open", done: "done", missed: "missed" },
};

const german: MarkdownWords = {
  dates: { locale: de, day: "EEE, d. MMM yyyy", dayAndTime: "EEE, d. MMM yyyy, HH:mm" },
  colon: ":",
  unknownDate: "unbekanntes Datum",
  noName: "(kein Name)",
  email: "E-Mail",
  none: "keine",
  cadence: "Rhythmus",
  everyDays: (days) => (days === 1 ? "ein 1:1 jeden Tag" : `ein 1:1 alle ${days} Tage`),
  archived: "Archiviert",
  exported: "Exportiert",
  exportedOn: (day) => `${day}, aus 1:1 Prep. Private Notizen: Bewahren Sie dieses Dokument sicher auf.`,
  meetings: "Termine",
  noMeetings: "Noch keine Termine.",
  kinds: {
    weekly: "Wöchentliches 1:1",
    monthly: "Monatliches Tiefengespräch",
    career: "Karrieregespräch",
    adhoc: "Spontanes 1:1",
  },
  statuses: { planned: "geplant", held: "stattgefunden", skipped: "übersprungen", cancelled: "abgesagt" },
  event: "Termin",
  happiness: "Zufriedenheit",
  notes: "Notizen",
  actionItems: "Aufgaben",
  noActionItems: "Keine Aufgaben.",
  open: "Offen",
  done: "Erledigt",
  noText: "(kein Text)",
  owner: "zuständig",
  you: "Sie",
  due: (day) => `fällig ${day}`,
  overdue: "überfällig",
  doneOn: (day) => `erledigt ${day}`,
  agreed: (day) => `vereinbart ${day}`,
  feedback: "Feedback",
  noFeedback: "Kein Feedback geschrieben.",
  reinforcing: "Bestärkend",
  redirecting: "Korrigierend",
  given: (day) => `gegeben ${day}`,
  notGivenYet: "noch nicht gegeben",
  written: "Geschrieben",
  situation: "Situation",
  behavior: "Verhalten",
  impact: "Wirkung",
  request: "Bitte",
  growthPlans: "Entwicklungspläne",
  noGrowthPlans: "Keine Entwicklungspläne.",
  goal: "Ziel",
  support: "Unterstützung",
  evidence: "Nachweis",
  checkpoints: "Zwischenstände",
  checkpointStatuses: { open: "offen", done: "erledigt", missed: "verpasst" },
};

const french: MarkdownWords = {
  dates: { locale: fr, day: "EEE d MMM yyyy", dayAndTime: "EEE d MMM yyyy, HH:mm" },
  colon: "\u00a0:",
  unknownDate: "une date inconnue",
  noName: "(sans nom)",
  email: "E-mail",
  none: "aucun",
  cadence: "Rythme",
  everyDays: (days) => (days === 1 ? "un 1:1 chaque jour" : `un 1:1 tous les ${days} jours`),
  archived: "Archivé",
  exported: "Exporté",
  exportedOn: (day) => `${day}, depuis 1:1 Prep. Notes privées\u00a0: conservez ce document en lieu sûr.`,
  meetings: "Réunions",
  noMeetings: "Pas encore de réunion.",
  kinds: {
    weekly: "1:1 hebdomadaire",
    monthly: "Point mensuel approfondi",
    career: "Entretien de carrière",
    adhoc: "1:1 ponctuel",
  },
  statuses: { planned: "prévu", held: "tenu", skipped: "sauté", cancelled: "annulé" },
  event: "Événement",
  happiness: "Satisfaction",
  notes: "Notes",
  actionItems: "Actions",
  noActionItems: "Aucune action.",
  open: "En cours",
  done: "Terminées",
  noText: "(sans texte)",
  owner: "responsable",
  you: "vous",
  due: (day) => `échéance ${day}`,
  overdue: "en retard",
  doneOn: (day) => `terminée ${day}`,
  agreed: (day) => `convenue ${day}`,
  feedback: "Feedback",
  noFeedback: "Aucun feedback écrit.",
  reinforcing: "Encourageant",
  redirecting: "Réorientant",
  given: (day) => `donné ${day}`,
  notGivenYet: "pas encore donné",
  written: "Écrit",
  situation: "Situation",
  behavior: "Comportement",
  impact: "Impact",
  request: "Demande",
  growthPlans: "Plans de développement",
  noGrowthPlans: "Aucun plan de développement.",
  goal: "Objectif",
  support: "Soutien",
  evidence: "Preuves",
  checkpoints: "Points d'étape",
  checkpointStatuses: { open: "ouvert", done: "fait", missed: "manqué" },
};

const spanish: MarkdownWords = {
  dates: { locale: es, day: "EEE d MMM yyyy", dayAndTime: "EEE d MMM yyyy, HH:mm" },
  colon: ":",
  unknownDate: "una fecha desconocida",
  noName: "(sin nombre)",
  email: "Correo",
  none: "ninguno",
  cadence: "Frecuencia",
  everyDays: (days) => (days === 1 ? "un 1:1 cada día" : `un 1:1 cada ${days} días`),
  archived: "Archivado",
  exported: "Exportado",
  exportedOn: (day) => `${day}, desde 1:1 Prep. Notas privadas: guarda este documento en un lugar seguro.`,
  meetings: "Reuniones",
  noMeetings: "Aún no hay reuniones.",
  kinds: {
    weekly: "1:1 semanal",
    monthly: "Revisión mensual a fondo",
    career: "Conversación de carrera",
    adhoc: "1:1 puntual",
  },
  statuses: { planned: "prevista", held: "celebrada", skipped: "saltada", cancelled: "cancelada" },
  event: "Evento",
  happiness: "Satisfacción",
  notes: "Notas",
  actionItems: "Tareas",
  noActionItems: "No hay tareas.",
  open: "Abiertas",
  done: "Hechas",
  noText: "(sin texto)",
  owner: "responsable",
  you: "tú",
  due: (day) => `vence ${day}`,
  overdue: "vencida",
  doneOn: (day) => `hecha ${day}`,
  agreed: (day) => `acordada ${day}`,
  feedback: "Feedback",
  noFeedback: "No hay feedback escrito.",
  reinforcing: "De refuerzo",
  redirecting: "De mejora",
  given: (day) => `dado ${day}`,
  notGivenYet: "aún no dado",
  written: "Escrito",
  situation: "Situación",
  behavior: "Comportamiento",
  impact: "Impacto",
  request: "Petición",
  growthPlans: "Planes de desarrollo",
  noGrowthPlans: "No hay planes de desarrollo.",
  goal: "Objetivo",
  support: "Apoyo",
  evidence: "Evidencias",
  checkpoints: "Puntos de control",
  checkpointStatuses: { open: "abierto", done: "hecho", missed: "perdido" },
};

const wordsByLanguage: Record<Language, MarkdownWords> = { en: english, de: german, fr: french, es: spanish };

export function markdownWordsFor(language: Language): MarkdownWords {
  return wordsByLanguage[language];
}
