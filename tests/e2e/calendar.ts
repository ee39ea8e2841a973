import type { FrameLocator, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { type FixtureEvent, fixtureEvents } from "../fixtures/calendar/events";
import { fixtureWeekUrl } from "../fixtures/calendar/render";

export { fixtureEvents };

export const SIDEBAR = "[data-one-on-one-prep]";
export const PREP_BUTTON = "[data-one-on-one-prep-button] button";

/** Opens the fixture week and fails the test on any uncaught error in the Calendar page. */
export async function openWeek(page: Page, url = fixtureWeekUrl): Promise<Page> {
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(url);
  await page.locator('[role="grid"] [role="button"][data-eventid]').first().waitFor();
  (page as Page & { __errors?: Error[] }).__errors = errors;
  return page;
}

export function pageErrors(page: Page): Error[] {
  return (page as Page & { __errors?: Error[] }).__errors ?? [];
}

export async function openEvent(page: Page, event: FixtureEvent) {
  await page.locator(`[role="grid"] [role="button"][data-eventid="${event.eid}"]`).click();
  await expect(page.locator('[role="dialog"]:not([aria-hidden="true"]) #rAECCd')).toHaveText(event.title);
}

/** Opens an event of a page rendered for one test, by the key its fixture gave it. */
export async function openFixtureEvent(page: Page, key: string) {
  await page.locator(`[role="grid"] [data-fixture-key="${key}"]`).click();
  await expect(page.locator('[role="dialog"]:not([aria-hidden="true"]) #rAECCd')).toBeVisible();
}

export async function closeEvent(page: Page) {
  await page.locator('[role="dialog"]:not([aria-hidden="true"]) [aria-label="Close"]').click();
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
}

export function sidebar(page: Page): FrameLocator {
  return page.frameLocator(`${SIDEBAR} iframe`);
}

/** Waits until the sidebar shows its prep for `name`. */
export async function expectPrepFor(page: Page, name: string) {
  await expect(page.locator(SIDEBAR)).toHaveCount(1);
  await expect(sidebar(page).getByRole("heading", { level: 1 })).toHaveText(`1:1 with ${name}`);
}
