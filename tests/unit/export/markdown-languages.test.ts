import { format } from "date-fns";
import { de, es, fr } from "date-fns/locale";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrepDatabase } from "@/lib/db";
import { personToMarkdown } from "@/lib/export";
import type { Language } from "@/lib/settings";
import { guidePrompt } from "@/lib/templates";
import { at, sampleRows, writeRows } from "./sample";

let db: PrepDatabase;
let n = 0;
beforeEach(async () => {
  db = new PrepDatabase(`markdown-languages-${++n}`);
  await writeRows(db, sampleRows());
});
afterEach(async () => {
  await db.delete();
});

const NOW = at(25);

interface Expected {
  headings: string[];
  monthly: string;
  feedback: string;
  situation: string;
  cadence: string;
  openItem: string;
}

const cases: [Language, Expected][] = [
  [
    "en",
    {
      headings: ["## Meetings", "## Action items", "## Feedback", "## Growth plans"],
      monthly: `### ${format(at(10), "EEE d MMM yyyy, HH:mm")} · Monthly deep dive · held`,
      feedback: `### Reinforcing, given ${format(at(3), "EEE d MMM yyyy")}`,
      situation: "- **Situation:** In the incident review",
      cadence: "- Cadence: a 1:1 every 7 days",
      openItem: `owner: you · due ${format(at(6), "EEE d MMM yyyy")} (overdue)`,
    },
  ],
  [
    "de",
    {
      headings: ["## Termine", "## Aufgaben", "## Feedback", "## Entwicklungspläne"],
      monthly: `### ${format(at(10), "EEE, d. MMM yyyy, HH:mm", { locale: de })} · Monatliches Tiefengespräch · stattgefunden`,
      feedback: `### Bestärkend, gegeben ${format(at(3), "EEE, d. MMM yyyy", { locale: de })}`,
      situation: "- **Situation:** In the incident review",
      cadence: "- Rhythmus: ein 1:1 alle 7 Tage",
      openItem: `zuständig: Sie · fällig ${format(at(6), "EEE, d. MMM yyyy", { locale: de })} (überfällig)`,
    },
  ],
  [
    "fr",
    {
      headings: ["## Réunions", "## Actions", "## Feedback", "## Plans de développement"],
      monthly: `### ${format(at(10), "EEE d MMM yyyy, HH:mm", { locale: fr })} · Point mensuel approfondi · tenu`,
      feedback: `### Encourageant, donné ${format(at(3), "EEE d MMM yyyy", { locale: fr })}`,
      situation: "- **Situation\u00a0:** In the incident review",
      cadence: "- Rythme\u00a0: un 1:1 tous les 7 jours",
      openItem: `responsable\u00a0: vous · échéance ${format(at(6), "EEE d MMM yyyy", { locale: fr })} (en retard)`,
    },
  ],
  [
    "es",
    {
      headings: ["## Reuniones", "## Tareas", "## Feedback", "## Planes de desarrollo"],
      monthly: `### ${format(at(10), "EEE d MMM yyyy, HH:mm", { locale: es })} · Revisión mensual a fondo · celebrada`,
      feedback: `### De refuerzo, dado ${format(at(3), "EEE d MMM yyyy", { locale: es })}`,
      situation: "- **Situación:** In the incident review",
      cadence: "- Frecuencia: un 1:1 cada 7 días",
      openItem: `responsable: tú · vence ${format(at(6), "EEE d MMM yyyy", { locale: es })} (vencida)`,
    },
  ],
];

describe("a person's Markdown export speaks the language it is asked in", () => {
  it.each(cases)("%s", async (language, expected) => {
    const md = await personToMarkdown(db, "p-priya", NOW, language);
    expect(md.split("\n").filter((line) => line.startsWith("## "))).toEqual(expected.headings);
    expect(md).toContain(expected.monthly);
    expect(md).toContain(expected.feedback);
    expect(md).toContain(expected.situation);
    expect(md).toContain(expected.cadence);
    expect(md).toContain(expected.openItem);
    // The guide's question in the same language, and the manager's answer as written.
    const prompt = guidePrompt("monthly.make-it-a-10", language)?.text;
    expect(prompt).toBeDefined();
    expect(md).toContain(`**${prompt}**\n\nFewer context switches.`);
  });

  it.each(cases.filter(([language]) => language !== "en"))(
    "%s keeps none of the English fixed words",
    async (language) => {
      const md = await personToMarkdown(db, "p-priya", NOW, language);
      for (const english of [
        "What would make it a 10?",
        "Monthly deep dive",
        "· held",
        "owner:",
        "agreed",
        "Growth plans",
        "Checkpoints",
        "keep this document safe",
      ]) {
        expect(md).not.toContain(english);
      }
    },
  );

  it("English stays the default for a caller that names no language", async () => {
    expect(await personToMarkdown(db, "p-priya", NOW)).toBe(await personToMarkdown(db, "p-priya", NOW, "en"));
  });
});
