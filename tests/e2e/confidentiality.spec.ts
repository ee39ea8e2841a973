import { closeEvent, expectPrepFor, fixtureEvents, openEvent, SIDEBAR, sidebar } from "./calendar";
import { expect, test } from "./extension";

const { priyaWeekly1 } = fixtureEvents;

test("nothing the manager writes reaches the Calendar page's DOM or storage", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  const secret = `confidential-${Date.now().toString(36)}-compensation`;
  const secretItem = `Raise ${secret} with HR`;

  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await sidebar(page)
    .getByRole("textbox", { name: /Notes for the 1:1/ })
    .fill(secret);
  await sidebar(page).getByRole("textbox", { name: "New action item" }).fill(secretItem);
  await sidebar(page).getByRole("textbox", { name: "New action item" }).press("Enter");
  await expect(sidebar(page).getByTestId("agreed-items")).toContainText(secretItem);

  const seen = await page.evaluate(async (needle) => {
    const storages = [localStorage, sessionStorage].map((s) => JSON.stringify({ ...s }));
    const databases = await indexedDB.databases();
    const iframe = document.querySelector<HTMLIFrameElement>("[data-one-on-one-prep] iframe");
    let frameStorageReadable = true;
    try {
      void iframe?.contentWindow?.localStorage;
    } catch {
      frameStorageReadable = false;
    }
    return {
      inDom: document.documentElement.outerHTML.includes(needle),
      inStorage: storages.some((s) => s.includes(needle)),
      inCookies: document.cookie.includes(needle),
      databases: databases.map((d) => d.name),
      contentDocument: iframe ? iframe.contentDocument : "no iframe",
      frameStorageReadable,
      iframeSrcHasOnlyAToken: iframe
        ? /^chrome-extension:\/\/[a-p]{32}\/sidebar\.html#[A-Za-z0-9]{32}$/.test(iframe.src)
        : false,
    };
  }, secret);

  expect(seen).toEqual({
    inDom: false,
    inStorage: false,
    inCookies: false,
    databases: [],
    contentDocument: null,
    frameStorageReadable: false,
    iframeSrcHasOnlyAToken: true,
  });

  // The text was really written: it is in the extension's own database, read from its own page.
  const extensionPage = await openExtensionPage("popup.html");
  const stored = await extensionPage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("one-on-one-prep");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = (table: string) =>
      new Promise<unknown[]>((resolve) => {
        const request = db.transaction(table).objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result);
      });
    return JSON.stringify([await read("meetings"), await read("actionItems")]);
  });
  expect(stored).toContain(secret);
  expect(stored).toContain(secretItem);
  await closeEvent(page);
  expect(await page.evaluate((needle) => document.documentElement.outerHTML.includes(needle), secret)).toBe(
    false,
  );
});

test("the sidebar frame and the popup share one database, both ways", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  await openEvent(page, priyaWeekly1);
  await sidebar(page).getByRole("textbox", { name: "New action item" }).fill("Book the team offsite");
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await sidebar(page).getByLabel("Due", { exact: true }).fill(yesterday);
  await sidebar(page).getByRole("textbox", { name: "New action item" }).press("Enter");

  const popup = await openExtensionPage("popup.html#stats");
  const row = popup.getByRole("checkbox", { name: /Book the team offsite/ });
  await expect(row).not.toBeChecked();
  await row.check();

  // Ticked in the popup, the open sidebar follows without a reload.
  await expect(
    sidebar(page)
      .getByTestId("agreed-items")
      .getByRole("checkbox", { name: /Book the team offsite/ }),
  ).toBeChecked();
  await expect(page.locator(SIDEBAR)).toHaveCount(1);
});
