import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { FetchLike } from "@/lib/calendar-api";
import { prepDatabase, readDriveGrant, startSyncing, stopSyncing } from "@/lib/db";
import {
  connectSyncDrive,
  createDeviceSync,
  readDeviceSyncStatus,
  SyncSetupError,
  turnOffSync,
} from "@/lib/device-sync";
import { readDeviceSyncToken, setDeviceSyncToken } from "@/lib/settings";
import { createSyncKey } from "@/lib/sync";
import { FakeDrive } from "../../fixtures/drive/fake-drive";
import { FakeTokenEndpoint } from "../../fixtures/google/fake-token-endpoint";

const CLIENT_ID = "1234-abc.apps.googleusercontent.com";
const SECRET = "GOCSPX-abcdefghijklmnopqrstuvwxyz12";
const made = createSyncKey("correct horse battery staple", { iterations: 600_000 });

let drive: FakeDrive;
let google: FakeTokenEndpoint;
/** Sign-in windows opened: none may open once offline access is granted. */
let windows: { url: string; interactive: boolean }[];
let fetch: FetchLike;
let permissionsBefore: unknown;

beforeEach(async () => {
  await prepDatabase().open();
  await stopSyncing(prepDatabase());
  await setDeviceSyncToken(undefined);
  drive = new FakeDrive();
  drive.token = "nobody-yet";
  google = new FakeTokenEndpoint(CLIENT_ID, SECRET, (token) => {
    drive.token = token;
  });
  fetch = (input, init) =>
    input.startsWith("https://oauth2.googleapis.com/") ? google.fetch(input, init) : drive.fetch(input, init);
  windows = [];
  // The fake browser has no permissions API of its own, and another file may have put one in.
  permissionsBefore = (fakeBrowser as unknown as { permissions: unknown }).permissions;
  (fakeBrowser as unknown as { permissions: unknown }).permissions = {
    request: async () => true,
    remove: async () => true,
  };
  vi.spyOn(fakeBrowser.identity, "getRedirectURL").mockReturnValue("https://prep.chromiumapp.org/");
  vi.spyOn(fakeBrowser.identity, "launchWebAuthFlow").mockImplementation(async ({ url, interactive }) => {
    windows.push({ url, interactive: interactive === true });
    if (!interactive) throw new Error("User interaction required.");
    return google.signInAnswer(url);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  // Put back as found: a key left holding undefined breaks fakeBrowser.reset() in every file after.
  const withPermissions = fakeBrowser as unknown as { permissions?: unknown };
  if (permissionsBefore === undefined) delete withPermissions.permissions;
  else withPermissions.permissions = permissionsBefore;
});

/** Connected as the options page does it, then syncing as the first device. */
async function connectedAndSyncing(clientSecret?: string) {
  await connectSyncDrive({ clientId: CLIENT_ID, ...(clientSecret ? { clientSecret } : {}) }, { fetch });
  const { dataKey, keyFile } = await made;
  drive.put("key", new TextEncoder().encode(JSON.stringify(keyFile)));
  await startSyncing(prepDatabase(), "laptop01", dataKey, keyFile);
  return createDeviceSync({ db: prepDatabase(), fetch });
}

const expireToken = async () => {
  const token = await readDeviceSyncToken();
  await setDeviceSyncToken({ accessToken: token?.accessToken ?? "", expiresAt: Date.now() - 1 });
};

describe("sync with the OAuth client's secret", () => {
  it("signs in once through the code flow and keeps the grant in the database, not in extension storage", async () => {
    await connectedAndSyncing(` ${SECRET} `);
    expect(windows).toHaveLength(1);
    expect(new URL(windows[0]?.url ?? "").searchParams.get("response_type")).toBe("code");
    expect(google.exchanges).toHaveLength(1);
    expect(await readDriveGrant(prepDatabase())).toMatchObject({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      refreshToken: expect.stringMatching(/^refresh-/),
    });
    const stored = JSON.stringify(await browser.storage.local.get(null));
    expect(stored).not.toContain("refresh-");
    expect(stored).not.toContain(SECRET);
  });

  it("renews an expired token from the refresh token, with no sign-in window, and syncs", async () => {
    const job = await connectedAndSyncing(SECRET);
    await job.sync();
    await expireToken();
    const before = drive.token;
    await job.sync();
    expect(windows).toHaveLength(1);
    expect(google.renewals).toHaveLength(1);
    expect(drive.token).not.toBe(before);
    expect((await readDeviceSyncToken())?.accessToken).toBe(drive.token);
    expect((await readDeviceSyncStatus()).phase).toBe("idle");
  });

  it("a refresh token Google replaces on renewal is kept, so the next renewal works too", async () => {
    google.rotate = true;
    const job = await connectedAndSyncing(SECRET);
    await job.sync();
    const first = (await readDriveGrant(prepDatabase()))?.refreshToken;
    for (const _round of [1, 2]) {
      await expireToken();
      await job.sync();
      expect((await readDeviceSyncStatus()).phase).toBe("idle");
    }
    expect(google.renewals).toHaveLength(2);
    expect((await readDriveGrant(prepDatabase()))?.refreshToken).not.toBe(first);
    expect(windows).toHaveLength(1);
  });

  it("Google's sign-in service out of reach is offline, to try again, and keeps the grant", async () => {
    const job = await connectedAndSyncing(SECRET);
    await job.sync();
    await expireToken();
    google.failNext = "network";
    await job.sync();
    expect((await readDeviceSyncStatus()).phase).toBe("offline");
    expect(await readDriveGrant(prepDatabase())).toBeDefined();
    await job.sync();
    expect((await readDeviceSyncStatus()).phase).toBe("idle");
  });

  it("a revoked grant is forgotten; the silent sign-in is tried, the manager is asked to reconnect, and reconnecting asks for offline access again", async () => {
    const job = await connectedAndSyncing(SECRET);
    await job.sync();
    await expireToken();
    google.failNext = { status: 400, error: "invalid_grant" };
    await job.sync();
    expect(await readDriveGrant(prepDatabase())).toEqual({ clientId: CLIENT_ID, clientSecret: SECRET });
    expect(windows.map((w) => w.interactive)).toEqual([true, false]);
    expect((await readDeviceSyncStatus()).phase).toBe("reconnect");

    await connectSyncDrive({ clientId: CLIENT_ID }, { fetch });
    expect(new URL(windows[2]?.url ?? "").searchParams.get("access_type")).toBe("offline");
    expect((await readDriveGrant(prepDatabase()))?.refreshToken).toMatch(/^refresh-/);
    await job.sync();
    expect((await readDeviceSyncStatus()).phase).toBe("idle");
  });

  it("reconnecting with the same client keeps to offline access without typing the secret again", async () => {
    await connectedAndSyncing(SECRET);
    const first = await readDriveGrant(prepDatabase());
    await connectSyncDrive({ clientId: CLIENT_ID }, { fetch });
    expect(google.exchanges).toHaveLength(2);
    expect(google.exchanges[1]?.get("client_secret")).toBe(SECRET);
    const second = await readDriveGrant(prepDatabase());
    expect(second?.refreshToken).toMatch(/^refresh-/);
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
  });

  it("turning sync off asks Google to forget the grant, and forgets it here", async () => {
    const job = await connectedAndSyncing(SECRET);
    await job.sync();
    const grant = await readDriveGrant(prepDatabase());
    await turnOffSync({ fetch });
    expect(google.revoked).toEqual([grant?.refreshToken]);
    expect(await readDriveGrant(prepDatabase())).toBeUndefined();
  });

  it("a mistyped secret is refused before anything opens, and nothing changes", async () => {
    const error = await connectSyncDrive(
      { clientId: CLIENT_ID, clientSecret: "not a secret" },
      { fetch },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncSetupError);
    expect((error as SyncSetupError).kind).toBe("client-secret");
    expect(windows).toHaveLength(0);
    expect(await readDriveGrant(prepDatabase())).toBeUndefined();
  });
});

describe("sync without the secret", () => {
  it("signs in through the implicit flow and keeps no grant", async () => {
    await connectedAndSyncing();
    expect(new URL(windows[0]?.url ?? "").searchParams.get("response_type")).toBe("token");
    expect(google.exchanges).toHaveLength(0);
    expect(await readDriveGrant(prepDatabase())).toBeUndefined();
  });
});
