// @vitest-environment happy-dom
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYAML } from "confbox";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { languageInUse, loadLanguage, localeInUse, pluralForm, renderInLanguage, t } from "@/components/i18n";
import { LANGUAGES, setLanguage } from "@/lib/settings";
import { messagesFile } from "../speak";

const LOCALES_DIR = join(__dirname, "../../../locales");

/** Every message as the key `t` takes, from a locales file's nested groups. */
function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof inner === "string") out.set(path, inner);
    else for (const [k, v] of flatten(inner, path)) out.set(k, v);
  }
  return out;
}

const locale = (language: string) =>
  flatten(parseYAML(readFileSync(join(LOCALES_DIR, `${language}.yml`), "utf8")));

function serveMessages(files: Record<string, unknown>) {
  // A spy, not a stubbed global: undoing stubbed globals would also undo the fake browser's.
  vi.spyOn(globalThis, "fetch").mockImplementation(async (url) => {
    const language = /\/_locales\/(\w+)\/messages\.json$/.exec(String(url))?.[1] ?? "";
    if (!(language in files)) return new Response("", { status: 404 });
    return new Response(JSON.stringify(files[language]));
  });
}

afterEach(async () => {
  // Back to the browser's words, with no messages file to read, for the next test.
  serveMessages({});
  await setLanguage(undefined);
  await loadLanguage();
  vi.restoreAllMocks();
});

describe("the four languages' messages", () => {
  const english = locale("en");

  it("are exactly the four the product offers", () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(LANGUAGES.map((l) => `${l}.yml`).sort());
  });

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s has every English message and no other", (language) => {
    expect([...locale(language).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES)("%s keeps each message's substitutions and plural forms", (language) => {
    for (const [key, message] of locale(language)) {
      const source = english.get(key) ?? "";
      const slots = (text: string) => [...text.matchAll(/(?<!\$)\$([1-9])/g)].map((m) => m[1]).sort();
      expect(slots(message), key).toEqual(slots(source));
      expect(message.split(" | ").length, key).toBe(source.split(" | ").length);
      expect(message.trim(), key).not.toBe("");
    }
  });

  it.each(LANGUAGES)("%s names its own language code", (language) => {
    expect(locale(language).get("language.code")).toBe(language);
  });
});

