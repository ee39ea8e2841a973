import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  batchFileName,
  type ChangeBatch,
  changeBatchSchema,
  createSyncKey,
  type DataKey,
  type DriveFileRef,
  encryptBlob,
  openBatch,
  openSnapshot,
  parseSyncFileName,
  planCompaction,
  planDownload,
  rowVersionSchema,
  SyncCryptoError,
  SyncFileError,
  sealBatch,
  sealSnapshot,
  snapshotFileName,
} from "@/lib/sync";

const A = "aaaaaaaa";
const B = "bbbbbbbb";
const C = "cccccccc";
const stamp = (wall: number, device: string, counter = 0) =>
  `${wall.toString(16).padStart(12, "0")}-${counter.toString(16).padStart(4, "0")}-${device}`;

function row(device: string, wall: number, overrides: Record<string, unknown> = {}) {
  return {
    table: "people",
    id: "p1",
    hlc: stamp(wall, device),
    device,
    seen: {},
    data: { name: "Ana" },
    ...overrides,
  };
}

function batch(device: string, seq: number, rows = [row(device, 100 + seq)]): ChangeBatch {
  return { format: "1on1prep-sync-batch", version: 1, device, seq, rows };
}

let dataKey: DataKey;
beforeAll(async () => {
  dataKey = (await createSyncKey("passphrase", { iterations: 1000 })).dataKey;
});

describe("file names", () => {
  it("are the device and a zero-padded sequence number, and read back", () => {
    expect(batchFileName(A, 7)).toBe("b-aaaaaaaa-0000000007");
    expect(snapshotFileName(A, 12)).toBe("s-aaaaaaaa-0000000012");
    expect(parseSyncFileName("b-aaaaaaaa-0000000007")).toEqual({ kind: "batch", device: A, seq: 7 });
    expect(parseSyncFileName("s-aaaaaaaa-0000000012")).toEqual({ kind: "snapshot", device: A, seq: 12 });
    expect(parseSyncFileName("key")).toEqual({ kind: "key" });
    expect(parseSyncFileName("devices")).toEqual({ kind: "devices" });
  });

  it("sort in sequence order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999_999 }),
        fc.integer({ min: 1, max: 9_999_999_999 }),
        (x, y) => {
          return Math.sign(x - y) === Math.sign(batchFileName(A, x).localeCompare(batchFileName(A, y)));
        },
      ),
    );
  });

  it.each([
    "b-aaaaaaaa-7",
    "b-Ana Lopez-0000000001",
    "b-aaaaaaaa-0000000000",
    "x-aaaaaaaa-0000000001",
    "notes.json",
    "",
  ])("leave %j alone as not ours", (name) => {
    expect(parseSyncFileName(name)).toBeUndefined();
  });

  it("cannot be made from a device id or number that is not ours", () => {
    expect(() => batchFileName("ana@example.com", 1)).toThrow();
    expect(() => batchFileName(A, 0)).toThrow();
    expect(() => batchFileName(A, 1.5)).toThrow();
  });
});

describe("row versions", () => {
  it("accept a change and a tombstone", () => {
    expect(rowVersionSchema.safeParse(row(A, 100)).success).toBe(true);
    expect(rowVersionSchema.safeParse(row(A, 100, { data: undefined, deleted: true })).success).toBe(true);
  });

  it.each([
    ["stamped by another device", { hlc: stamp(100, B) }],
    ["both data and a tombstone", { deleted: true }],
    ["neither data nor a tombstone", { data: undefined }],
    ["a past in its future", { seen: { [B]: stamp(200, B) } }],
    ["a past under the wrong device", { seen: { [B]: stamp(50, C) } }],
    ["an unknown field", { extra: 1 }],
  ])("refuse one with %s", (_, overrides) => {
    expect(rowVersionSchema.safeParse(row(A, 100, overrides)).success).toBe(false);
  });

  it("in a batch are the batch's own device's", () => {
    expect(changeBatchSchema.safeParse(batch(A, 1, [row(B, 100)])).success).toBe(false);
  });
});

describe("sealed batches and snapshots", () => {
  it("open to what was sealed, under their own name", async () => {
    const sealed = await sealBatch(dataKey, batch(A, 3), 5);
    expect(sealed.name).toBe("b-aaaaaaaa-0000000003");
    const opened = await openBatch(dataKey, sealed.name, sealed.bytes);
    expect(opened).toEqual({ value: batch(A, 3), schemaVersion: 5 });
  });

  it("do not open under another name: a renamed file is refused", async () => {
    const sealed = await sealBatch(dataKey, batch(A, 3), 5);
    await expect(openBatch(dataKey, batchFileName(A, 4), sealed.bytes)).rejects.toBeInstanceOf(
      SyncCryptoError,
    );
    await expect(openSnapshot(dataKey, snapshotFileName(A, 3), sealed.bytes)).rejects.toBeInstanceOf(
      SyncCryptoError,
    );
  });

  it("are refused when the name and the contents disagree", async () => {
    const name = batchFileName(A, 1);
    const bytes = await encryptBlob(
      dataKey,
      new TextEncoder().encode(JSON.stringify(batch(A, 2))),
      { fileName: name, kind: "batch" },
      1,
    );
    await expect(openBatch(dataKey, name, bytes)).rejects.toBeInstanceOf(SyncFileError);
  });

  it("refuse rows that do not follow the format, sealed or not", async () => {
    await expect(sealBatch(dataKey, batch(A, 1, [row(B, 1)]), 1)).rejects.toThrow();
    const name = batchFileName(A, 1);
    const bytes = await encryptBlob(
      dataKey,
      new TextEncoder().encode('{"format":"1on1prep-sync-batch"}'),
      { fileName: name, kind: "batch" },
      1,
    );
    await expect(openBatch(dataKey, name, bytes)).rejects.toBeInstanceOf(SyncFileError);
  });

  it("snapshot: named after the last own batch it covers", async () => {
    const snapshot = {
      format: "1on1prep-sync-snapshot" as const,
      version: 1 as const,
      device: A,
      seq: 9,
      covers: { [A]: 9, [B]: 4 },
      rows: [row(A, 100), row(B, 90, { id: "p2" })],
    };
    const sealed = await sealSnapshot(dataKey, snapshot, 2);
    expect(sealed.name).toBe("s-aaaaaaaa-0000000009");
    expect((await openSnapshot(dataKey, sealed.name, sealed.bytes)).value).toEqual(snapshot);
    await expect(sealSnapshot(dataKey, { ...snapshot, covers: { [A]: 8 } }, 2)).rejects.toThrow();
  });
});

