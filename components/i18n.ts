import { z } from "zod";
import { i18n } from "#i18n";
import { type Language, readLanguage, toLanguage } from "@/lib/settings";

/**
 * The words of 1:1 Prep's pages. By default they follow the browser's language through
 * `browser.i18n`; a language the manager picked in options is read from that language's own
 * messages file instead, since `browser.i18n` can only ever speak the browser's language.
 */

/** Each language in its own words, as a manager looks for it in a list. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
};

const messagesFile = z.record(z.string(), z.looseObject({ message: z.string() }));

let picked: { language: Language; messages: Map<string, string> } | undefined;

/**
 * Loads the manager's language before a page renders. A file that can't be read or doesn't
 * parse leaves the page in the browser's language rather than blank.
 */
export async function loadLanguage(): Promise<void> {
  const language = await readLanguage().catch(() => undefined);
  picked = undefined;
  if (language) {
    try {
      const response = await fetch(`/_locales/${language}/messages.json`);
      const file = messagesFile.parse(await response.json());
      const messages = new Map<string, string>();
      for (const [key, { message }] of Object.entries(file)) messages.set(key.toLowerCase(), message);
      picked = { language, messages };
    } catch {
      picked = undefined;
    }
  }
  document.documentElement.lang = languageInUse();
}

/** The language the browser gives 1:1 Prep: its own, or English where 1:1 Prep doesn't speak it. */
export function browserLanguage(): Language {
  return toLanguage(i18n.t("language.code")) ?? "en";
}

/** The language the pages are shown in now. */
export function languageInUse(): Language {
  return picked?.language ?? browserLanguage();
}

/** `browser.i18n.getMessage`'s own rules: `$1`…`$9` take the substitutions, `$$` is a dollar sign. */
function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === "$" ? "$" : (substitutions[Number(which) - 1] ?? ""),
  );
}

/** Plural forms as @wxt-dev/i18n writes them: "one | other", or "zero | one | other". */
function pluralForm(message: string, count: number): string {
  const forms = message.split(" | ");
  if (forms.length === 2) return forms[count === 1 ? 0 : 1] ?? message;
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2] ?? message;
  return message;
}

const fromBrowser = i18n.t;

/** One message, in the picked language when there is one, else in the browser's. */
export const t = ((key: string, ...args: unknown[]) => {
  const message = picked?.messages.get(key.replaceAll(".", "_").toLowerCase());
  if (message === undefined)
    return (fromBrowser as (key: string, ...rest: unknown[]) => string)(key, ...args);
  let count: number | undefined;
  let substitutions: string[] | undefined;
  for (const arg of args) {
    if (typeof arg === "number") count = arg;
    else if (Array.isArray(arg)) substitutions = arg.map(String);
  }
  if (count !== undefined && substitutions === undefined) substitutions = [String(count)];
  const text = substitute(message, substitutions ?? []);
  return count === undefined ? text : pluralForm(text, count);
}) as typeof i18n.t;
