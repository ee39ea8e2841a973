import { describe, expect, it } from "vitest";
import {
  careerConversation,
  conversationGuides,
  guideForKind,
  guidePrompt,
  HAPPINESS_PROMPT_ID,
  monthlyDeepDive,
} from "@/lib/templates";

const texts = (guide: typeof monthlyDeepDive) => guide.sections.flatMap((s) => s.prompts.map((p) => p.text));

describe("monthly deep dive", () => {
  it("asks the method's questions, in order", () => {
    expect(texts(monthlyDeepDive)).toEqual([
      "How are you feeling about work (1-10)?",
      "What would make it a 10?",
      "What did you learn this month?",
      "What do you want to learn next?",
      "Are you still excited about your path?",
      "How can I help your progression?",
    ]);
    expect(monthlyDeepDive.sections.map((s) => s.title)).toEqual(["Happiness", "Growth", "Career"]);
  });

  it("records happiness as a score", () => {
    expect(guidePrompt(HAPPINESS_PROMPT_ID)).toMatchObject({ kind: "score" });
    const scores = conversationGuides
      .flatMap((g) => g.sections.flatMap((s) => s.prompts))
      .filter((p) => p.kind === "score");
    expect(scores.map((p) => p.id)).toEqual([HAPPINESS_PROMPT_ID]);
  });
});

describe("career conversation", () => {
  it("covers aspirations, current state and a plan", () => {
    expect(careerConversation.sections.map((s) => [s.title, s.prompts.map((p) => p.text)])).toEqual([
      ["Aspirations", ["Where do you want to be in 2 years?", "What kind of work energizes you?"]],
      ["Current state", ["Where are you strongest?", "What gaps do you see?"]],
      ["Plan", ["One goal for this quarter", "Projects that build the skill"]],
    ]);
  });
});

describe("prompt ids", () => {
  const all = conversationGuides.flatMap((g) => g.sections.flatMap((s) => s.prompts));

  it("are unique, stable slugs that fit the answers record", () => {
    const ids = all.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^(?:monthly|career-conversation)\.[a-z0-9-]+$/);
      expect(id.length).toBeLessThanOrEqual(100);
    }
  });

  it("are pinned, since saved answers point at them", () => {
    expect(all.map((p) => p.id)).toEqual([
      "monthly.happiness",
      "monthly.make-it-a-10",
      "monthly.learned",
      "monthly.learn-next",
      "monthly.path-excitement",
      "monthly.progression-help",
      "career-conversation.two-years",
      "career-conversation.energizes",
      "career-conversation.strongest",
      "career-conversation.gaps",
      "career-conversation.quarter-goal",
      "career-conversation.projects",
    ]);
  });

  it("look up to their prompt, and unknown ids to nothing", () => {
    expect(guidePrompt("career-conversation.gaps")?.text).toBe("What gaps do you see?");
    expect(guidePrompt("nope")).toBeUndefined();
  });
});

describe("guideForKind", () => {
  it.each([
    ["monthly", "Monthly deep dive"],
    ["career", "Career conversation"],
    ["weekly", undefined],
    ["adhoc", undefined],
  ] as const)("%s → %s", (kind, title) => {
    expect(guideForKind(kind)?.title).toBe(title);
  });
});
