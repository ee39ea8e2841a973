import { closeEvent, expectPrepFor, fixtureEvents, openEvent, pageErrors, sidebar } from "./calendar";
import { expect, test } from "./extension";

const { priyaWeekly1, priyaWeekly2 } = fixtureEvents;

test.afterEach(async ({ context }) => {
  for (const page of context.pages()) expect(pageErrors(page)).toEqual([]);
});

test("agenda items not discussed carry over to the next meeting; the nudge asks for their agenda first", async ({
  calendarPage: page,
}) => {
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const first = sidebar(page);
  const theirs = first.getByTestId("agenda-theirs");
  const mine = first.getByTestId("agenda-mine");

  // The weekly template's order and time boxes, with each section's prompt while it is empty.
  const agenda = first.getByRole("region", { name: /^Agenda/ });
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText([
    "Their items",
    "Growth and development",
    "Feedback",
    "My items",
  ]);
  await expect(theirs).toContainText("15 min");
  await expect(mine).toContainText("if time");
  await expect(theirs).toContainText("Their agenda comes first. What do they want to talk about?");

  // Keyboard only: type, Enter.
  await first.getByRole("textbox", { name: "Add to Their items" }).focus();
  await page.keyboard.type("Conference budget");
  await page.keyboard.press("Enter");
  await expect(theirs.locator(".item-text")).toHaveText(["Conference budget"]);
  await expect(first.getByRole("textbox", { name: "Add to Their items" })).toHaveValue("");
  await first.getByRole("textbox", { name: "Add to Their items" }).fill("On-call rota");
  await first.getByRole("textbox", { name: "Add to Their items" }).press("Enter");
  await first.getByRole("textbox", { name: "Add to My items" }).fill("  Reorg news  ");
  await first.getByRole("textbox", { name: "Add to My items" }).press("Enter");
  await expect(theirs.locator(".item-text")).toHaveText(["Conference budget", "On-call rota"]);
  await expect(mine.locator(".item-text")).toHaveText(["Reorg news"]);

  // Empty input is ignored; an overlong one is refused with a message, and the text stays.
  await first.getByRole("textbox", { name: "Add to My items" }).press("Enter");
  await expect(mine.getByRole("listitem")).toHaveCount(1);
  const long = "x".repeat(5001);
  await first.getByRole("textbox", { name: "Add to My items" }).fill(long);
  await first.getByRole("textbox", { name: "Add to My items" }).press("Enter");
  await expect(mine.getByRole("alert")).toContainText("Keep it under 5,000 characters");
  await expect(first.getByRole("textbox", { name: "Add to My items" })).toHaveValue(long);
  await first.getByRole("textbox", { name: "Add to My items" }).fill("");

  await theirs.getByRole("checkbox", { name: "Discussed: On-call rota" }).check();
  await expect(theirs.getByRole("checkbox", { name: "Discussed: On-call rota" })).toBeChecked();
  await expect(first.getByTestId("agenda-nudge")).toHaveCount(0);
  await closeEvent(page);

  await openEvent(page, priyaWeekly2);
  await expectPrepFor(page, "Priya Raman");
  const second = sidebar(page);
  const theirsNext = second.getByTestId("agenda-theirs");
  const mineNext = second.getByTestId("agenda-mine");
  await expect(theirsNext.getByRole("listitem")).toHaveCount(1);
  await expect(theirsNext).toContainText("Conference budget");
  await expect(theirsNext).toContainText(/carried from 13 Oct/);
  await expect(theirsNext).not.toContainText("On-call rota");
  await expect(mineNext).toContainText("Reorg news");
  await expect(mineNext).toContainText(/carried from 13 Oct/);
  await expect(second.getByTestId("agenda-nudge")).toHaveCount(0);

  // Two of mine against one of theirs.
  await second.getByRole("textbox", { name: "Add to My items" }).fill("Hiring plan");
  await second.getByRole("textbox", { name: "Add to My items" }).press("Enter");
  await expect(second.getByTestId("agenda-nudge")).toHaveText(
    "Your items outnumber theirs. Their agenda comes first: ask what they want to cover.",
  );
  await second.getByRole("textbox", { name: "Add to Their items" }).fill("Promotion timeline");
  await second.getByRole("textbox", { name: "Add to Their items" }).press("Enter");
  await expect(second.getByTestId("agenda-nudge")).toHaveCount(0);

  // Discussed here: it stays in this meeting, struck through, and leaves the first one.
  await theirsNext.getByRole("checkbox", { name: "Discussed: Conference budget" }).check();
  await expect(theirsNext.getByRole("checkbox", { name: "Discussed: Conference budget" })).toBeChecked();
  await closeEvent(page);

  await openEvent(page, priyaWeekly1);
  const again = sidebar(page).getByTestId("agenda-theirs");
  await expect(again.locator(".item-text")).toHaveText(["On-call rota"]);
  await closeEvent(page);

  await openEvent(page, priyaWeekly2);
  const back = sidebar(page).getByTestId("agenda-theirs");
  await expect(back.getByRole("checkbox", { name: "Discussed: Conference budget" })).toBeChecked();
  await expect(back.locator(".item-text")).toHaveText(["Conference budget", "Promotion timeline"]);
});

test("agenda items can be reordered and removed with the keyboard", async ({ calendarPage: page }) => {
  await openEvent(page, priyaWeekly1);
  const prep = sidebar(page);
  const growth = prep.getByTestId("agenda-growth");
  const input = prep.getByRole("textbox", { name: "Add to Growth and development" });
  for (const text of ["Design doc", "Pairing", "Talk proposal"]) {
    await input.fill(text);
    await input.press("Enter");
  }
  await expect(growth.locator(".item-text")).toHaveText(["Design doc", "Pairing", "Talk proposal"]);

  await growth.getByRole("button", { name: "Move “Talk proposal” up" }).focus();
  await page.keyboard.press("Enter");
  await expect(growth.locator(".item-text")).toHaveText(["Design doc", "Talk proposal", "Pairing"]);
  // Focus follows the moved item, so Enter again moves it further.
  await page.keyboard.press("Enter");
  await expect(growth.locator(".item-text")).toHaveText(["Talk proposal", "Design doc", "Pairing"]);

  await growth.getByRole("button", { name: "Remove “Design doc”" }).focus();
  await page.keyboard.press("Enter");
  await expect(growth.locator(".item-text")).toHaveText(["Talk proposal", "Pairing"]);
  await expect(input).toBeFocused();
});
