import { describe, expect, it } from "vitest";
import { isTypable, samplePayloads, xssPayloads, xssTexts } from "../../fixtures/xss/payloads";

describe("XSS corpus", () => {
  it("has at least 200 distinct payloads, with every kind represented", () => {
    expect(new Set(xssTexts).size).toBe(xssTexts.length);
    expect(xssTexts.length).toBeGreaterThanOrEqual(200);
    const categories = new Set(xssPayloads.map((p) => p.category));
    expect([...categories].sort()).toEqual([
      "breakout",
      "encoded",
      "frame",
      "handler",
      "long",
      "prototype",
      "script",
      "svg-mathml",
      "template",
      "unicode",
      "url",
    ]);
  });

  it("samples across categories, keeping only what the filter accepts", () => {
    const sample = samplePayloads(20, (t) => isTypable(t));
    expect(sample).toHaveLength(20);
    expect(sample.every((t) => isTypable(t))).toBe(true);
    expect(new Set(sample.map((t) => xssPayloads.find((p) => p.text === t)?.category)).size).toBe(11);
  });
});
