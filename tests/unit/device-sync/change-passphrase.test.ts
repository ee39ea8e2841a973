import { beforeEach, describe, expect, it } from "vitest";
import { PrepDatabase, prepDatabase, readStoredKeyFile, readSyncStatusRow, startSyncing } from "@/lib/db";
import { changeSyncPassphrase, createDeviceSync, SyncSetupError } from "@/lib/device-sync";
import { setDeviceSyncConnection, setDeviceSyncToken } from "@/lib/settings";
import { createDriveClient, createSyncKey, unlockWithPassphrase, unlockWithRecoveryKey } from "@/lib/sync";
import { FakeDrive, googleError } from "../../fixtures/drive/fake-drive";

const OLD = "correct horse battery staple";
const NEW = "Seven quiet herons, fjällräven";
const made = createSyncKey(OLD);

const keyFileIn = (drive: FakeDrive): unknown =>
  JSON.parse(new TextDecoder().decode(drive.byName("key")[0]?.bytes));

let drive: FakeDrive;
beforeEach(async () => {
  drive = new FakeDrive();
  const { dataKey, keyFile } = await made;
  drive.put("key", new TextEncoder().encode(JSON.stringify(keyFile)));
  await startSyncing(prepDatabase(), "laptop01", dataKey, keyFile);
  await setDeviceSyncConnection({ clientId: "1234-abc.apps.googleusercontent.com", connectedAt: 1 });
  await setDeviceSyncToken({ accessToken: drive.token, expiresAt: Date.now() + 3_600_000 });
});

const change = (current: Parameters<typeof changeSyncPassphrase>[0], next = NEW) =>
  changeSyncPassphrase(current, next, { fetch: drive.fetch });

describe("changing the sync passphrase", () => {
  it("wraps the same key under the new passphrase in place, with the recovery key still opening it", async () => {
    const { dataKey, recoveryKey } = await made;
    const [before] = drive.byName("key");
    await change({ passphrase: OLD });
    const after = keyFileIn(drive);
    expect(drive.byName("key").map((f) => f.id)).toEqual([before?.id]);
    expect((await unlockWithPassphrase(after, NEW)).keyId).toBe(dataKey.keyId);
    await expect(unlockWithPassphrase(after, OLD)).rejects.toMatchObject({ kind: "wrong-passphrase" });
    expect((await unlockWithRecoveryKey(after, recoveryKey)).keyId).toBe(dataKey.keyId);
    expect(await readStoredKeyFile(prepDatabase())).toEqual(after);
    // Only the key file was written: no batch or snapshot went up again.
    expect(drive.requests.filter((r) => r.method !== "GET").map((r) => r.method)).toEqual(["PUT"]);
    expect(drive.requests.find((r) => r.method === "PUT")?.headers.get("if-match")).toBeTruthy();
  });

  it("opens with the recovery key when the passphrase is forgotten", async () => {
    await change({ recoveryKey: (await made).recoveryKey });
    expect((await unlockWithPassphrase(keyFileIn(drive), NEW)).keyId).toBe((await made).dataKey.keyId);
  });

  it("starts over from the key file another device wrote meanwhile, instead of writing over it", async () => {
    drive.failNext(
      () => googleError(412, "conditionNotMet"),
      (r) => r.method === "PUT",
    );
    await change({ passphrase: OLD });
    expect(drive.requests.filter((r) => r.method === "PUT")).toHaveLength(2);
    expect((await unlockWithPassphrase(keyFileIn(drive), NEW)).keyId).toBe((await made).dataKey.keyId);
  });

  it.each([
    ["a wrong current passphrase", { passphrase: "correct horse battery stapler" }, NEW, "wrong-passphrase"],
    ["a new passphrase too short", { passphrase: OLD }, "short one", "short-passphrase"],
    ["an empty new passphrase", { passphrase: OLD }, "   ", "empty-passphrase"],
  ] as const)("refuses %s and changes nothing", async (_what, current, next, kind) => {
    const before = new Uint8Array(drive.byName("key")[0]?.bytes ?? []);
    const error = await change(current, next).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncSetupError);
    expect((error as SyncSetupError).kind).toBe(kind);
    expect(drive.byName("key")[0]?.bytes).toEqual(before);
    expect(drive.requests.some((r) => r.method === "PUT")).toBe(false);
  });
});

describe("a passphrase changed on another device", () => {
  it("is the one this device keeps from its next sync, so a folder it uploads again opens with it", async () => {
    const { dataKey, keyFile } = await made;
    const desktop = new PrepDatabase("change-passphrase-desktop");
    try {
      await startSyncing(desktop, "desktop1", dataKey, keyFile);
      const client = createDriveClient({ fetch: drive.fetch, token: async () => drive.token });
      const job = createDeviceSync({ db: desktop, drive: client });
      await job.sync();
      const keyDownloads = () =>
        drive.requests.filter(
          (r) =>
            r.url.pathname === `/drive/v3/files/${drive.byName("key")[0]?.id}` &&
            r.url.searchParams.get("alt") === "media",
        ).length;

      await change({ passphrase: OLD });
      const before = keyDownloads();
      await job.sync();
      expect(await readSyncStatusRow(desktop)).not.toHaveProperty("problem");
      expect(await readStoredKeyFile(desktop)).toEqual(keyFileIn(drive));
      expect((await unlockWithPassphrase(await readStoredKeyFile(desktop), NEW)).keyId).toBe(dataKey.keyId);
      expect(keyDownloads()).toBe(before + 1);

      // Unchanged since: the key file is not fetched again on every sync.
      await job.sync();
      expect(keyDownloads()).toBe(before + 1);
    } finally {
      await desktop.delete();
    }
  });

  it("a key file rewritten with another key stops this device, which keeps the one it had", async () => {
    const { dataKey, keyFile } = await made;
    const other = await createSyncKey(NEW, { iterations: 600_000 });
    const desktop = new PrepDatabase("change-passphrase-other-key");
    try {
      await startSyncing(desktop, "desktop1", dataKey, keyFile);
      const job = createDeviceSync({
        db: desktop,
        drive: createDriveClient({ fetch: drive.fetch, token: async () => drive.token }),
      });
      await job.sync();
      const [file] = drive.byName("key");
      drive.rewrite(file?.id ?? "", new TextEncoder().encode(JSON.stringify(other.keyFile)));
      await job.sync();
      expect(await readSyncStatusRow(desktop)).toMatchObject({ problem: "wrong-key" });
      expect(await readStoredKeyFile(desktop)).toEqual(keyFile);
      // Nothing sealed with the key it holds went up.
      expect([...drive.files.values()].map((f) => f.name).sort()).toEqual(["devices", "key"]);
    } finally {
      await desktop.delete();
    }
  });
});
