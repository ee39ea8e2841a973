import type { Meeting } from "@/lib/db";
import type { Language } from "@/lib/settings";

/**
 * The monthly deep dive and the career conversation: prompts whose answers are stored in
 * `meeting.answers` under the prompt id. Ids are stable; wordings may improve, and are
 * translated, but an answer given in one language keeps its prompt in every other.
 */

export interface GuidePrompt {
  id: string;
  text: string;
  /** "score" is the 1–10 happiness score, stored in `meeting.happiness`, not in `answers`. */
  kind: "text" | "score";
  hint?: string;
}

export interface GuideSection {
  key: string;
  title: string;
  prompts: readonly GuidePrompt[];
}

export interface ConversationGuide {
  kind: Extract<Meeting["kind"], "monthly" | "career">;
  title: string;
  intro: string;
  sections: readonly GuideSection[];
}

export const HAPPINESS_PROMPT_ID = "monthly.happiness";
export const HAPPINESS_MIN = 1;
export const HAPPINESS_MAX = 10;

type GuideKind = ConversationGuide["kind"];

function prompt(id: string, text: string, hint?: string, kind: GuidePrompt["kind"] = "text"): GuidePrompt {
  return hint === undefined ? { id, text, kind } : { id, text, kind, hint };
}

/**
 * Both guides in every language the pages speak. Section keys, prompt ids and kinds are the
 * same in each (answers are stored by id); only the words differ.
 */
export const conversationGuidesIn: Readonly<
  Record<Language, Readonly<Record<GuideKind, ConversationGuide>>>
