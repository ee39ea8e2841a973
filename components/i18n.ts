import { browser } from "wxt/browser";
import { z } from "zod/mini";
import { i18n } from "#i18n";
import { LANGUAGES, type Language, readLanguage, toLanguage } from "@/lib/settings";

/**
 * The words of 1:1 Prep's pages, from the `_locales` files @wxt-dev/i18n builds: in the
 * browser's language by default, or in one the manager picked in options, which `browser.i18n`
 * itself could never speak.
 */

/** Each language in its own words, as a manager looks for it in a list. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
};

/**
 * A JSON object whose every value passes `item`. The messages are checked by this one pass rather
 * than a zod schema per message: zod checking some nine hundred strings one by one cost every
 * popup open a few milliseconds before its first render.
 */
function isRecordOf(value: unknown, item: (value: unknown) => boolean): boolean {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every(item)
  );
}

const messagesFile = z.custom<Record<string, { message: string }>>((file) =>
  isRecordOf(
    file,
    (entry) => isRecordOf(entry, () => true) && typeof (entry as { message?: unknown }).message === "string",
  ),
);

/** The messages the page speaks, with English beneath for any a language doesn't have yet. */
let loaded: { language: Language; messages: Map<string, string> } | undefined;

async function readMessages(language: Language): Promise<Map<string, string>> {
  const response = await fetch(`/_locales/${language}/messages.json`);
  const file = messagesFile.parse(await response.json());
  const messages = new Map<string, string>();
  for (const [key, { message }] of Object.entries(file)) messages.set(key.toLowerCase(), message);
  return messages;
}

/**
 * Loads the page's words before it renders: the language picked in options, else the browser's.
 * They are read from the messages files rather than asked of `browser.i18n` one by one, since
 * Chrome can hand an extension page that shares its process with our frames in Calendar's page
 * no messages at all, and a page of blank labels is worse than any delay. A file that can't be
 * read leaves the page to `browser.i18n`.
 */
export async function loadLanguage(): Promise<void> {
  loaded = await readWords();
  // The background has no document; it loads the words for its notifications.
  if (typeof document !== "undefined") document.documentElement.lang = languageInUse();
}

async function readWords(): Promise<typeof loaded> {
  const picked = await readLanguage().catch(() => undefined);
  const language = picked ?? browserLanguage();
  try {
    const [own, english] = await Promise.all([
      readMessages(language),
      language === "en" ? undefined : readMessages("en").catch(() => undefined),
    ]);
    return { language, messages: new Map([...(english ?? []), ...own]) };
  } catch {
    return undefined;
  }
}

/** Where a page keeps the words it last spoke in, for its next opening. */
const REMEMBERED_WORDS_KEY = "wordsInUse";

const rememberedWords = z.object({
  /** the release the words came with: an update brings new ones */
  release: z.string(),
  language: z.enum(LANGUAGES),
  messages: z.custom<Record<string, string>>((messages) =>
    isRecordOf(messages, (m) => typeof m === "string"),
  ),
});

function release(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return "";
  }
}

function readRememberedWords(): typeof loaded {
  try {
    const parsed = rememberedWords.safeParse(
      JSON.parse(localStorage.getItem(REMEMBERED_WORDS_KEY) ?? "null"),
    );
    if (!parsed.success || parsed.data.release !== release()) return undefined;
    return { language: parsed.data.language, messages: new Map(Object.entries(parsed.data.messages)) };
  } catch {
    return undefined;
  }
}

function rememberWords(words: typeof loaded) {
  try {
    if (!words) localStorage.removeItem(REMEMBERED_WORDS_KEY);
    else
      localStorage.setItem(
        REMEMBERED_WORDS_KEY,
        JSON.stringify({
          release: release(),
          language: words.language,
          messages: Object.fromEntries(words.messages),
        }),
      );
  } catch {
    // A page without room for them reads the files next time, as it did this time.
  }
}

function sameWords(a: typeof loaded, b: typeof loaded): boolean {
  if (!a || !b) return a === b;
  if (a.language !== b.language || a.messages.size !== b.messages.size) return false;
  for (const [key, message] of a.messages) if (b.messages.get(key) !== message) return false;
  return true;
}

