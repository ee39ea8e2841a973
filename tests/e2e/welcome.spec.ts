import { questionBankFor } from "../../lib/questions/bank";
import { renderWeekPage } from "../fixtures/calendar/render";
import { fixtureEvents, openEvent, openWeek, sidebar } from "./calendar";
import { answerPermissionPrompt } from "./consent";
import { expect, test, welcomeTab } from "./extension";

test.use({ keepWelcome: true });

type Storage = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
const stored = (key: string) => (globalThis as unknown as Storage).chrome.storage.local.get(key);

/** People in the manager's own database, or 0 before anything created it. */
function peopleInOwnNotes(page: import("@playwright/test").Page): Promise<number> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === "one-on-one-prep")) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("one-on-one-prep");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction("people").objectStore("people").count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return count;
  });
}

test("installing opens the welcome page: 'this is me', automatic backups, and a sample 1:1 that leaves the manager's notes alone", async ({
  context,
  serviceWorker,
  serveCalendar,
}) => {
  const welcome = await welcomeTab(context);
  await expect(welcome.getByRole("heading", { name: "Welcome to 1:1 Prep" })).toBeVisible();
  await expect(welcome.getByText("Everything you write stays in this browser.")).toBeVisible();
  await expect(welcome.getByRole("img", { name: /sidebar/ })).toHaveJSProperty("naturalWidth", 360);

  // "This is me": a bad address is refused and nothing is stored; a good one is, with its domain.
  const email = welcome.getByLabel("My work email");
  await email.fill("not an address");
  await welcome.getByRole("button", { name: "This is me" }).click();
  await expect(welcome.getByRole("alert")).toHaveText("That email address doesn't look right.");
  await email.fill("Sam.Lee@Example.com");
  await expect(welcome.getByTestId("company-domain")).toContainText("Company domain: example.com.");
  await email.press("Enter");
  await expect(welcome.getByRole("status")).toHaveText("Saved. 1:1 Prep will know you in Calendar.");
  expect(await serviceWorker.evaluate(stored, "myEmail")).toEqual({
    myEmail: "sam.lee@example.com",
  });

  await answerPermissionPrompt(welcome, true);
  // The box shows what is stored, so it is ticked once the setting is saved, not on the click itself.
  await welcome.getByLabel("Back up automatically every day").click();
  await expect(welcome.getByLabel("Back up automatically every day")).toBeChecked();
  await expect
    .poll(() => serviceWorker.evaluate(stored, "autoBackup"))
    .toEqual({ autoBackup: { every: "day", keep: 10 } });

  await expect(welcome.getByRole("link", { name: "Open Google Calendar" })).toHaveAttribute(
    "href",
    "https://calendar.google.com/calendar/r/week",
  );
  await welcome.getByRole("link", { name: "Try it on a sample" }).click();

  // The real sidebar, for a sample report with a history: open items, last time's notes.
  await expect(welcome.getByRole("heading", { name: "1:1 with Alex Rivera" })).toBeVisible();
  await expect(welcome.getByTestId("open-items")).toContainText("Finish the on-call rota proposal");
  await expect(welcome.getByTestId("previous-notes")).toContainText("Rota proposal half done");
  await expect(welcome.getByLabel("This 1:1 is a")).toHaveValue("weekly");
  const notes = welcome.getByRole("textbox", { name: /Notes for the 1:1 with Alex Rivera/ });
  await notes.fill("Trying the sample out.");
  await expect(welcome.getByTestId("save-state")).toHaveText("Saved");
  await welcome.reload();
  await expect(notes).toHaveValue("Trying the sample out.");
  expect(await peopleInOwnNotes(welcome)).toBe(0);

  // Start over: the sample as it first was.
  await welcome.getByRole("button", { name: "Start over" }).click();
  await expect(notes).toHaveValue("");
  await expect(welcome.getByTestId("open-items")).toContainText("Finish the on-call rota proposal");
  expect(await peopleInOwnNotes(welcome)).toBe(0);

  // Another language, picked in options whatever the browser speaks, and back to the browser's.
  await welcome.goto(welcome.url().replace(/[^/]*$/, "options.html#settings"));
  await welcome.getByLabel("Language").selectOption({ label: "Deutsch" });
  await expect(welcome.getByLabel("Sprache")).toHaveValue("de");
  await expect(welcome.getByRole("heading", { name: "Einstellungen" })).toBeVisible();
  await expect(welcome.getByRole("navigation", { name: "Optionen" }).getByRole("link")).toHaveText([
    "Personen",
    "Vorlagen",
    "Google Kalender",
    "Geräte synchronisieren",
    "Sicherung und Import",
    "Einstellungen",
  ]);
  await expect(welcome.getByLabel("Standardrhythmus für neue Personen")).toHaveValue("7");
  await expect(welcome.getByLabel("Geben Sie „alles löschen“ ein, um zu bestätigen")).toBeAttached();
  await welcome.goto(welcome.url().replace(/[^/]*$/, "welcome.html"));
  await expect(welcome.getByRole("heading", { name: "Willkommen bei 1:1 Prep" })).toBeVisible();
  await expect(welcome.locator("html")).toHaveAttribute("lang", "de");
  await expect(welcome.getByLabel("Meine geschäftliche E-Mail-Adresse")).toHaveValue("sam.lee@example.com");
  await expect(welcome.getByTestId("company-domain")).toContainText("Firmendomain: example.com.");

  // The prep beside a 1:1 in Calendar, and the popup, speak German too.
  await serveCalendar(renderWeekPage());
  const calendar = await openWeek(await context.newPage());
  await openEvent(calendar, fixtureEvents.priyaWeekly1);
  const prep = sidebar(calendar);
  await expect(prep.getByRole("heading", { level: 1 })).toHaveText("1:1 mit Priya Raman");
  await expect(prep.locator("html")).toHaveAttribute("lang", "de");
  await expect(prep.getByTestId("cadence-status")).toHaveText("Rhythmus: wöchentlich");
  await expect(prep.getByRole("heading", { name: "Notizen zu diesem Termin" })).toBeVisible();
  await prep
    .getByRole("textbox", { name: "Notizen zum 1:1 mit Priya Raman" })
    .fill("Urlaubsplanung besprochen.");
  await expect(prep.getByTestId("save-state")).toHaveText("Gespeichert");
  await expect(prep.getByRole("button", { name: "1:1 starten" })).toBeVisible();
  await expect(prep.getByLabel("Dieses 1:1 ist ein")).toHaveValue("weekly");
  await calendar.close();
  const popup = await context.newPage();
  await popup.goto(welcome.url().replace(/[^/]*$/, "popup.html"));
  await expect(popup.getByRole("tab")).toHaveText(["Feedback", "Termine", "Statistik", "Suche"]);
  await popup.getByRole("button", { name: "Speichern" }).click();
  await expect(popup.getByRole("alert")).toHaveText("Wählen Sie, für wen dieses Feedback ist.");
  // Long German words stay inside the popup on every tab.
  const spills = () =>
    popup.evaluate(() => {
      const edge = document.body.getBoundingClientRect().right + 0.5;
      return Array.from(document.querySelectorAll<HTMLElement>("main *"))
        .filter((e) => e.getBoundingClientRect().right > edge || e.scrollWidth > e.clientWidth + 1)
        .filter((e) => !e.closest(".one-line, .visually-hidden, textarea, select, input"))
        .map((e) => e.textContent?.slice(0, 40));
    });
  expect(await spills()).toEqual([]);
  for (const [tab, shown] of [
    ["Termine", popup.getByRole("heading", { name: "Nächste 7 Tage" })],
    ["Statistik", popup.getByRole("heading", { name: "Überfällige Aufgaben (0)" })],
    ["Suche", popup.getByTestId("search-empty")],
  ] as const) {
    await popup.getByRole("tab", { name: tab }).click();
    await expect(shown).toBeVisible();
    expect(await spills()).toEqual([]);
  }
  await popup.close();
  await welcome.goto(welcome.url().replace(/[^/]*$/, "options.html#settings"));
  await welcome.getByLabel("Sprache").selectOption({ label: "Wie der Browser (English)" });
  await expect(welcome.getByLabel("Language")).toHaveValue("browser");
  expect(await serviceWorker.evaluate(stored, "language")).toEqual({});
  await welcome.goto(welcome.url().replace(/[^/]*$/, "welcome.html"));
  await expect(welcome.getByRole("heading", { name: "Welcome to 1:1 Prep" })).toBeVisible();
  await expect(welcome.locator("html")).toHaveAttribute("lang", "en");
});

