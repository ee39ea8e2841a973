import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import type { Frame, Page } from "@playwright/test";
import type { AxeResults, Result } from "axe-core";
import { expectPrepFor, fixtureEvents, openEvent, SIDEBAR } from "./calendar";
import { expect, test } from "./extension";
import { optionsLink, showOptionsPlace } from "./options-page";
import { actionItem, dayAt, meeting, person, seedDatabase } from "./seed";

/** WCAG 2.x A and AA rules, plus axe's best practices, as in most store reviews. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

function seriousOnes(results: Pick<AxeResults, "violations">): string[] {
  return results.violations
    .filter((v: Result) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

async function analyze(page: Page): Promise<string[]> {
  return seriousOnes(await new AxeBuilder({ page }).withTags(TAGS).analyze());
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The sidebar is a frame of the Calendar page; axe runs inside it, on its own document. */
async function analyzeFrame(frame: Frame): Promise<string[]> {
  await frame.evaluate(axeSource);
  const results = await frame.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run(context: Document, options: object): Promise<Pick<AxeResults, "violations">> };
        }
      ).axe.run(document, { runOnly: { type: "tag", values: tags } }),
    TAGS,
  );
  return seriousOnes(results);
}

async function seedTeam(page: Page) {
  await seedDatabase(page, {
    people: [
      person("priya", "Priya Raman", { email: "priya@example.com" }),
      person("dana", "Dana Park"),
      person("eli", "Eli Novak", { cadenceDays: 14 }),
    ],
    meetings: [
      meeting("p0", "priya", Date.UTC(2026, 9, 6, 16), { notes: "Wants to lead the migration." }),
      meeting("d1", "dana", dayAt(-10)),
      meeting("d2", "dana", dayAt(-3), { status: "skipped" }),
      meeting("e1", "eli", dayAt(-30)),
      meeting("d3", "dana", dayAt(2), { status: "planned" }),
    ],
    actionItems: [
      actionItem("Send Priya the conference budget", "priya", "p0", { dueAt: dayAt(-2) }),
      actionItem("Book the offsite room", "dana", "d1", { dueAt: dayAt(-1), owner: "them" }),
      actionItem("Done already", "dana", "d1", { dueAt: dayAt(-5), doneAt: dayAt(-6) }),
    ],
    feedback: [
      {
        id: "f1",
        personId: "priya",
        situation: "In Tuesday's incident review",
        behavior: "you walked everyone through the timeline first",
        impact: "the new on-call engineers could follow",
        request: "",
        valence: "reinforcing",
        createdAt: dayAt(-4),
      },
    ],
  });
}

