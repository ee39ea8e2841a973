import { type CDPSession, expect, type Page, test } from "@playwright/test";
import { SIDEBAR } from "../tests/e2e/calendar";
import { type BenchBrowser, sleep, startBrowser } from "./browser";
import {
  type BenchWindow,
  injectionRows,
  installInjectionProbe,
  measureInjection,
  ONE_ON_ONES,
} from "./injection";
import { type BenchRow, progress, report, summary } from "./report";

const INJECTION_RUNS = 30;
const BURSTS = 15;
const MUTATIONS = 1000;

test("injection latency, empty database", async () => {
  const testInfo = test.info();
  const browser = await startBrowser({ extension: true });
  try {
    await installInjectionProbe(browser.context);
    const page = await browser.openCalendar();
    // Let the content script start and read its settings, as it has long done when a user clicks.
    await sleep(1000);
    progress(`opening a 1:1 ${INJECTION_RUNS} times (empty database)`);
    const samples = await measureInjection(page, INJECTION_RUNS, ONE_ON_ONES);
    await report(testInfo, injectionRows(samples, ""));
  } finally {
    await browser.close();
  }
});

/**
 * 1,000 DOM mutations spread over four animation frames, the kind Calendar makes all day:
 * nodes added to and removed from day columns, and classes toggled on event chips.
 * Waits three more frames so work the mutations scheduled for a later frame is counted too.
 */
async function mutationBurst(page: Page, mutations: number) {
  await page.evaluate(async (total) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const cells = Array.from(document.querySelectorAll('[role="main"] [role="gridcell"]'));
    const chips = Array.from(document.querySelectorAll("[data-eventchip]"));
    if (cells.length === 0 || chips.length === 0) throw new Error("no grid to mutate");
    const added: Element[] = [];
    const frames = 4;
    let done = 0;
    for (let f = 0; f < frames; f++) {
      await frame();
      const until = Math.round(((f + 1) * total) / frames);
      for (; done < until; done++) {
        if (done % 2 === 0) {
          chips[done % chips.length]?.classList.toggle("bench-hover");
        } else if (done % 4 === 1) {
          const ghost = document.createElement("div");
          ghost.className = "bench-ghost";
          cells[done % cells.length]?.append(ghost);
          added.push(ghost);
        } else {
          added.shift()?.remove();
        }
      }
    }
    for (const ghost of added) ghost.remove();
    for (const chip of chips) chip.classList.remove("bench-hover");
    for (let f = 0; f < 3; f++) await frame();
  }, mutations);
}

async function metrics(cdp: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics: list } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  const value = (name: string) => (list.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
  return { script: value("ScriptDuration"), task: value("TaskDuration") };
}

interface BurstCosts {
  script: number[];
  task: number[];
}

async function burstCosts(page: Page, cdp: CDPSession): Promise<BurstCosts> {
  const costs: BurstCosts = { script: [], task: [] };
  await mutationBurst(page, MUTATIONS); // warm-up: first-run compilation is not steady-state cost
  for (let i = 0; i < BURSTS; i++) {
    const before = await metrics(cdp);
    await mutationBurst(page, MUTATIONS);
    const after = await metrics(cdp);
    costs.script.push(after.script - before.script);
    costs.task.push(after.task - before.task);
  }
  return costs;
}

/** Burst costs on the fixture page with no dialog open, then with a 1:1's dialog open. */
async function pageCosts(browser: BenchBrowser, extension: boolean) {
  const page = await browser.openCalendar();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await sleep(1000);
  const closed = await burstCosts(page, cdp);
  await page.evaluate(() => (window as unknown as BenchWindow).__fixture?.open("priyaWeekly1"));
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__fixtureDialogRenderedAt !== undefined,
  );
  if (extension) await expect(page.locator(SIDEBAR)).toHaveCount(1);
  await sleep(500);
  const open = await burstCosts(page, cdp);
  await page.close();
  return { closed, open };
}

const median = (values: number[]) => summary(values).median;

test("page overhead of a 1,000-mutation burst", async () => {
  const testInfo = test.info();
  progress(`${BURSTS} bursts of ${MUTATIONS} mutations, with and without the extension`);
  const withExtension = await startBrowser({ extension: true });
  const withIt = await pageCosts(withExtension, true).finally(() => withExtension.close());
  const plain = await startBrowser({ extension: false });
  const without = await pageCosts(plain, false).finally(() => plain.close());

  const rows: BenchRow[] = [];
  const added = (
    figure: string,
    mine: number[],
    theirs: number[],
    budget?: number,
    note?: string,
  ): BenchRow => ({
    section: "page overhead",
    figure,
    unit: "ms",
    n: mine.length,
    // Two browsers cannot be paired burst by burst; the difference of medians is the added cost.
    median: median(mine) - median(theirs),
    judged: "median",
    ...(budget !== undefined ? { budget } : {}),
    ...(note ? { note } : {}),
  });
  rows.push(
    // The budget is no work at all. Medians of separate runs without the extension differ by
    // under 0.01 ms of script, so 0.1 ms is room for noise and nothing more. Task time (style,
    // layout, GC) differs by several ms between such runs: reported, not judged.
    added(
      "script added, no dialog open",
      withIt.closed.script,
      without.closed.script,
      0.1,
      "budget 0 + noise",
    ),
    added("task added, no dialog open", withIt.closed.task, without.closed.task, undefined, "noise ±3 ms"),
    added("script added, 1:1 dialog + sidebar open", withIt.open.script, without.open.script, 2),
    added(
      "task added, 1:1 dialog + sidebar open",
      withIt.open.task,
      without.open.task,
      undefined,
      "noise ±3 ms",
    ),
    {
      section: "page overhead",
      figure: "script per burst without the extension, dialog open",
      unit: "ms",
      ...summary(without.open.script),
    },
    {
      section: "page overhead",
      figure: "script per burst with the extension, dialog open",
      unit: "ms",
      ...summary(withIt.open.script),
    },
  );
  await report(testInfo, rows);
});
