import { afterEach, describe, expect, it } from "vitest";
import type { FetchLike } from "@/lib/calendar-api";
import {
  PrepDatabase,
  readAllVersions,
  readSyncState,
  readSyncStatusRow,
  saveMeetingNotes,
  startSyncing,
  stopSyncing,
  waitingChanges,
} from "@/lib/db";
import { BATCH_ROWS, createDeviceSync, SNAPSHOT_EVERY_BATCHES } from "@/lib/device-sync";
import {
  createDriveClient,
  createSyncKey,
  type DataKey,
  formatHlc,
  parseSyncFileName,
  type RowVersion,
  sealSnapshot,
} from "@/lib/sync";
import { FakeDrive, googleError } from "../../fixtures/drive/fake-drive";
import {
  sampleRows,
  sampleRowsOpenedElsewhere,
  sampleWithMeetings,
  snapshot,
  writeRows,
} from "../export/sample";

const opened: PrepDatabase[] = [];
let n = 0;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

// One key for the whole file: deriving it from a passphrase takes a while, and unlocking is
// tested with the crypto.
const made = createSyncKey("correct horse battery staple", { iterations: 600_000 });

/** The shared key file, as the first device to turn sync on leaves it in Drive. */
async function withKeyFile(drive: FakeDrive) {
  const { keyFile } = await made;
  if (drive.byName("key").length === 0) drive.put("key", new TextEncoder().encode(JSON.stringify(keyFile)));
  return drive;
}

async function device(drive: FakeDrive, id: string, dataKey: DataKey) {
  await withKeyFile(drive);
  const db = new PrepDatabase(`job-${id}-${++n}`);
  opened.push(db);
  await startSyncing(db, id, dataKey);
  const client = createDriveClient({ fetch: drive.fetch, token: async () => drive.token });
  return { db, job: createDeviceSync({ db, drive: client, userAgent: CHROME_ON_LINUX }) };
}

/** More meetings than one batch holds: a device's first upload of them goes as a snapshot. */
const MORE_THAN_A_BATCH = BATCH_ROWS + 500;
const moreThanABatch = () => sampleWithMeetings(MORE_THAN_A_BATCH, (i) => `Notes of week ${i}`);

/**
 * A new device syncs and has every meeting of `moreThanABatch`, with the edit made to m-7 after
 * the first upload, and no problem to show.
 */
async function expectRestoredOnANewDevice(drive: FakeDrive, id: string, dataKey: DataKey) {
  const b = await device(drive, id, dataKey);
  await b.job.sync();
  expect((await readSyncStatusRow(b.db))?.problem).toBeUndefined();
  expect(await b.db.meetings.count()).toBe(MORE_THAN_A_BATCH);
  expect((await b.db.meetings.get("m-7"))?.notes).toBe("Agreed on the on-call rota");
  expect((await b.db.meetings.get("m-2400"))?.notes).toBe("Notes of week 2400");
}

/**
 * A sync job on `db` whose first upload reaches Drive while its answer never comes back, as when
 * the connection drops; `dropped` counts the answers lost.
 */
function droppingFirstUploadAnswer(drive: FakeDrive, db: PrepDatabase) {
  let dropped = 0;
  const dropping: typeof drive.fetch = async (input, init) => {
    const response = await drive.fetch(input, init);
    if (dropped === 0 && init.method === "POST" && new URL(input).pathname.startsWith("/upload/")) {
      dropped += 1;
      throw new TypeError("Failed to fetch");
    }
    return response;
  };
  const job = createDeviceSync({
    db,
    drive: createDriveClient({ fetch: dropping, token: async () => drive.token }),
  });
  return { job, dropped: () => dropped };
}

const CHROME_ON_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

const names = (drive: FakeDrive) =>
  [...drive.files.values()]
    .map((f) => f.name)
    .filter((name) => name !== "key" && name !== "devices")
    .sort();

