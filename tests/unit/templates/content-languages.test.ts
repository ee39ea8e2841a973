import { describe, expect, it } from "vitest";
import { purposeLabelsIn, questionBank, questionBankFor, questionPurposes } from "@/lib/questions";
import { applyTemplateOverrides, defaultTemplatesFor, LANGUAGES } from "@/lib/settings";
import {
  type ConversationGuide,
  conversationGuidesFor,
  growthPlanTemplateFor,
  guideForKind,
  guidePrompt,
  listOf,
  plannedMinutes,
  promotionScript,
  promotionToPlan,
  promotionWordsIn,
  weeklyTemplateFor,
} from "@/lib/templates";

const translated = LANGUAGES.filter((l) => l !== "en");

/**
 * Words that only turn up in these tables when a text was left in English. None of them is a
 * word in German, French or Spanish, so a hit is an untranslated text, not a false alarm.
 */
const ENGLISH =
  /\b(the|what|which|where|when|how|you|your|yours|they|their|them|this|that|would|should|could|does|is|are|and|with|for|from|of|to|my|week|work|need|help|goal|growth)\b/i;

function guideTexts(guide: ConversationGuide): string[] {
  return [
    guide.title,
    guide.intro,
    ...guide.sections.flatMap((s) => [s.title, ...s.prompts.flatMap((p) => [p.text, p.hint ?? ""])]),
  ].filter((text) => text !== "");
}

function everyText(language: (typeof LANGUAGES)[number]): string[] {
  const weekly = weeklyTemplateFor(language);
  return [
    ...questionBankFor(language).map((q) => q.text),
    ...Object.values(purposeLabelsIn[language]),
    ...conversationGuidesFor(language).flatMap(guideTexts),
    ...weekly.sections.flatMap((s) => [s.title, s.prompt]),
    weekly.wrapUp,
  ];
}

describe("the English-word check", () => {
  it("catches a text left in English", () => {
    expect(ENGLISH.test("What do you need from me this week?")).toBe(true);
    expect(ENGLISH.test("Growth and development")).toBe(true);
  });
});

