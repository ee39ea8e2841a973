import { afterEach, describe, expect, it, vi } from "vitest";
import type { PrepDatabase } from "@/lib/db";
import { sampleContentFor } from "@/lib/db/sample-content";
import { classifyEvent } from "@/lib/detection";
import { LANGUAGES, type Language } from "@/lib/settings";

let db: PrepDatabase | undefined;
afterEach(async () => {
  if (db) await (await import("@/lib/db")).deleteSample(db);
  db = undefined;
});

/** The sample as a freshly loaded page opens it: each page may work on one database only. */
async function openSampleDatabase(now: number, language: Language): Promise<PrepDatabase> {
  vi.resetModules();
  return (await import("@/lib/db")).openSampleDatabase(now, language);
}

const NOW = Date.UTC(2026, 10, 25, 12);

describe("the sample week speaks the manager's language", () => {
  it.each<[Language, string, string]>([
    ["en", "Settling in well after the team change", "Finish the on-call rota proposal"],
    [
      "de",
      "Hat sich nach dem Teamwechsel gut eingelebt",
      "Den Vorschlag für den Bereitschaftsplan fertigstellen",
    ],
    ["fr", "S'intègre bien après le changement d'équipe", "Terminer la proposition de planning d'astreinte"],
    ["es", "Se está adaptando bien tras el cambio de equipo", "Terminar la propuesta de turnos de guardia"],
  ])("%s: notes, action items and feedback are written in it", async (language, firstNotes, theirItem) => {
    db = await openSampleDatabase(NOW, language);
    const content = sampleContentFor(language);
    const meetings = await db.meetings.orderBy("startsAt").toArray();
    expect(meetings.map((m) => m.notes)).toEqual(content.notes);
    expect(meetings[0]?.notes.startsWith(firstNotes)).toBe(true);
    expect(meetings.every((m) => m.title === content.title)).toBe(true);
    const items = await db.actionItems.toArray();
    expect(items.map((i) => [i.owner, i.text]).sort()).toEqual(
      [
        ["me", content.myItem],
        ["them", theirItem],
      ].sort(),
    );
    const [feedback] = await db.feedback.toArray();
    expect(feedback).toMatchObject({ ...content.feedback, request: "", valence: "reinforcing" });
  });

  it.each(LANGUAGES)("%s: the sample's title reads as a 1:1 to the detector", (language) => {
    expect(classifyEvent({ title: sampleContentFor(language).title })).toMatchObject({ isOneOnOne: true });
  });

  it.each(LANGUAGES.filter((l) => l !== "en"))(
    "%s shares no sentence with the English sample",
    (language) => {
      const english = sampleContentFor("en");
      const own = sampleContentFor(language);
      const texts = (c: typeof own) => [
        c.title,
        ...c.notes,
        c.myItem,
        c.theirItem,
        ...Object.values(c.feedback),
      ];
      const englishTexts = new Set(texts(english));
      for (const text of texts(own)) expect(englishTexts.has(text), text).toBe(false);
    },
  );

  it("a sample already written keeps its words when the language changes; starting over writes it anew", async () => {
    db = await openSampleDatabase(NOW, "en");
    db = await openSampleDatabase(NOW, "de");
    expect((await db.actionItems.toArray()).map((i) => i.text)).toContain(sampleContentFor("en").theirItem);
    await (await import("@/lib/db")).deleteSample(db);
    db = await openSampleDatabase(NOW, "de");
    expect((await db.actionItems.toArray()).map((i) => i.text)).toContain(sampleContentFor("de").theirItem);
  });
});
