import type { Page } from "@playwright/test";
import { type PageEvent, renderWeekPage, weekUrl } from "../fixtures/calendar/render";
import { closeEvent, expectPrepFor, fixtureEvents, openEvent, openWeek, SIDEBAR, sidebar } from "./calendar";
import { expect, test } from "./extension";

/**
 * What a script on Calendar's page can do to us: it shares the DOM with our panel, can read the
 * frame's address, and can dispatch any event. None of it may switch 1:1 Prep off or show a
 * prep beside an event that isn't its own.
 */

const { priyaWeekly1, jordan1on1 } = fixtureEvents;

async function frameAddress(page: Page): Promise<string> {
  const src = await page.locator(`${SIDEBAR} iframe`).getAttribute("src");
  if (!src) throw new Error("the sidebar has no frame");
  return src;
}

/** Everything the frame at `selector` displays, once it says the event is not its to show. */
async function refusedTextAt(page: Page, selector: string): Promise<string> {
  const body = page.frameLocator(selector).locator("body");
  await expect(body).toContainText("no longer open", { timeout: 10_000 });
  return (await body.textContent()) ?? "";
}

test("a page script dispatching the framework's 'content script started' event cannot switch 1:1 Prep off", async ({
  calendarPage: page,
  extensionId,
}) => {
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await closeEvent(page);
  await page.evaluate((id) => {
    for (const name of ["calendar", "calendar.content", "content"]) {
      const type = `${id}:${name}:wxt:content-script-started`;
      const detail = { contentScriptName: name, messageId: "page" };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, "*");
    }
  }, extensionId);
  await openEvent(page, jordan1on1);
  await expectPrepFor(page, "Jordan Kim");
  await closeEvent(page);
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
});

test("a sidebar address loaded again, in our frame or the page's own, shows nobody's prep", async ({
  calendarPage: page,
}) => {
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const priyas = await frameAddress(page);
  await closeEvent(page);
  await openEvent(page, jordan1on1);
  await expectPrepFor(page, "Jordan Kim");
  const jordans = await frameAddress(page);

  // Within the moment a closed frame is kept to finish saving, and after it.
  for (const wait of [0, 2_500]) {
    await page.waitForTimeout(wait);
    await page.evaluate(
      ({ priyas, jordans }) => {
        for (const old of document.querySelectorAll("iframe[data-page-copy]")) old.remove();
        for (const src of [priyas, jordans]) {
          const copy = document.createElement("iframe");
          copy.src = src;
          copy.setAttribute("data-page-copy", src === priyas ? "priya" : "jordan");
          // The page tells its copy it is shown, as our content script would, but with a key of
          // its own making: it can't know the one handed to our frame.
          copy.addEventListener("load", () =>
            copy.contentWindow?.postMessage(
              { type: "one-on-one-prep:show", key: "made-up-key-0123456789" },
              "*",
            ),
          );
          document.body.append(copy);
        }
      },
      { priyas, jordans },
    );
    for (const copy of ["priya", "jordan"]) {
      const text = await refusedTextAt(page, `iframe[data-page-copy="${copy}"]`);
      expect(text).not.toMatch(/Priya|Jordan/);
    }
  }

  // Our own frame pointed back at Priya's address: a change of fragment keeps the document it
  // has (Jordan's prep, rightly), and a frame put back into the page loads a new one.
  await page.evaluate((src) => {
    const frame = document.querySelector<HTMLIFrameElement>("[data-one-on-one-prep] iframe");
    if (frame) frame.src = src;
  }, priyas);
  await expect(sidebar(page).getByRole("heading", { level: 1 })).toHaveText("1:1 with Jordan Kim");
  await page.evaluate((src) => {
    const frame = document.querySelector<HTMLIFrameElement>("[data-one-on-one-prep] iframe");
    const parent = frame?.parentElement;
    if (!frame || !parent) return;
    frame.remove();
    frame.src = src;
    parent.prepend(frame);
  }, priyas);
  const text = await refusedTextAt(page, `${SIDEBAR} iframe`);
  expect(text).not.toContain("Priya");
  await expect(sidebar(page).getByRole("textbox")).toHaveCount(0);
});

