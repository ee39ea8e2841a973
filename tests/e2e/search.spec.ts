import type { Page } from "@playwright/test";
import { expect, test } from "./extension";
import { actionItem, DAY, dayAt, meeting, person, seedDatabase } from "./seed";

/** The action item's stored doneAt, read from an extension page. */
function storedDoneAt(page: Page, id: string): Promise<number | undefined> {
  return page.evaluate(async (itemId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("one-on-one-prep");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const row = await new Promise<{ doneAt?: number } | undefined>((resolve, reject) => {
      const request = db.transaction("actionItems").objectStore("actionItems").get(itemId);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return row?.doneAt;
  }, id);
}

const ROADMAP_WEEKS = 60;

/** The date input's value for a day `offsetDays` from today. */
const dateInput = (offsetDays: number) => new Date(dayAt(offsetDays)).toISOString().slice(0, 10);

test("search finds what was written about a person, by name, with typos, and keeps up with new notes", async ({
  context,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage("popup.html");
  await seedDatabase(popup, {
    people: [person("jose", "José Núñez"), person("ana", "Ana Lima"), person("lee", "Lee Park")],
    meetings: [
      meeting("m-jose", "jose", dayAt(-7), { notes: "Talked about management training and the offsite." }),
      meeting("m-ana", "ana", dayAt(-3), { notes: "Ana wants to mentor <b>new</b> hires." }),
      // Sixty weekly 1:1s over more than a year, each with a roadmap note.
      ...Array.from({ length: ROADMAP_WEEKS }, (_, i) =>
        meeting(`m-lee-${i + 1}`, "lee", dayAt(-7 * (i + 1)), { notes: `Roadmap week ${i + 1}.` }),
      ),
    ],
    actionItems: [actionItem("venue", "jose", "m-jose", { text: "Book the offsite venue" })],
    feedback: [
      {
        id: "fb-jose",
        personId: "jose",
        situation: "In the design review on Tuesday",
        behavior: "you summarised the trade-offs before the debate",
        impact: "the team decided in ten minutes",
        request: "keep opening reviews that way",
        valence: "reinforcing",
        createdAt: dayAt(-2) - DAY,
      },
    ],
  });
  await popup.reload();

  // "/" opens Search from the feedback form, with its empty state.
  await popup.locator("body").press("/");
  const box = popup.getByRole("searchbox", { name: "Search notes, items and feedback" });
  await expect(box).toBeFocused();
  await expect(popup.getByTestId("search-empty")).toContainText("Search your notes, items and feedback");

  // Accents folded: "jose" finds José's name, grouped under him.
  await box.fill("jose");
  const group = popup.getByTestId("search-group");
  await expect(group).toHaveCount(1);
  await expect(group.getByRole("heading")).toHaveText("José Núñez");
  await expect(group.locator("mark")).toHaveText(["José"]);

  // A typo still finds the note, the matched word marked.
  await box.fill("managment");
  const note = popup.getByTestId("search-result").filter({ hasText: "training" });
  await expect(note.locator("mark")).toHaveText(["management"]);

  // Feedback's four parts are searched; hostile text in another note stays text.
  await box.fill("trade offs");
  await expect(popup.getByTestId("search-result")).toContainText(["you summarised the trade-offs"]);
  await box.fill("hires");
  await expect(popup.getByTestId("search-result")).toContainText(["Ana wants to mentor <b>new</b> hires."]);
  await expect(popup.locator(".search-results b")).toHaveCount(0);

  // An action item is ticked done from its result.
  await box.fill("venue");
  const item = popup.getByTestId("search-result").filter({ hasText: "Book the offsite venue" });
  await item.getByRole("checkbox", { name: "Mark done" }).check();
  await expect.poll(() => storedDoneAt(popup, "venue")).toBeGreaterThan(0);
  await expect(item).toContainText("done");

  // The fifty newest of Lee's roadmap notes show, newest first, with a line saying older ones
  // are left out; a date filter reaches those.
  await box.fill("roadmap");
  const results = popup.getByTestId("search-result");
  await expect(results).toHaveCount(50);
  await expect(results.first()).toContainText("Roadmap week 1.");
  await expect(results.last()).toContainText("Roadmap week 50.");
  await expect(popup.getByTestId("search-more")).toContainText("Showing the 50 newest results");
  const until = popup.getByLabel("to", { exact: true });
  await until.fill(dateInput(-7 * 51));
  await expect(results).toHaveCount(ROADMAP_WEEKS - 50);
  await expect(results.first()).toContainText("Roadmap week 51.");
  await expect(popup.getByTestId("search-more")).toHaveCount(0);
  await until.fill("");

  await box.fill("zebracorn");
  await expect(popup.getByTestId("search-none")).toContainText("No results for “zebracorn”");

  // A result opens the meeting's prep, with its note, on a page of its own (no Calendar event known).
  await box.fill("managment");
  const [prep] = await Promise.all([
    context.waitForEvent("page"),
    note.getByRole("link", { name: /Open prep/ }).click(),
  ]);
  await expect(prep).toHaveURL(/meeting\.html\?id=m-jose$/);
  const notes = prep.getByRole("textbox", { name: /Notes for the 1:1/ });
  await expect(notes).toHaveValue("Talked about management training and the offsite.");

  // A note written in the prep is found by the search still open in the popup.
  await notes.press("End");
  await notes.pressSequentially(" Promotion packet drafted.");
  await box.fill("promotion");
  await expect(popup.getByTestId("search-result")).toContainText(["Promotion packet drafted."]);
  await expect(popup.getByTestId("search-group").getByRole("heading")).toHaveText("José Núñez");
});
