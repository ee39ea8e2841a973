import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  PrepDatabase,
  prepDatabase,
  readKnownDevices,
  readSyncState,
  readSyncStatusRow,
  startSyncing,
  stopSyncing,
} from "@/lib/db";
import { createDeviceSync, readDeviceSyncStatus, turnOffSync } from "@/lib/device-sync";
import { deviceLabel } from "@/lib/device-sync/device-label";
import { setDeviceSyncConnection, setDeviceSyncToken } from "@/lib/settings";
import {
  createDriveClient,
  createSyncKey,
  DEVICE_SEEN_EVERY_MS,
  type DeviceList,
  listWithDevice,
  openDeviceList,
  sealDeviceList,
} from "@/lib/sync";
import {
  FakeDrive,
  googleError,
  parseMultipart,
  type RecordedRequest,
} from "../../fixtures/drive/fake-drive";

const CHROME_ON_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:153.0) Gecko/20100101 Firefox/153.0";

const made = createSyncKey("correct horse battery staple", { iterations: 600_000 });
const opened: PrepDatabase[] = [];
let drive: FakeDrive;
let clock: number;

beforeEach(async () => {
  // The worker's shared database may come from an earlier file, closed by its version tests.
  await prepDatabase().open();
  await stopSyncing(prepDatabase());
  drive = new FakeDrive();
  clock = Date.UTC(2026, 11, 1, 9);
  drive.put("key", new TextEncoder().encode(JSON.stringify((await made).keyFile)));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** A device syncing through the fake Drive; the first one is this browser's own database. */
async function device(id: string, userAgent: string, db = new PrepDatabase(`devices-${id}`)) {
  if (db !== prepDatabase()) opened.push(db);
  const { dataKey, keyFile } = await made;
  await startSyncing(db, id, dataKey, keyFile);
  const client = createDriveClient({ fetch: drive.fetch, token: async () => drive.token });
  return { db, job: createDeviceSync({ db, drive: client, userAgent, now: () => clock }) };
}

async function listInDrive(): Promise<DeviceList> {
  const [file, ...more] = drive.byName("devices");
  expect(more).toEqual([]);
  return openDeviceList((await made).dataKey, file?.bytes ?? new Uint8Array());
}

const devicesRequests = () => {
  const id = drive.byName("devices")[0]?.id;
  return drive.requests.filter((r) => id !== undefined && r.url.pathname.endsWith(`/files/${id}`)).length;
};

describe("the list of devices syncing", () => {
  it("names every device by browser and system, sealed in Drive, and each sees the others", async () => {
    const laptop = await device("laptop01", CHROME_ON_LINUX);
    const desktop = await device("desktop1", FIREFOX_ON_WINDOWS);
    await laptop.job.sync();
    clock += 60_000;
    await desktop.job.sync();
    await laptop.job.sync();

    const list = await listInDrive();
    expect(list.devices.map(({ id, label }) => ({ id, label }))).toEqual([
      { id: "laptop01", label: "Chrome · Linux" },
      { id: "desktop1", label: "Firefox · Windows" },
    ]);
    const sealed = new TextDecoder().decode(drive.byName("devices")[0]?.bytes);
    for (const plain of ["Chrome", "Firefox", "laptop01", "desktop1"]) expect(sealed).not.toContain(plain);
    const known = await readKnownDevices(laptop.db);
    expect((known?.list as DeviceList | undefined)?.devices.map((d) => d.id)).toEqual([
      "laptop01",
      "desktop1",
    ]);
  });

  it("is not read or written again while it is unchanged and this device's line is fresh", async () => {
    const laptop = await device("laptop01", CHROME_ON_LINUX);
    await laptop.job.sync();
    await laptop.job.sync();
    const before = devicesRequests();
    clock += DEVICE_SEEN_EVERY_MS - 1;
    await laptop.job.sync();
    expect(devicesRequests()).toBe(before);

    clock += 2;
    await laptop.job.sync();
    expect(devicesRequests()).toBeGreaterThan(before);
    expect((await listInDrive()).devices[0]?.lastSeen).toBe(clock);
  });

  it("a device that wrote the list meanwhile keeps its line: the write starts over from it", async () => {
    const laptop = await device("laptop01", CHROME_ON_LINUX);
    await laptop.job.sync();
    const { dataKey } = await made;
    const withTablet = listWithDevice(
      await listInDrive(),
      { id: "tablet01", label: "Chrome · Android" },
      clock,
    );
    const tabletWrote = await sealDeviceList(dataKey, withTablet as DeviceList, 5);
    const desktop = await device("desktop1", FIREFOX_ON_WINDOWS);
    drive.failNext(
      () => {
        const [file] = drive.byName("devices");
        drive.rewrite(file?.id ?? "", tabletWrote);
        return googleError(412, "conditionNotMet");
      },
      (r) => r.method === "PUT",
    );
    await desktop.job.sync();
    expect(await readSyncStatusRow(desktop.db)).not.toHaveProperty("problem");
    expect((await listInDrive()).devices.map((d) => d.id)).toEqual(["laptop01", "tablet01", "desktop1"]);
  });

  it("two devices making the list at once end with one list holding both", async () => {
    const laptop = await device("laptop01", CHROME_ON_LINUX);
    const desktop = await device("desktop1", FIREFOX_ON_WINDOWS);
    const { dataKey } = await made;
    const desktopList = listWithDevice(undefined, { id: "desktop1", label: "Firefox · Windows" }, clock);
    const desktopBytes = await sealDeviceList(dataKey, desktopList as DeviceList, 5);
    // The desktop's list lands in Drive just before the laptop's own create arrives.
    let create: RecordedRequest | undefined;
    drive.failNext(
      () => {
        drive.put("devices", desktopBytes);
        const { bytes } = parseMultipart(
          create?.headers.get("content-type") ?? "",
          create?.body ?? new Uint8Array(),
        );
        const made = drive.put("devices", bytes);
        return new Response(JSON.stringify({ id: made.id, name: made.name, version: "1" }), {
          headers: { "content-type": "application/json" },
        });
      },
      (r) => {
        if (r.method !== "POST" || !isDevicesCreate(r.body)) return false;
        create = r;
        return true;
      },
    );
    await laptop.job.sync();
    expect(create).toBeDefined();
    expect(await readSyncStatusRow(laptop.db)).not.toHaveProperty("problem");
    expect((await listInDrive()).devices.map((d) => d.id)).toEqual(["desktop1", "laptop01"]);
    await desktop.job.sync();
    expect((await listInDrive()).devices.map((d) => d.id)).toEqual(["desktop1", "laptop01"]);
  });

  it("a list this device can't open is left as it is, and sync goes on", async () => {
    const garbage = new TextEncoder().encode('{"format":"something else"}');
    drive.put("devices", garbage);
    const laptop = await device("laptop01", CHROME_ON_LINUX);
    await laptop.job.sync();
    expect(await readSyncStatusRow(laptop.db)).toMatchObject({ lastSyncedAt: clock });
    expect(await readSyncStatusRow(laptop.db)).not.toHaveProperty("problem");
    expect(drive.byName("devices")[0]?.bytes).toEqual(garbage);
  });

  it("shows in the status this device first, and turning sync off takes it off the list", async () => {
    await setDeviceSyncConnection({ clientId: "1234-abc.apps.googleusercontent.com", connectedAt: 1 });
    await setDeviceSyncToken({ accessToken: drive.token, expiresAt: Date.now() + 3_600_000 });
    const desktop = await device("desktop1", FIREFOX_ON_WINDOWS);
    await desktop.job.sync();
    clock += 1000;
    const laptop = await device("laptop01", CHROME_ON_LINUX, prepDatabase());
    await laptop.job.sync();

    const status = await readDeviceSyncStatus();
    expect(status.devices?.map(({ label, self }) => ({ label, self }))).toEqual([
      { label: "Chrome · Linux", self: true },
      { label: "Firefox · Windows", self: false },
    ]);

    await turnOffSync({ fetch: drive.fetch });
    expect(await readSyncState(prepDatabase())).toBeUndefined();
    expect((await listInDrive()).devices.map((d) => d.id)).toEqual(["desktop1"]);
  });

  it("turning sync off offline still turns it off at once", async () => {
    await setDeviceSyncConnection({ clientId: "1234-abc.apps.googleusercontent.com", connectedAt: 1 });
    await setDeviceSyncToken({ accessToken: drive.token, expiresAt: Date.now() + 3_600_000 });
    const laptop = await device("laptop01", CHROME_ON_LINUX, prepDatabase());
    await laptop.job.sync();
    drive.failNext(() => "network");
    await turnOffSync({ fetch: drive.fetch });
    expect(await readSyncState(prepDatabase())).toBeUndefined();
    expect((await listInDrive()).devices.map((d) => d.id)).toEqual(["laptop01"]);
  });
});

/** A create whose metadata names the devices file. */
function isDevicesCreate(body: Uint8Array): boolean {
  return new TextDecoder().decode(body.slice(0, 400)).includes('"name":"devices"');
}

describe("a device's label", () => {
  it.each([
    [CHROME_ON_LINUX, "Chrome · Linux"],
    [FIREFOX_ON_WINDOWS, "Firefox · Windows"],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0",
      "Edge · macOS",
    ],
    [
      "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
      "ChromeOS",
    ],
    ["", "Browser"],
  ])("%s → %s", (userAgent, label) => {
    expect(deviceLabel(userAgent)).toContain(label);
  });
});
