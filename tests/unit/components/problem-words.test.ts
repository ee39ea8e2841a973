// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { problemText, problemWords } from "@/components/problem-words";
import { findOrCreatePerson, PrepDatabase, renamePerson } from "@/lib/db";
import { parseBackup } from "@/lib/export";
import { pageResponseSchema } from "@/lib/messaging";
import { PROBLEM_CODES, Problem, type ProblemDetail, problemOf, refusalError } from "@/lib/problem";
import { LANGUAGES } from "@/lib/settings";
import { speak, speakAsBefore } from "../speak";

afterEach(speakAsBefore);

const VALUES = ["200000", "17", "x"];

describe("every problem in the manager's language", () => {
  it.each(LANGUAGES)("%s has words for each problem, with its values filled in", async (language) => {
    await speak(language);
    for (const code of PROBLEM_CODES) {
      const text = problemWords({ code, values: VALUES, reason: { code: "backupEmpty", values: [] } });
      expect(text.trim(), code).not.toBe("");
      expect(text, code).not.toMatch(/\$[1-9]/);
    }
  });

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s says none of them in English", async (language) => {
    await speak("en");
    const english = new Map(PROBLEM_CODES.map((code) => [code, problemWords({ code, values: VALUES })]));
    await speak(language);
    for (const code of PROBLEM_CODES.filter((c) => c !== "asSaid")) {
      expect(problemWords({ code, values: VALUES }), code).not.toBe(english.get(code));
    }
  });

  it("writes a limit as the language writes numbers", async () => {
    await speak("de");
    expect(problemWords({ code: "notesTooLong", values: ["200000"] })).toBe(
      "Die Notizen würden länger als 200.000 Zeichen. Kürzen Sie sie zuerst.",
    );
  });
});

describe("an error thrown where the data lives, shown where the manager is", () => {
  it("says an empty name in German, keeping the English for logs", async () => {
    const db = new PrepDatabase(`problem-words-${Math.random()}`);
    try {
      const person = await findOrCreatePerson(db, { displayName: "Ana", email: "ana@example.com" });
      const error = await renamePerson(db, person.id, "   ").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Problem);
      expect((error as Error).message).toBe("A name can't be empty.");
      await speak("de");
      expect(problemText(error, "fallback")).toBe("Ein Name darf nicht leer sein.");
      expect((await db.people.get(person.id))?.displayName).toBe("Ana");
    } finally {
      await db.delete();
    }
  });

  it("says where a backup file is wrong, and what is wrong there, in French", async () => {
    const parsed = parseBackup(
      JSON.stringify({
        format: "one-on-one-prep-backup",
        version: 2,
        exportedAt: "2026-12-01T10:00:00.000Z",
        schemaVersion: 1,
        data: { people: [{ id: 7 }] },
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.code).toBe("backupAt");
    await speak("fr");
    expect(problemWords(parsed.problem)).toMatch(
      /^Cette sauvegarde ne peut pas être importée\. Le problème se trouve à people\[0\]\.\w+ : [^.]+\.$/,
    );
    expect(problemWords(parsed.problem)).not.toMatch(/expected|missing/);
  });

  it.each([
    ["", "backupEmpty", "Diese Datei ist leer."],
    ["{", "backupNotJson", "Diese Datei ist keine Sicherung von 1:1 Prep: Sie ist kein gültiges JSON."],
    ["[]", "notABackup", "Diese Datei ist keine Sicherung von 1:1 Prep."],
    [
      '{"format":"one-on-one-prep-backup","version":99}',
      "newerBackup",
      "Diese Sicherung stammt aus einer neueren Version von 1:1 Prep. Aktualisieren Sie die Erweiterung und importieren Sie sie dann erneut.",
    ],
  ])("refuses %j as %s, in German", async (text, code, german) => {
    const parsed = parseBackup(text);
    if (parsed.ok) throw new Error("parsed");
    expect(parsed.problem.code).toBe(code);
    await speak("de");
    expect(problemWords(parsed.problem)).toBe(german);
  });

  it("keeps a refusal's problem through the background's answer", async () => {
    const answer = pageResponseSchema.parse({
      ok: false,
      error: "The automatic backup couldn't be saved: the download was interrupted.",
      problem: { code: "autoBackupFailed", values: [], reason: { code: "downloadInterrupted", values: [] } },
    });
    if (answer.ok) throw new Error("ok");
    await speak("es");
    expect(problemText(refusalError(answer), "")).toBe(
      "No se pudo guardar la copia automática: la descarga se interrumpió.",
    );
  });

  it("shows the browser's own words when an error has no problem, and the fallback when it has none", async () => {
    await speak("de");
    expect(problemText(new Error("FILE_NO_SPACE"), "Fehler")).toBe("FILE_NO_SPACE");
    expect(problemText("not an error", "Fehler")).toBe("Fehler");
  });
});

describe("a problem that crossed a boundary", () => {
  it("is read only when it is one 1:1 Prep could have sent", () => {
    fc.assert(
      fc.property(fc.anything(), (detail) => {
        const read = problemOf({ detail });
        if (read === undefined) return;
        expect(PROBLEM_CODES).toContain(read.code);
        expect(read.values.every((v) => typeof v === "string" && v.length <= 300)).toBe(true);
      }),
    );
    expect(problemOf({ detail: { code: "nope", values: [] } })).toBeUndefined();
    const deep: ProblemDetail = {
      code: "backupAt",
      values: ["a"],
      reason: { code: "backupAt", values: ["b"], reason: { code: "backupEmpty", values: [] } },
    };
    expect(problemOf({ detail: deep })?.reason).toEqual({ code: "backupAt", values: ["b"] });
  });

  it("keeps what a Problem names within what the schema reads back", () => {
    const long = "x".repeat(1000);
    const problem = new Problem("english", "asSaid", [long, 1, 2, 3, 4, 5]);
    expect(problemOf({ detail: problem.detail })).toEqual(problem.detail);
    expect(problem.detail.values).toHaveLength(4);
  });
});
