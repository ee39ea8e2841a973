import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  currentRows,
  formatHlc,
  type Hlc,
  initialHlc,
  mergeRows,
  nextVersion,
  type RowChange,
  type RowHeads,
  type RowVersion,
  receive,
  rowKey,
  rowVersionSchema,
  tick,
} from "@/lib/sync";

const NOW = Date.parse("2026-10-14T12:00:00Z");
const A = "aaaaaaaa";
const B = "bbbbbbbb";
const C = "cccccccc";
const NOTES = { meetings: "notes" };

/** One device as the database will be: its clock, its rows' heads, and what it has written. */
class Device {
  clock: Hlc;
  state: RowHeads = new Map();
  written: RowVersion[] = [];
  constructor(readonly id: string) {
    this.clock = initialHlc(id);
  }

  change(change: RowChange, now: number): RowVersion {
    this.clock = tick(this.clock, now);
    const heads = this.state.get(rowKey(change.table, change.id)) ?? [];
    const version = nextVersion(heads, change, formatHlc(this.clock), this.id);
    this.state = mergeRows(this.state, [version]);
    this.written.push(version);
    return version;
  }

  note(id: string, notes: string, now: number) {
    return this.change({ table: "meetings", id, data: { notes } }, now);
  }

  receive(versions: readonly RowVersion[], now: number) {
    for (const version of versions) {
      const [wall, counter, device] = version.hlc.split("-") as [string, string, string];
      this.clock = receive(
        this.clock,
        { wall: Number.parseInt(wall, 16), counter: Number.parseInt(counter, 16), device },
        now,
      );
    }
    this.state = mergeRows(this.state, versions);
  }
}

const view = (state: RowHeads) => {
  const { rows, conflicts } = currentRows(state, NOTES);
  return {
    rows: Object.fromEntries([...rows].sort(([a], [b]) => a.localeCompare(b))),
    conflicts: conflicts.map((c) => `${c.copyId}:${c.text}`).sort(),
  };
};

describe("last writer wins per row", () => {
  it("takes the later stamp, whichever arrives first", () => {
    const a = new Device(A);
    const b = new Device(B);
    const older = a.change({ table: "people", id: "p1", data: { name: "Ana" } }, NOW);
    const newer = b.change({ table: "people", id: "p1", data: { name: "Ana López" } }, NOW + 5);
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      expect(currentRows(mergeRows(new Map(), order)).rows.get("people/p1")?.data).toEqual({
        name: "Ana López",
      });
    }
  });

  it("breaks a tie of wall clock and counter by device id, the same on every device", () => {
    const a = new Device(A);
    const b = new Device(B);
    const fromA = a.change({ table: "people", id: "p1", data: { name: "from a" } }, NOW);
    const fromB = b.change({ table: "people", id: "p1", data: { name: "from b" } }, NOW);
    a.receive([fromB], NOW);
    b.receive([fromA], NOW);
    expect(currentRows(a.state).rows.get("people/p1")?.data).toEqual({ name: "from b" });
    expect(view(a.state)).toEqual(view(b.state));
  });

  it("keeps a newer edit made over an older one without calling it a conflict", () => {
    const a = new Device(A);
    const b = new Device(B);
    b.receive([a.note("m1", "Agenda", NOW)], NOW + 1);
    const edit = b.note("m1", "Agenda\n- promotion case", NOW + 2);
    a.receive([edit], NOW + 3);
    expect(view(a.state)).toEqual({ rows: { "meetings/m1": edit }, conflicts: [] });
  });

  it("ignores an old version that arrives after a newer one made over it, and the same batch twice", () => {
    const a = new Device(A);
    const first = a.note("m1", "draft", NOW);
    const second = a.note("m1", "final", NOW + 1);
    const state = mergeRows(mergeRows(new Map(), [second, first]), [first, second]);
    expect(state.get("meetings/m1")).toEqual([second]);
  });
});

describe("deletes", () => {
  it("win over an older write made concurrently, and lose to a newer one", () => {
    const a = new Device(A);
    const b = new Device(B);
    const created = a.change({ table: "people", id: "p1", data: { name: "Ana" } }, NOW);
    b.receive([created], NOW);
    const rename = a.change({ table: "people", id: "p1", data: { name: "Ana L." } }, NOW + 1);
    const deleted = b.change({ table: "people", id: "p1", deleted: true }, NOW + 2);
    const state = mergeRows(new Map(), [created, deleted, rename]);
    expect(currentRows(state).rows.get("people/p1")?.deleted).toBe(true);
    const late = a.change({ table: "people", id: "p1", data: { name: "Ana López" } }, NOW + 3);
    expect(currentRows(mergeRows(state, [late])).rows.get("people/p1")?.data).toEqual({ name: "Ana López" });
  });

  it("that saw an edit remove the row with no conflict", () => {
    const a = new Device(A);
    const b = new Device(B);
    b.receive([a.note("m1", "notes", NOW)], NOW);
    const deleted = b.change({ table: "meetings", id: "m1", deleted: true }, NOW + 1);
    a.receive([deleted], NOW + 2);
    expect(view(a.state).conflicts).toEqual([]);
    expect(currentRows(a.state).rows.get("meetings/m1")?.deleted).toBe(true);
  });
});