describe("the question bank in every language", () => {
  it.each(LANGUAGES)("%s has the same ids and purposes, in the same order", (language) => {
    const bank = questionBankFor(language);
    expect(bank.map((q) => [q.id, q.purpose])).toEqual(questionBank.map((q) => [q.id, q.purpose]));
    expect(bank.length).toBeGreaterThanOrEqual(110);
  });

  it.each(LANGUAGES)("%s asks one question per entry, never empty, never twice", (language) => {
    const bank = questionBankFor(language);
    for (const q of bank) {
      expect(q.text.trim(), q.id).toBe(q.text);
      expect(q.text.length, q.id).toBeGreaterThan(10);
      expect(q.text.endsWith("?"), q.id).toBe(true);
      expect(q.text.match(/\?/g)?.length, q.id).toBe(1);
    }
    const texts = bank.map((q) => q.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("opens every Spanish question with ¿", () => {
    for (const q of questionBankFor("es")) expect(q.text, q.id).toContain("¿");
  });

  it.each(translated)("%s has no text left in English", (language) => {
    const english = new Set(questionBank.map((q) => q.text));
    for (const q of questionBankFor(language)) {
      expect(english.has(q.text), q.id).toBe(false);
      expect(q.text, q.id).not.toMatch(ENGLISH);
    }
  });

  it.each(LANGUAGES)("%s labels every purpose", (language) => {
    const labels = purposeLabelsIn[language];
    expect(Object.keys(labels).sort()).toEqual([...questionPurposes].sort());
    for (const label of Object.values(labels)) expect(label.trim()).not.toBe("");
  });

  // The method's four "questions that work", faithfully in each language and in its register.
  it.each([
    [
      "blockers.hardest-part",
      "What is the hardest part of your job right now?",
      "Was ist im Moment der schwierigste Teil Ihrer Arbeit?",
      "Quelle est la partie la plus difficile de votre travail en ce moment ?",
      "¿Cuál es la parte más difícil de tu trabajo ahora mismo?",
    ],
    [
      "blockers.need-from-me",
      "What do you need from me this week?",
      "Was brauchen Sie diese Woche von mir?",
      "De quoi avez-vous besoin de ma part cette semaine ?",
      "¿Qué necesitas de mí esta semana?",
    ],
    [
      "priorities.success-this-quarter",
      "What would success look like for you this quarter?",
      "Wie sähe Erfolg für Sie in diesem Quartal aus?",
      "À quoi ressemblerait la réussite pour vous ce trimestre ?",
      "¿Cómo sería el éxito para ti este trimestre?",
    ],
    [
      "feedback-for-me.general",
      "What feedback do you have for me?",
      "Welches Feedback haben Sie für mich?",
      "Quels retours avez-vous pour moi ?",
      "¿Qué feedback tienes para mí?",
    ],
  ])("asks the method's %s question in every language", (id, en, de, fr, es) => {
    const text = (language: (typeof LANGUAGES)[number]) =>
      questionBankFor(language).find((q) => q.id === id)?.text;
    expect([text("en"), text("de"), text("fr"), text("es")]).toEqual([en, de, fr, es]);
  });
});

describe("the guides in every language", () => {
  const shape = (guide: ConversationGuide) => ({
    kind: guide.kind,
    sections: guide.sections.map((s) => ({
      key: s.key,
      prompts: s.prompts.map((p) => ({ id: p.id, kind: p.kind, hint: p.hint !== undefined })),
    })),
  });

  it.each(LANGUAGES)("%s has the same sections, prompt ids, kinds and hints", (language) => {
    expect(conversationGuidesFor(language).map(shape)).toEqual(conversationGuidesFor("en").map(shape));
  });

  it.each(LANGUAGES)("%s leaves no text empty", (language) => {
    for (const text of conversationGuidesFor(language).flatMap(guideTexts)) expect(text.trim()).toBe(text);
    for (const guide of conversationGuidesFor(language)) {
      expect(guide.title).not.toBe("");
      expect(guide.intro).not.toBe("");
      for (const s of guide.sections) for (const p of s.prompts) expect(p.text.trim(), p.id).not.toBe("");
    }
  });

  it.each(translated)("%s has no text left in English", (language) => {
    for (const text of conversationGuidesFor(language).flatMap(guideTexts)) expect(text).not.toMatch(ENGLISH);
  });

  it("finds a guide and a prompt by kind and id in the language asked for", () => {
    expect(guideForKind("monthly", "de")?.title).toBe("Monatliches Tiefengespräch");
    expect(guideForKind("career", "fr")?.title).toBe("Entretien de carrière");
    expect(guideForKind("weekly", "es")).toBeUndefined();
    expect(guidePrompt("monthly.make-it-a-10", "es")?.text).toBe("¿Qué haría falta para que fuera un 10?");
    // English stays the default, for callers that don't say.
    expect(guidePrompt("monthly.make-it-a-10")?.text).toBe("What would make it a 10?");
  });
});

describe("the weekly template in every language", () => {
  it.each(LANGUAGES)("%s has the same sections and time boxes", (language) => {
    const weekly = weeklyTemplateFor(language);
    expect(weekly.sections.map((s) => [s.key, s.minutes])).toEqual([
      ["theirs", 15],
      ["growth", 10],
      ["feedback", 5],
      ["mine", undefined],
    ]);
    expect(plannedMinutes(weekly)).toBe(30);
    for (const s of weekly.sections) {
      expect(s.title.trim(), s.key).not.toBe("");
      expect(s.prompt.trim(), s.key).not.toBe("");
    }
    expect(weekly.wrapUp.trim()).not.toBe("");
  });

  it.each(translated)("%s has no text left in English", (language) => {
    const weekly = weeklyTemplateFor(language);
    for (const text of [...weekly.sections.flatMap((s) => [s.title, s.prompt]), weekly.wrapUp])
      expect(text).not.toMatch(ENGLISH);
  });

  it("names the sections in German", () => {
    expect(weeklyTemplateFor("de").sections.map((s) => s.title)).toEqual([
      "Themen Ihres Gegenübers",
      "Wachstum und Entwicklung",
      "Feedback",
      "Meine Themen",
    ]);
  });
});

describe("the default templates", () => {
  it.each(LANGUAGES)(
    "%s gathers the weekly template, both guides and the bank in that language",
    (language) => {
      const defaults = defaultTemplatesFor(language);
      expect(defaults.weekly).toBe(weeklyTemplateFor(language));
      expect([defaults.monthly, defaults.career]).toEqual(conversationGuidesFor(language));
      expect(defaults.questions).toBe(questionBankFor(language));
    },
  );

  // Words that are the same in the other language: "Feedback" in German and Spanish, "Plan" in all three.
  const cognates: Record<string, readonly string[]> = {
    de: ["Feedback", "Plan"],
    fr: ["Plan", "Aspirations"],
    es: ["Feedback", "Plan"],
  };

  it.each(translated)("%s shares no text with English but words the languages have in common", (language) => {
    const english = new Set(everyText("en"));
    const shared = everyText(language).filter((text) => english.has(text));
    expect(shared.filter((text) => !cognates[language]?.includes(text))).toEqual([]);
  });
});

describe("the manager's edits over defaults in another language", () => {
  it("keeps an edited field as written and shows the rest in the language in use", () => {
    const stored = {
      weekly: { theirs: { title: "Their topics first" }, mine: { minutes: 5 } },
      prompts: { "monthly.learned": { text: "What did you learn, really?" } },
      questions: [{ id: "custom.one", purpose: "growth", text: "What will you try next?" }],
    };
    const german = applyTemplateOverrides(defaultTemplatesFor("de"), stored);
    expect(german.weekly.sections.map((s) => [s.title, s.minutes])).toEqual([
      ["Their topics first", 15],
      ["Wachstum und Entwicklung", 10],
      ["Feedback", 5],
      ["Meine Themen", 5],
    ]);
    expect(german.monthly.sections[1]?.prompts.map((p) => p.text)).toEqual([
      "What did you learn, really?",
      "Was möchten Sie als Nächstes lernen?",
    ]);
    expect(german.questions.find((q) => q.id === "blockers.need-from-me")?.text).toBe(
      "Was brauchen Sie diese Woche von mir?",
    );
    expect(german.questions.at(-1)).toEqual({
      id: "custom.one",
      purpose: "growth",
      text: "What will you try next?",
    });
  });
});

describe("the growth plan in every language", () => {
  it.each(LANGUAGES)("%s has every field with a label, an example and a hint", (language) => {
    const template = growthPlanTemplateFor(language);
    expect(Object.keys(template)).toEqual(["goal", "support", "evidence", "checkpoints"]);
    for (const field of Object.values(template)) {
      expect(field.label.trim()).not.toBe("");
      expect(field.placeholder.trim()).not.toBe("");
      expect(field.hint.trim()).not.toBe("");
    }
  });

  it.each(translated)("%s has no text left in English", (language) => {
    for (const field of Object.values(growthPlanTemplateFor(language)))
      for (const text of [field.label, field.placeholder, field.hint]) expect(text).not.toMatch(ENGLISH);
    const words = promotionWordsIn[language];
    const sample = [
      words.expects("Staff", "A"),
      words.expects(undefined, "A"),
      words.strengths("A"),
      words.gapEvidence("A", "B"),
      words.gapNoEvidence("A"),
      words.close,
      words.goal("A", "Staff"),
      words.goal("A", undefined),
      words.goalNoFocus("Staff"),
      words.goalNoFocus(undefined),
      words.supportProjects("A"),
      words.supportStrengths("A"),
      words.supportReviews,
      words.lastCheckpoint("Staff"),
      words.lastCheckpoint(undefined),
      words.monthlyCheckpoint("A"),
      words.monthlyCheckpoint(undefined),
      words.checkpoint,
      words.lastCheckpointPlain,
    ];
    for (const text of sample) expect(text).not.toMatch(ENGLISH);
  });

  const conversation = {
    level: "Senior Engineer",
    expectations: ["technisches Design", "Mentoring", "Ownership"],
    strengths: ["technisches Design"],
    gaps: [
      {
        expectation: "Mentoring",
        evidenceNeeded: ["zwei Onboardings begleiten", "Code-Reviews mit Feedback"],
      },
      { expectation: "Ownership", evidenceNeeded: [] },
    ],
  };

  it("writes the promotion script in German around the manager's own words", () => {
    expect(promotionScript(conversation, "de")).toBe(
      "Die Rolle Senior Engineer erwartet: technisches Design, Mentoring und Ownership. " +
        "Das machen Sie bereits gut: technisches Design. " +
        "Für Mentoring muss ich Folgendes sehen: zwei Onboardings begleiten und Code-Reviews mit Feedback. " +
        "Für Ownership sollten wir vereinbaren, woran man es erkennt. " +
        "Lassen Sie uns gemeinsam einen Plan aufstellen und die Fortschritte monatlich besprechen.",
    );
  });

  it("keeps the English script as the method words it", () => {
    expect(promotionScript({ level: "", expectations: ["X", "Y", "Z"], strengths: ["X"], gaps: [] })).toBe(
      "The next role expects X, Y, and Z. I see you doing X well. Let's build a plan together and check progress monthly.",
    );
  });

  it.each(LANGUAGES)(
    "%s fills the same plan fields and checkpoints from a promotion conversation",
    (language) => {
      const quarterStart = new Date(2026, 9, 1, 12).getTime();
      const plan = promotionToPlan({ ...conversation, quarterStart }, language);
      const english = promotionToPlan({ ...conversation, quarterStart });
      expect(plan.quarter).toBe(english.quarter);
      expect(plan.evidence).toBe(english.evidence);
      expect(plan.checkpoints.map((c) => c.dueAt)).toEqual(english.checkpoints.map((c) => c.dueAt));
      expect(plan.goal).toContain("Mentoring und Ownership".replace("und", promotionWordsIn[language].and));
      for (const c of plan.checkpoints) expect(c.note.trim()).not.toBe("");
    },
  );

  it("lists in each language's way", () => {
    expect(listOf(["A", "B", "C"])).toBe("A, B, and C");
    expect(listOf(["A", "B", "C"], "de")).toBe("A, B und C");
    expect(listOf(["A", "B"], "fr")).toBe("A et B");
    expect(listOf(["A", "B", "C"], "es")).toBe("A, B y C");
  });
});
