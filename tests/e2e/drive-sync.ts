import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { renderWeekPage } from "../fixtures/calendar/render";
import type { FakeDrive } from "../fixtures/drive/fake-drive";
import type { FakeTokenEndpoint } from "../fixtures/google/fake-token-endpoint";
import { answerGoogleSignIn, answerPermissionPrompt } from "./consent";
import { expect, launchWithExtension, test } from "./extension";

export const CLIENT_ID = "1234-abc.apps.googleusercontent.com";

/**
 * Google's Drive API for every profile at once, from one in-memory folder: what the laptop
 * uploads the desktop downloads. The stubbed consent grants no real host permission, so the
 * extension's requests are CORS ones and get the headers Google would send.
 */
export async function serveDrive(context: BrowserContext, drive: FakeDrive, google?: FakeTokenEndpoint) {
  await context.route("https://calendar.google.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: renderWeekPage() }),
  );
  await context.route(/^https?:\/\/(?!calendar\.google\.com\/)/, async (route) => {
    const request = route.request();
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "authorization, content-type, if-match",
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
      "access-control-expose-headers": "retry-after, location",
    };
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    const toGoogleSignIn = google && request.url().startsWith("https://oauth2.googleapis.com/");
    if (!toGoogleSignIn && !request.url().startsWith("https://www.googleapis.com/")) return route.abort();
    const body = request.postDataBuffer();
    const response = await (toGoogleSignIn ? google.fetch : drive.fetch)(request.url(), {
      method: request.method(),
      headers: request.headers(),
      ...(body ? { body: new Uint8Array(body) } : {}),
    });
    return route.fulfill({
      status: response.status,
      headers: { ...Object.fromEntries(response.headers), ...cors },
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
}

/**
 * The background's copy of the organisation's policy, read from an extension page. Read from a
 * page, not the worker: a worker the browser has stopped (it may, after 30 s idle, even while
 * managed storage has not answered) is not there to ask, and may have made no copy. While there
 * is none, the page's message starts the worker again, as any page of the extension would, and a
 * starting worker copies the policy.
 */
export function policyCopy(extensionPage: Page): Promise<unknown> {
  return extensionPage.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
        runtime: { sendMessage(message: unknown): Promise<unknown> };
      };
    };
    const { organisationPolicy } = await chrome.storage.local.get("organisationPolicy");
    if (organisationPolicy === undefined)
      await chrome.runtime.sendMessage({ type: "badge:refresh" }).catch(() => undefined);
    return organisationPolicy;
  });
}

/**
 * How long a test waits for that first copy. Chromium answers an extension's managed storage only
 * seconds after it starts, and a browser this fresh has no copy yet: until then Options waits for
 * that first answer before it offers sync. With two browsers and Firefox's suite on two cores, that
 * first answer was seen to take over 20 s.
 */
export const POLICY_COPY_TIMEOUT = 60_000;

/** Gives the running test the whole wait on top of its own time, so a late copy isn't its timeout. */
export function allowForPolicyCopy() {
  test.info().setTimeout(test.info().timeout + POLICY_COPY_TIMEOUT);
}

/** Waits for the background's first copy of the organisation's policy. */
export async function policyCopied(context: BrowserContext, extensionId: string): Promise<void> {
  allowForPolicyCopy();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect.poll(() => policyCopy(page), { timeout: POLICY_COPY_TIMEOUT }).toBeDefined();
  await page.close();
}

/** Options at its sync section, in a browser that has read the organisation's policy once. */
export async function openSyncOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  await policyCopied(context, extensionId);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#sync`);
  return options;
}

export async function turnOnSync(options: Page) {
  const turnOn = options.getByRole("button", { name: "Turn on sync" });
  await expect(turnOn).toBeVisible();
  // Neither the organisation nor a Calendar connection gave a client id here.
  await options.locator("section", { has: turnOn }).getByLabel("OAuth client id").fill(CLIENT_ID);
  // Stubbed just before the click: on this page a stub set right after loading was found replaced
  // by Chromium's own permissions API by the time of the click, with no reload in between.
  await answerPermissionPrompt(options, true);
  await answerGoogleSignIn(options, "token-1");
  await turnOn.click();
}

/** The sync state line in Options: "Synced 2 minutes ago", "Offline, 3 changes waiting". */
export const state = (options: Page) => options.getByTestId("device-sync-state");

/** The first computer: a passphrase chosen, the recovery key put away, everything synced. */
export async function startAsFirstComputer(options: Page, passphrase: string, timeout = 20_000) {
  await turnOnSync(options);
  await options.getByLabel("Sync passphrase", { exact: true }).fill(passphrase);
  await options.getByLabel("Repeat the passphrase").fill(passphrase);
  await options.getByRole("button", { name: "Start syncing" }).click();
  await options.getByRole("button", { name: "I've saved it" }).click({ timeout });
  await expect(state(options)).toContainText("Synced", { timeout });
}

/** A further computer's passphrase, and its first sync. */
export async function joinWith(options: Page, passphrase: string, timeout = 20_000) {
  await options.getByLabel("Sync passphrase", { exact: true }).fill(passphrase);
  await options.getByRole("button", { name: "Start syncing" }).click();
  await expect(state(options)).toContainText("Synced", { timeout });
}

/**
 * Another computer: a browser profile with nothing in it, on the same Drive, its sync options
 * open and Google connected; closed and removed once `use` is done.
 */
export async function withAnotherComputer(
  drive: FakeDrive,
  extensionId: string,
  use: (options: Page, context: BrowserContext) => Promise<void>,
) {
  const dir = mkdtempSync(join(tmpdir(), "prep-e2e-desktop-"));
  const other = await launchWithExtension(dir);
  try {
    await serveDrive(other, drive);
    const options = await openSyncOptions(other, extensionId);
    await turnOnSync(options);
    await use(options, other);
  } finally {
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
