import type { Meeting } from "@/lib/db";

/**
 * The monthly deep dive and the career conversation: prompts whose answers are stored in
 * `meeting.answers` under the prompt id. Ids are stable; wordings may improve.
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

export const monthlyDeepDive: ConversationGuide = {
  kind: "monthly",
  title: "Monthly deep dive",
  intro: "Step back from the week: how they feel, what they learn, where they are heading.",
  sections: [
    {
      key: "happiness",
      title: "Happiness",
      prompts: [
        {
          id: HAPPINESS_PROMPT_ID,
          text: "How are you feeling about work (1-10)?",
          kind: "score",
          hint: "Record their number; the trend matters more than any one month.",
        },
        {
          id: "monthly.make-it-a-10",
          text: "What would make it a 10?",
          kind: "text",
          hint: "Listen for something you can act on.",
        },
      ],
    },
    {
      key: "growth",
      title: "Growth",
      prompts: [
        { id: "monthly.learned", text: "What did you learn this month?", kind: "text" },
        { id: "monthly.learn-next", text: "What do you want to learn next?", kind: "text" },
      ],
    },
    {
      key: "career",
      title: "Career",
      prompts: [
        { id: "monthly.path-excitement", text: "Are you still excited about your path?", kind: "text" },
        {
          id: "monthly.progression-help",
          text: "How can I help your progression?",
          kind: "text",
          hint: "Turn the answer into an action item for you.",
        },
      ],
    },
  ],
};

export const careerConversation: ConversationGuide = {
  kind: "career",
  title: "Career conversation",
  intro: "Where they want to go, where they are now, and one step this quarter.",
  sections: [
    {
      key: "aspirations",
      title: "Aspirations",
      prompts: [
        { id: "career-conversation.two-years", text: "Where do you want to be in 2 years?", kind: "text" },
        { id: "career-conversation.energizes", text: "What kind of work energizes you?", kind: "text" },
      ],
    },
    {
      key: "current-state",
      title: "Current state",
      prompts: [
        { id: "career-conversation.strongest", text: "Where are you strongest?", kind: "text" },
        { id: "career-conversation.gaps", text: "What gaps do you see?", kind: "text" },
      ],
    },
    {
      key: "plan",
      title: "Plan",
      prompts: [
        {
          id: "career-conversation.quarter-goal",
          text: "One goal for this quarter",
          kind: "text",
          hint: "One is enough. It becomes the growth plan's goal.",
        },
        {
          id: "career-conversation.projects",
          text: "Projects that build the skill",
          kind: "text",
          hint: "Tie growth to real work they will do anyway.",
        },
      ],
    },
  ],
};

export const conversationGuides: readonly ConversationGuide[] = [monthlyDeepDive, careerConversation];

/** The guide a meeting of this kind follows; weekly and ad hoc 1:1s have none. */
export function guideForKind(kind: Meeting["kind"]): ConversationGuide | undefined {
  return conversationGuides.find((g) => g.kind === kind);
}

/** Looks a prompt up by id, e.g. to label answers kept from an earlier meeting. */
export function guidePrompt(id: string): GuidePrompt | undefined {
  for (const guide of conversationGuides) {
    for (const section of guide.sections) {
      const prompt = section.prompts.find((p) => p.id === id);
      if (prompt) return prompt;
    }
  }
  return undefined;
}
