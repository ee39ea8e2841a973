import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "@playwright/test";
import { FakeDrive } from "../fixtures/drive/fake-drive";
import { FakeTokenEndpoint } from "../fixtures/google/fake-token-endpoint";
import { answerGoogleSignIn, answerGoogleSignInWith, answerPermissionPrompt } from "./consent";
import {
  allowForPolicyCopy,
  openSyncOptions,
  POLICY_COPY_TIMEOUT,
  policyCopy,
  serveDrive,
  state,
} from "./drive-sync";
import { expect, launchWithExtension, test } from "./extension";
import { showOptionsPlace } from "./options-page";
import { EXTENSION_DIR } from "./paths";

/**
 * A company's IT presets 1:1 Prep through Chromium's policy for extensions. Chromium reads the
 * policy files only at startup, and every Chromium on the machine reads them, so the file names
 * one copy of the build made for this test alone: the copy's path gives it an id no other test's
 * extension has.
 */

const POLICY_DIR = "/etc/chromium/policies/managed";
const CLIENT_ID = "123-abc.apps.googleusercontent.com";

/** Chromium's id for an unpacked extension: the path's SHA-256, its first 32 hex digits spelled a–p. */
function unpackedExtensionId(path: string): string {
  return [...createHash("sha256").update(path).digest("hex").slice(0, 32)]
    .map((digit) => String.fromCharCode("a".charCodeAt(0) + Number.parseInt(digit, 16)))
    .join("");
}

/** Creates the folders a policy file needs, and returns those it created, deepest first. */
function makePolicyDir(): string[] {
  const created: string[] = [];
  for (let dir = POLICY_DIR; !existsSync(dir); dir = join(dir, "..")) created.push(dir);
  mkdirSync(POLICY_DIR, { recursive: true });
  return created;
}

/**
 * A browser started under the organisation's `policy` for a copy of the build made for this test
 * alone; the policy file and the copy are gone once `use` is done.
 */
async function withPolicy(
  policy: Record<string, unknown>,
  use: (context: BrowserContext, extensionId: string) => Promise<void>,
): Promise<void> {
  const workDir = realpathSync(mkdtempSync(join(tmpdir(), "prep-e2e-policy-")));
  const extensionDir = join(workDir, "extension");
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const extensionId = unpackedExtensionId(extensionDir);
  const policyFile = join(POLICY_DIR, `one-on-one-prep-${extensionId}.json`);
  const createdDirs = makePolicyDir();
  writeFileSync(policyFile, JSON.stringify({ "3rdparty": { extensions: { [extensionId]: policy } } }));
  let context: BrowserContext | undefined;
  try {
    context = await launchWithExtension(join(workDir, "profile"), { extensionDir });
    await use(context, extensionId);
  } finally {
    await context?.close();
    rmSync(policyFile, { force: true });
    for (const dir of createdDirs) rmdirSync(dir);
    rmSync(workDir, { recursive: true, force: true });
  }
}

test.skip(
  process.getuid?.() !== 0,
  `Writing ${POLICY_DIR} needs root, as in CI; elsewhere this test has nowhere to put the policy.`,
);

// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
test("the organisation's client id, company domain and sync choice show in options, set by the organisation", async ({}, testInfo) => {
  await withPolicy(
    { companyDomain: "acme.com", oauthClientId: CLIENT_ID, syncAllowed: false },
    async (context, extensionId) => {
      await context.route(/^https?:\/\/(?!calendar\.google\.com\/)/, (route) => route.abort());
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
      expect(new URL(worker.url()).host).toBe(extensionId);
      // The background copies the policy where the detector and the pages read it at once. Chromium
      // loads policies as it starts, and managed storage's first answer can take seconds on a busy
      // machine: the copy is waited for that long.
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#calendar`);
      allowForPolicyCopy();
      await expect
        .poll(() => policyCopy(options), { timeout: POLICY_COPY_TIMEOUT })
        .toEqual({ companyDomain: "acme.com", oauthClientId: CLIENT_ID, syncAllowed: false });
      await options.reload();
      const clientId = options.getByLabel("OAuth client id");
      await expect(clientId).toHaveValue(CLIENT_ID);
      await expect(clientId).not.toBeEditable();
      await expect(clientId).toHaveAccessibleDescription("Set by your organisation");
      await options.screenshot({ path: testInfo.outputPath("options-calendar-managed.png") });

      // Connecting takes the organisation's client; the manager typed nothing.
      await answerPermissionPrompt(options, true);
      await answerGoogleSignIn(options, "token-1");
      await options.getByRole("button", { name: "Connect Google Calendar" }).click();
      await expect(options.getByTestId("calendar-state")).toBeVisible();
      const stored = await options.evaluate(() => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        };
        return chrome.storage.local.get("calendarConnection");
      });
      expect(stored.calendarConnection).toMatchObject({ clientId: CLIENT_ID });

      await showOptionsPlace(options, "Settings");
      await expect(options.getByTestId("managed-policy")).toHaveText(
        "Your organisation set some of these settings; only your IT can change them.",
      );
      await expect(options.getByTestId("managed-company-domain")).toContainText(
        "Company domain: acme.com — set by your organisation",
      );
      await expect(options.getByTestId("managed-sync")).toHaveText(
        "Sync across devices: turned off by your organisation",
      );
      await options.screenshot({ path: testInfo.outputPath("options-settings-managed.png"), fullPage: true });
    },
  );
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
test("with the organisation's client secret, sync signs in with offline access and the manager types no client at all", async ({}) => {
  const SECRET = "GOCSPX-organisationSecret0123456789";
  await withPolicy({ oauthClientId: CLIENT_ID, oauthClientSecret: SECRET }, async (context, extensionId) => {
    const drive = new FakeDrive();
    const google = new FakeTokenEndpoint(CLIENT_ID, SECRET, (token) => {
      drive.token = token;
    });
    await serveDrive(context, drive, google);
    const options = await openSyncOptions(context, extensionId);
    const turnOn = options.getByRole("button", { name: "Turn on sync" });
    await expect(turnOn).toBeVisible();
    const section = options.getByTestId("options-sync");
    await expect(section.getByText("Your organisation set up the Google connection")).toBeVisible();
    await expect(section.getByLabel("OAuth client id")).toHaveCount(0);
    await expect(section.getByLabel("OAuth client secret (optional)")).toHaveCount(0);
    await answerPermissionPrompt(options, true);
    await answerGoogleSignInWith(options, (url) => google.signInAnswer(url));
    await turnOn.click();
    await options.getByLabel("Sync passphrase", { exact: true }).fill("Blue kettle at dawn, 1987");
    await options.getByLabel("Repeat the passphrase").fill("Blue kettle at dawn, 1987");
    await options.getByRole("button", { name: "Start syncing" }).click();
    await options.getByRole("button", { name: "I've saved it" }).click({ timeout: 20_000 });
    await expect(state(options)).toContainText("Synced", { timeout: 20_000 });
    expect(google.exchanges.map((form) => [form.get("client_id"), form.get("client_secret")])).toEqual([
      [CLIENT_ID, SECRET],
    ]);
    // Content scripts can read the extension's local storage: the organisation's secret stays out of it, synced or not.
    const local = await options.evaluate(() => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { get(key: null): Promise<Record<string, unknown>> } } };
      };
      return chrome.storage.local.get(null);
    });
    expect(local.organisationPolicy).toEqual({ oauthClientId: CLIENT_ID, oauthClientSecretSet: true });
    expect(JSON.stringify(local)).not.toContain(SECRET);
  });
});