test("the detector answers only our content script: the page's copy of it, or a key the page made up, learns nothing", async ({
  calendarPage: page,
}) => {
  await page.evaluate(() => {
    const heard: unknown[] = [];
    (window as unknown as { __heard: unknown[] }).__heard = heard;
    window.addEventListener("message", (e) => heard.push(e.data));
  });
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");

  const replies = await page.evaluate(async () => {
    const ours = document.querySelector<HTMLIFrameElement>("iframe[data-one-on-one-prep-detector]");
    const dialog = document.querySelector('[role="dialog"]');
    if (!ours || !dialog) throw new Error("no detector frame or dialog");
    const copy = document.createElement("iframe");
    copy.src = ours.src;
    const loaded = new Promise((resolve) => copy.addEventListener("load", resolve));
    document.body.append(copy);
    await loaded;
    const heard: string[] = [];
    for (const target of [ours, copy]) {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => heard.push(String(e.data));
      target.contentWindow?.postMessage(
        { type: "one-on-one-prep:detector", key: "made-up-key-0123456789" },
        "*",
        [channel.port2],
      );
      // Asked as our content script asks, with the open 1:1's own markup.
      const snapshot = { url: location.href, source: "dialog", html: dialog.outerHTML, around: [], mark: "" };
      channel.port1.postMessage(JSON.stringify({ type: "read", id: 1, snapshot }));
      channel.port1.postMessage(JSON.stringify({ type: "check", id: 2, snapshot }));
    }
    // The background waits a while for a key it doesn't know before it refuses; then a moment
    // more for anything that might still come.
    for (let waited = 0; heard.length < 2 && waited < 8000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 500));
    return heard;
  });
  expect(replies).toEqual([JSON.stringify({ type: "refused" }), JSON.stringify({ type: "refused" })]);
  const heard = await page.evaluate(() =>
    JSON.stringify((window as unknown as { __heard: unknown[] }).__heard),
  );
  expect(heard).not.toMatch(/Priya|verdict|oneOnOne/);

  // Our own channel is untouched: the next 1:1 still gets its prep.
  await closeEvent(page);
  await openEvent(page, jordan1on1);
  await expectPrepFor(page, "Jordan Kim");
});

test("a page script can't wear out the detector: fake load events and removing its frame still leave every 1:1 its prep", async ({
  calendarPage: page,
}) => {
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await closeEvent(page);
  // Dispatched by the page, "load" claims nothing: our frame keeps its channel.
  // Each round goes at whichever frame is the detector by then.
  await page.evaluate(async () => {
    for (let round = 0; round < 8; round++) {
      document.querySelector("iframe[data-one-on-one-prep-detector]")?.dispatchEvent(new Event("load"));
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  });
  await openEvent(page, jordan1on1);
  await expectPrepFor(page, "Jordan Kim");
  await closeEvent(page);
  // Taken out of the page, it is put back.
  await page.evaluate(() => document.querySelector("iframe[data-one-on-one-prep-detector]")?.remove());
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await expect(page.locator("iframe[data-one-on-one-prep-detector]")).toHaveCount(1);
});

test("another event opened over a shown prep takes that prep away at once, even one without a readable id, while the detector is busy", async ({
  context,
  serveCalendar,
}) => {
  const noId: PageEvent = {
    key: "no-id",
    title: "Jordan <> Sam",
    date: "2026-10-14",
    start: "15:00",
    end: "15:30",
    when: "Wednesday, October 14, 2026 ⋅ 3:00 – 3:30pm",
    hideEventId: true,
    guests: [
      { email: "sam@example.com", name: "Sam Lee", organizer: true },
      { email: "jordan@example.com", name: "Jordan Kim" },
    ],
  };
  await serveCalendar(renderWeekPage());
  const page = await openWeek(await context.newPage(), weekUrl([fixtureEvents.priyaWeekly1, noId]));
  await page.locator(`[role="grid"] [role="button"][data-fixture-key="priyaWeekly1"]`).click();
  await expectPrepFor(page, "Priya Raman");
  const detector = page.frames().find((f) => f.url().includes("/detector.html"));
  if (!detector) throw new Error("no detector frame");
  // Hold the detector (and every frame of the extension) for five seconds.
  const held = detector.evaluate(() => {
    const until = performance.now() + 5000;
    while (performance.now() < until) {}
    return performance.timeOrigin + performance.now();
  });
  // The other event opens only once the detector has stopped answering: opened sooner, it would
  // get its answer before the hold began.
  const stillAnswers = () =>
    Promise.race([
      detector.evaluate(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 250)),
    ]);
  while (await stillAnswers()) {}
  // Straight from Priya's dialog to the other event, as a click on its chip does (the prep may
  // cover the chip itself).
  await page.evaluate(() => {
    const fixture = (window as unknown as { __fixture?: { open: (key: string) => boolean } }).__fixture;
    if (!fixture?.open("no-id")) throw new Error("the fixture has no such event");
  });
  await expect(page.locator(SIDEBAR)).toHaveCount(0, { timeout: 1500 });
  const goneBy = await page.evaluate(() => performance.timeOrigin + performance.now());
  expect(goneBy, "the prep went only once the detector answered").toBeLessThan(await held);
  await expectPrepFor(page, "Jordan Kim");
});

