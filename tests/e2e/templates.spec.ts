import type { Page } from "@playwright/test";
import type { QuestionAsked } from "../../lib/db";
import { questionBank } from "../../lib/questions/bank";
import { closeEvent, expectPrepFor, fixtureEvents, openEvent, pageErrors, sidebar } from "./calendar";
import { expect, test } from "./extension";
import { meeting, person, type Seed, seedDatabase } from "./seed";

const { priyaWeekly1, priyaWeekly2 } = fixtureEvents;

test.afterEach(async ({ context }) => {
  for (const page of context.pages()) expect(pageErrors(page)).toEqual([]);
});

async function templatesIn(openExtensionPage: (path: string) => Promise<Page>) {
  const options = await openExtensionPage("options.html#templates");
  const templates = options.getByTestId("templates");
  await expect(templates).toBeVisible();
  return { options, templates };
}

test("a weekly section renamed and re-timed in options shows in the sidebar, live, until reset", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  const { options, templates } = await templatesIn(openExtensionPage);
  const weekly = templates.getByRole("group", { name: "Weekly 1:1" });
  await templates.getByLabel("Their items Title").fill("Their topics");
  await templates.getByLabel("Their items Minutes").focus();
  await expect(weekly.getByRole("status")).toHaveText("Saved.");
  await expect(templates.getByText("Default: Their items", { exact: true })).toBeVisible();
  await expect(templates.getByTestId("weekly-total")).toHaveText(
    "Time boxes: 30 min in all. Fits a 30-minute 1:1.",
  );
  await templates.getByLabel("Their items Minutes").fill("20");
  await templates.getByLabel("Their items Minutes").press("Tab");
  await expect(templates.getByLabel("Their items Minutes")).toHaveValue("20");
  // Five minutes more than the half hour most 1:1s are booked for: said so, not refused.
  await expect(templates.getByTestId("weekly-total")).toContainText("Time boxes: 35 min in all.");
  await expect(templates.getByTestId("weekly-total")).toContainText("more than the usual 30-minute 1:1");
  // Out of range: said so, and nothing saved.
  await templates.getByLabel("My items Minutes").fill("500");
  await templates.getByLabel("My items Minutes").press("Tab");
  await expect(weekly.getByRole("alert")).toContainText("whole minutes from 0 to 120");
  await templates.getByLabel("My items Minutes").fill("");
  await templates.getByLabel("My items Minutes").press("Tab");
  await expect(weekly.getByRole("alert")).toHaveCount(0);
  // Met once in September, Priya's first 1:1 in October is a monthly deep dive: its prompts
  // are reworded the same way.
  await seedDatabase(options, {
    people: [person("priya", "Priya Raman")],
    meetings: [meeting("sep", "priya", Date.UTC(2026, 8, 29, 16))],
  });
  await templates.getByLabel("Happiness: Question 2").fill("What would make next month a 10?");
  await templates.getByLabel("Happiness: Hint 2").focus();
  const monthly = templates.getByRole("group", { name: "Monthly deep dive" });
  await expect(monthly.getByRole("status")).toHaveText("Saved.");

  await page.bringToFront();
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const prep = sidebar(page);
  const agenda = prep.getByRole("region", { name: /^Agenda/ });
  // The 35 minutes of boxes fit the 30-minute event: 20/10/5 becomes 17/9/4, their share still grown.
  await expect(agenda.getByRole("heading", { level: 2 })).toHaveText("Agenda · 30 min");
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText([
    "Their topics",
    "Growth and development",
    "Feedback",
    "My items",
  ]);
  await expect(prep.getByTestId("agenda-theirs")).toContainText("17 min");
  await expect(prep.getByRole("textbox", { name: "Add to Their topics" })).toBeVisible();
  await expect(
    prep.getByTestId("guide-monthly").getByLabel("What would make next month a 10?"),
  ).toBeVisible();
  await expect(prep.getByRole("radio", { name: "7" })).toBeVisible();

  // Reset in options while the sidebar is open: it follows without being reopened.
  await options.bringToFront();
  await weekly.getByRole("button", { name: "Reset weekly 1:1 to default" }).click();
  await expect(weekly.getByRole("status")).toContainText("Weekly 1:1 reset to default.");
  await expect(templates.getByLabel("Their items Title")).toHaveValue("Their items");
  await expect(prep.getByTestId("agenda-theirs").getByRole("heading")).toHaveText("Their items");
  await expect(prep.getByTestId("agenda-theirs")).toContainText("15 min");
  await expect(agenda.getByRole("heading", { level: 2 })).toHaveText("Agenda · 30 min");

  // A reset can be undone; the global reset clears every part.
  await weekly.getByRole("button", { name: "Undo" }).click();
  await expect(prep.getByTestId("agenda-theirs").getByRole("heading")).toHaveText("Their topics");
  await templates.getByRole("button", { name: "Reset all templates to default" }).click();
  await expect(prep.getByTestId("agenda-theirs").getByRole("heading")).toHaveText("Their items");
  await expect(prep.getByTestId("guide-monthly").getByLabel("What would make it a 10?")).toBeVisible();
  await expect(templates.getByLabel("Happiness: Question 2")).toHaveValue("What would make it a 10?");
});

