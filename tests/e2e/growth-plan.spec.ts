import type { FrameLocator, Page } from "@playwright/test";
import type { GrowthPlan } from "../../lib/db";
import { closeEvent, expectPrepFor, fixtureEvents, openEvent, pageErrors, sidebar } from "./calendar";
import { expect, test } from "./extension";
import { dayAt, meeting, person, type Seed, seedDatabase } from "./seed";

const { priyaWeekly1 } = fixtureEvents;
const priya = person("priya", "Priya Raman");
/** The meeting row the sidebar finds for the fixture event: same calendar instance id. */
const priyaMeeting = meeting("m-priya", priya.id, Date.parse(priyaWeekly1.startsAt), {
  eventInstanceId: priyaWeekly1.eventId,
  status: "planned",
});

test.afterEach(async ({ context }) => {
  for (const page of context.pages()) expect(pageErrors(page)).toEqual([]);
});

async function seed(
  openExtensionPage: (path: string) => Promise<Page>,
  rows: Seed & { growthPlans?: GrowthPlan[] },
) {
  const page = await openExtensionPage("popup.html");
  await seedDatabase(page, rows);
  await page.close();
}

function growthSection(frame: FrameLocator) {
  return frame.getByRole("region", { name: /^Growth plan/ });
}

/** The value an <input type="date"> takes for `at` (the test browser runs in UTC). */
function dateInput(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

test("a growth plan created from the career conversation shows its next checkpoint as due", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  await seed(openExtensionPage, {
    people: [priya],
    meetings: [
      {
        ...priyaMeeting,
        kind: "career",
        answers: {
          "career-conversation.two-years": "Leading a team's technical direction",
          "career-conversation.quarter-goal": "Lead the billing migration end to end",
          "career-conversation.projects": "Billing v2 cut-over, paired with Alex",
        },
      },
    ],
  });

  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const growth = growthSection(sidebar(page));
  await expect(growth.getByText("No growth plan for Q4 yet")).toBeVisible();

  await growth.getByRole("button", { name: "Fill from the career conversation" }).click();
  await expect(growth.getByRole("status")).toHaveText(
    "Started this quarter's plan with the goal and support from the career conversation.",
  );
  await expect(growth.getByLabel("Goal", { exact: true })).toHaveValue(
    "Lead the billing migration end to end",
  );
  await expect(growth.getByLabel("Support", { exact: true })).toHaveValue(
    "Billing v2 cut-over, paired with Alex",
  );
  await expect(growth.getByLabel("Evidence", { exact: true })).toHaveAttribute(
    "placeholder",
    "Own the design doc and delivery plan",
  );

  // A checkpoint three days from today, whatever today is.
  await growth.getByLabel("Checkpoint date").fill(dateInput(dayAt(3)));
  await growth.getByLabel("Checkpoint note").fill("Review the design doc draft");
  await growth.getByLabel("Checkpoint note").press("Enter");
  const rows = growth.getByTestId("growth-checkpoints").getByRole("listitem");
  await expect(rows.filter({ hasText: "Review the design doc draft" })).toHaveCount(1);

  // The plan's own monthly checkpoints depend on today's date; any before ours are ticked off.
  const texts = await rows.allInnerTexts();
  const ours = texts.findIndex((t) => t.includes("Review the design doc draft"));
  for (let i = 0; i < ours; i++) await rows.nth(i).getByRole("checkbox").check();

  const next = growth.getByTestId("growth-next");
  await expect(next).toContainText("Review the design doc draft");
  await expect(next).toContainText("due in 3 days");
  await expect(next).toHaveClass(/growth-due/);
  const row = rows.filter({ hasText: "Review the design doc draft" });
  await expect(row).toHaveAttribute("data-state", "due");
  await expect(row).toHaveAttribute("aria-current", "step");

  // Kept: the plan is there when the 1:1 is opened again.
  await closeEvent(page);
  await openEvent(page, priyaWeekly1);
  const again = growthSection(sidebar(page));
  await expect(again.getByLabel("Goal", { exact: true })).toHaveValue(
    "Lead the billing migration end to end",
  );
  await expect(again.getByTestId("growth-next")).toContainText("due in 3 days");
});