> = {
  en: {
    monthly: {
      kind: "monthly",
      title: "Monthly deep dive",
      intro: "Step back from the week: how they feel, what they learn, where they are heading.",
      sections: [
        {
          key: "happiness",
          title: "Happiness",
          prompts: [
            prompt(
              HAPPINESS_PROMPT_ID,
              "How are you feeling about work (1-10)?",
              "Record their number; the trend matters more than any one month.",
              "score",
            ),
            prompt(
              "monthly.make-it-a-10",
              "What would make it a 10?",
              "Listen for something you can act on.",
            ),
          ],
        },
        {
          key: "growth",
          title: "Growth",
          prompts: [
            prompt("monthly.learned", "What did you learn this month?"),
            prompt("monthly.learn-next", "What do you want to learn next?"),
          ],
        },
        {
          key: "career",
          title: "Career",
          prompts: [
            prompt("monthly.path-excitement", "Are you still excited about your path?"),
            prompt(
              "monthly.progression-help",
              "How can I help your progression?",
              "Turn the answer into an action item for you.",
            ),
          ],
        },
      ],
    },
    career: {
      kind: "career",
      title: "Career conversation",
      intro: "Where they want to go, where they are now, and one step this quarter.",
      sections: [
        {
          key: "aspirations",
          title: "Aspirations",
          prompts: [
            prompt("career-conversation.two-years", "Where do you want to be in 2 years?"),
            prompt("career-conversation.energizes", "What kind of work energizes you?"),
          ],
        },
        {
          key: "current-state",
          title: "Current state",
          prompts: [
            prompt("career-conversation.strongest", "Where are you strongest?"),
            prompt("career-conversation.gaps", "What gaps do you see?"),
          ],
        },
        {
          key: "plan",
          title: "Plan",
          prompts: [
            prompt(
              "career-conversation.quarter-goal",
              "One goal for this quarter",
              "One is enough. It becomes the growth plan's goal.",
            ),
            prompt(
              "career-conversation.projects",
              "Projects that build the skill",
              "Tie growth to real work they will do anyway.",
            ),
          ],
        },
      ],
    },
  },
  de: {
    monthly: {
      kind: "monthly",
      title: "Monatliches Tiefengespräch",
      intro:
        "Treten Sie einen Schritt von der Woche zurück: wie es der Person geht, was sie lernt, wohin sie will.",
      sections: [
        {
          key: "happiness",
          title: "Zufriedenheit",
          prompts: [
            prompt(
              HAPPINESS_PROMPT_ID,
              "Wie zufrieden sind Sie mit Ihrer Arbeit (1-10)?",
              "Notieren Sie die genannte Zahl; der Verlauf zählt mehr als ein einzelner Monat.",
              "score",
            ),
            prompt(
              "monthly.make-it-a-10",
              "Was würde daraus eine 10 machen?",
              "Achten Sie auf etwas, das Sie selbst angehen können.",
            ),
          ],
        },
        {
          key: "growth",
          title: "Entwicklung",
          prompts: [
            prompt("monthly.learned", "Was haben Sie diesen Monat gelernt?"),
            prompt("monthly.learn-next", "Was möchten Sie als Nächstes lernen?"),
          ],
        },
        {
          key: "career",
          title: "Karriere",
          prompts: [
            prompt("monthly.path-excitement", "Begeistert Sie Ihr Weg noch?"),
            prompt(
              "monthly.progression-help",
              "Wie kann ich Sie auf Ihrem Weg nach vorn unterstützen?",
              "Machen Sie aus der Antwort eine Aufgabe für sich selbst.",
            ),
          ],
        },
      ],
    },
    career: {
      kind: "career",
      title: "Karrieregespräch",
      intro: "Wohin die Person will, wo sie heute steht und ein Schritt in diesem Quartal.",
      sections: [
        {
          key: "aspirations",
          title: "Ziele",
          prompts: [
            prompt("career-conversation.two-years", "Wo möchten Sie in 2 Jahren stehen?"),
            prompt("career-conversation.energizes", "Welche Art von Arbeit gibt Ihnen Energie?"),
          ],
        },
        {
          key: "current-state",
          title: "Aktueller Stand",
          prompts: [
            prompt("career-conversation.strongest", "Wo liegen Ihre größten Stärken?"),
            prompt("career-conversation.gaps", "Welche Lücken sehen Sie?"),
          ],
        },
        {
          key: "plan",
          title: "Plan",
          prompts: [
            prompt(
              "career-conversation.quarter-goal",
              "Ein Ziel für dieses Quartal",
              "Eines genügt. Es wird zum Ziel des Entwicklungsplans.",
            ),
            prompt(
              "career-conversation.projects",
              "Projekte, die diese Fähigkeit aufbauen",
              "Verknüpfen Sie Entwicklung mit echter Arbeit, die ohnehin ansteht.",
            ),
          ],
        },
      ],
    },
  },
  fr: {
    monthly: {
      kind: "monthly",
      title: "Point mensuel approfondi",
      intro: "Prenez du recul sur la semaine : comment la personne se sent, ce qu'elle apprend, où elle va.",
      sections: [
        {
          key: "happiness",
          title: "Épanouissement",
          prompts: [
            prompt(
              HAPPINESS_PROMPT_ID,
              "Comment vous sentez-vous dans votre travail (1-10) ?",
              "Notez la note donnée ; la tendance compte plus qu'un mois isolé.",
              "score",
            ),
            prompt(
              "monthly.make-it-a-10",
              "Qu'est-ce qui en ferait un 10 ?",
              "Soyez attentif à ce sur quoi vous pouvez agir.",
            ),
          ],
        },
        {
          key: "growth",
          title: "Développement",
          prompts: [
            prompt("monthly.learned", "Qu'avez-vous appris ce mois-ci ?"),
            prompt("monthly.learn-next", "Que voulez-vous apprendre ensuite ?"),
          ],
        },
        {
          key: "career",
          title: "Carrière",
          prompts: [
            prompt("monthly.path-excitement", "Votre parcours vous enthousiasme-t-il toujours ?"),
            prompt(
              "monthly.progression-help",
              "Comment puis-je vous aider à progresser ?",
              "Transformez la réponse en action à mener de votre côté.",
            ),
          ],
        },
      ],
    },
    career: {
      kind: "career",
      title: "Entretien de carrière",
      intro: "Où la personne veut aller, où elle en est, et une étape pour ce trimestre.",
      sections: [
        {
          key: "aspirations",
          title: "Aspirations",
          prompts: [
            prompt("career-conversation.two-years", "Où voulez-vous être dans 2 ans ?"),
            prompt("career-conversation.energizes", "Quel type de travail vous donne de l'énergie ?"),
          ],
        },
        {
          key: "current-state",
          title: "Situation actuelle",
          prompts: [
            prompt("career-conversation.strongest", "Quels sont vos plus grands points forts ?"),
            prompt("career-conversation.gaps", "Quelles lacunes voyez-vous ?"),
          ],
        },
        {
          key: "plan",
          title: "Plan",
          prompts: [
            prompt(
              "career-conversation.quarter-goal",
              "Un objectif pour ce trimestre",
              "Un seul suffit. Il devient l'objectif du plan de développement.",
            ),
            prompt(
              "career-conversation.projects",
              "Des projets qui développent cette compétence",
              "Reliez le développement au travail réel que la personne fera de toute façon.",
            ),
          ],
        },
      ],
    },
  },
  es: {
    monthly: {
      kind: "monthly",
      title: "Conversación mensual a fondo",
      intro: "Toma distancia de la semana: cómo se siente la persona, qué aprende, hacia dónde va.",
      sections: [
        {
          key: "happiness",
          title: "Satisfacción",
          prompts: [
            prompt(
              HAPPINESS_PROMPT_ID,
              "¿Cómo te sientes con tu trabajo (1-10)?",
              "Anota su número; importa más la tendencia que un mes concreto.",
              "score",
            ),
            prompt(
              "monthly.make-it-a-10",
              "¿Qué haría falta para que fuera un 10?",
              "Presta atención a algo sobre lo que puedas actuar.",
            ),
          ],
        },
        {
          key: "growth",
          title: "Desarrollo",
          prompts: [
            prompt("monthly.learned", "¿Qué has aprendido este mes?"),
            prompt("monthly.learn-next", "¿Qué quieres aprender a continuación?"),
          ],
        },
        {
          key: "career",
          title: "Carrera",
          prompts: [
            prompt("monthly.path-excitement", "¿Sigue ilusionándote tu camino?"),
            prompt(
              "monthly.progression-help",
              "¿Cómo puedo ayudarte a progresar?",
              "Convierte la respuesta en una tarea para ti.",
            ),
          ],
        },
      ],
    },
    career: {
      kind: "career",
      title: "Conversación de carrera",
      intro: "Adónde quiere llegar la persona, dónde está ahora y un paso para este trimestre.",
      sections: [
        {
          key: "aspirations",
          title: "Aspiraciones",
          prompts: [
            prompt("career-conversation.two-years", "¿Dónde quieres estar dentro de 2 años?"),
            prompt("career-conversation.energizes", "¿Qué tipo de trabajo te da energía?"),
          ],
        },
        {
          key: "current-state",
          title: "Situación actual",
          prompts: [
            prompt("career-conversation.strongest", "¿Dónde están tus mayores fortalezas?"),
            prompt("career-conversation.gaps", "¿Qué carencias ves?"),
          ],
        },
        {
          key: "plan",
          title: "Plan",
          prompts: [
            prompt(
              "career-conversation.quarter-goal",
              "Un objetivo para este trimestre",
              "Con uno basta. Se convierte en el objetivo del plan de desarrollo.",
            ),
            prompt(
              "career-conversation.projects",
              "Proyectos que desarrollen esa habilidad",
              "Vincula el desarrollo con trabajo real que la persona hará de todos modos.",
            ),
          ],
        },
      ],
    },
  },
};

/** Both guides in `language`, monthly first. */
export function conversationGuidesFor(language: Language): readonly ConversationGuide[] {
  const guides = conversationGuidesIn[language] ?? conversationGuidesIn.en;
  return [guides.monthly, guides.career];
}

export const monthlyDeepDive: ConversationGuide = conversationGuidesIn.en.monthly;
export const careerConversation: ConversationGuide = conversationGuidesIn.en.career;
/** The guides in English. */
export const conversationGuides: readonly ConversationGuide[] = conversationGuidesFor("en");

/** The guide a meeting of this kind follows; weekly and ad hoc 1:1s have none. */
export function guideForKind(
  kind: Meeting["kind"],
  language: Language = "en",
): ConversationGuide | undefined {
  return conversationGuidesFor(language).find((g) => g.kind === kind);
}

/** Looks a prompt up by id, e.g. to label answers kept from an earlier meeting. */
export function guidePrompt(id: string, language: Language = "en"): GuidePrompt | undefined {
  for (const guide of conversationGuidesFor(language)) {
    for (const section of guide.sections) {
      const prompt = section.prompts.find((p) => p.id === id);
      if (prompt) return prompt;
    }
  }
  return undefined;
}