describe("the background's sync across devices", () => {
  it("brings one device's notes to another through Drive, and an edit back", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop01", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    expect(names(drive)).toEqual(["b-laptop01-0000000001"]);
    expect(await waitingChanges(a.db)).toBe(0);

    const b = await device(drive, "desktop1", dataKey);
    await b.job.sync();
    expect((await b.db.meetings.get("m-1"))?.notes).toContain("Offsite budget");
    expect(await b.db.people.count()).toBe(2);

    await saveMeetingNotes(b.db, "m-1", "Sam's promotion case is ready.");
    await b.job.sync();
    await a.job.sync();
    expect((await a.db.meetings.get("m-1"))?.notes).toBe("Sam's promotion case is ready.");
    expect((await readSyncStatusRow(a.db))?.lastSyncedAt).toEqual(expect.any(Number));
  });

  it("sends nothing readable: no name, email or note text in any request", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop02", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    const everything = drive.requests
      .map((r) => `${r.url} ${new TextDecoder().decode(r.body)}`)
      .join("\n")
      // Ciphertext is long runs of base64url, where any five letters turn up now and then: what
      // is sought is readable text, which never runs that long without a space or a quote.
      .replace(/[A-Za-z0-9_-]{24,}/g, "")
      .toLowerCase();
    for (const secret of [
      "Priya",
      "priya@example.com",
      "Offsite budget",
      "p-priya",
      "meetings",
      "notes",
      "Chrome · Linux",
    ])
      expect(everything).not.toContain(secret.toLowerCase());
  });

  it("offline, changes wait and the next try is set; they go when Drive answers again", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop03", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    await saveMeetingNotes(a.db, "m-1", "Written on a train.");
    drive.failNext(() => "network");
    await a.job.sync();
    const status = await readSyncStatusRow(a.db);
    expect(status).toMatchObject({ problem: "offline", nextTryAt: expect.any(Number) });
    expect(await waitingChanges(a.db)).toBe(1);
    await a.job.sync();
    expect(await waitingChanges(a.db)).toBe(0);
    expect((await readSyncStatusRow(a.db))?.problem).toBeUndefined();
  });

  it("a refused token pauses sync for a reconnect, keeping the changes", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop04", dataKey);
    await writeRows(a.db, sampleRows());
    drive.failNext(() => googleError(401, "authError"));
    await a.job.sync();
    expect((await readSyncStatusRow(a.db))?.problem).toBe("reconnect");
    expect(names(drive)).toEqual([]);
    await a.job.sync();
    expect(names(drive)).toEqual(["b-laptop04-0000000001"]);
  });

  it("another passphrase's data is refused and nothing of it is written", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop05", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    const other = await createSyncKey("a different passphrase here", { iterations: 600_000 });
    const b = await device(drive, "desktop5", other.dataKey);
    await writeRows(b.db, {
      ...sampleRows(),
      meetings: [],
      agendaItems: [],
      actionItems: [],
      questionsAsked: [],
    });
    await b.job.sync();
    expect((await readSyncStatusRow(b.db))?.problem).toBe("wrong-key");
    expect(await b.db.meetings.count()).toBe(0);
    // What the others could not read is never uploaded.
    expect(names(drive)).toEqual(["b-laptop05-0000000001"]);
  });

  it("an emptied folder in Drive deletes nothing here and takes no upload until the manager says so", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop07", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    drive.files.clear();
    await saveMeetingNotes(a.db, "m-1", "Written after the folder was emptied.");
    await a.job.sync();
    expect((await readSyncStatusRow(a.db))?.problem).toBe("wiped");
    expect(drive.files.size).toBe(0);
    expect(await a.db.people.count()).toBe(2);
    expect((await a.db.meetings.get("m-1"))?.notes).toBe("Written after the folder was emptied.");
  });

  it("writes a snapshot after many batches, removes its own batches it holds, and a new device restores from it", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop06", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    for (let i = 1; i < SNAPSHOT_EVERY_BATCHES; i++) {
      await saveMeetingNotes(a.db, "m-1", `Edit number ${i}`);
      await a.job.sync();
    }
    const files = names(drive).map((name) => parseSyncFileName(name));
    expect(files.filter((f) => f?.kind === "snapshot")).toHaveLength(1);
    expect(files.filter((f) => f?.kind === "batch")).toHaveLength(0);
    expect((await readSyncState(a.db))?.snapshotSeq).toBe(SNAPSHOT_EVERY_BATCHES);

    const b = await device(drive, "desktop6", dataKey);
    const downloadsBefore = drive.requests.filter((r) => r.url.searchParams.get("alt") === "media").length;
    await b.job.sync();
    const downloads = drive.requests.filter((r) => r.url.searchParams.get("alt") === "media").length;
    // The shared key, checked once, the snapshot and the list of devices: no batch.
    expect(downloads - downloadsBefore).toBe(3);
    expect((await b.db.meetings.get("m-1"))?.notes).toBe(`Edit number ${SNAPSHOT_EVERY_BATCHES - 1}`);
    expect(await b.db.people.count()).toBe(2);
  });

  it("a new device restores a snapshot of more versions than one call can take as arguments", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop07", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    const all = await readAllVersions(a.db);
    if (!all) throw new Error("the laptop has nothing synced");
    // Years of rows, as many as five years of weekly 1:1s make. They are stamped as the restoring
    // device's own, which it has and skips, so the database isn't what this test waits on; the
    // snapshot is read whole all the same.
    const filler: RowVersion[] = Array.from({ length: 150_000 }, (_, i) => ({
      table: "actionItems",
      id: `old-${i}`,
      hlc: formatHlc({ wall: 1_700_000_000_000, counter: 0, device: "desktop7" }),
      device: "desktop7",
      seen: {},
      deleted: true,
    }));
    const sealed = await sealSnapshot(
      dataKey,
      {
        format: "1on1prep-sync-snapshot",
        version: 1,
        device: "laptop07",
        seq: all.state.seq,
        covers: { laptop07: all.state.seq },
        rows: [...all.rows, ...filler],
      },
      5,
    );
    const snapshotId = drive.put(sealed.name, sealed.bytes).id;
    // Compacted, as the laptop would leave it: the snapshot is all there is to read.
    for (const [id, file] of drive.files)
      if (parseSyncFileName(file.name)?.kind === "batch") drive.files.delete(id);

    const b = await device(drive, "desktop7", dataKey);
    await b.job.sync();
    expect((await readSyncStatusRow(b.db))?.problem).toBeUndefined();
    expect(
      drive.requests.some(
        (r) => r.url.searchParams.get("alt") === "media" && r.url.pathname.includes(snapshotId),
      ),
    ).toBe(true);
    expect(await b.db.people.count()).toBe(2);
    expect((await b.db.meetings.get("m-1"))?.notes).toBe((await a.db.meetings.get("m-1"))?.notes);
  });

  it("a first upload of more than a batch goes up as one snapshot, later edits as batches, and a new device gets both", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop08", dataKey);
    await writeRows(a.db, moreThanABatch());
    await a.job.sync();
    expect(names(drive).map((name) => parseSyncFileName(name))).toEqual([
      { kind: "snapshot", device: "laptop08", seq: 1 },
    ]);
    expect(await waitingChanges(a.db)).toBe(0);

    await saveMeetingNotes(a.db, "m-7", "Agreed on the on-call rota");
    await a.job.sync();
    expect(names(drive).map((name) => parseSyncFileName(name)?.kind)).toEqual(["batch", "snapshot"]);
    expect(parseSyncFileName(names(drive)[0] ?? "")).toMatchObject({ kind: "batch", seq: 2 });

    await expectRestoredOnANewDevice(drive, "desktop8", dataKey);
  });

  it("a first snapshot that reached Drive without the device hearing so is sent again, and nothing is lost or doubled", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop09", dataKey);
    // The first upload lands in Drive, but its answer never comes back: the connection dropped.
    const { job, dropped } = droppingFirstUploadAnswer(drive, a.db);
    await writeRows(a.db, moreThanABatch());
    await job.sync();
    expect(dropped()).toBe(1);
    expect(await waitingChanges(a.db)).toBeGreaterThan(0);

    await saveMeetingNotes(a.db, "m-7", "Agreed on the on-call rota");
    await job.sync();
    expect(await waitingChanges(a.db)).toBe(0);
    // One snapshot: the retry went up under the id kept for it, and Drive's "it is there already"
    // counted as sent. The edit made after it went in the batch after it.
    expect(drive.byName(names(drive).find((n) => n.startsWith("s-")) ?? "")).toHaveLength(1);

    await expectRestoredOnANewDevice(drive, "desktop9", dataKey);
  });

  it("a first snapshot refused because the token ran out mid-upload goes up once after reconnecting, with the edits made meanwhile", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop29", dataKey);
    await writeRows(a.db, moreThanABatch());
    // The token runs out between the list of files and the snapshot's upload.
    drive.failNext(
      () => googleError(401, "authError"),
      (r) => r.method === "POST" && r.url.pathname.startsWith("/upload/"),
    );
    await a.job.sync();
    expect((await readSyncStatusRow(a.db))?.problem).toBe("reconnect");
    expect(names(drive)).toEqual([]);
    expect(await waitingChanges(a.db)).toBeGreaterThan(0);

    await saveMeetingNotes(a.db, "m-7", "Agreed on the on-call rota");
    await a.job.sync();
    expect((await readSyncStatusRow(a.db))?.problem).toBeUndefined();
    expect(await waitingChanges(a.db)).toBe(0);
    expect(names(drive).map((name) => parseSyncFileName(name)?.kind)).toEqual(["batch", "snapshot"]);

    await expectRestoredOnANewDevice(drive, "desktop29", dataKey);
  });

  it("a batch that reached Drive without the device hearing so is one file after the retry, and its edits arrive", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop19", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    await saveMeetingNotes(a.db, "m-1", "Sent once, heard of never.");
    const { job, dropped } = droppingFirstUploadAnswer(drive, a.db);
    await job.sync();
    expect(dropped()).toBe(1);
    expect(await waitingChanges(a.db)).toBe(1);
    await job.sync();
    expect(await waitingChanges(a.db)).toBe(0);
    const batches = names(drive).filter((n) => n.startsWith("b-"));
    expect(batches.length).toBeGreaterThan(0);
    for (const name of batches) expect(drive.byName(name)).toHaveLength(1);

    const b = await device(drive, "desktop19", dataKey);
    await b.job.sync();
    expect((await b.db.meetings.get("m-1"))?.notes).toBe("Sent once, heard of never.");
  });

  it("a second device with years of its own notes sends them as batches, not a snapshot holding the first one's too", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop11", dataKey);
    await writeRows(a.db, sampleRows());
    await a.job.sync();
    const b = await device(drive, "desktop11", dataKey);
    const own = moreThanABatch();
    own.people = [];
    own.meetings = own.meetings.map((m) => ({
      ...m,
      id: `d-${m.id}`,
      eventInstanceId: `d-${m.eventInstanceId}`,
    }));
    for (const table of ["agendaItems", "actionItems", "feedback", "growthPlans", "questionsAsked"] as const)
      own[table] = [];
    await writeRows(b.db, own);
    await b.job.sync();
    const fromDesktop = names(drive)
      .map((name) => parseSyncFileName(name))
      .filter((file) => file && "device" in file && file.device === "desktop11");
    expect(fromDesktop.map((file) => file?.kind)).toEqual(["batch", "batch"]);
    await a.job.sync();
    expect(await a.db.meetings.count()).toBe(sampleRows().meetings.length + MORE_THAN_A_BATCH);
  });

  it("Sync now clicked while a sync is going sends an edit made after that sync read the changes", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const a = await device(drive, "laptop12", dataKey);
    await writeRows(a.db, sampleRows());
    // The first upload is held on its way to Drive: the run has read this device's changes.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let uploading!: () => void;
    const upload = new Promise<void>((resolve) => (uploading = resolve));
    const holding: typeof drive.fetch = async (input, init) => {
      if (init.method === "POST" && new URL(input).pathname.startsWith("/upload/")) {
        uploading();
        await held;
      }
      return drive.fetch(input, init);
    };
    const job = createDeviceSync({
      db: a.db,
      drive: createDriveClient({ fetch: holding, token: async () => drive.token }),
    });
    const first = job.sync();
    await upload;
    await saveMeetingNotes(a.db, "m-1", "Agreed on the on-call rota");
    const now = job.sync();
    release();
    await Promise.all([first, now]);
    expect(await waitingChanges(a.db)).toBe(0);

    const b = await device(drive, "desktop12", dataKey);
    await b.job.sync();
    expect((await b.db.meetings.get("m-1"))?.notes).toBe("Agreed on the on-call rota");
  });
});

