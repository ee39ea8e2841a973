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