describe("a language picked in options", () => {
  it("speaks German once picked, with substitutions, whatever the browser speaks", async () => {
    serveMessages({ de: messagesFile("de") });
    await setLanguage("de");
    await loadLanguage();
    expect(languageInUse()).toBe("de");
    expect(document.documentElement.lang).toBe("de");
    expect(t("welcome.title")).toBe("Willkommen bei 1:1 Prep");
    expect(t("welcome.companyDomain", ["acme.de"])).toMatch(/^Firmendomain: acme\.de\. /);
  });

  it("falls back to the browser's language when the file can't be read or is nonsense", async () => {
    const browserTitle = t("welcome.title");
    await setLanguage("fr");
    serveMessages({});
    await loadLanguage();
    expect(t("welcome.title")).toBe(browserTitle);
    serveMessages({ fr: { welcome_title: { message: 42 } } });
    await loadLanguage();
    expect(t("welcome.title")).toBe(browserTitle);
    expect(languageInUse()).not.toBe("fr");
  });

  it("ignores a stored language it doesn't offer, and speaks the browser's", async () => {
    await fakeBrowser.storage.local.set({ language: "<img src=x>" });
    serveMessages({ en: messagesFile("en") });
    await loadLanguage();
    expect(languageInUse()).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    expect(vi.mocked(fetch).mock.calls.map(([url]) => url)).toEqual(["/_locales/en/messages.json"]);
  });

  it("reads the browser's own language from its file, not message by message from browser.i18n", async () => {
    fakeBrowser.i18n.getUILanguage = () => "fr-CA";
    // Chrome can give an extension page no messages at all through browser.i18n.
    fakeBrowser.i18n.getMessage = () => "";
    serveMessages({ fr: messagesFile("fr"), en: messagesFile("en") });
    await loadLanguage();
    expect(languageInUse()).toBe("fr");
    expect(t("welcome.title")).toBe("Bienvenue dans 1:1 Prep");
    // Dates keep the browser's own region while the pages speak its language.
    expect(localeInUse()).toBe("fr-CA");
    serveMessages({ de: messagesFile("de"), en: messagesFile("en") });
    await setLanguage("de");
    await loadLanguage();
    expect(localeInUse()).toBe("de");
  });

  it("fills a message a language lacks from English", async () => {
    const german = messagesFile("de");
    delete (german as Record<string, unknown>).welcome_lead;
    serveMessages({ de: german, en: messagesFile("en") });
    await setLanguage("de");
    await loadLanguage();
    expect(t("welcome.title")).toBe("Willkommen bei 1:1 Prep");
    expect(t("welcome.lead")).toBe("Your prep for every 1:1, right beside the event in Google Calendar.");
  });

  it("writes dollar signs and picks plural forms as browser.i18n would", async () => {
    serveMessages({
      es: {
        ...messagesFile("es"),
        welcome_title: { message: "Cuesta $$$1" },
        welcome_lead: { message: "una nota | $1 notas" },
      },
    });
    await setLanguage("es");
    await loadLanguage();
    expect(t("welcome.title")).toBe("Cuesta $");
    expect((t as (key: string, ...args: unknown[]) => string)("welcome.lead", 1)).toBe("una nota");
    expect((t as (key: string, ...args: unknown[]) => string)("welcome.lead", 3)).toBe("3 notas");
  });

  it("picks each language's own plural: French counts 0 as one, German and English as many", async () => {
    const count = t as (key: string, ...args: unknown[]) => string;
    serveMessages({ fr: messagesFile("fr"), de: messagesFile("de"), en: messagesFile("en") });
    await setLanguage("fr");
    await loadLanguage();
    expect(count("people.meetings", 0)).toBe("0 réunion");
    expect(count("people.meetings", 1)).toBe("1 réunion");
    expect(count("people.meetings", 2)).toBe("2 réunions");
    await setLanguage("de");
    await loadLanguage();
    expect(count("people.meetings", 0)).toBe("0 Termine");
    expect(count("people.meetings", 1)).toBe("1 Termin");
  });

  it("picks plural forms by the language's rule, three forms keeping their own zero", () => {
    expect(pluralForm("$1 réunion | $1 réunions", 0, "fr")).toBe("$1 réunion");
    expect(pluralForm("$1 meeting | $1 meetings", 0, "en")).toBe("$1 meetings");
    expect(pluralForm("none | one | many", 0, "en")).toBe("none");
    expect(pluralForm("none | one | many", 1, "fr")).toBe("one");
    expect(pluralForm("none | one | many", 5, "fr")).toBe("many");
  });
});

describe("the words a page spoke last time", () => {
  const remember = (words: unknown) => localStorage.setItem("wordsInUse", JSON.stringify(words));
  const release = () => "2.4.0";

  beforeEach(() => {
    vi.spyOn(fakeBrowser.runtime, "getManifest").mockReturnValue({ version: release() } as never);
  });
  afterEach(() => localStorage.clear());

  it("render the page at once, before the messages file is read", async () => {
    serveMessages({ de: messagesFile("de"), en: messagesFile("en") });
    await setLanguage("de");
    remember({ release: release(), language: "de", messages: { welcome_title: "Willkommen zurück" } });
    const titles: string[] = [];
    await renderInLanguage(() => titles.push(t("welcome.title")));
    expect(titles).toEqual(["Willkommen zurück", "Willkommen bei 1:1 Prep"]);
  });

  it.each([
    ["a message that isn't text", { welcome_title: 42 }],
    ["a list instead of messages", ["Willkommen"]],
    ["no messages", null],
    ["a message that is an object", { welcome_title: { message: "Willkommen" } }],
  ])("are not spoken when they hold %s: the page waits for its file", async (_what, messages) => {
    serveMessages({ de: messagesFile("de"), en: messagesFile("en") });
    await setLanguage("de");
    remember({ release: release(), language: "de", messages });
    const titles: string[] = [];
    await renderInLanguage(() => titles.push(t("welcome.title")));
    expect(titles).toEqual(["Willkommen bei 1:1 Prep"]);
  });

  it("keep a message named __proto__ as a message, dropped by no check", async () => {
    serveMessages({ en: messagesFile("en") });
    localStorage.setItem(
      "wordsInUse",
      `{"release":${JSON.stringify(release())},"language":"en","messages":{"__proto__":"x","welcome_title":"Hello again"}}`,
    );
    const first: string[] = [];
    await renderInLanguage(() => first.push(t("welcome.title"), (t as (key: string) => string)("__proto__")));
    expect(first.slice(0, 2)).toEqual(["Hello again", "x"]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