describe("meeting notes edited on two devices while apart", () => {
  function apart() {
    const a = new Device(A);
    const b = new Device(B);
    const base = a.note("m1", "Growth: wants to lead the next project", NOW);
    b.receive([base], NOW);
    const fromA = a.note("m1", "Growth: wants to lead the next project\n- pair with Jo", NOW + 10);
    const fromB = b.note("m1", "Growth: wants to lead the project after next", NOW + 20);
    return { a, b, base, fromA, fromB };
  }

  it("keep both texts: the later as the note, the other as a conflict copy, on both devices", () => {
    const { a, b, fromA, fromB } = apart();
    a.receive([fromB], NOW + 30);
    b.receive([fromA], NOW + 30);
    const onA = view(a.state);
    expect(onA).toEqual(view(b.state));
    expect(onA.rows["meetings/m1"]?.data).toEqual({ notes: "Growth: wants to lead the project after next" });
    expect(onA.conflicts).toEqual([`m1~${fromA.hlc}:Growth: wants to lead the next project\n- pair with Jo`]);
  });

  it("keep the text of an edit that lost to a delete", () => {
    const a = new Device(A);
    const b = new Device(B);
    b.receive([a.note("m1", "first words", NOW)], NOW);
    const edit = a.note("m1", "first words, and more", NOW + 1);
    b.change({ table: "meetings", id: "m1", deleted: true }, NOW + 2);
    b.receive([edit], NOW + 3);
    const { rows, conflicts } = currentRows(b.state, NOTES);
    expect(rows.get("meetings/m1")?.deleted).toBe(true);
    expect(conflicts.map((c) => c.text)).toEqual(["first words, and more"]);
  });

  it("settle once a device writes the note after keeping the conflict copy", () => {
    const { a, b, fromA, fromB } = apart();
    a.receive([fromB], NOW + 30);
    const settled = a.note("m1", "merged by hand", NOW + 40);
    b.receive([fromA, settled], NOW + 50);
    expect(view(b.state)).toEqual({ rows: { "meetings/m1": settled }, conflicts: [] });
  });

  it("are not a conflict when both wrote the same text", () => {
    const a = new Device(A);
    const b = new Device(B);
    a.note("m1", "same", NOW);
    b.note("m1", "same", NOW + 1);
    expect(view(mergeRows(new Map(), [...a.written, ...b.written])).conflicts).toEqual([]);
  });
});

const opArb = fc.oneof(
  fc.record({
    kind: fc.constant("note" as const),
    device: fc.nat(2),
    id: fc.constantFrom("m1", "m2"),
    text: fc.constantFrom("", "Ana", "Ana: promotion case", "Jo's growth plan", "Überblick"),
  }),
  fc.record({
    kind: fc.constant("delete" as const),
    device: fc.nat(2),
    id: fc.constantFrom("m1", "m2", "p1"),
  }),
  fc.record({
    kind: fc.constant("person" as const),
    device: fc.nat(2),
    name: fc.constantFrom("Ana", "Jo", "Zoë"),
  }),
  fc.record({ kind: fc.constant("sync" as const), from: fc.nat(2), to: fc.nat(2) }),
  fc.record({ kind: fc.constant("clock" as const), step: fc.integer({ min: -2000, max: 5000 }) }),
);

type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function run(ops: Op[]): Device[] {
  const devices = [new Device(A), new Device(B), new Device(C)];
  let now = NOW;
  for (const op of ops) {
    if (op.kind === "clock") now += op.step;
    else if (op.kind === "sync")
      (devices[op.to] as Device).receive((devices[op.from] as Device).written, now);
    else {
      const device = devices[op.device] as Device;
      if (op.kind === "note") device.note(op.id, op.text, now);
      else if (op.kind === "person")
        device.change({ table: "people", id: "p1", data: { name: op.name } }, now);
      else device.change({ table: op.id === "p1" ? "people" : "meetings", id: op.id, deleted: true }, now);
    }
  }
  return devices;
}

describe("merging batches from any number of devices", () => {
  it("ends the same whatever order the batches arrive in, and however often", () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 10 }),
        fc.infiniteStream(fc.nat()),
        (ops, chunkSizes, picks) => {
          const devices = run(ops);
          // Each device's versions cut into batches, as it would upload them.
          const batches: RowVersion[][] = [];
          for (const device of devices) {
            for (let at = 0, i = 0; at < device.written.length; i++) {
              const size = chunkSizes[i % chunkSizes.length] as number;
              batches.push(device.written.slice(at, at + size));
              at += size;
            }
          }
          for (const version of batches.flat()) rowVersionSchema.parse(version);
          const inOrder = view(mergeRows(new Map(), batches.flat()));
          const it = picks[Symbol.iterator]();
          const pick = () => it.next().value as number;
          const shuffled = [...batches];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = pick() % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as RowVersion[], shuffled[i] as RowVersion[]];
          }
          const repeated = shuffled.flatMap((b) => (pick() % 3 === 0 ? [b, b] : [b]));
          let state: RowHeads = new Map();
          for (const b of repeated) state = mergeRows(state, b);
          expect(view(state)).toEqual(inOrder);
          // Every device that receives everything ends with that same state.
          for (const device of devices) {
            device.receive(
              devices.flatMap((d) => d.written),
              NOW + 10_000_000,
            );
            expect(view(device.state)).toEqual(inOrder);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never loses the text of a note version that no later version was made over", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const devices = run(ops);
        const all = devices.flatMap((d) => d.written);
        const state = mergeRows(new Map(), all);
        const { rows, conflicts } = currentRows(state, NOTES);
        for (const version of all) {
          if (version.table !== "meetings" || !version.data) continue;
          const text = version.data.notes as string;
          const supersededBy = all.some(
            (other) => other !== version && (other.seen[version.device] ?? "") >= version.hlc,
          );
          if (supersededBy || text === "") continue;
          const kept =
            rows.get(rowKey("meetings", version.id))?.data?.notes === text ||
            conflicts.some((c) => c.id === version.id && c.text === text);
          if (!kept) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