test("an own question added in options is suggested like any other, and rests once asked", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  // Every bank question was asked with Priya last week, so only a question never asked can
  // come first: which of the bank's would otherwise lead depends on the meeting's random id.
  const priya = person("priya", "Priya Raman");
  const lastWeek = Date.parse(priyaWeekly1.startsAt) - 7 * 86_400_000;
  const asked: QuestionAsked[] = questionBank.map((q, i) => ({
    id: `asked-${i}`,
    personId: priya.id,
    questionId: q.id,
    meetingId: "m-last-week",
    askedAt: lastWeek,
  }));
  const rows: Seed & { questionsAsked: QuestionAsked[] } = {
    people: [priya],
    meetings: [meeting("m-last-week", priya.id, lastWeek)],
    questionsAsked: asked,
  };
  const { options, templates } = await templatesIn(openExtensionPage);
  await seedDatabase(options, rows);

  const own = templates.getByRole("group", { name: "Your own questions" });
  const newQuestion = own.getByLabel("New question");
  // A closed question gets the lint hint inline; it may still be saved, and keeps the hint.
  await newQuestion.fill("Is everything okay?");
  await expect(own.locator('[data-lint="closed"]')).toContainText("Try:");
  await newQuestion.press("Enter");
  await expect(own.getByRole("status")).toHaveText("Saved.");
  await expect(newQuestion).toHaveValue("");
  await expect(own.getByLabel("Your question 1", { exact: true })).toHaveValue("Is everything okay?");
  await expect(own.getByTestId("own-questions").locator('[data-lint="closed"]')).toBeVisible();
  await own.getByRole("button", { name: "Use the suggestion" }).click();
  await expect(own.getByLabel("Your question 1", { exact: true })).not.toHaveValue("Is everything okay?");
  await expect(own.locator("[data-lint]")).toHaveCount(0);
  await own.getByRole("button", { name: /^Remove your question 1/ }).click();
  await expect(own.getByTestId("own-questions")).toHaveCount(0);

  await newQuestion.fill("What would make Mondays easier for you?");
  await expect(own.locator("[data-lint]")).toHaveCount(0);
  await own.getByLabel("Purpose", { exact: true }).selectOption({ label: "Wellbeing" });
  await own.getByRole("button", { name: "Add question" }).click();
  await expect(own.getByLabel("Your question 1", { exact: true })).toHaveValue(
    "What would make Mondays easier for you?",
  );
  await expect(own.getByLabel("Purpose of your question 1")).toHaveValue("wellbeing");

  await page.bringToFront();
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const suggestions = sidebar(page).getByTestId("suggested-questions").locator("li");
  await expect(suggestions).toHaveCount(3);
  const first = suggestions.first();
  await expect(first.locator(".question-text")).toHaveText("What would make Mondays easier for you?");
  await expect(first).toContainText("Wellbeing");
  await first.getByRole("button", { name: /^Mark asked/ }).click();
  await expect(first.getByRole("button", { name: /^Asked/ })).toHaveAttribute("aria-pressed", "true");
  await closeEvent(page);

  // Asked this week, it stays away next week while the bank's, asked longer ago, come back first.
  await openEvent(page, priyaWeekly2);
  await expectPrepFor(page, "Priya Raman");
  await expect(suggestions).toHaveCount(3);
  await expect(sidebar(page).getByTestId("suggested-questions")).not.toContainText("Mondays");
});