/**
 * Renders a page in the manager's language at once when it opened before: the words it spoke last
 * time are kept in the page's own storage, which it reads without waiting, where reading the
 * language and its messages file takes longer than the rest of the page's start. Behind the first
 * render they are read again; should the language or its words have changed since, the page
 * renders again in the new ones, and they are kept for next time.
 */
export async function renderInLanguage(render: () => void): Promise<void> {
  const remembered = readRememberedWords();
  if (remembered) {
    loaded = remembered;
    document.documentElement.lang = languageInUse();
    render();
    // The check that they are still the words to speak waits until the page is idle, so reading
    // and comparing the messages files doesn't hold back what the page does first (the popup's
    // Stats table, say).
    await untilIdle();
  }
  const read = await readWords();
  if (remembered && sameWords(remembered, read)) return;
  loaded = read;
  document.documentElement.lang = languageInUse();
  rememberWords(read);
  render();
}

/** Resolves when the page is idle, or after a second at most. */
function untilIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve);
  });
}

/** The language was just changed: the next page to open reads its words anew. */
export function forgetRememberedWords() {
  rememberWords(undefined);
}

let lastUiLanguage: string | undefined;

/**
 * The browser's UI language. A page whose extension was updated or removed keeps drawing for a
 * moment, and every `browser.*` call then throws "Extension context invalidated": it keeps the
 * last answer instead.
 */
function browserUiLanguage(): string {
  try {
    lastUiLanguage = browser.i18n?.getUILanguage?.() ?? navigator.language;
  } catch {
    lastUiLanguage ??= navigator.language;
  }
  return lastUiLanguage;
}

/** The browser's language, when 1:1 Prep speaks it; English otherwise. */
export function browserLanguage(): Language {
  return toLanguage(browserUiLanguage().toLowerCase().split(/[-_]/)[0]) ?? "en";
}

/** The language the pages are shown in now. */
export function languageInUse(): Language {
  return loaded?.language ?? browserLanguage();
}

/**
 * The locale dates and numbers are written in: the browser's own ("en-GB", "de-AT") while the
 * pages speak its language, else the picked language's.
 */
export function localeInUse(): string {
  const ui = browserUiLanguage();
  const language = languageInUse();
  return ui.toLowerCase().split(/[-_]/)[0] === language ? ui.replace("_", "-") : language;
}

/** `browser.i18n.getMessage`'s own rules: `$1`…`$9` take the substitutions, `$$` is a dollar sign. */
function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === "$" ? "$" : (substitutions[Number(which) - 1] ?? ""),
  );
}

/**
 * Plural forms as @wxt-dev/i18n writes them: "one | other", or "zero | one | other". Which of
 * "one" and "other" a count takes is the language's own rule: French says "0 réunion", as it
 * says "1 réunion".
 */
export function pluralForm(message: string, count: number, language: string): string {
  const forms = message.split(" | ");
  if (forms.length === 3 && count === 0) return forms[0] ?? message;
  const [one, other] = forms.slice(-2);
  if (forms.length < 2 || one === undefined || other === undefined) return message;
  return pluralRules(language).select(count) === "one" ? one : other;
}

const rulesByLanguage = new Map<string, Intl.PluralRules>();
function pluralRules(language: string): Intl.PluralRules {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    rulesByLanguage.set(language, rules);
  }
  return rules;
}

const fromBrowser = i18n.t;

/** One message, in the picked language when there is one, else in the browser's. */
export const t = ((key: string, ...args: unknown[]) => {
  let count: number | undefined;
  let substitutions: string[] | undefined;
  for (const arg of args) {
    if (typeof arg === "number") count = arg;
    else if (Array.isArray(arg)) substitutions = arg.map(String);
  }
  if (count !== undefined && substitutions === undefined) substitutions = [String(count)];
  const message = loaded?.messages.get(key.replaceAll(".", "_").toLowerCase());
  if (message === undefined) {
    try {
      // Asked without the count, the browser gives every plural form, and the language's own
      // rule picks one.
      const text = (fromBrowser as (key: string, substitutions?: string[]) => string)(key, substitutions);
      return count === undefined ? text : pluralForm(text, count, languageInUse());
    } catch {
      // The extension was updated under this page: its words are gone with it.
      return "";
    }
  }
  const text = substitute(message, substitutions ?? []);
  return count === undefined ? text : pluralForm(text, count, languageInUse());
}) as typeof i18n.t;
