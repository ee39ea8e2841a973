import { afterEach, describe, expect, it } from "vitest";
import { backupCopies, PrepDatabase, readBackupCopy } from "@/lib/db";
import {
  autoBackupFileName,
  autoBackupIsDue,
  autoBackupsToRemove,
  type BackupDownloads,
  makeAutoBackup,
  parseBackup,
  runAutoBackup,
} from "@/lib/export";
import { Problem } from "@/lib/problem";
import { type AutoBackupFile, autoBackupIsStale, toAutoBackup, toAutoBackupState } from "@/lib/settings";
import { sampleRows, writeRows } from "./sample";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 3, 9, 40, 12);
const file = (at: number, downloadId = at): AutoBackupFile => ({
  downloadId,
  file: `f-${at}`,
  at,
  bytes: 10,
});

let db: PrepDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe("when an automatic backup is due", () => {
  it.each([
    ["off", undefined, [], false],
    ["on, none made yet", { every: "day", keep: 10 }, [], true],
    ["daily, last one 25 hours ago", { every: "day", keep: 10 }, [file(NOW - 25 * HOUR)], true],
    [
      "daily, last one 23½ hours ago (the hourly check would otherwise drift)",
      { every: "day", keep: 10 },
      [file(NOW - 23.5 * HOUR)],
      true,
    ],
    ["daily, last one 3 hours ago", { every: "day", keep: 10 }, [file(NOW - 3 * HOUR)], false],
    ["weekly, last one 6 days ago", { every: "week", keep: 10 }, [file(NOW - 6 * DAY)], false],
    ["weekly, last one 7 days ago", { every: "week", keep: 10 }, [file(NOW - 7 * DAY)], true],
  ] as const)("%s: %s", (_name, setting, files, due) => {
    expect(autoBackupIsDue(setting, { files: [...files] }, NOW)).toBe(due);
  });

  it.each([
    ["off", undefined, [], false],
    ["daily, none yet", { every: "day", keep: 1 }, [], true],
    ["daily, a day old", { every: "day", keep: 1 }, [file(NOW - DAY)], false],
    ["daily, three days old", { every: "day", keep: 1 }, [file(NOW - 3 * DAY)], true],
    ["weekly, six days old", { every: "week", keep: 1 }, [file(NOW - 6 * DAY)], false],
    ["weekly, ten days old", { every: "week", keep: 1 }, [file(NOW - 10 * DAY)], true],
  ] as const)("the popup warns when %s is stale: %s", (_name, setting, files, stale) => {
    expect(autoBackupIsStale(setting, { files: [...files] }, NOW)).toBe(stale);
  });
});

describe("automatic backup files", () => {
  it("go into their own folder, named by when they were made", () => {
    expect(autoBackupFileName(new Date(2026, 11, 3, 9, 4, 5).getTime())).toBe(
      "1-1 Prep backups/1-1-prep-backup-2026-12-03-090405.json",
    );
  });

  it("keep the newest N and remove the rest, oldest first", () => {
    const files = [file(3), file(1), file(4), file(2)];
    expect(autoBackupsToRemove(files, 2).map((f) => f.at)).toEqual([1, 2]);
    expect(autoBackupsToRemove(files, 10)).toEqual([]);
  });

  it("read a setting only as one 1:1 Prep could have stored", () => {
    expect(toAutoBackup({ every: "week", keep: 5 })).toEqual({ every: "week", keep: 5 });
    for (const bad of [
      { every: "hour", keep: 5 },
      { every: "day", keep: 0 },
      { every: "day", keep: 1.5 },
      "day",
      null,
    ])
      expect(toAutoBackup(bad)).toBeUndefined();
  });
});

function fakeDownloads(fail?: string) {
  const saved: string[] = [];
  const removed: number[] = [];
  let next = 100;
  const downloads: BackupDownloads = {
    async save(name) {
      if (fail) throw new Error(fail);
      saved.push(name);
      return { downloadId: next++, bytes: 42 };
    },
    async remove(id) {
      removed.push(id);
    },
  };
  return { downloads, saved, removed };
}

describe("runAutoBackup", () => {
  it("saves a file, records it, and removes the ones past what is kept", async () => {
    const { downloads, saved, removed } = fakeDownloads();
    const state = await runAutoBackup(
      { every: "day", keep: 2 },
      { files: [file(NOW - 2 * DAY, 1), file(NOW - DAY, 2)], error: "an old failure" },
      downloads,
      NOW,
    );
    expect(saved).toEqual([autoBackupFileName(NOW)]);
    expect(removed).toEqual([1]);
    expect(state).toEqual({
      files: [file(NOW - DAY, 2), { downloadId: 100, file: autoBackupFileName(NOW), at: NOW, bytes: 42 }],
    });
  });

  it("records a failure for the manager and keeps every file it had", async () => {
    const { downloads, removed } = fakeDownloads("the disk is full");
    const before = { files: [file(NOW - DAY, 1)] };
    expect(await runAutoBackup({ every: "day", keep: 1 }, before, downloads, NOW)).toEqual({
      ...before,
      error: "The automatic backup couldn't be saved: the disk is full.",
      // The browser's words can't be translated; the sentence around them is.
      problem: {
        code: "autoBackupFailed",
        values: [],
        reason: { code: "asSaid", values: ["the disk is full."] },
      },
    });
    expect(removed).toEqual([]);
  });

  it("records a failure of its own as a problem the pages translate", async () => {
    const downloads: BackupDownloads = {
      save: async () => {
        throw new Problem("the backup could not be written", "backupNotWritten");
      },
      remove: async () => {},
    };
    const state = await runAutoBackup({ every: "day", keep: 1 }, { files: [] }, downloads, NOW);
    expect(state.error).toBe("The automatic backup couldn't be saved: the backup could not be written.");
    expect(toAutoBackupState(JSON.parse(JSON.stringify(state))).problem).toEqual({
      code: "autoBackupFailed",
      values: [],
      reason: { code: "backupNotWritten", values: [] },
    });
  });
});

describe("makeAutoBackup", () => {
  it("writes the same backup as an export, and keeps a compressed copy that restores it", async () => {
    db = new PrepDatabase("auto-backup-1");
    await writeRows(db, sampleRows());
    const settings = { badgeScope: "mine" };
    const { blob, bytes } = await makeAutoBackup(db, { file: "a.json", now: NOW, keep: 2, settings });
    const text = await blob.text();
    expect(bytes).toBe(new Blob([text]).size);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.doc.settings).toEqual(settings);
    expect(parsed.doc.data.meetings).toHaveLength(sampleRows().meetings.length);
    expect(await readBackupCopy("a.json")).toBe(text);

    await makeAutoBackup(db, { file: "b.json", now: NOW + 1, keep: 2, settings });
    await makeAutoBackup(db, { file: "c.json", now: NOW + 2, keep: 2, settings });
    expect((await backupCopies()).map((c) => c.file)).toEqual(["c.json", "b.json"]);
    expect(await readBackupCopy("a.json")).toBeUndefined();
  });
});
