import { closeEvent, expectPrepFor, fixtureEvents, openEvent, sidebar } from "./calendar";
import { expect, test } from "./extension";
import { ROOT } from "./paths";

/** Regenerates the README's pictures from the built extension, so they always show the real thing. */
test("screenshots of the sidebar in Calendar and of the popup", async ({
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
    await first.getByRole("combobox").selectOption(owner);
    await first.getByRole("button", { name: "Add" }).click();
  }
  await closeEvent(page);

  await openEvent(page, fixtureEvents.priyaWeekly2);
  await expectPrepFor(page, "Priya Raman");
  await expect(sidebar(page).getByTestId("open-items")).toContainText("Draft the on-call rota proposal");
  await page.screenshot({ path: `${ROOT}docs/sidebar.png` });

  const popup = await openExtensionPage("popup.html");
  await popup.setViewportSize({ width: 360, height: 480 });
  await expect(popup.getByText("Draft the on-call rota proposal")).toBeVisible();
  await popup.screenshot({ path: `${ROOT}docs/popup.png` });
});