test("the prep sits beside the dialog, top edges lined up, or docks as a tab the manager can open", async ({
  context,
  serveCalendar,
}) => {
  await serveCalendar(renderWeekPage());
  for (const size of [
    { width: 1400, height: 900 },
    { width: 1024, height: 700 },
    { width: 800, height: 600 },
  ]) {
    const page = await openWeek(await context.newPage());
    await page.setViewportSize(size);
    await openEvent(page, priyaWeekly1);
    const dialog = page.locator('[role="dialog"]:not([aria-hidden="true"])');
    const panel = page.locator(SIDEBAR);
    await expect(panel).toBeVisible();
    const close = dialog.getByRole("button", { name: "Close" });
    const dialogBox = await dialog.boundingBox();
    const panelBox = await panel.boundingBox();
    if (!dialogBox || !panelBox) throw new Error("nothing laid out");
    const overlaps =
      panelBox.x < dialogBox.x + dialogBox.width &&
      dialogBox.x < panelBox.x + panelBox.width &&
      panelBox.y < dialogBox.y + dialogBox.height &&
      dialogBox.y < panelBox.y + panelBox.height;
    expect(overlaps, `${size.width}×${size.height}: the prep covers the dialog`).toBe(false);
    // The dialog's own Close button takes the click.
    const docked = (await panel.getAttribute("data-placement")) === "docked";
    if (!docked) {
      expect(
        Math.abs(panelBox.y - dialogBox.y),
        `${size.width}×${size.height}: tops differ`,
      ).toBeLessThanOrEqual(1);
      await expectPrepFor(page, "Priya Raman");
    } else {
      const tab = page.getByRole("button", { name: "1:1 Prep", exact: true });
      await expect(tab).toHaveAttribute("aria-expanded", "false");
      // Loaded behind the tab, ready the moment it opens.
      await expect(page.locator(`${SIDEBAR} iframe`)).toBeHidden();
      await tab.click();
      await expect(panel).toHaveAttribute("data-placement", "expanded");
      await expect(page.locator(`${SIDEBAR} iframe`)).toBeVisible();
      await expect(tab).toBeHidden();
      await expectPrepFor(page, "Priya Raman");
      // Closed from the prep, the dialog is free again and its own button closes it.
      await sidebar(page).getByRole("button", { name: /Close/ }).first().click();
      await expect(page.locator(SIDEBAR)).toHaveCount(0);
    }
    await close.click();
    await expect(dialog).toHaveCount(0);
    await page.close();
  }
});