test("with Deutsch picked, the prep's suggested questions, agenda sections and guide are German; a section the manager renamed keeps their words", async ({
  context,
  serviceWorker,
  serveCalendar,
}) => {
  const welcome = await welcomeTab(context);
  await welcome.goto(welcome.url().replace(/[^/]*$/, "options.html#settings"));
  await welcome.getByLabel("Language").selectOption({ label: "Deutsch" });
  await expect(welcome.getByLabel("Sprache")).toHaveValue("de");
  // An edit made earlier, in English: stored as the manager's own words, it is not translated.
  await serviceWorker.evaluate(
    async (templates) => {
      const g = globalThis as unknown as {
        chrome: { storage: { local: { set(v: object): Promise<void> } } };
      };
      await g.chrome.storage.local.set({ templates });
    },
    { weekly: { mine: { title: "My own items" } } },
  );

  await serveCalendar(renderWeekPage());
  const calendar = await openWeek(await context.newPage());
  await openEvent(calendar, fixtureEvents.priyaWeekly1);
  const prep = sidebar(calendar);
  await expect(prep.getByRole("heading", { level: 1 })).toHaveText("1:1 mit Priya Raman");

  // The weekly agenda: German section names, time boxes and prompts; the renamed section as written.
  const agenda = prep.getByRole("region", { name: /^Agenda/ });
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText([
    "Themen Ihres Gegenübers",
    "Wachstum und Entwicklung",
    "Feedback",
    "My own items",
  ]);
  await expect(prep.getByTestId("agenda-theirs")).toContainText("15 Min.");
  await expect(prep.getByTestId("agenda-theirs")).toContainText(
    "Die Agenda Ihres Gegenübers kommt zuerst. Worüber möchte die Person sprechen?",
  );
  await expect(prep.getByTestId("agenda-mine")).toContainText("wenn Zeit bleibt");

  // Three suggested questions, each the German wording of the bank question it stands for.
  const german = new Map(questionBankFor("de").map((q) => [q.id, q.text]));
  const suggested = prep.getByTestId("suggested-questions").locator("li");
  await expect(suggested).toHaveCount(3);
  for (const item of await suggested.all()) {
    const id = await item.getAttribute("data-question-id");
    expect(id && german.has(id), `${id} is a bank question`).toBe(true);
    await expect(item.locator(".question-text")).toHaveText(german.get(id ?? "") ?? "");
  }

  // The monthly deep dive's guide, in German.
  await prep.getByLabel("Dieses 1:1 ist ein").selectOption("monthly");
  await expect(prep.getByRole("heading", { name: "Monatliches Tiefengespräch" })).toBeVisible();
  await expect(prep.getByText("Wie zufrieden sind Sie mit Ihrer Arbeit (1-10)?")).toBeVisible();
  await expect(prep.getByText("Was würde daraus eine 10 machen?")).toBeVisible();
  await expect(prep.getByRole("heading", { name: "Zufriedenheit" })).toBeVisible();
  await calendar.close();
});

