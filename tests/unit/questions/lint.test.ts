import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionBank, questionLint } from "@/lib/questions";

const closed: readonly string[] = [
  "Everything going okay?",
  "Is the project on track?",
  "Are you happy?",
  "Did you finish?",
  "Can you finish the report by Friday?",
  "Any questions?",
  "Anything else?",
  "Is there anything I can do to help?",
  "Do you have any blockers?",
  "Any blockers?",
  "Are you ok with the new deadline?",
  "Did you finish the migration?",
  "Have you talked to Sam?",
  "Was the launch a success?",
  "Were you involved in the decision?",
  "Does the plan make sense?",
  "Do you like working with Sam?",
  "Will you be able to finish by Monday?",
  "Could you own the migration?",
  "Should I be worried?",
  "Shall we move on?",
  "Has the team settled in?",
  "All good?",
  "You good?",
  "You're okay with that?",
  "So, are you happy with the project?",
  "Honestly, is everything fine?",
  "Hey Sam, any updates?",
  "Do you need anything from me?",
  "Do you have feedback for me?",
  "Is there anything bothering you?",
  "Are you still excited about your path?",
  "Thinking about next month, is anything worrying you?",
  "Are we on track for the release?",
  "Is the migration done?",
  "Did you manage to finish the slides?",
  "Got a minute?",
  "Do you feel supported?",
  "Any concerns about the plan?",
  "Must we do it now?",
  "Is it going okay",
  "are you happy with your work",
  "Everything good with the team?",
  "How is the project going? Is it on track?",
];

const leading: readonly string[] = [
  "Don't you think X is the right approach?",
  "Don't you think we should rewrite the service?",
  "We should ship on Friday, right?",
  "Would you agree that the plan is solid?",
  "Do you agree this is the best option?",
  "Isn't it obvious that we need more tests?",
  "Isn't it better to wait?",
  "Wouldn't it be better to rewrite it?",
  "Shouldn't we wait for QA?",
  "The demo went well, isn't it?",
  "You like the new team, don't you?",
  "We'll go with option B, yes?",
  "Let's move the deadline, ok?",
  "That makes sense, correct?",
  "Why don't you just use the existing library?",
  "Why not just ship it?",
  "Why didn't you tell me earlier?",
  "Can't we just skip the review?",
  "How about we just cut scope?",
  "How great was the launch?",
  "Surely the deadline is fine?",
  "What's wrong with doing it my way, right?",
  "Given the deadline, wouldn't it be better to cut scope?",
  "Aren't you glad the launch is over?",
  "Doesn't the new process work better?",
  "The review went fine, didn't it?",
  "You'd agree the estimate was off?",
];

const open: readonly string[] = [
  "What is the hardest part of your job right now?",
  "How is the project going from where you sit?",
  "Why did the team choose that approach?",
  "Where do you want to be in two years?",
  "When did you last feel proud of your work?",
  "Which part of the project worries you most?",
  "Who has helped you most this month?",
  "Tell me about your week.",
  "Walk me through how the release went.",
  "Describe a moment this week when you felt stuck.",
  "Help me understand what happened in the incident.",
  "Can you tell me more about that?",
  "Could you walk me through the design?",
  "Would you mind sharing how you got there?",
  "If you could change one thing, what would it be?",
  "Looking back on the quarter, what are you proudest of?",
  "How are you feeling about the reorg?",
  "What would make it a 10?",
  "What did you learn this month?",
  "What do you want to learn next?",
  "How can I help your progression?",
  "So, what's on your mind?",
  "Honestly, how are you doing?",
  "Hey Sam, how was your week?",
  "What's the right approach here, in your view?",
  "What would make this right?",
  "What shouldn't we change?",
  "Why not?",
  "Why didn't the deploy work?",
  "In what ways could I support you better?",
  "To what extent does the plan match your goals?",
  "How come the estimate changed?",
  "What's one thing you'd change about our 1:1s?",
  "Thoughts on the new process?",
  "What, if anything, is blocking you?",
  "What are you most excited about?",
  "Where do you need help?",
  "When you think about next year, what excites you?",
  "Whose work do you admire?",
  "How would you approach this?",
  "I'd love to hear how the offsite went.",
  "what’s been on your mind lately?",
  "Which of these options do you prefer, and why?",
  "Who else should we involve in the decision?",
];