const file = (name: string, id = `id-${name}`): DriveFileRef => ({ id, name });

describe("planCompaction", () => {
  const files = [
    file(batchFileName(A, 1)),
    file(batchFileName(A, 2)),
    file(batchFileName(A, 3)),
    file(snapshotFileName(A, 1)),
    file(snapshotFileName(A, 2)),
    file(batchFileName(B, 1)),
    file(snapshotFileName(B, 1)),
    file("key"),
    file("devices"),
    file("something else"),
  ];

  it("removes only this device's batches the snapshot contains, and its older snapshots", () => {
    const remove = planCompaction({
      device: A,
      files,
      snapshot: { fileId: `id-${snapshotFileName(A, 2)}`, covers: { [A]: 2, [B]: 1 } },
    });
    expect(remove.map((f) => f.name).sort()).toEqual(
      [batchFileName(A, 1), batchFileName(A, 2), snapshotFileName(A, 1)].sort(),
    );
  });

  it.each([
    ["is not in the listing", { fileId: "missing", covers: { [A]: 2 } }],
    ["is another device's", { fileId: `id-${snapshotFileName(B, 1)}`, covers: { [B]: 1 } }],
    ["claims more than its name", { fileId: `id-${snapshotFileName(A, 2)}`, covers: { [A]: 3 } }],
    ["covers nothing of this device", { fileId: `id-${snapshotFileName(A, 2)}`, covers: { [B]: 1 } }],
  ])("removes nothing when the snapshot %s", (_, snapshot) => {
    expect(planCompaction({ device: A, files, snapshot })).toEqual([]);
  });

  it("never removes a batch the snapshot does not contain, nor another device's file", () => {
    const nameArb = fc.oneof(
      fc
        .record({
          kind: fc.constantFrom("b", "s"),
          device: fc.constantFrom(A, B),
          seq: fc.integer({ min: 1, max: 20 }),
        })
        .map(({ kind, device, seq }) =>
          kind === "b" ? batchFileName(device, seq) : snapshotFileName(device, seq),
        ),
      fc.constantFrom("key", "devices", "other"),
    );
    fc.assert(
      fc.property(
        fc.array(nameArb, { maxLength: 30 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(5),
        (names, seq, extra) => {
          const listed = [
            ...names.map((name, i) => file(name, `f${i}`)),
            file(snapshotFileName(A, seq), "snap"),
          ];
          const covers = { [A]: seq, [B]: extra };
          const remove = planCompaction({ device: A, files: listed, snapshot: { fileId: "snap", covers } });
          return remove.every((f) => {
            const parsed = parseSyncFileName(f.name);
            if (f.id === "snap" || parsed?.kind === "key" || parsed?.kind === "devices" || !parsed)
              return false;
            return parsed.device === A && (parsed.kind === "batch" ? parsed.seq <= seq : parsed.seq < seq);
          });
        },
      ),
    );
  });
});

describe("planDownload", () => {
  it("reads a device's new batches in order, skipping its own and what it applied", () => {
    const files = [
      file(batchFileName(B, 3)),
      file(batchFileName(B, 2)),
      file(batchFileName(B, 1)),
      file(batchFileName(A, 1)),
    ];
    expect(planDownload(files, { [B]: 1 }, A)).toEqual({
      fetch: [file(batchFileName(B, 2)), file(batchFileName(B, 3))],
      gaps: [],
    });
  });

  it("reads the newest snapshot first when the batches it missed were compacted away", () => {
    const files = [
      file(snapshotFileName(B, 4)),
      file(snapshotFileName(B, 6)),
      file(batchFileName(B, 7)),
      file(batchFileName(C, 1)),
    ];
    expect(planDownload(files, { [B]: 2 }, A)).toEqual({
      fetch: [file(snapshotFileName(B, 6)), file(batchFileName(B, 7)), file(batchFileName(C, 1))],
      gaps: [],
    });
  });

  it("reports a device whose missing batches no snapshot covers", () => {
    const files = [file(batchFileName(B, 1)), file(batchFileName(B, 3))];
    expect(planDownload(files, {}, A)).toEqual({ fetch: [file(batchFileName(B, 1))], gaps: [B] });
  });

  it("reads one of two files with the same name", () => {
    const files = [file(batchFileName(B, 1), "z2"), file(batchFileName(B, 1), "a1")];
    expect(planDownload(files, {}).fetch).toEqual([file(batchFileName(B, 1), "a1")]);
  });

  it("has nothing to read when up to date", () => {
    expect(planDownload([file(batchFileName(B, 1)), file(snapshotFileName(B, 1))], { [B]: 1 })).toEqual({
      fetch: [],
      gaps: [],
    });
  });
});
