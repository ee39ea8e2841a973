import type { Language } from "@/lib/settings";

/** What the sample week says about Alex, in one language: the same weeks, the same facts. */
export interface SampleContent {
  /** the sample 1:1's title in Calendar, with a marker the detector reads */
  title: string;
  /** notes of the 1:1s three, two and one weeks ago, oldest first */
  notes: [string, string, string];
  /** the manager's own open action item, due two days ago */
  myItem: string;
  /** Alex's open action item */
  theirItem: string;
  /** reinforcing feedback on the incident review, in SBI form */
  feedback: { situation: string; behavior: string; impact: string };
}

const contents: Record<Language, SampleContent> = {
  en: {
    title: "1:1 Alex / You",
    notes: [
      "Settling in well after the team change. Wants more say in how the on-call rota is planned.\nMentioned the release checklist feels like busywork.",
      "Led the incident review on Tuesday, calm and clear. Interested in a tech lead path within a year.\nAgreed: Alex drafts an on-call rota proposal.",
      "Rota proposal half done; blocked on data about last quarter's pages. Energy a bit lower: two late deploys this week.\nAsked for feedback on the incident review.",
    ],
    myItem: "Send Alex last quarter's paging data",
    theirItem: "Finish the on-call rota proposal",
    feedback: {
      situation: "In Tuesday's incident review",
      behavior: "you walked everyone through the timeline before discussing causes",
      impact: "the two new on-call engineers could follow and asked good questions",
    },
  },
  de: {
    title: "1:1 Alex / Sie",
    notes: [
      "Hat sich nach dem Teamwechsel gut eingelebt. Möchte mehr mitreden, wie der Bereitschaftsplan geplant wird.\nFindet die Release-Checkliste eher lästige Pflichtarbeit.",
      "Hat am Dienstag das Incident-Review geleitet, ruhig und klar. Interessiert sich für den Weg zum Tech Lead innerhalb eines Jahres.\nVereinbart: Alex entwirft einen Vorschlag für den Bereitschaftsplan.",
      "Vorschlag für den Bereitschaftsplan zur Hälfte fertig; es fehlen Daten zu den Alarmen im letzten Quartal. Etwas weniger Energie: zwei späte Deployments diese Woche.\nHat um Feedback zum Incident-Review gebeten.",
    ],
    myItem: "Alex die Alarmdaten des letzten Quartals schicken",
    theirItem: "Den Vorschlag für den Bereitschaftsplan fertigstellen",
    feedback: {
      situation: "Im Incident-Review am Dienstag",
      behavior: "haben Sie alle zuerst durch den zeitlichen Ablauf geführt, bevor es um die Ursachen ging",
      impact: "die zwei neuen Kollegen in der Bereitschaft konnten folgen und haben gute Fragen gestellt",
    },
  },
  fr: {
    title: "1:1 Alex / Vous",
    notes: [
      "S'intègre bien après le changement d'équipe. Aimerait avoir davantage son mot à dire sur l'organisation des astreintes.\nTrouve que la checklist de mise en production relève de la paperasse.",
      "A animé la revue d'incident de mardi, avec calme et clarté. Intéressé par un parcours de tech lead d'ici un an.\nConvenu : Alex rédige une proposition de planning d'astreinte.",
      "Proposition de planning d'astreinte à moitié faite ; bloquée faute de données sur les alertes du trimestre dernier. Un peu moins d'énergie : deux déploiements tardifs cette semaine.\nA demandé un retour sur la revue d'incident.",
    ],
    myItem: "Envoyer à Alex les données d'alertes du trimestre dernier",
    theirItem: "Terminer la proposition de planning d'astreinte",
    feedback: {
      situation: "Lors de la revue d'incident de mardi",
      behavior: "vous avez déroulé la chronologie avec tout le monde avant de discuter des causes",
      impact: "les deux nouveaux ingénieurs d'astreinte ont pu suivre et ont posé de bonnes questions",
    },
  },
  es: {
    title: "1:1 Alex / Tú",
    notes: [
      "Se está adaptando bien tras el cambio de equipo. Quiere tener más voz en cómo se planifican las guardias.\nComentó que la checklist de publicación le parece trabajo de trámite.",
      "Dirigió la revisión del incidente del martes, con calma y claridad. Le interesa el camino a tech lead en un año.\nAcordado: Alex redacta una propuesta de turnos de guardia.",
      "Propuesta de turnos de guardia a medias; bloqueada por falta de datos sobre las alertas del último trimestre. Algo menos de energía: dos despliegues a última hora esta semana.\nPidió feedback sobre la revisión del incidente.",
    ],
    myItem: "Enviar a Alex los datos de alertas del último trimestre",
    theirItem: "Terminar la propuesta de turnos de guardia",
    feedback: {
      situation: "En la revisión del incidente del martes",
      behavior: "repasaste la cronología con todo el equipo antes de hablar de las causas",
      impact: "los dos ingenieros nuevos de guardia pudieron seguirlo e hicieron buenas preguntas",
    },
  },
};

export function sampleContentFor(language: Language): SampleContent {
  return contents[language];
}
