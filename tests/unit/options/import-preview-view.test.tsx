// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { ImportPreviewView } from "@/entrypoints/options/ImportPreviewView";
import type { BackupPreview } from "@/lib/export";
import type { Language } from "@/lib/settings";
import { reactHostPerTest } from "../components/react-host";
import { speak, speakAsBefore } from "../speak";

afterEach(speakAsBefore);

const none = { added: 0, updated: 0, unchanged: 0 };
const preview: BackupPreview = {
  counts: {
    people: { ...none, updated: 1 },
    meetings: { ...none, updated: 1 },
    agendaItems: none,
    actionItems: none,
    feedback: none,
    growthPlans: none,
    questionsAsked: none,
  },
  merged: [
    { table: "people", rule: "merged by email", backupId: "p-1", existingId: "p-2", label: "Priya R." },
    {
      table: "meetings",
      rule: "merged by calendar event",
      backupId: "m-1",
      existingId: "m-2",
      label: "1:1 Priya / Morgan",
    },
  ],
  differences: [],
  settings: { added: [], differing: [], unchanged: 0 },
};

describe("the import preview says how rows were matched in the manager's language", () => {
  const host = reactHostPerTest();

  it.each<[Language, string, string]>([
    [
      "en",
      "Priya R.: merged with the person who has the same email",
      "1:1 Priya / Morgan: merged with the same calendar event",
    ],
    [
      "de",
      "Priya R.: mit der Person mit derselben E-Mail-Adresse zusammengeführt",
      "1:1 Priya / Morgan: mit demselben Kalendertermin zusammengeführt",
    ],
    [
      "fr",
      "Priya R. : fusionné avec la personne qui a la même adresse e-mail",
      "1:1 Priya / Morgan : fusionné avec le même événement d'agenda",
    ],
    [
      "es",
      "Priya R.: combinado con la persona que tiene el mismo correo electrónico",
      "1:1 Priya / Morgan: combinado con el mismo evento del calendario",
    ],
  ])("%s", async (language, byEmail, byEvent) => {
    await speak(language);
    host.render(<ImportPreviewView preview={preview} />);
    const merged = [...host.element.querySelectorAll("ul.quiet li")].map((li) => li.textContent);
    expect(merged).toEqual([byEmail, byEvent]);
  });
});

const differing: BackupPreview = {
  ...preview,
  merged: [],
  differences: [
    {
      key: "meetings:m-1",
      table: "meetings",
      id: "m-1",
      person: "Priya Raman",
      label: "1:1 on 2026-11-03 · Priya / Alex",
      about: { table: "meetings", day: Date.UTC(2026, 10, 3, 10), text: "Priya / Alex" },
      changedAt: 0,
      texts: [
        { label: "Notes", field: "notes", mine: "mine", backup: "theirs" },
        {
          label: "Answer (monthly.happiness)",
          field: "answer",
          promptId: "monthly.happiness",
          mine: "7",
          backup: "8",
        },
      ],
      fields: ["due date", "a-field-of-its-own"],
      choices: ["mine", "backup", "both"],
      suggested: "both",
    },
    {
      key: "actionItems:a-1",
      table: "actionItems",
      id: "a-1",
      person: "Priya Raman",
      label: "Action item: Send the deck",
      about: { table: "actionItems", text: "Send the deck" },
      changedAt: 0,
      texts: [{ label: "Action item", field: "text", mine: "Send the deck", backup: "Send the slides" }],
      fields: [],
      choices: ["mine", "backup", "both"],
      suggested: "mine",
    },
  ],
  settings: { added: [], differing: [{ key: "templates", label: "Templates and questions" }], unchanged: 0 },
};

describe("the differing rows, their texts and fields, and the settings are named in the manager's language", () => {
  const host = reactHostPerTest();
  const shown = () => ({
    rows: [...host.element.querySelectorAll('[data-testid="import-difference"] > p')].map(
      (p) => p.textContent,
    ),
    captions: [...host.element.querySelectorAll("figcaption")].map((c) => c.textContent),
    setting: host.element.querySelector(".import-settings label")?.textContent ?? "",
  });

  it.each<[Language, string, string, string, string, string]>([
    [
      "en",
      "Priya Raman · 1:1 on Nov 3, 2026 · Priya / Alex · also differs: due date, a-field-of-its-own",
      "Notes: yours",
      "Answer to “How are you feeling about work (1-10)?”: yours",
      "Action item: yours",
      "Templates and questions",
    ],
    [
      "de",
      "Priya Raman · 1:1 am 03.11.2026 · Priya / Alex · außerdem abweichend: Fälligkeit, a-field-of-its-own",
      "Notizen: Ihre Fassung",
      "Antwort auf „Wie zufrieden sind Sie mit Ihrer Arbeit (1-10)?“: Ihre Fassung",
      "Aufgabe: Ihre Fassung",
      "Vorlagen und Fragen",
    ],
    [
      "fr",
      "Priya Raman · 1:1 du 3 nov. 2026 · Priya / Alex · diffère aussi : échéance, a-field-of-its-own",
      "Notes : votre version",
      "Réponse à « ",
      "Action : votre version",
      "Modèles et questions",
    ],
    [
      "es",
      "Priya Raman · 1:1 del 3 nov 2026 · Priya / Alex · también difiere: fecha límite, a-field-of-its-own",
      "Notas: la tuya",
      "Respuesta a «",
      "Tarea: la tuya",
      "Plantillas y preguntas",
    ],
  ])("%s", async (language, row, notes, answer, item, setting) => {
    await speak(language);
    host.render(<ImportPreviewView preview={differing} />);
    const { rows, captions, setting: settingText } = shown();
    expect(rows[0]?.replace(/\s+/g, " ")).toBe(row);
    expect(captions).toContain(notes);
    expect(captions.some((c) => c?.startsWith(answer))).toBe(true);
    expect(captions).toContain(item);
    expect(settingText).toContain(setting);
  });
});