describe("questionLint", () => {
  it("has enough cases to mean something", () => {
    expect(closed.length + leading.length).toBeGreaterThanOrEqual(40);
    expect(open.length).toBeGreaterThanOrEqual(40);
  });

  it.each(closed)("flags a closed question: %s", (text) => {
    const result = questionLint(text);
    expect(result).toMatchObject({ ok: false, code: "closed" });
  });

  it.each(leading)("flags a leading question: %s", (text) => {
    expect(questionLint(text)).toMatchObject({ ok: false, code: "leading" });
  });

  it.each(open)("lets an open question pass: %s", (text) => {
    expect(questionLint(text)).toEqual({ ok: true });
  });

  it.each(questionBank.map((q) => [q.id, q.text] as const))("passes every bank question: %s", (_id, text) => {
    expect(questionLint(text)).toEqual({ ok: true });
  });

  it.each([
    ["Is the project on track?", "How is the project going from where you sit?"],
    ["Are the sprints on track?", "How are the sprints going from where you sit?"],
    ["Everything going okay?", "How are things going for you this week?"],
    ["Are you happy?", "How are you feeling about work these days?"],
    ["Did you finish the migration?", "Where are you with the migration?"],
    ["Any questions?", "What questions do you have?"],
    ["Anything else?", "What else is on your mind?"],
    ["Do you need anything from me?", "What do you need from me this week?"],
    ["Do you have feedback for me?", "What feedback do you have for me?"],
    ["Can you finish the report by Friday?", "What would it take to finish the report by Friday?"],
    ["Does the plan make sense?", "What is still unclear about the plan?"],
    ["Do you feel supported?", "How supported do you feel?"],
    ["Any concerns about the plan?", "What concerns do you have about the plan?"],
    ["Why didn't you tell me earlier?", "What got in the way?"],
  ])("offers an open rewrite: %s", (text, rewrite) => {
    const result = questionLint(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rewrite).toBe(rewrite);
    expect(result.hint).toContain(`Try: '${rewrite}'`);
  });

  // The rewrite keeps what the question is about: auxiliary + subject + verb phrase, turned open.
  it.each([
    // be + subject + adjective: the adjective is what to grade.
    ["Is the workload manageable?", "How manageable is the workload?"],
    ["Were the interviews hard?", "How hard were the interviews?"],
    ["Is the roadmap clear to you?", "How clear is the roadmap to you?"],
    ["Is the head of sales happy?", "How happy is the head of sales?"],
    ["Is Sam's team happy with the tooling?", "How happy is Sam's team with the tooling?"],
    ["Were you involved in the decision?", "How involved were you in the decision?"],
    ["Are you busy?", "How busy are you?"],
    ["Are you happy with your workload?", "How do you feel about your workload?"],
    // be + subject + -ing: how it is going.
    ["Is the new hire settling in?", "How is the new hire settling in?"],
    ["Is the migration coming along?", "How is the migration coming along?"],
    ["Are you enjoying the new project?", "How are you finding the new project?"],
    // do + subject + verb that says how something went.
    ["Did the launch go well?", "How did the launch go?"],
    ["Did the interviews go as planned?", "How did the interviews go?"],
    ["Did the team handle the outage well?", "How did the team handle the outage?"],
    ["Does the new process work for you?", "How well does the new process work for you?"],
    ["Did Sam help with the rollout?", "How much did Sam help with the rollout?"],
    ["Did the design review help?", "How much did the design review help?"],
    ["Did it go well?", "How did it go?"],
    // have + subject + participle.
    ["Has the team settled in?", "How has the team settled in?"],
    ["Have you enjoyed the project?", "How have you found the project?"],
    ["Have you heard about the reorg?", "What have you heard about the reorg?"],
    ["Have you thought about the promotion?", "What are your thoughts on the promotion?"],
    ["Have you talked to Sam about it?", "What have you heard from Sam about it?"],
    // do + subject + opinion, knowledge or feeling.
    ["Do you like the new team?", "What do you think of the new team?"],
    ["Did you enjoy the conference?", "What did you think of the conference?"],
    ["Do the new hires like the team?", "What do the new hires think of the team?"],
    ["Do you like working with Sam?", "What is it like working with Sam?"],
    ["Does the team know about the reorg?", "What does the team know about the reorg?"],
    ["Do you understand the goals?", "What is still unclear about the goals?"],
    ["Do you feel ready for the review?", "How ready do you feel for the review?"],
    ["Does the plan seem realistic?", "How realistic does the plan seem?"],
    // Wishes and plans.
    ["Do you want to lead the migration?", "What would it mean for you to lead the migration?"],
    ["Are you going to apply for the role?", "What would it mean for you to apply for the role?"],
    ["Would you like to lead the offsite?", "What would it mean for you to lead the offsite?"],
    ["Does Sam want to join the platform team?", "What would it mean for Sam to join the platform team?"],
    // Modals.
    ["Will the new process work?", "How well do you think the new process will work?"],
    ["Could the team own the migration?", "What would it take for the team to own the migration?"],
    ["Will the release ship on time?", "What would it take for the release to ship on time?"],
    ["Can we ship on Friday?", "What would it take for us to ship on Friday?"],
    // Choices and existence.
    ["Is this the right approach?", "What do you think is the right approach?"],
    ["Are there any risks with the launch?", "What risks are there with the launch?"],
    // Past tense stays past.
    ["Was the week good?", "How did the week go from your side?"],
    // No verb it can keep: the subject stays, in the question's tense.
    ["Did Sam leave the team?", "How did things go with Sam?"],
    ["Have you had time to read the doc?", "How are things going with the doc?"],
    ["Should we split the team?", "What would you suggest for the team?"],
    ["Is the budget proposal final?", "How are things going with the budget proposal?"],
  ])("keeps the subject: %s", (text, rewrite) => {
    const result = questionLint(text);
    expect(result).toMatchObject({ ok: false, code: "closed", rewrite });
    expect(questionLint(rewrite), rewrite).toEqual({ ok: true });
  });

  it.each([
    ["Is it a problem?", "How do you see it?"],
    ["Will you be ok?", "What would you suggest?"],
    ["Do we need to hire?", "How do you see it?"],
    ["Was it a mistake?", "How did it go from your side?"],
  ])("falls back to a generic open question when there is no subject to keep: %s", (text, rewrite) => {
    expect(questionLint(text)).toMatchObject({ ok: false, code: "closed", rewrite });
  });

  it("keeps the subject of any auxiliary + subject + verb phrase it is given", () => {
    const nouns = [
      "project",
      "new team",
      "launch",
      "migration",
      "roadmap",
      "offsite",
      "design doc",
      "hiring plan",
    ];
    const determiners = ["the", "your", "our"];
    const shapes: readonly ((subject: string) => string)[] = [
      (s) => `Is ${s} on track?`,
      (s) => `Is ${s} clear to you?`,
      (s) => `Was ${s} useful?`,
      (s) => `Is ${s} going well?`,
      (s) => `Did ${s} go well?`,
      (s) => `Does ${s} work for you?`,
      (s) => `Has ${s} settled in?`,
      (s) => `Will ${s} work?`,
      (s) => `Could ${s} slip?`,
      (s) => `Do you like ${s}?`,
      (s) => `Did you enjoy ${s}?`,
      (s) => `Are you happy with ${s}?`,
      (s) => `Are you worried about ${s}?`,
      (s) => `Do you know about ${s}?`,
      (s) => `Have you heard about ${s}?`,
      (s) => `Did you finish ${s}?`,
      (s) => `Is ${s} done?`,
      (s) => `Have you talked to Sam about ${s}?`,
      (s) => `Should we change ${s}?`,
      (s) => `Did you read ${s}?`,
    ];
    // Every combination, so a shape that loses its subject fails here every time, not now and then.
    for (const noun of nouns)
      for (const determiner of determiners)
        for (const shape of shapes) {
          const question = shape(`${determiner} ${noun}`);
          const result = questionLint(question);
          expect(result, question).toMatchObject({ ok: false, code: "closed" });
          if (result.ok) continue;
          const rewrite = result.rewrite ?? "";
          expect(rewrite, question).toContain(noun);
          expect(rewrite, question).toMatch(/^[A-Z][^?]*\?$/);
          expect(questionLint(rewrite), `${question} → ${rewrite}`).toEqual({ ok: true });
        }
  });

  it("offers only open single questions as rewrites, whatever yes/no question it is given", () => {
    const auxiliary = fc.constantFrom(
      "Is",
      "Are",
      "Was",
      "Did",
      "Does",
      "Do",
      "Has",
      "Have",
      "Will",
      "Could",
      "Should",
    );
    const word = fc.constantFrom(
      ...`the your our you we it Sam team launch plan review going well happy clear to with about of like
      know want feel settling settled work help go lead new hire doc a any there on track done ready think`.split(
        /\s+/,
      ),
    );
    fc.assert(
      fc.property(auxiliary, fc.array(word, { minLength: 1, maxLength: 7 }), (aux, words) => {
        const question = `${aux} ${words.join(" ")}?`;
        const result = questionLint(question);
        if (result.ok || result.rewrite === undefined) return;
        expect(result.rewrite, question).toMatch(/^[A-Z][^?]*\?$/);
        expect(questionLint(result.rewrite), `${question} → ${result.rewrite}`).toEqual({ ok: true });
      }),
      { numRuns: 2000 },
    );
  });

  it("every rewrite it offers passes its own lint", () => {
    for (const text of [...closed, ...leading]) {
      const result = questionLint(text);
      if (!result.ok && result.rewrite)
        expect(questionLint(result.rewrite), result.rewrite).toEqual({ ok: true });
    }
  });

  it("flags two questions asked at once, suggesting the first", () => {
    const result = questionLint("What went well? What would you change?");
    expect(result).toMatchObject({ ok: false, code: "double", rewrite: "What went well?" });
  });

  it("reports the closed part of a mixed pair", () => {
    expect(questionLint("What's up this week? Anything blocking you?")).toMatchObject({
      ok: false,
      code: "closed",
    });
  });

  it.each(["", "   ", "Project status", "Notes from the offsite."])(
    "does not nag about non-questions: %j",
    (text) => {
      expect(questionLint(text)).toEqual({ ok: true });
    },
  );

  it("gives a message and a hint whenever it flags", () => {
    for (const text of [...closed, ...leading]) {
      const result = questionLint(text);
      if (result.ok) throw new Error(text);
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.hint).toMatch(/Try: '.+'/);
    }
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = questionLint(text);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
    expect(questionLint(undefined as unknown as string)).toEqual({ ok: true });
    expect(questionLint(null as unknown as string)).toEqual({ ok: true });
  });

  // Pathological input must not send a pattern into runaway backtracking; an answer comes back for each.
  it("answers long, adversarial input", () => {
    for (const odd of [
      `${"why , , , ".repeat(20_000)}right?`,
      "is ".repeat(50_000),
      `${"a".repeat(100_000)}?`,
      `${"?".repeat(100_000)}x`,
      `Is it ${".".repeat(100_000)}x?`,
      `How great was ${"?".repeat(100_000)}x?`,
      `Is the plan${" ok".repeat(30_000)}?`,
      `${"isn't it?".repeat(10_000)}`,
    ])
      expect(typeof questionLint(odd).ok).toBe("boolean");
  });
});