describe("a 1:1 opened on two computers before they synced", () => {
  it("the notes one computer replaced after they met are what the other shows, not both texts again", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const laptop = await device(drive, "laptop08", dataKey);
    await writeRows(laptop.db, sampleRows());
    await laptop.job.sync();

    const desktop = await device(drive, "desktop8", dataKey);
    await writeRows(desktop.db, sampleRowsOpenedElsewhere());
    await desktop.job.sync();
    expect(await desktop.db.meetings.where("eventInstanceId").equals("evt_1").toArray()).toEqual([
      expect.objectContaining({ notes: "Offsite budget is stuck.\nShe wants the API review." }),
    ]);
    const [kept] = await desktop.db.meetings.where("eventInstanceId").equals("evt_1").toArray();
    await saveMeetingNotes(desktop.db, kept?.id ?? "", "Desktop replaced them.");
    await desktop.job.sync();

    await laptop.job.sync();
    expect(
      (await laptop.db.meetings.where("eventInstanceId").equals("evt_1").toArray()).map((m) => m.notes),
    ).toEqual(["Desktop replaced them."]);
  });

  it("notes added on one computer to the meeting the other then folded into its own are kept, on both", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const laptop = await device(drive, "laptop09", dataKey);
    await writeRows(laptop.db, sampleRows());
    await laptop.job.sync();
    // Written before the desktop folds the laptop's meeting into its own, and sent after.
    await saveMeetingNotes(laptop.db, "m-1", "Hiring plan for Q3: two engineers, one in Kraków.");

    const desktop = await device(drive, "desktop9", dataKey);
    await writeRows(desktop.db, sampleRowsOpenedElsewhere());
    await desktop.job.sync();
    await laptop.job.sync();
    await desktop.job.sync();
    await laptop.job.sync();

    for (const db of [laptop.db, desktop.db]) {
      const meetings = await db.meetings.where("eventInstanceId").equals("evt_1").toArray();
      expect(meetings).toHaveLength(1);
      const texts = [meetings[0]?.notes, ...(meetings[0]?.otherVersions ?? []).map((v) => v.text)].join("\n");
      expect(texts).toContain("Hiring plan for Q3: two engineers, one in Kraków.");
    }
    expect(await snapshot(desktop.db)).toEqual(await snapshot(laptop.db));
  });

  it("a run that began before sync was turned off and on again uploads nothing the new sync wrote, under the old key or at all", async () => {
    const drive = new FakeDrive();
    const { dataKey } = await made;
    const laptop = await device(drive, "laptop20", dataKey);
    await writeRows(laptop.db, sampleRows());
    // The run is held at its first request to Drive while the manager turns sync off and on.
    let reachedDrive: () => void = () => {};
    const atDrive = new Promise<void>((resolve) => {
      reachedDrive = resolve;
    });
    let goOn: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      goOn = resolve;
    });
    let first = true;
    const heldFetch: FetchLike = async (input, init) => {
      if (first) {
        first = false;
        reachedDrive();
        await held;
      }
      return drive.fetch(input, init);
    };
    const client = createDriveClient({ fetch: heldFetch, token: async () => drive.token });
    const run = createDeviceSync({ db: laptop.db, drive: client, userAgent: CHROME_ON_LINUX }).sync();
    await atDrive;

    const other = await createSyncKey("a passphrase for another folder", { iterations: 600_000 });
    await stopSyncing(laptop.db);
    await startSyncing(laptop.db, "laptop21", other.dataKey);
    await saveMeetingNotes(laptop.db, "m-1", "Written after sync was turned on again.");
    goOn();
    await run;

    expect(names(drive)).toEqual([]);
    expect((await readSyncState(laptop.db))?.device).toBe("laptop21");
    // Nothing of the new sync was marked sent, and the old run left it no problem to show.
    expect(await waitingChanges(laptop.db)).toBeGreaterThan(0);
    expect(await readSyncStatusRow(laptop.db)).toBeUndefined();
  });
});
