import type { PromotionGap } from "@/lib/templates";

/** One item per line; blank lines and list bullets people paste from docs are dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .filter(Boolean);
}

/**
 * "Design ownership: a design doc reviewed by staff; a rollout plan" is one gap with the
 * evidence needed after the colon, one piece per semicolon. Without a colon the gap is named
 * and its evidence is still to be agreed.
 */
export function gapsOf(text: string): PromotionGap[] {
  return linesOf(text).map((line) => {
    const colon = line.indexOf(":");
    if (colon < 0) return { expectation: line, evidenceNeeded: [] };
    return {
      expectation: line.slice(0, colon).trim(),
      evidenceNeeded: line
        .slice(colon + 1)
        .split(";")
        .map((e) => e.trim())
        .filter(Boolean),
    };
  });
}
