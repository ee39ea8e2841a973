import fc from "fast-check";
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

  it("gives back a row already in order as it is, and copies one that isn't", () => {
    const row = { id: "x", personId: "p", a: 1, list: [1, { b: 2, c: 3 }], z: "last" };
    expect(canonicalRecord(row)).toBe(row);
    const nested = { id: "x", list: [1, { c: 3, b: 2 }] };
    const done = canonicalRecord(nested);
    expect(done).not.toBe(nested);
    expect(JSON.stringify(done)).toBe('{"id":"x","list":[1,{"b":2,"c":3}]}');
    // The row read stays as it was.
    expect(Object.keys(nested.list[1] as object)).toEqual(["c", "b"]);
  });

  it("writes any value as sorting every object's keys would", () => {
    /** What a backup row must serialize to: every object's keys sorted, id and personId first. */
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sorted);
      if (typeof value !== "object" || value === null) return value;
      const rank = (key: string) => (key === "id" ? 0 : key === "personId" ? 1 : 2);
      const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
      const out: Record<string, unknown> = {};
      for (const key of keys)
        Object.defineProperty(out, key, {
          value: sorted((value as Record<string, unknown>)[key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    };
    const key = fc.oneof(fc.constantFrom("id", "personId", "a", "b", "__proto__", ""), fc.string());
    const leaf = fc.oneof(
      fc.constant(undefined),
      fc.constant(-0),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
      array: fc.array(tie("tree"), { maxLength: 4 }),
      object: fc.dictionary(key, tie("tree"), { maxKeys: 5 }),
    }));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (rows) => {
        // Several rows in a row, as a backup reads them, so remembered shapes are put to use.
        for (const row of rows)
          expect(JSON.stringify(canonicalRecord(row))).toBe(JSON.stringify(sorted(row)));
      }),
    );
  });
});
