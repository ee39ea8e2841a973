import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailSkeleton, isStoredEmail, lookAlikeEmails, normalizeEmail } from "@/lib/detection";

describe("normalizeEmail: the one rule for an address", () => {
  it.each([
    ["Priya@Example.com", "priya@example.com"],
    ["  priya@example.com \n", "priya@example.com"],
    ["pri\u200Bya@exam\u200Dple.com", "priya@example.com"],
    ["\uFEFFpriya@example.com\u2060", "priya@example.com"],
    ["priya\u00AD@example.com", "priya@example.com"],
    // "é" typed as e + combining accent is stored composed, as a keyboard would give it
    ["jose\u0301@example.com", "jos\u00E9@example.com"],
    ["JOSÉ@EXÄMPLE.COM", "josé@exämple.com"],
    ["李雷@例え.jp", "李雷@例え.jp"],
    ["user@xn--bcher-kva.example", "user@xn--bcher-kva.example"],
    // A Cyrillic "і" is another letter: kept, as a different address
    ["\u0456van@example.com", "\u0456van@example.com"],
    ["o'brien+1on1@example.co.uk", "o'brien+1on1@example.co.uk"],
  ])("%j is stored as %j", (raw, stored) => {
    expect(normalizeEmail(raw)).toBe(stored);
    expect(isStoredEmail(stored)).toBe(true);
  });

  it.each([
    ["no at sign", "priya.example.com"],
    ["two at signs", "priya@@example.com"],
    ["no domain dot", "priya@localhost"],
    ["an empty label", "priya@example..com"],
    ["a space inside", "pri ya@example.com"],
    ["a line break inside", "priya@exa\nmple.com"],
    ["angle brackets", "<priya@example.com>"],
    ["a name and address", "Priya Raman <priya@example.com>"],
    ["only invisible characters", "\u200B\u200B"],
    ["too long", `${"a".repeat(320)}@example.com`],
    ["not text", 42],
  ])("refuses %s", (_name, raw) => {
    expect(normalizeEmail(raw)).toBeUndefined();
  });

  it("is stable: a stored address stored again never changes", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 30 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        (local, domain) => {
          const once = normalizeEmail(`${local}@${domain}.com`);
          if (once !== undefined) expect(normalizeEmail(once)).toBe(once);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("look-alike addresses", () => {
  it("finds an address with letters of another script that reads like someone else's", () => {
    const latin = "ivan@example.com";
    const cyrillic = "\u0456van@example.com";
    expect(emailSkeleton(cyrillic)).toBe(emailSkeleton(latin));
    const alike = lookAlikeEmails([latin, cyrillic, "priya@example.com"]);
    expect(alike.get(cyrillic)).toEqual([latin]);
    expect(alike.get(latin)).toEqual([cyrillic]);
    expect(alike.has("priya@example.com")).toBe(false);
  });

  it("pairs an accented address with the one written without the accent", () => {
    expect(lookAlikeEmails(["josé@example.com", "jose@example.com"]).get("josé@example.com")).toEqual([
      "jose@example.com",
    ]);
  });

  it("leaves different people alone", () => {
    expect(lookAlikeEmails(["ana@example.com", "anna@example.com", "ana@example.org"]).size).toBe(0);
  });
});
