import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { confirmBatch, ingest, PrepDatabase, saveMeetingNotes, startSyncing, takeBatch } from "@/lib/db";
import type { RowVersion } from "@/lib/sync";
import { sampleRows, snapshot, writeRows } from "../export/sample";

let n = 0;

interface Device {
  db: PrepDatabase;
  /** every batch this device uploaded, in order */
  uploaded: RowVersion[][];
}

async function devices(count: number): Promise<Device[]> {
  const key = (await crypto.subtle.importKey("raw", new Uint8Array(32), "HKDF", false, [
    "deriveKey",
  ])) as CryptoKey;
  const made: Device[] = [];
  for (let i = 0; i < count; i++) {
    const db = new PrepDatabase(`converge-${++n}-${i}`);
    await startSyncing(db, `device${i}xyz`, { keyId: "k", key });
    made.push({ db, uploaded: [] });
  }
  // Every device starts from the same rows, as after a first sync.
  const [first] = made as [Device];
  await writeRows(first.db, sampleRows());
  await upload(first);
  for (const other of made.slice(1)) await ingest(other.db, first.uploaded.flat(), {});
  return made;
}

async function upload(device: Device) {
  await ingest(device.db, [], {});
  for (;;) {
    const batch = await takeBatch(device.db, 1000);
    if (!batch) return;
    device.uploaded.push(batch.rows);
    await confirmBatch(device.db, batch.seq);
  }
}

/** Even ids are items every device has from the start; odd ones are made during the run. */
const itemId = (id: number) => (id % 2 === 0 ? (id === 0 ? "ai-1" : "ai-2") : `i-${id}`);

type Step =
  | { kind: "notes"; device: number; text: string }
  | { kind: "item"; device: number; id: number }
  | { kind: "tick"; device: number; id: number }
  | { kind: "drop"; device: number; id: number }
  | { kind: "rename"; device: number; name: string }
  /** `to` downloads some of what `from` has uploaded so far: batches arrive late and out of turn */
  | { kind: "exchange"; from: number; to: number; upTo: number };

const step = (count: number): fc.Arbitrary<Step> => {
  const device = fc.integer({ min: 0, max: count - 1 });
  return fc.oneof(
    fc.record({ kind: fc.constant("notes" as const), device, text: fc.string({ maxLength: 12 }) }),
    fc.record({ kind: fc.constant("item" as const), device, id: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant("tick" as const), device, id: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant("drop" as const), device, id: fc.integer({ min: 0, max: 3 }) }),
    fc.record({
      kind: fc.constant("rename" as const),
      device,
      name: fc.string({ minLength: 1, maxLength: 8 }),
    }),
    fc.record({
      kind: fc.constant("exchange" as const),
      from: device,
      to: device,
      upTo: fc.integer({ min: 0, max: 20 }),
    }),
  );
};

async function run(all: Device[], s: Step) {
  if (s.kind === "exchange") {
    const from = all[s.from] as Device;
    const to = all[s.to] as Device;
    if (from === to) return;
    await upload(from);
    await ingest(to.db, from.uploaded.slice(0, s.upTo).flat(), {});
    return;
  }
  const { db } = all[s.device] as Device;
  switch (s.kind) {
    case "notes":
      await saveMeetingNotes(db, "m-1", s.text);
      return;
    case "item":
      await db.actionItems.put({
        id: itemId(s.id),
        personId: "p-priya",
        meetingId: "m-1",
        text: `Item ${s.id}`,
        owner: "me",
        createdAt: 1,
      } as never);
      return;
    case "tick":
      await db.actionItems.update(itemId(s.id), { doneAt: 2 });
      return;
    case "drop":
      await db.actionItems.delete(itemId(s.id));
      return;
    case "rename":
      await db.people.update("p-priya", { displayName: s.name });
      return;
  }
}

/** Everyone uploads, then everyone reads everyone, twice: what settling a conflict wrote travels too. */
async function settle(all: Device[]) {
  for (let round = 0; round < 3; round++) {
    for (const device of all) await upload(device);
    for (const to of all)
      for (const from of all) if (from !== to) await ingest(to.db, from.uploaded.flat(), {});
  }
}

describe("sync across devices converges", () => {
  it("any edits on three devices, with batches read late, partly and out of turn, end the same everywhere", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step(3), { minLength: 1, maxLength: 14 }), async (steps) => {
        const all = await devices(3);
        try {
          for (const s of steps) await run(all, s);
          await settle(all);
          const [first, ...rest] = await Promise.all(all.map((d) => snapshot(d.db)));
          for (const other of rest) expect(other).toEqual(first);
        } finally {
          await Promise.all(all.map((d) => d.db.delete()));
        }
      }),
      {
        numRuns: 25,
        examples: [
          // Two devices clear the notes while a third writes: settling {clear, write} and
          // {clear, write, clear} gave different rows, and each device's settling outranked the last.
          [
            [
              { kind: "notes", device: 1, text: "" },
              { kind: "notes", device: 0, text: "!" },
              { kind: "notes", device: 2, text: "" },
            ],
          ],
        ],
      },
    );
  });

  it("notes written on every device while apart are all kept, on every device", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ""),
          {
            minLength: 3,
            maxLength: 3,
            selector: (t) => t.trim(),
          },
        ),
        async (texts) => {
          const all = await devices(3);
          try {
            for (const [i, text] of texts.entries())
              await saveMeetingNotes((all[i] as Device).db, "m-1", text);
            await settle(all);
            for (const { db } of all) {
              const meeting = await db.meetings.get("m-1");
              const kept = [meeting?.notes, ...(meeting?.otherVersions ?? []).map((v) => v.text)];
              for (const text of texts) expect(kept).toContain(text);
            }
          } finally {
            await Promise.all(all.map((d) => d.db.delete()));
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it("a copy one device kept while settling survives a newer version from a device that never saw it", async () => {
    const all = await devices(3);
    try {
      const [d0, d1, d2] = all as [Device, Device, Device];
      await saveMeetingNotes(d0.db, "m-1", "alpha");
      await saveMeetingNotes(d1.db, "m-1", "beta");
      // The first device settles the two: one text wins, the other is kept beside it.
      await run(all, { kind: "exchange", from: 1, to: 0, upTo: 20 });
      await upload(d0);
      // The third wrote later, and has seen neither.
      await saveMeetingNotes(d2.db, "m-1", "gamma");
      await settle(all);
      for (const { db } of all) {
        const meeting = await db.meetings.get("m-1");
        const kept = [meeting?.notes, ...(meeting?.otherVersions ?? []).map((v) => v.text)];
        for (const text of ["alpha", "beta", "gamma"]) expect(kept).toContain(text);
      }
    } finally {
      await Promise.all(all.map((d) => d.db.delete()));
    }
  });
});