/** What each language's checks are tried with, and words their advice is sure to use. */
const checksIn = [
  {
    language: "Deutsch",
    labels: {
      language: "Sprache",
      behavior: "Verhalten",
      own: "Ihre eigene Frage",
      use: "Vorschlag übernehmen",
    },
    trait: "Du bist immer so faul",
    fact: "Du hast den Release-Branch ohne die Checkliste gemergt",
    traitAdvice: "beschreibt die Person, nicht ihr Handeln",
    closed: "Bist du mit dem Projekt zufrieden?",
    rewrite: /^Wie zufrieden bist du mit dem Projekt\?$/,
    closedAdvice: "Geschlossene Frage",
    open: "Was ist gerade das Schwierigste an deiner Arbeit?",
  },
  {
    language: "Français",
    labels: {
      language: "Langue",
      behavior: "Comportement",
      own: "Votre propre question",
      use: "Utiliser la suggestion",
    },
    trait: "Tu es toujours paresseux",
    fact: "Tu as fusionné la branche de livraison sans la checklist",
    traitAdvice: "Parlez de ce que la personne a fait, pas de ce qu'elle est",
    closed: "Es-tu content du projet ?",
    rewrite: /^Comment vis-tu le projet\s\?$/,
    closedAdvice: "Question fermée",
    open: "Qu'est-ce qui est le plus difficile dans ton travail en ce moment ?",
  },
  {
    language: "Español",
    labels: {
      language: "Idioma",
      behavior: "Comportamiento",
      own: "Tu propia pregunta",
      use: "Usar la sugerencia",
    },
    trait: "Siempre eres muy perezoso",
    fact: "Fusionaste la rama de la versión sin la lista de comprobación",
    traitAdvice: "Habla de lo que hizo, no de cómo es",
    closed: "¿Estás contento con el proyecto?",
    rewrite: /^¿Cómo te sientes con el proyecto\?$/,
    closedAdvice: "Pregunta cerrada",
    open: "¿Qué es lo más difícil de tu trabajo ahora mismo?",
  },
];

