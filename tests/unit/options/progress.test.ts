import { describe, expect, it } from "vitest";
import { formatCount, formatTimeLeft, timeLeft } from "@/entrypoints/options/progress";

describe("the time an import has left", () => {
  it("goes by the pace so far", () => {
    // A quarter written in 10 s: three quarters to go at the same pace.
    expect(timeLeft(25_000, 100_000, 10_000)).toBe(30_000);
  });

  it("says nothing before anything is written, nor once everything is", () => {
    expect(timeLeft(0, 100_000, 5_000)).toBeUndefined();
    expect(timeLeft(100_000, 100_000, 40_000)).toBeUndefined();
    expect(timeLeft(0, 0, 0)).toBeUndefined();
  });

  it("is written in seconds, rounded up and never zero, then in minutes", () => {
    expect(formatTimeLeft(200, "en")).toBe("1 second");
    expect(formatTimeLeft(11_100, "en")).toBe("12 seconds");
    expect(formatTimeLeft(89_000, "en")).toBe("89 seconds");
    expect(formatTimeLeft(150_000, "en")).toBe("3 minutes");
    expect(formatTimeLeft(12_000, "de")).toBe("12 Sekunden");
  });

  it("writes counts as the language writes numbers", () => {
    expect(formatCount(12_345, "en")).toBe("12,345");
    expect(formatCount(12_345, "de")).toBe("12.345");
  });
});
