import { describe, expect, it } from "vitest";
import { purposeLabels, questionBank, questionPurposes } from "@/lib/questions";

describe("questionBank", () => {
  it("holds well over a hundred questions", () => {
    expect(questionBank.length).toBeGreaterThanOrEqual(110);
  });

  it("has unique ids, each a slug under its purpose", () => {
    const ids = questionBank.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of questionBank)
      expect(q.id).toMatch(new RegExp(`^${q.purpose}\\.[a-z0-9]+(?:-[a-z0-9]+)*$`));
  });

  it("has unique wordings", () => {
    const texts = questionBank.map((q) => q.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(questionPurposes)("has at least twelve %s questions", (purpose) => {
    expect(questionBank.filter((q) => q.purpose === purpose).length).toBeGreaterThanOrEqual(12);
  });

  it.each([
    "What is the hardest part of your job right now?",
    "What do you need from me this week?",
    "What would success look like for you this quarter?",
    "What feedback do you have for me?",
  ])("includes the method's question verbatim: %s", (text) => {
    expect(questionBank.map((q) => q.text)).toContain(text);
  });

  it("labels every purpose", () => {
    expect(Object.keys(purposeLabels).sort()).toEqual([...questionPurposes].sort());
  });

  it("asks one question per entry, ending with a question mark", () => {
    for (const q of questionBank) {
      expect(q.text.trim()).toBe(q.text);
      expect(q.text.match(/\?/g)?.length, q.text).toBe(1);
      expect(q.text.endsWith("?"), q.text).toBe(true);
    }
  });
});
