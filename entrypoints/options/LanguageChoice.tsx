import { useEffect, useId, useState } from "react";
import { browserLanguage, forgetRememberedWords, LANGUAGE_NAMES, t } from "@/components/i18n";
import { LANGUAGES, type Language, readLanguage, setLanguage } from "@/lib/settings";
import { useSaveStatus } from "./status";

/** The language of 1:1 Prep's pages: the browser's, unless the manager picks another. */
export function LanguageChoice() {
  const id = useId();
  const [picked, setPicked] = useState<Language | "browser">();
  const { run, view: status } = useSaveStatus(t("language.couldNotChange"));

  useEffect(() => {
    void readLanguage().then((language) => setPicked(language ?? "browser"));
  }, []);

  if (!picked) return null;

  return (
    <div className="field">
      <label htmlFor={`${id}-language`}>{t("language.label")}</label>
      <select
        id={`${id}-language`}
        value={picked}
        aria-describedby={`${id}-language-help`}
        onChange={(e) => {
          const choice = e.target.value as Language | "browser";
          setPicked(choice);
          // Every word on the page changes, so the page starts again in the new language.
          forgetRememberedWords();
          void run(setLanguage(choice === "browser" ? undefined : choice).then(() => location.reload()));
        }}
      >
        <option value="browser">{t("language.followBrowser", [LANGUAGE_NAMES[browserLanguage()]])}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      <p id={`${id}-language-help`} className="quiet">
        {t("language.help")}
      </p>
      {status}
    </div>
  );
}
