import { settingsItems } from "./items";

/** The languages 1:1 Prep's pages are written in; the first is the one every message has. */
export const LANGUAGES = ["en", "de", "fr", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The manager's choice; none means the pages follow the browser's language. */
export const LANGUAGE_KEY = "language";

export function toLanguage(value: unknown): Language | undefined {
  return LANGUAGES.find((language) => language === value);
}

export async function readLanguage(): Promise<Language | undefined> {
  return toLanguage(await settingsItems.language.getValue());
}

/** `undefined` goes back to the browser's language. */
export async function setLanguage(language: Language | undefined) {
  const checked = toLanguage(language);
  if (checked) await settingsItems.language.setValue(checked);
  else await settingsItems.language.removeValue();
}
