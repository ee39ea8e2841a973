import type { Frame, Page } from "@playwright/test";
import { expectPrepFor, fixtureEvents, openEvent, pageErrors, SIDEBAR, sidebar } from "./calendar";
import { expect, test } from "./extension";
import { storedNotes } from "./seed";

const { priyaWeekly1 } = fixtureEvents;

async function sidebarFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator(`${SIDEBAR} iframe`).elementHandle())?.contentFrame();
  if (!frame) throw new Error("The sidebar has no frame.");
  return frame;
}

interface QuotaSwitch {
  __storageFull(full: boolean): void;
}

/** Makes every IndexedDB write in the frame fail as a full disk does, until switched back. */
async function installFullDisk(frame: Frame) {
  await frame.evaluate(() => {
    const originals = {
      put: IDBObjectStore.prototype.put,
      add: IDBObjectStore.prototype.add,
      update: IDBCursor.prototype.update,
    };
    const quota = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    (window as unknown as QuotaSwitch).__storageFull = (full: boolean) => {
      IDBObjectStore.prototype.put = full ? quota : originals.put;
      IDBObjectStore.prototype.add = full ? quota : originals.add;
      IDBCursor.prototype.update = full ? quota : originals.update;
    };
  });
}

test("a full disk: failed writes say so clearly, keep the typed text, and saving resumes once there is room", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const prep = sidebar(page);
  const frame = await sidebarFrame(page);
  await installFullDisk(frame);
  await frame.evaluate(() => (window as unknown as QuotaSwitch).__storageFull(true));

  const notes = prep.getByRole("textbox", { name: /Notes for the 1:1/ });
  await notes.pressSequentially("Wants to move to the platform team", { delay: 5 });
  const notesError = prep.getByRole("alert").filter({ hasText: "Couldn't save your notes" });
  await expect(notesError).toHaveText("Couldn't save your notes. They are still here; keep typing to retry.");
  await expect(notes).toHaveValue("Wants to move to the platform team");

  const newItem = prep.getByRole("textbox", { name: "New action item" });
  await newItem.fill("Introduce Priya to the platform lead");
  await newItem.press("Enter");
  await expect(prep.getByRole("alert").filter({ hasText: "Couldn't save this action item" })).toBeVisible();
  await expect(newItem).toHaveValue("Introduce Priya to the platform lead");
  await expect(prep.getByTestId("agreed-items")).toHaveCount(0);

  // Room again: the next keystroke saves everything typed so far, and the item goes in on retry.
  await frame.evaluate(() => (window as unknown as QuotaSwitch).__storageFull(false));
  await notes.press("End");
  await notes.pressSequentially(".", { delay: 5 });
  await expect(notesError).toHaveCount(0);
  await newItem.press("Enter");
  await expect(prep.getByTestId("agreed-items")).toContainText("Introduce Priya to the platform lead");
  await expect(newItem).toHaveValue("");
  await expect(prep.getByRole("alert")).toHaveCount(0);

  const popup = await openExtensionPage("popup.html");
  await expect
    .poll(() => storedNotes(popup, priyaWeekly1.eventId))
    .toBe("Wants to move to the platform team.");
  expect(pageErrors(page)).toEqual([]);
});
