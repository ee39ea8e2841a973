import { expectPrepFor, fixtureEvents, openEvent, openWeek, sidebar } from "./calendar";
import { expect, test } from "./extension";

const { priyaWeekly1 } = fixtureEvents;
const NOTES = /Notes for the 1:1/;

test("typing, then closing the tab at once, keeps every character (10 of 10 trials)", async ({
  context,
  calendarPage,
}) => {
  await calendarPage.close();
  const lost: string[] = [];
  let expected = "";
  for (let trial = 0; trial <= 10; trial++) {
    const page = await openWeek(await context.newPage());
    await openEvent(page, priyaWeekly1);
    await expectPrepFor(page, "Priya Raman");
    const notes = sidebar(page).getByRole("textbox", { name: NOTES });
    await expect(notes).toBeEditable();
    const shown = await notes.inputValue();
    if (shown !== expected)
      lost.push(`before trial ${trial}: shows ${JSON.stringify(shown)}, typed ${JSON.stringify(expected)}`);
    if (trial === 10) break;
    await notes.press("Control+End");
    const typed = ` trial ${trial}: the quick brown fox jumps over the lazy dog ${trial}`;
    await notes.pressSequentially(typed, { delay: 0 });
    expected = shown + typed;
    await page.close();
  }
  expect(lost).toEqual([]);
});
