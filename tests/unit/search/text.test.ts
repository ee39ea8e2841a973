import { describe, expect, it } from "vitest";
import {
  fold,
  highlight,
  matcher,
  newIndex,
  type SearchDocument,
  scanDocuments,
  searchIndex,
  shardInRange,
  snippet,
  type TextPart,
  termMatches,
  withinEdits,
} from "@/lib/search";

const marked = (parts: TextPart[]) => parts.filter((p) => p.match).map((p) => p.text);
const joined = (parts: TextPart[]) => parts.map((p) => p.text).join("");

describe("fold", () => {
  it.each([
    ["José", "jose"],
    ["NÚÑEZ", "nunez"],
    ["Straße", "strasse"],
    ["Søren", "soren"],
    ["Łukasz", "lukasz"],
    ["ﬁle", "file"],
    ["Ærø", "aero"],
  ])("%s → %s", (word, folded) => expect(fold(word)).toBe(folded));
});

describe("typo tolerance", () => {
  it.each([
    ["managment", "management", true],
    ["feedbak", "feedback", true],
    ["budgt", "budget", true],
    ["bugdet", "budget", false],
    ["cat", "cut", false],
    ["plan", "plant", true],
    ["offsite", "onsite", false],
  ])("%s finds %s: %s", (query, word, expected) => expect(termMatches(query, word)).toBe(expected));

  it("counts edits as Levenshtein does", () => {
    expect(withinEdits("kitten", "sitting", 3)).toBe(true);
    expect(withinEdits("kitten", "sitting", 2)).toBe(false);
  });
});

describe("highlight and snippet", () => {
  it("marks the words the search found and the words a query term begins", () => {
    const parts = highlight("José asked about the Management offsite.", matcher(["management"], ["jose"]));
    expect(marked(parts)).toEqual(["José", "Management"]);
    expect(joined(parts)).toBe("José asked about the Management offsite.");
  });

  it("cuts a long text around the first match, on whole words", () => {
    const text = `${"lorem ipsum ".repeat(30)}the budget is stuck ${"dolor sit ".repeat(30)}`;
    const parts = snippet(text, matcher([], ["budget"]), 30);
    expect(parts[0]).toEqual({ text: "…", match: false });
    expect(parts.at(-1)).toEqual({ text: "…", match: false });
    expect(marked(parts)).toEqual(["budget"]);
    const shown = joined(parts);
    expect(shown.length).toBeLessThan(80);
    expect(shown).toMatch(/^…(lorem|ipsum) /);
    expect(shown).toMatch(/ (dolor|sit)…$/);
  });

  it("keeps hostile text as text: no part turns into markup", () => {
    const text = '<img src=x onerror="alert(1)"> <script>steal()</script> budget';
    const parts = highlight(text, matcher([], ["script", "budget"]));
    expect(joined(parts)).toBe(text);
    expect(marked(parts)).toEqual(["script", "script", "budget"]);
  });
});

const docs: SearchDocument[] = [
  { id: "person:p1", kind: "person", rowId: "p1", personId: "p1", text: "José Núñez" },
  {
    id: "note:m1",
    kind: "note",
    rowId: "m1",
    personId: "p1",
    meetingId: "m1",
    date: 100,
    text: "Talked about management training and the offsite.",
  },
  {
    id: "action:a1",
    kind: "action",
    rowId: "a1",
    personId: "p1",
    meetingId: "m1",
    date: 110,
    text: "Send the managers' guide",
  },
  {
    id: "feedback:f1",
    kind: "feedback",
    rowId: "f1",
    personId: "p2",
    date: 200,
    text: "In the design review — you interrupted — it was hard",
  },
  {
    id: "plan:g1",
    kind: "plan",
    rowId: "g1",
    personId: "p2",
    date: 300,
    text: "Lead the migration — pair with Ana",
  },
];

describe.each([
  [
    "the index",
    (q: string, f = {}) => {
      const index = newIndex();
      index.addAll(docs);
      return searchIndex(index, q, f, 100);
    },
  ],
  ["the scan", (q: string, f = {}) => scanDocuments(docs, q, f, 100)],
])("searching through %s", (_, search) => {
  const ids = (q: string, f = {}) =>
    search(q, f)
      .map((h) => h.id)
      .sort();

  it("folds accents: jose finds José", () => expect(ids("jose")).toEqual(["person:p1"]));
  it("finds by prefix", () => expect(ids("manag")).toEqual(["action:a1", "note:m1"]));
  it("forgives a typo", () => expect(ids("managment")).toContain("note:m1"));
  it("needs every word", () => expect(ids("management offsite")).toEqual(["note:m1"]));
  it("finds nothing for a word nowhere", () => expect(ids("zebra")).toEqual([]));
  it("asks for more than one letter", () => expect(ids("m")).toEqual([]));
  it("filters by person, kind and date", () => {
    expect(ids("the", { personId: "p2" })).toEqual(["feedback:f1", "plan:g1"]);
    expect(ids("the", { kind: "item" })).toEqual(["action:a1"]);
    expect(ids("the", { kind: "note" })).toEqual(["note:m1"]);
    expect(ids("the", { from: 150, to: 250 })).toEqual(["feedback:f1"]);
  });
  it("says which words it found, folded", () => {
    const [hit] = search("managment");
    expect(hit?.found).toContain("management");
  });
});

describe("which years a date filter reads", () => {
  const y2025 = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 11, 31, 23, 59) };
  it("reads only the years the range touches", () => {
    expect(["undated", "2026", "2025", "2024"].filter((k) => shardInRange(k, y2025))).toEqual(["2025"]);
    expect(shardInRange("2024", { from: Date.UTC(2024, 11, 31, 23) })).toBe(true);
    expect(shardInRange("2024", { from: Date.UTC(2025, 0, 1) })).toBe(false);
    expect(shardInRange("2026", { to: Date.UTC(2025, 11, 31, 23, 59) })).toBe(false);
  });
  it("reads every year, and the names, without one", () => {
    expect(["undated", "2026", "1999"].every((k) => shardInRange(k, {}))).toBe(true);
  });
});
