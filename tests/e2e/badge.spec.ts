import type { Worker } from "@playwright/test";
import { expectPrepFor, fixtureEvents, openEvent, sidebar } from "./calendar";
import { expect, test } from "./extension";

/** The slice of the service worker's `chrome` the tests read. */
type ActionApi = {
  chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };
};

const badge = (sw: Worker) =>
  sw.evaluate(() => (globalThis as unknown as ActionApi).chrome.action.getBadgeText({}));
const tooltip = (sw: Worker) =>
  sw.evaluate(() => (globalThis as unknown as ActionApi).chrome.action.getTitle({}));

function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test("an action item due yesterday shows on the badge until it is ticked in the popup", async ({
  calendarPage: page,
  serviceWorker,
  openExtensionPage,
}) => {
  await expect.poll(() => badge(serviceWorker)).toBe("");

  await openEvent(page, fixtureEvents.priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const prep = sidebar(page);
  await prep.getByRole("textbox", { name: "New action item" }).fill("Send the promotion packet");
  await prep.getByLabel("Due", { exact: true }).fill(isoDay(-1));
  await prep.getByRole("form", { name: "Add an action item" }).getByRole("button", { name: "Add" }).click();
  await prep.getByRole("textbox", { name: "New action item" }).fill("Review the rota, not due yet");
  await prep.getByLabel("Due", { exact: true }).fill(isoDay(3));
  await prep.getByRole("form", { name: "Add an action item" }).getByRole("button", { name: "Add" }).click();

  await expect.poll(() => badge(serviceWorker), { timeout: 2000 }).toBe("1");
  expect(await tooltip(serviceWorker)).toContain("Priya Raman: 1");

  const popup = await openExtensionPage("popup.html");
  await popup.getByRole("tab", { name: "Stats" }).click();
  await popup.getByRole("checkbox", { name: /Send the promotion packet/ }).check();
  await expect.poll(() => badge(serviceWorker), { timeout: 2000 }).toBe("");
});