test("an overdue checkpoint is flagged until it is ticked, by keyboard; fields save as they are typed", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  const plan: GrowthPlan = {
    id: "plan-priya-q4",
    personId: priya.id,
    quarter: "2026-Q4",
    goal: "Lead a small project end to end",
    support: "",
    evidence: "",
    checkpoints: [
      { dueAt: dayAt(20), note: "Pilot with one team", status: "open" },
      { dueAt: dayAt(-2), note: "Design doc first draft", status: "open" },
    ],
  };
  await seed(openExtensionPage, { people: [priya], meetings: [priyaMeeting], growthPlans: [plan] });

  await openEvent(page, priyaWeekly1);
  const growth = growthSection(sidebar(page));
  const next = growth.getByTestId("growth-next");
  await expect(next).toContainText("Design doc first draft");
  await expect(next).toContainText("overdue since");
  await expect(next).toHaveClass(/growth-overdue/);
  await expect(growth.getByRole("button", { name: "Fill from the career conversation" })).toHaveCount(0);

  const overdue = growth.getByRole("checkbox", { name: /Design doc first draft/ });
  await overdue.focus();
  await overdue.press("Space");
  await expect(overdue).toBeChecked();
  await expect(next).toContainText("Pilot with one team");
  await expect(next).toContainText("in 20 days");
  await expect(next).not.toHaveClass(/growth-(due|overdue)/);

  // A checkpoint needs a date; the message says so and the note stays.
  await growth.getByLabel("Checkpoint note").fill("Demo to the team");
  await growth.getByRole("button", { name: "Add", exact: true }).click();
  await expect(growth.getByRole("alert")).toHaveText("Pick the checkpoint's date.");
  await expect(growth.getByLabel("Checkpoint note")).toHaveValue("Demo to the team");

  await growth.getByLabel("Evidence", { exact: true }).pressSequentially("Own the design doc", { delay: 5 });
  await closeEvent(page);
  await openEvent(page, priyaWeekly1);
  await expect(growthSection(sidebar(page)).getByLabel("Evidence", { exact: true })).toHaveValue(
    "Own the design doc",
  );
});

test("the promotion helper writes the script and fills the plan, asking before it replaces text", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  const plan: GrowthPlan = {
    id: "plan-priya-q4",
    personId: priya.id,
    quarter: "2026-Q4",
    goal: "My own goal",
    support: "",
    evidence: "",
    checkpoints: [],
  };
  await seed(openExtensionPage, { people: [priya], meetings: [priyaMeeting], growthPlans: [plan] });

  await openEvent(page, priyaWeekly1);
  const growth = growthSection(sidebar(page));
  await growth.getByText("Promotion conversation").click();
  await growth.getByLabel("Level").fill("Senior Engineer");
  await growth.getByLabel(/The role expects/).fill("Technical leadership\nMentoring");
  await growth.getByLabel(/They already do well/).fill("Mentoring");
  await growth
    .getByLabel(/Gaps and the evidence/)
    .fill("Technical leadership: a design doc the team builds from; a rollout plan");
  await expect(growth.getByTestId("promotion-script")).toHaveText(
    "The Senior Engineer role expects Technical leadership and Mentoring. I see you doing Mentoring well. " +
      "For Technical leadership, I need to see a design doc the team builds from and a rollout plan. " +
      "Let's build a plan together and check progress monthly.",
  );

  const use = growth.getByRole("button", { name: "Use as this quarter's plan" });
  await use.click();
  const confirm = growth.getByRole("group", { name: /already says something else/ });
  await expect(confirm).toContainText("My own goal");
  await expect(confirm).toContainText("Show Technical leadership at the Senior Engineer level");
  await expect(confirm.getByRole("button", { name: "Replace goal" })).toBeFocused();
  // Escape cancels the question, not the whole prep, and nothing is written.
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(growth.getByLabel("Support", { exact: true })).toHaveValue("");

  await use.click();
  await confirm.getByRole("button", { name: "Keep current text" }).click();
  // How many checkpoints it adds depends on how much of the quarter is left today.
  await expect(growth.getByRole("status")).toHaveText(
    /^Filled the support and evidence from the promotion conversation\. Kept your own goal\.( Added \d checkpoints?\.)?$/,
  );
  await expect(growth.getByLabel("Goal", { exact: true })).toHaveValue("My own goal");
  await expect(growth.getByLabel("Evidence", { exact: true })).toHaveValue(
    "A design doc the team builds from; A rollout plan",
  );

  await use.click();
  await confirm.getByRole("button", { name: "Replace goal" }).click();
  await expect(growth.getByLabel("Goal", { exact: true })).toHaveValue(
    "Show Technical leadership at the Senior Engineer level",
  );
});
