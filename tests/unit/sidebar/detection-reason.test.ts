// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { languageInUse } from "@/components/i18n";
import { detectionReason } from "@/entrypoints/sidebar/detection-reason";
import type { PrepBecause } from "@/lib/messaging";
import { LANGUAGES, type Language } from "@/lib/settings";
import { speak, speakAsBefore } from "../speak";

afterEach(speakAsBefore);

const say = (because: PrepBecause) => detectionReason({ reason: "English words", because });

describe("why the prep shows, in the manager's language", () => {
  it.each<[Language, PrepBecause, string]>([
    ["en", { code: "marker" }, "The title says 1:1."],
    ["de", { code: "marker" }, "Der Titel sagt 1:1."],
    ["fr", { code: "marker" }, "Le titre dit 1:1."],
    ["es", { code: "marker" }, "El título dice 1:1."],
    ["en", { code: "group-meeting", guests: 4 }, "A group meeting (4 guests)."],
    ["de", { code: "group-meeting", guests: 4 }, "Ein Gruppentermin (4 Gäste)."],
    ["fr", { code: "group-meeting", guests: 4 }, "Une réunion de groupe (4 invités)."],
    ["es", { code: "group-meeting", guests: 4 }, "Una reunión de grupo (4 invitados)."],
    ["en", { code: "name-pair" }, "The title names two people."],
    ["de", { code: "name-pair" }, "Der Titel nennt zwei Personen."],
    ["fr", { code: "name-pair" }, "Le titre nomme deux personnes."],
    ["es", { code: "name-pair" }, "El título nombra a dos personas."],
    ["en", { code: "interview" }, "An interview."],
    ["de", { code: "interview" }, "Ein Vorstellungsgespräch."],
    ["fr", { code: "interview" }, "Un entretien d'embauche."],
    ["es", { code: "interview" }, "Una entrevista de trabajo."],
    [
      "en",
      { code: "one-guest", guest: "colleague", hint: "recurring" },
      "One colleague: a recurring meeting.",
    ],
    [
      "de",
      { code: "one-guest", guest: "colleague", hint: "recurring" },
      "Ein Gast aus Ihrer Organisation: ein Serientermin.",
    ],
    [
      "fr",
      { code: "one-guest", guest: "colleague", hint: "recurring" },
      "Un invité de votre organisation : une réunion périodique.",
    ],
    [
      "es",
      { code: "one-guest", guest: "colleague", hint: "recurring" },
      "Un invitado de tu organización: una reunión que se repite.",
    ],
    [
      "de",
      { code: "unclear-self", keyword: "Mentoring" },
      "Der Titel enthält Ihr Stichwort „Mentoring“. Zwei Gäste, und die Seite zeigt nicht, welcher davon Sie sind.",
    ],
    ["fr", { code: "calendar-guests", oneOther: true }, "Google Agenda indique exactement un autre invité."],
    ["es", { code: "opened" }, "Abierto desde 1:1 Prep."],
  ])("%s: %j", async (language, because, text) => {
    await speak(language);
    expect(languageInUse()).toBe(language);
    expect(say(because)).toBe(text);
  });

  // The manager's own words are quoted as typed, whatever the page's language.
  it.each<[Language, PrepBecause, string]>([
    ["en", { code: "keyword", phrase: "Mentoría Ü" }, "The title matches your keyword “Mentoría Ü”."],
    [
      "de",
      { code: "excluded", phrase: "Office Hours" },
      "Ausgeschlossen durch Ihre Einstellung „Office Hours“.",
    ],
    ["fr", { code: "keyword", phrase: "Café avec" }, "Le titre contient votre mot-clé « Café avec »."],
    [
      "es",
      { code: "one-guest", guest: "guest", hint: "regular", words: "weekly sync" },
      "Un invitado: el título dice «weekly sync».",
    ],
  ])("%s quotes the manager's words: %j", async (language, because, text) => {
    await speak(language);
    expect(say(because)).toBe(text);
  });

  const everyReason: PrepBecause[] = [
    { code: "unreadable" },
    { code: "excluded", phrase: "x" },
    { code: "about-plural" },
    { code: "about-word", word: "training" },
    { code: "marker" },
    { code: "keyword", phrase: "x" },
    { code: "interview" },
    { code: "sales" },
    { code: "group-title" },
    { code: "name-pair" },
    { code: "no-marker" },
    { code: "no-other-guests" },
    { code: "group-meeting", guests: 2 },
    { code: "group-address" },
    { code: "external-guest" },
    ...(["group-title", "names", "regular", "recurring", "not-recurring"] as const).flatMap((hint) =>
      (["colleague", "guest"] as const).map((guest): PrepBecause => ({ code: "one-guest", guest, hint })),
    ),
    { code: "unclear-self" },
    { code: "calendar-guests", oneOther: true },
    { code: "calendar-guests", oneOther: false },
    { code: "opened" },
  ];

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s says every reason in its own words", async (language) => {
    await speak("en");
    const english = everyReason.map(say);
    await speak(language);
    const own = everyReason.map(say);
    own.forEach((text, i) => {
      expect(text, JSON.stringify(everyReason[i])).not.toBe("");
      expect(text, JSON.stringify(everyReason[i])).not.toBe(english[i]);
    });
  });

  it("a frame opened by an older page, with no reason as data, keeps the words it was sent", async () => {
    await speak("de");
    expect(detectionReason({ reason: "Title says 1:1" })).toBe("Title says 1:1");
  });
});
