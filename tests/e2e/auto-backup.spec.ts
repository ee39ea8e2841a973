import type { Worker } from "@playwright/test";
import { answerPermissionPrompt, recordDownloads } from "./consent";
import { expect, test } from "./extension";
import { showOptionsPlace } from "./options-page";
import { dayAt, meeting, person, seedDatabase } from "./seed";

type Saved = { id: number; filename: string; text: string };
const saved = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __downloads: Saved[] }).__downloads);
const removed = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { __removedDownloads: number[] }).__removedDownloads);

test("automatic backups: turned on in options, saved into Downloads, the oldest let go, and any of them restores in two clicks", async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const options = await openExtensionPage("options.html#backup");
  await seedDatabase(options, {
    people: [person("priya", "Priya Raman")],
    meetings: [meeting("m1", "priya", dayAt(-7), { notes: "Wants to lead the API review." })],
  });
  await options.reload();
  await expect(options.getByTestId("storage-state")).toContainText(
    "Protected from the browser's clean-up: yes",
  );
  await recordDownloads(serviceWorker);

  // Refused permission: a clear message, and backups stay off.
  await answerPermissionPrompt(options, false);
  await options.getByLabel(/Back up automatically/).click();
  await expect(options.getByRole("alert")).toHaveText(
    "Automatic backups need permission to save files. Nothing changed.",
  );
  await expect(options.getByLabel(/Back up automatically/)).not.toBeChecked();

  await answerPermissionPrompt(options, true);
  await options.getByLabel(/Back up automatically/).click();
  await expect(options.getByTestId("last-auto-backup")).toContainText("Last backup:");
  const [first] = await saved(serviceWorker);
  expect(first?.filename).toMatch(/^1-1 Prep backups\/1-1-prep-backup-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
  expect(JSON.parse(first?.text ?? "{}")).toMatchObject({
    format: "one-on-one-prep-backup",
    version: 2,
    settings: { autoBackup: { every: "day", keep: 10 } },
  });
  expect(first?.text).toContain("Wants to lead the API review.");

  // Keep two: the third backup lets the first file go.
  await options.getByLabel("keeping the last").fill("2");
  await expect(options.getByText("Saved.")).toBeVisible();
  for (const count of [2, 3]) {
    await options.waitForTimeout(1100); // a new second, so a new file name
    await options.getByRole("button", { name: "Back up now" }).click();
    await expect.poll(async () => (await saved(serviceWorker)).length).toBe(count);
  }
  await expect.poll(() => removed(serviceWorker)).toEqual([first?.id]);
  const restorable = options
    .getByRole("list", { name: "Automatic backups you can restore" })
    .getByRole("listitem");
  await expect(restorable).toHaveCount(2);

  // Everything deleted by mistake: Restore…, then Import.
  await options.getByLabel(/Type .delete everything. to confirm/).fill("delete everything");
  await options.getByRole("button", { name: "Delete everything" }).click();
  await showOptionsPlace(options, "People");
  await expect(options.getByText("People appear here once you open a 1:1")).toBeVisible();
  // The place left keeps its list of backups: no need to find it again.
  await showOptionsPlace(options, "Backup and import");
  await restorable.first().getByRole("button", { name: "Restore…" }).click();
  const preview = options.getByTestId("import-preview");
  await expect(preview.getByRole("row", { name: /^Meetings/ }).getByRole("cell")).toHaveText(["1", "0", "0"]);
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(preview).toContainText("Imported.");
  await showOptionsPlace(options, "People");
  await expect(options.getByTestId("person-Priya Raman")).toBeVisible();
});

test("the popup warns when the last automatic backup is older than its period, and backs up on the spot", async ({
  openExtensionPage,
  serviceWorker,
}) => {
  // Saving files not allowed yet: the background's attempt fails, and says why.
  await serviceWorker.evaluate(async (lastAt) => {
    const g = globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
    await g.chrome.storage.local.set({
      autoBackupState: {
        files: [{ downloadId: 99, file: "1-1 Prep backups/old.json", at: lastAt, bytes: 10 }],
      },
      autoBackup: { every: "day", keep: 10 },
    });
  }, dayAt(-3));
  const popup = await openExtensionPage("popup.html");
  const warning = popup.getByTestId("backup-warning");
  await expect(warning).toContainText("Your last automatic backup was");
  await expect(warning).toContainText("may not save files; turn automatic backups on again in Options");
  await recordDownloads(serviceWorker);
  await warning.getByRole("button", { name: "Back up now" }).click();
  await expect(warning).toHaveCount(0);
  expect((await saved(serviceWorker)).length).toBeGreaterThanOrEqual(1);
});
