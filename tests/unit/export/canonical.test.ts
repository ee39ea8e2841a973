import { describe, expect, it } from "vitest";
import { canonicalRecord, sameRecord } from "@/lib/export/canonical";

describe("canonicalRecord", () => {
  it("puts id and personId first, then the other keys in code-unit order, dropping undefined", () => {
    const row = canonicalRecord({ zeta: 1, personId: "p", b: undefined, id: "x", a: -0 });
    expect(Object.keys(row)).toEqual(["id", "personId", "a", "zeta"]);
    expect(Object.is(row.a, 0)).toBe(true);
  });

  it("tells apart key lists that would read the same if joined", () => {
    // Shapes are remembered; none of these may be mistaken for another.
    expect(JSON.stringify(canonicalRecord({}))).toBe("{}");
    expect(JSON.stringify(canonicalRecord({ "": "" }))).toBe('{"":""}');
    expect(Object.keys(canonicalRecord({ "a\u0000b": 1, c: 2 }))).toEqual(["a\u0000b", "c"]);
    expect(Object.keys(canonicalRecord({ a: 1, "b\u0000c": 2 }))).toEqual(["a", "b\u0000c"]);
    expect(Object.keys(canonicalRecord({ c: 1, b: 2, a: 3 }))).toEqual(["a", "b", "c"]);
    expect(Object.keys(canonicalRecord({ b: 1, a: 2, c: 3 }))).toEqual(["a", "b", "c"]);
  });

  it("keeps a key named __proto__ as plain data, nested too", () => {
    const row = canonicalRecord(JSON.parse('{"id":"x","answers":{"__proto__":"hi","a":"b"}}'));
    expect(Object.getPrototypeOf(row.answers)).toBe(Object.prototype);
    expect(Object.keys(row.answers)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(row)).toBe('{"id":"x","answers":{"__proto__":"hi","a":"b"}}');
  });

  it("compares rows by content, not key order", () => {
    expect(
      sameRecord({ id: "x", a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1, id: "x" }),
    ).toBe(true);
    expect(sameRecord({ id: "x", a: 1 }, { id: "x", a: 2 })).toBe(false);
    expect(sameRecord({ id: "x", a: undefined }, { id: "x" })).toBe(true);
  });
});