test("popup (every tab) and options pages: no serious or critical violations, and the popup works by keyboard", async ({
  openExtensionPage,
}) => {
  // Fifteen full axe runs: a ceiling for a busy machine, not a speed check.
  test.setTimeout(120_000);
  const popup = await openExtensionPage("popup.html");
  await seedTeam(popup);
  await popup.reload();

  await test.step("popup, feedback tab mid-capture", async () => {
    await popup.getByRole("combobox", { name: "Who is it for?" }).fill("Da");
    await expect(popup.getByRole("option").first()).toBeVisible();
    expect(await analyze(popup)).toEqual([]);
    await popup.getByRole("combobox", { name: "Who is it for?" }).press("Enter");
    // Lint findings and a refused save on screen.
    await popup.getByLabel("Behavior").fill("you are careless");
    await popup.getByRole("button", { name: "Save" }).click();
    await expect(popup.getByRole("alert")).toBeVisible();
    expect(await analyze(popup)).toEqual([]);
  });

  await test.step("popup, upcoming tab", async () => {
    await popup.getByRole("tab", { name: "Upcoming" }).click();
    await expect(popup.getByTestId("upcoming-row")).toContainText("Dana Park");
    expect(await analyze(popup)).toEqual([]);
  });

  await test.step("popup, stats tab", async () => {
    await popup.getByRole("tab", { name: "Stats" }).click();
    await expect(popup.getByTestId("cadence-Dana Park")).toBeVisible();
    expect(await analyze(popup)).toEqual([]);
  });

  await test.step("options page, every place of its navigation", async () => {
    const options = await openExtensionPage("options.html");
    await expect(options.getByTestId("person-Dana Park")).toBeVisible();
    expect(await analyze(options)).toEqual([]);
    // Only the place shown is checked at a time: the others are hidden.
    for (const place of [
      "Templates",
      "Google Calendar",
      "Sync across devices",
      "Backup and import",
      "Settings",
    ] as const) {
      await showOptionsPlace(options, place);
      await expect(optionsLink(options, place)).toHaveAttribute("aria-current", "page");
      expect(await analyze(options), place).toEqual([]);
    }
  });

  await test.step("dark mode, as the system sets it: popup tabs and options", async () => {
    await popup.emulateMedia({ colorScheme: "dark" });
    expect(await popup.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
    for (const tab of ["Feedback", "Upcoming", "Stats"]) {
      await popup.getByRole("tab", { name: tab }).click();
      expect(await analyze(popup), tab).toEqual([]);
    }
    const options = await openExtensionPage("options.html");
    await options.emulateMedia({ colorScheme: "dark" });
    await expect(options.getByTestId("person-Dana Park")).toBeVisible();
    expect(await analyze(options)).toEqual([]);
    await showOptionsPlace(options, "Sync across devices");
    expect(await analyze(options), "Sync across devices").toEqual([]);
    await options.close();
  });

  await test.step("keyboard only: choose a person, write the SBI, Ctrl+Enter saves", async () => {
    // A fresh popup, without the draft the steps above left.
    await popup.evaluate(() => localStorage.clear());
    await popup.close();
    await keyboardOnlyFeedback(await openExtensionPage("popup.html"));
  });
});

test("the sidebar beside a 1:1 has no serious or critical accessibility violations", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage("popup.html");
  await seedTeam(popup);
  await popup.close();
  await page.bringToFront();
  await openEvent(page, fixtureEvents.priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const frame = await (await page.locator(`${SIDEBAR} iframe`).elementHandle())?.contentFrame();
  if (!frame) throw new Error("The sidebar has no frame.");
  await expect(frame.getByTestId("open-items")).toContainText("Send Priya the conference budget");
  expect(await analyzeFrame(frame)).toEqual([]);

  // Calendar follows the system into its dark theme, and the sidebar with it.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect
    .poll(() => frame.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe("rgb(31, 31, 31)");
  expect(await analyzeFrame(frame)).toEqual([]);
});

async function keyboardOnlyFeedback(popup: Page) {
  await popup.getByRole("tab", { name: "Feedback" }).waitFor();
  /** The focused control, named as a screen reader would roughly put it. */
  const focused = () =>
    popup.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      const name = el?.getAttribute("aria-label") ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? "";
      return `${el?.getAttribute("role") ?? el?.type ?? el?.tagName.toLowerCase()} ${name.trim()}`;
    });

  // From the top of the page: the tab list, then the person field.
  await popup.keyboard.press("Tab");
  await popup.keyboard.press("Tab");
  await expect(popup.getByRole("combobox", { name: "Who is it for?" })).toBeFocused();
  await popup.keyboard.type("pri");
  await popup.keyboard.press("Enter");
  await expect(popup.getByText("Priya Raman", { exact: true })).toBeVisible();

  // Tab on: the way to change the person, the valence (one stop for the radio group), the situation.
  const stops: string[] = [];
  for (let i = 0; i < 2; i++) {
    await popup.keyboard.press("Tab");
    stops.push(await focused());
  }
  // No kind is chosen for the manager: Space picks the one in focus.
  await expect(popup.getByRole("radio", { checked: true })).toHaveCount(0);
  await popup.keyboard.press("Space");
  await expect(popup.getByRole("radio", { name: "Reinforcing" })).toBeChecked();
  await popup.keyboard.press("Tab");
  stops.push(await focused());
  expect(stops).toEqual(["button Change", "radio Reinforcing", "textarea Situation"]);
  await popup.keyboard.type("In Tuesday's planning meeting");
  await popup.keyboard.press("Tab");
  await expect(popup.getByLabel("Behavior")).toBeFocused();
  await popup.keyboard.type("you asked the quiet new hires for their estimates first");
  await popup.keyboard.press("Tab");
  await expect(popup.getByLabel("Impact")).toBeFocused();
  await popup.keyboard.type("we caught two underestimated tickets before committing");
  await popup.keyboard.press("Control+Enter");
  await expect(popup.getByText("Queued for your next 1:1 with Priya Raman.")).toBeVisible();
}
