import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { questionBank, suggestQuestions } from "@/lib/questions";
import {
  applyTemplateOverrides,
  defaultTemplates,
  guideIn,
  readTemplateOverrides,
  readTemplates,
  setTemplateOverrides,
  TEMPLATES_KEY,
  type TemplateSet,
  toTemplateOverrides,
  updateTemplateOverrides,
  watchTemplateOverrides,
} from "@/lib/settings";
import { HAPPINESS_PROMPT_ID, plannedMinutes, timeBoxLabel } from "@/lib/templates";

const own = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `custom.${n}`,
  purpose: "wellbeing",
  text: `What would make week ${n} easier for you?`,
  ...extra,
});

/** Everything a template set shows, without the user's wording: must never change shape. */
function structure(t: TemplateSet) {
  return {
    weekly: t.weekly.sections.map((s) => s.key),
    guides: [t.monthly, t.career].map((g) => ({
      kind: g.kind,
      sections: g.sections.map((s) => ({ key: s.key, prompts: s.prompts.map((p) => [p.id, p.kind]) })),
    })),
    bank: t.questions.slice(0, questionBank.length).map((q) => q.id),
  };
}

describe("stored template overrides read through the guard", () => {
  it.each<[string, unknown]>([
    ["nothing stored", undefined],
    ["null", null],
    ["a string", "templates"],
    ["a number", 42],
    ["an array", [{ weekly: { theirs: { title: "X" } } }]],
    ["an empty object", {}],
    ["parts of the wrong type", { weekly: [], prompts: "x", questions: {} }],
    ["sections of the wrong type", { weekly: { theirs: "Their topics", mine: 3 } }],
    ["an unknown section", { weekly: { standup: { title: "Status" } } }],
    ["fields of the wrong type", { weekly: { theirs: { title: 7, minutes: "15", prompt: ["a"] } } }],
    [
      "blank text",
      { weekly: { theirs: { title: "   ", prompt: "" } }, prompts: { "monthly.learned": { text: " " } } },
    ],
    ["a title over 100 characters", { weekly: { theirs: { title: "x".repeat(101) } } }],
    ["a prompt over 500 characters", { weekly: { growth: { prompt: "x".repeat(501) } } }],
    ["negative minutes", { weekly: { theirs: { minutes: -1 } } }],
    ["minutes over 120", { weekly: { theirs: { minutes: 121 } } }],
    ["fractional minutes", { weekly: { theirs: { minutes: 2.5 } } }],
    ["NaN minutes", { weekly: { theirs: { minutes: Number.NaN } } }],
    ["infinite minutes", { weekly: { theirs: { minutes: Number.POSITIVE_INFINITY } } }],
    ["a prompt text over 500 characters", { prompts: { "monthly.learned": { text: "x".repeat(501) } } }],
    ["a malformed prompt id", { prompts: { "<script>": { text: "Hi?" } } }],
    ["a __proto__ prompt", JSON.parse('{"prompts":{"__proto__":{"text":"polluted"}}}')],
    ["own questions that are not questions", { questions: [null, 3, "What?", [], {}] }],
    ["an own question with a bank id", { questions: [own(1, { id: "blockers.hardest-part" })] }],
    ["an own question without the custom prefix", { questions: [own(1, { id: "1" })] }],
    ["an own question over 300 characters", { questions: [own(1, { text: "x".repeat(301) })] }],
    ["an own question that is blank", { questions: [own(1, { text: "  " })] }],
  ])("%s: the defaults stand", (_, stored) => {
    const effective = applyTemplateOverrides(defaultTemplates, stored);
    expect(effective).toEqual(defaultTemplates);
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });

  it.each<[string, unknown, unknown]>([
    [
      "a title, time box and prompt",
      { weekly: { theirs: { title: " Their topics ", minutes: 20, prompt: "What is on your mind?" } } },
      { weekly: { theirs: { title: "Their topics", minutes: 20, prompt: "What is on your mind?" } } },
    ],
    ["no time box", { weekly: { growth: { minutes: null } } }, { weekly: { growth: { minutes: null } } }],
    ["a zero time box", { weekly: { feedback: { minutes: 0 } } }, { weekly: { feedback: { minutes: 0 } } }],
    [
      "the longest title and time box allowed",
      { weekly: { theirs: { title: "x".repeat(100), minutes: 120 } } },
      { weekly: { theirs: { title: "x".repeat(100), minutes: 120 } } },
    ],
    [
      "good fields beside bad ones",
      {
        weekly: { theirs: { title: "Topics", minutes: 500 } },
        prompts: { x: 1, "monthly.learned": { text: "Learned?" } },
      },
      { weekly: { theirs: { title: "Topics" } }, prompts: { "monthly.learned": { text: "Learned?" } } },
    ],
    [
      "a hint without a text",
      { prompts: { "career-conversation.gaps": { hint: "Name one." } } },
      { prompts: { "career-conversation.gaps": { hint: "Name one." } } },
    ],
    [
      "own questions, duplicates dropped, an unknown purpose read as context",
      { questions: [own(1), own(1, { text: "Again?" }), own(2, { purpose: "gossip" })] },
      { questions: [own(1), own(2, { purpose: "context" })] },
    ],
  ])("%s: kept", (_, stored, expected) => {
    expect(toTemplateOverrides(stored)).toEqual(expected);
  });

  it("keeps at most 200 own questions", () => {
    const stored = { questions: Array.from({ length: 5000 }, (_, i) => own(i)) };
    const overrides = toTemplateOverrides(stored);
    expect(overrides.questions).toHaveLength(200);
    expect(overrides.questions?.at(-1)?.id).toBe("custom.199");
  });

  it("survives anything at all, and never changes the templates' shape", () => {
    const arbitrary = fc.oneof(
      fc.anything(),
      fc.record({
        weekly: fc.dictionary(fc.constantFrom("theirs", "growth", "feedback", "mine", "x"), fc.anything()),
        prompts: fc.dictionary(
          fc.constantFrom(HAPPINESS_PROMPT_ID, "monthly.learned", "__proto__"),
          fc.anything(),
        ),
        questions: fc.array(fc.anything()),
      }),
    );
    fc.assert(
      fc.property(arbitrary, (stored) => {
        const effective = applyTemplateOverrides(defaultTemplates, stored);
        expect(structure(effective)).toEqual(structure(defaultTemplates));
        for (const section of effective.weekly.sections) {
          expect(section.title.trim()).not.toBe("");
          expect(section.title.length).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe("applyTemplateOverrides", () => {
  it("changes the wording and time boxes and leaves everything else to the defaults", () => {
    const effective = applyTemplateOverrides(defaultTemplates, {
      weekly: {
        theirs: { title: "Their topics", minutes: 20 },
        feedback: { minutes: null },
        mine: { minutes: 5 },
      },
    });
    const [theirs, growth, feedback, mine] = effective.weekly.sections;
    expect(theirs).toMatchObject({ key: "theirs", title: "Their topics", minutes: 20 });
    expect(theirs?.prompt).toBe(defaultTemplates.weekly.sections[0]?.prompt);
    expect(growth).toBe(defaultTemplates.weekly.sections[1]);
    expect(feedback && timeBoxLabel(feedback)).toBe("if time");
    expect(mine && timeBoxLabel(mine)).toBe("5 min");
    expect(plannedMinutes(effective.weekly)).toBe(35);
    expect(effective.weekly.wrapUp).toBe(defaultTemplates.weekly.wrapUp);
  });

  it("rewords guide prompts by id; the happiness prompt stays a score", () => {
    const effective = applyTemplateOverrides(defaultTemplates, {
      prompts: {
        [HAPPINESS_PROMPT_ID]: { text: "Where are you on a 1–10 this month?", kind: "text" },
        "career-conversation.gaps": { hint: "Name one." },
        "no.such-prompt": { text: "Ignored" },
      },
    });
    const happiness = effective.monthly.sections[0]?.prompts[0];
    expect(happiness).toEqual({
      id: HAPPINESS_PROMPT_ID,
      kind: "score",
      text: "Where are you on a 1–10 this month?",
      hint: "Record their number; the trend matters more than any one month.",
    });
    const gaps = effective.career.sections[1]?.prompts[1];
    expect(gaps).toEqual({
      id: "career-conversation.gaps",
      kind: "text",
      text: "What gaps do you see?",
      hint: "Name one.",
    });
    expect(JSON.stringify(effective)).not.toContain("Ignored");
    expect(guideIn(effective, "monthly")).toBe(effective.monthly);
    expect(guideIn(effective, "career")).toBe(effective.career);
    expect(guideIn(effective, "weekly")).toBeUndefined();
  });

  it("does not change the defaults it is given", () => {
    const before = JSON.stringify(defaultTemplates);
    applyTemplateOverrides(defaultTemplates, {
      weekly: { theirs: { title: "Changed", minutes: null } },
      prompts: { "monthly.learned": { text: "Changed?" } },
      questions: [own(1)],
    });
    expect(JSON.stringify(defaultTemplates)).toBe(before);
  });
});

describe("own questions in the rotation", () => {
  const meetings = [
    { id: "m1", startsAt: 1_000 },
    { id: "m2", startsAt: 2_000 },
  ];
  const current = { id: "m3", startsAt: 3_000 };

  it("join the bank after it", () => {
    const { questions } = applyTemplateOverrides(defaultTemplates, { questions: [own(1), own(2)] });
    expect(questions).toHaveLength(questionBank.length + 2);
    expect(questions.slice(-2).map((q) => q.id)).toEqual(["custom.1", "custom.2"]);
  });

  it("are suggested like any other: first when everything else was asked lately, then rested once asked", () => {
    const { questions } = applyTemplateOverrides(defaultTemplates, { questions: [own(1)] });
    const bankAsked = questionBank.map((q) => ({ questionId: q.id, meetingId: "m1", askedAt: 1_000 }));
    const first = suggestQuestions({
      bank: questions,
      asked: bankAsked,
      meetingsWithPerson: meetings,
      current,
      seed: "m3",
    });
    expect(first[0]).toEqual({
      id: "custom.1",
      purpose: "wellbeing",
      text: "What would make week 1 easier for you?",
    });

    const ownAsked = [...bankAsked, { questionId: "custom.1", meetingId: "m2", askedAt: 2_000 }];
    const next = suggestQuestions({
      bank: questions,
      asked: ownAsked,
      meetingsWithPerson: meetings,
      current,
      seed: "m3",
    });
    expect(next).toHaveLength(3);
    expect(next.map((q) => q.id)).not.toContain("custom.1");
  });

  it("come up over many meetings when nothing was asked yet", () => {
    const { questions } = applyTemplateOverrides(defaultTemplates, {
      questions: Array.from({ length: 20 }, (_, i) => own(i)),
    });
    const seen = new Set<string>();
    for (let m = 0; m < 200; m++) {
      for (const q of suggestQuestions({
        bank: questions,
        asked: [],
        meetingsWithPerson: [],
        seed: `m${m}`,
      })) {
        seen.add(q.id);
      }
    }
    expect([...seen].some((id) => id.startsWith("custom."))).toBe(true);
  });
});

describe("templates in extension storage", () => {
  it("reads the defaults when nothing is stored, and the edits once saved", async () => {
    expect(await readTemplates()).toEqual(defaultTemplates);
    await setTemplateOverrides({ weekly: { theirs: { title: "Their topics" } } });
    expect((await readTemplates()).weekly.sections[0]?.title).toBe("Their topics");
  });

  it("writes only what passes the guard, and removes the key when nothing is left", async () => {
    await setTemplateOverrides({ weekly: { theirs: { title: "x".repeat(101), minutes: 20 } } });
    expect(await fakeBrowser.storage.local.get(TEMPLATES_KEY)).toEqual({
      [TEMPLATES_KEY]: { weekly: { theirs: { minutes: 20 } } },
    });
    await setTemplateOverrides({ weekly: { theirs: {} } });
    expect(await fakeBrowser.storage.local.get(TEMPLATES_KEY)).toEqual({});
  });

  it("reads a hostile stored value as the defaults", async () => {
    await fakeBrowser.storage.local.set({ [TEMPLATES_KEY]: { weekly: { theirs: { title: { $gt: "" } } } } });
    expect(await readTemplateOverrides()).toEqual({});
    expect(await readTemplates()).toEqual(defaultTemplates);
  });

  it("changes one part without losing another saved meanwhile", async () => {
    await setTemplateOverrides({ questions: [own(1)] as never });
    await updateTemplateOverrides((o) => ({ ...o, weekly: { mine: { minutes: 10 } } }));
    expect(await readTemplateOverrides()).toEqual({ weekly: { mine: { minutes: 10 } }, questions: [own(1)] });
  });

  it("tells watchers about each change, guarded, until unsubscribed", async () => {
    const seen: unknown[] = [];
    const stop = watchTemplateOverrides((o) => seen.push(o));
    await setTemplateOverrides({ prompts: { "monthly.learned": { text: "Learned?" } } });
    await fakeBrowser.storage.local.set({ [TEMPLATES_KEY]: "garbage" });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    await setTemplateOverrides({});
    expect(seen).toEqual([{ prompts: { "monthly.learned": { text: "Learned?" } } }, {}]);
  });
});