test("in German, French and Spanish, the feedback form and the manager's own questions are checked in that language, and the suggestion replaces a closed question with an open one", async ({
  context,
  openExtensionPage,
  serveCalendar,
}) => {
  const options = await welcomeTab(context);
  await options.goto(options.url().replace(/[^/]*$/, "options.html#settings"));
  await serveCalendar(renderWeekPage());
  let languageLabel = "Language";
  for (const check of checksIn) {
    await options.getByLabel(languageLabel).selectOption({ label: check.language });
    await expect(options.getByLabel(check.labels.language)).toBeVisible();
    languageLabel = check.labels.language;

    const popup = await openExtensionPage("popup.html");
    const behavior = popup.getByLabel(check.labels.behavior);
    await behavior.fill(check.trait);
    const finding = popup.locator('[data-finding="behavior-character"]');
    await expect(finding).toContainText(check.traitAdvice);
    await behavior.fill(check.fact);
    await expect(finding).toHaveCount(0);
    await popup.close();

    const calendar = await openWeek(await context.newPage());
    await openEvent(calendar, fixtureEvents.priyaWeekly1);
    const prep = sidebar(calendar);
    const own = prep.getByLabel(check.labels.own);
    await own.fill(check.closed);
    await expect(prep.locator('[data-lint="closed"]')).toContainText(check.closedAdvice);
    await prep.getByRole("button", { name: check.labels.use }).click();
    await expect(own).toHaveValue(check.rewrite);
    await expect(prep.locator("[data-lint]")).toHaveCount(0);
    await own.fill(check.open);
    await expect(prep.locator("[data-lint]")).toHaveCount(0);
    await calendar.close();
  }
});

test("with Deutsch picked, the sample week is written in German and the sidebar says in German why it shows", async ({
  context,
  serveCalendar,
}) => {
  const welcome = await welcomeTab(context);
  await welcome.goto(welcome.url().replace(/[^/]*$/, "options.html#settings"));
  await welcome.getByLabel("Language").selectOption({ label: "Deutsch" });
  await expect(welcome.getByLabel("Sprache")).toHaveValue("de");

  // The sample is written when it is first opened, in the language picked by then.
  await welcome.goto(welcome.url().replace(/[^/]*$/, "sample.html"));
  await expect(welcome.getByRole("heading", { level: 1, name: "1:1 Alex / Sie" })).toBeVisible();
  await expect(welcome.getByTestId("previous-notes")).toContainText(
    "Vorschlag für den Bereitschaftsplan zur Hälfte fertig",
  );
  await expect(welcome.getByTestId("open-items")).toContainText(
    "Den Vorschlag für den Bereitschaftsplan fertigstellen",
  );
  await expect(welcome.getByTestId("open-items")).not.toContainText("rota");

  // A 1:1 in Calendar: the reason it shows, in German.
  await serveCalendar(renderWeekPage());
  const calendar = await openWeek(await context.newPage());
  await openEvent(calendar, fixtureEvents.priyaWeekly1);
  const prep = sidebar(calendar);
  await expect(prep.getByRole("heading", { level: 1 })).toHaveText("1:1 mit Priya Raman");
  await prep.getByText("Warum das angezeigt wird").click();
  await expect(prep.getByTestId("detection-reason")).toBeVisible();
  await expect(prep.getByTestId("detection-reason")).toHaveText("Der Titel sagt 1:1.");
  await calendar.close();
});
