import type { Page } from "@playwright/test";
import { closeEvent, expectPrepFor, fixtureEvents, openEvent, SIDEBAR, sidebar } from "./calendar";
import { expect, test } from "./extension";
import { ROOT } from "./paths";

/** Regenerates the README's pictures from the built extension, so they always show the real thing. */
test("screenshots of the sidebar in Calendar, the popup's capture screen, its stats and search, options and the welcome page", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  await openEvent(page, fixtureEvents.priyaWeekly1);
  const first = sidebar(page);
  await first
    .getByRole("textbox", { name: /Notes for the 1:1/ })
    .fill("Priya wants more design ownership.\nOn-call rota feels uneven; she'll propose a fix.");
  for (const [text, owner] of [
    ["Share the staff-level expectations doc", "me"],
    ["Draft the on-call rota proposal", "them"],
  ] as const) {
    await first.getByRole("textbox", { name: "New action item" }).fill(text);
    await first.getByLabel("Owner").selectOption(owner);
    await first
      .getByRole("form", { name: "Add an action item" })
      .getByRole("button", { name: "Add" })
      .click();
  }
  await closeEvent(page);

  await openEvent(page, fixtureEvents.priyaWeekly2);
  await expectPrepFor(page, "Priya Raman");
  await expect(sidebar(page).getByTestId("open-items")).toContainText("Draft the on-call rota proposal");
  await page.screenshot({ path: `${ROOT}docs/sidebar.png` });
  await page.screenshot({ path: `${ROOT}store/1-sidebar.png` });
  // The welcome page's picture of the sidebar is this same prep, so it shows the real thing too.
  await page.locator(SIDEBAR).screenshot({ path: `${ROOT}public/welcome/sidebar.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${ROOT}docs/sidebar-dark.png` });

  const popup = await openExtensionPage("popup.html");
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByRole("combobox", { name: "Who is it for?" }).fill("Priya");
  await popup.getByRole("combobox", { name: "Who is it for?" }).press("Enter");
  await popup.getByLabel("Situation").fill("In yesterday's design review");
  await popup.getByLabel("Behavior").fill("you are careless with the numbers");
  await expect(popup.locator('[data-finding="behavior-character"]')).toBeVisible();
  await popup.screenshot({ path: `${ROOT}docs/popup.png` });
  await storeShot(popup, "2-feedback");

  const stats = await openExtensionPage("popup.html#stats");
  await stats.setViewportSize({ width: 380, height: 600 });
  await expect(stats.getByRole("heading", { name: /Cadence/ })).toBeVisible();
  await stats.screenshot({ path: `${ROOT}docs/stats.png` });
  await stats.emulateMedia({ colorScheme: "dark" });
  await stats.screenshot({ path: `${ROOT}docs/stats-dark.png` });
  await storeShot(stats, "3-stats");

  // What was said weeks ago, found by a word of it: the note and the item typed above.
  const search = await openExtensionPage("popup.html#search");
  await search.setViewportSize({ width: 380, height: 600 });
  await search.getByRole("searchbox", { name: "Search notes, items and feedback" }).fill("rota");
  await expect(search.getByTestId("search-result")).toHaveCount(2);
  await storeShot(search, "4-search");

  for (const scheme of ["light", "dark"] as const) {
    const welcome = await openExtensionPage("welcome.html");
    await welcome.emulateMedia({ colorScheme: scheme });
    await expect(welcome.getByRole("img", { name: /sidebar/ })).toHaveJSProperty("complete", true);
    await welcome.screenshot({
      path: `${ROOT}docs/welcome${scheme === "dark" ? "-dark" : ""}.png`,
      fullPage: true,
    });
    const options = await openExtensionPage("options.html");
    await options.emulateMedia({ colorScheme: scheme });
    await expect(options.getByRole("navigation")).toBeVisible();
    await options.screenshot({ path: `${ROOT}docs/options${scheme === "dark" ? "-dark" : ""}.png` });
    if (scheme === "light") {
      await options.screenshot({ path: `${ROOT}store/5-people.png` });
    }
  }
});

/**
 * The stores ask for 1280×800 pictures: the popup, at its real size, in the middle of one. The
 * backdrop is drawn for the picture only.
 */
async function storeShot(popup: Page, name: string) {
  await popup.emulateMedia({ colorScheme: "light" });
  await popup.setViewportSize({ width: 1280, height: 800 });
  await popup.addStyleTag({
    content:
      "html { background: #e8eaed; } body { margin: 80px auto; border-radius: 8px; box-shadow: 0 4px 24px rgb(0 0 0 / 0.25); overflow: hidden; }",
  });
  await popup.screenshot({ path: `${ROOT}store/${name}.png` });
}
