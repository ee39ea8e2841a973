import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionBankFor, questionLint } from "../../../lib/questions";

const lintDe = (text: string) => questionLint(text, "de");

const closed: readonly string[] = [
  "Alles gut?",
  "Alles okay bei dir?",
  "Ist das Projekt im Plan?",
  "Bist du zufrieden?",
  "Sind Sie zufrieden mit dem neuen Prozess?",
  "Hast du die Migration fertig?",
  "Kannst du den Bericht bis Freitag fertigstellen?",
  "Noch Fragen?",
  "Irgendwelche Fragen?",
  "Sonst noch was?",
  "Gibt es etwas, das ich tun kann?",
  "Hast du Blocker?",
  "Haben Sie Bedenken zum Plan?",
  "Hast du mit Sam gesprochen?",
  "War der Launch ein Erfolg?",
  "Ergibt der Plan Sinn?",
  "Magst du die Arbeit mit Sam?",
  "Läuft das Projekt gut?",
  "Lief die Demo gut?",
  "Sollte ich mir Sorgen machen?",
  "Können wir weitermachen?",
  "Fühlst du dich unterstützt?",
  "Du bist zufrieden mit dem Team?",
  "Also, bist du zufrieden mit dem Projekt?",
  "Ehrlich gesagt, ist alles in Ordnung?",
  "Hey Sam, gibt es Neuigkeiten?",
  "Brauchst du etwas von mir?",
  "Hast du Feedback für mich?",
  "Wenn du an nächsten Monat denkst, macht dir etwas Sorgen?",
  "Ist die Migration erledigt?",
  "Geht es dir gut?",
  "Passt das für dich?",
  "Ist das Arbeitspensum machbar?",
  "Koenntest du das Review übernehmen?",
  "Gibt's Probleme?",
  "Ist alles im grünen Bereich",
  "hast du zeit",
  "Wie läuft das Projekt? Ist es im Plan?",
  "Sind Sie mit Ihrer Rolle zufrieden?",
  "Klappt die Zusammenarbeit mit dem Design?",
  "Möchtest du etwas ansprechen?",
  "Gibt es etwas, worüber du sprechen möchtest?",
  "Und sonst so?",
  "Hast du Lust, das Projekt zu leiten?",
];

const leading: readonly string[] = [
  "Findest du nicht, dass X der richtige Ansatz ist?",
  "Finden Sie nicht auch, dass wir den Service neu schreiben sollten?",
  "Wir sollten am Freitag releasen, oder?",
  "Der Plan ist solide, nicht wahr?",
  "Das ist die beste Option, richtig?",
  "Stimmst du mir zu, dass der Plan gut ist?",
  "Ist es nicht offensichtlich, dass wir mehr Tests brauchen?",
  "Wäre es nicht besser zu warten?",
  "Waere es nicht einfacher, neu anzufangen?",
  "Sollten wir nicht auf QA warten?",
  "Die Demo lief gut, oder nicht?",
  "Du magst das neue Team, gell?",
  "Wir nehmen Option B, ja?",
  "Lass uns die Deadline verschieben, okay?",
  "Warum hast du mir das nicht früher gesagt?",
  "Wieso haben Sie nicht nachgefragt?",
  "Warum nicht einfach ausliefern?",
  "Kannst du nicht einfach das Review überspringen?",
  "Wie wäre es, wenn wir einfach den Umfang kürzen?",
  "Wie toll war der Launch?",
  "Die Deadline ist doch machbar?",
  "Sicherlich ist die Deadline kein Problem?",
  "Hab ich recht?",
  "Sehe ich das richtig?",
  "Bist du nicht auch der Meinung, dass es zu spät ist?",
  "Hättest du nicht früher Bescheid geben können?",
  "Das Review lief gut, findest du nicht?",
  "Angesichts der Deadline, wäre es nicht besser, den Umfang zu kürzen?",
  "Das passt so, ne?",
];

const open: readonly string[] = [
  "Was ist im Moment der schwierigste Teil deiner Arbeit?",
  "Wie läuft das Projekt aus deiner Sicht?",
  "Warum hat sich das Team für diesen Ansatz entschieden?",
  "Warum hat das Deployment nicht funktioniert?",
  "Wo möchtest du in zwei Jahren stehen?",
  "Wann warst du zuletzt stolz auf deine Arbeit?",
  "Welcher Teil des Projekts macht dir am meisten Sorgen?",
  "Wer hat dir diesen Monat am meisten geholfen?",
  "Erzähl mal von deiner Woche.",
  "Erzählen Sie mir, wie der Release gelaufen ist.",
  "Beschreib einen Moment, in dem du nicht weiterkamst.",
  "Hilf mir zu verstehen, was beim Incident passiert ist.",
  "Kannst du mir mehr darüber erzählen?",
  "Könnten Sie mich durch das Design führen und es erklären?",
  "Würdest du deine Sicht darauf teilen?",
  "Kannst du mir sagen, was dich gerade bremst?",
  "Wenn du eine Sache ändern könntest, welche wäre das?",
  "Rückblickend auf das Quartal, worauf bist du am stolzesten?",
  "Wie geht es dir mit der Umstrukturierung?",
  "Was würde es zu einer 10 machen?",
  "Was hast du diesen Monat gelernt?",
  "Also, was beschäftigt dich?",
  "Ehrlich gesagt, wie geht es dir?",
  "Hey Sam, wie war deine Woche?",
  "Was wäre hier aus deiner Sicht der richtige Ansatz?",
  "Was sollten wir nicht ändern?",
  "Warum nicht?",
  "Inwiefern könnte ich dich besser unterstützen?",
  "In welchem Bereich möchtest du wachsen?",
  "Mit wem solltest du noch sprechen?",
  "Seit wann hakt es?",
  "Gedanken zum neuen Prozess?",
  "Was blockiert dich, falls überhaupt etwas?",
  "Wofür brennst du gerade?",
  "Woran arbeitest du am liebsten?",
  "Lass uns über deine Ziele sprechen.",
  "Ich würde gern hören, wie das Offsite war.",
  "Welche der Optionen bevorzugst du, und warum?",
  "Wer sollte noch in die Entscheidung einbezogen werden?",
  "Wie viel Zeit brauchst du dafür?",
  "was beschaeftigt dich gerade?",
  "Was ist richtig gut gelaufen, oder was hat gefehlt?",
  "Was brauchst du von mir, um das Projekt abzuschließen?",
  "Woran merkst du, dass du überlastet bist?",
  "Erzähl doch mal, wie es dir geht.",
  "Erzählen Sie mal von Ihrem Wochenende.",
  "Magst du mir erzählen, was passiert ist?",
  "Wie geht's?",
  "Wie läuft's?",
  "Wie zufrieden bist du mit deiner Rolle, auf einer Skala von 1 bis 10?",
  "Nachdem der Launch vorbei ist, wie geht es dir?",
  "Okay, was steht als Nächstes an?",
  "Du hast gesagt, dass dich das Projekt stresst. Was genau stresst dich?",
  "Beschreiben Sie Ihren idealen Arbeitstag.",
  "Schildern Sie mir bitte, wie es zu dem Fehler kam.",
  "Wie war das nochmal mit dem Release?",
  "Auf einer Skala von 1 bis 10, wie geht es dir?",
  "Zum Thema Karriere: Wo siehst du dich in zwei Jahren?",
  "Sam, was beschäftigt dich?",
  "Wie sehr belastet dich das?",
];

const doubles: readonly string[] = [
  "Wie war deine Woche? Was hat dich gebremst?",
  "Was lief gut? Was würdest du ändern?",
  "Wie läuft das Projekt? Und wie geht es dir damit?",
];

describe("German question check", () => {
  it("has enough cases to mean something", () => {
    expect(closed.length + leading.length).toBeGreaterThanOrEqual(60);
    expect(open.length).toBeGreaterThanOrEqual(40);
  });

  it.each(closed)("flags a closed question: %s", (text) => {
    expect(lintDe(text)).toMatchObject({ ok: false, code: "closed" });
  });

  it.each(leading)("flags a leading question: %s", (text) => {
    expect(lintDe(text)).toMatchObject({ ok: false, code: "leading" });
  });

  it.each(open)("lets an open question pass: %s", (text) => {
    expect(lintDe(text)).toEqual({ ok: true });
  });

  it.each(doubles)("flags two questions at once: %s", (text) => {
    expect(lintDe(text)).toMatchObject({ ok: false, code: "double" });
  });

  it.each(questionBankFor("de").map((q) => [q.id, q.text] as const))(
    "passes every German bank question: %s",
    (_id, text) => {
      expect(lintDe(text)).toEqual({ ok: true });
    },
  );

  it.each([
    ["Ist das Projekt im Plan?", "Wie läuft das Projekt aus Ihrer Sicht?"],
    ["Sind die Sprints im Plan?", "Wie laufen die Sprints aus Ihrer Sicht?"],
    ["Alles gut?", "Wie läuft es gerade für Sie?"],
    ["Alles gut bei dir?", "Wie läuft es gerade für dich?"],
    ["Bist du zufrieden?", "Wie geht es dir zurzeit mit deiner Arbeit?"],
    ["Sind Sie zufrieden mit dem neuen Prozess?", "Wie zufrieden sind Sie mit dem neuen Prozess?"],
    ["Bist du mit dem Team zufrieden?", "Wie zufrieden bist du mit dem Team?"],
    ["Hast du die Migration fertig?", "Was fehlt noch, um die Migration abzuschließen?"],
    ["Noch Fragen?", "Welche Fragen haben Sie noch?"],
    ["Sonst noch was?", "Was beschäftigt Sie sonst noch?"],
    ["Brauchst du etwas von mir?", "Was brauchst du diese Woche von mir?"],
    ["Hast du Feedback für mich?", "Welches Feedback hast du für mich?"],
    ["Hast du Blocker?", "Was bremst dich gerade aus?"],
    ["Haben Sie Bedenken zum Plan?", "Welche Bedenken haben Sie zum Plan?"],
    ["Hast du mit Sam gesprochen?", "Was hast du von Sam gehört?"],
    ["War der Launch ein Erfolg?", "Wie lief der Launch aus Ihrer Sicht?"],
    ["Ist die Migration erledigt?", "Was fehlt noch, bis die Migration erledigt ist?"],
    ["Ergibt der Plan Sinn?", "Wie schlüssig ist der Plan für Sie?"],
    ["Fühlst du dich unterstützt?", "Wie unterstützt fühlst du dich?"],
    ["Fühlst du dich wohl im Team?", "Wie wohl fühlst du dich im Team?"],
    ["Ist das Arbeitspensum machbar?", "Wie machbar ist das Arbeitspensum?"],
    ["Bist du gestresst?", "Wie gestresst bist du?"],
    ["Lief die Demo gut?", "Wie lief die Demo?"],
    ["Funktioniert der neue Prozess für dich?", "Wie gut funktioniert der neue Prozess für dich?"],
    [
      "Kannst du den Bericht bis Freitag fertigstellen?",
      "Was würde es brauchen, damit du den Bericht bis Freitag fertigstellen kannst?",
    ],
    [
      "Können Sie die Folien bis Montag teilen?",
      "Was würde es brauchen, damit Sie die Folien bis Montag teilen können?",
    ],
    ["Warum hast du mir das nicht früher gesagt?", "Was hat dich daran gehindert?"],
    ["Wieso haben Sie nicht nachgefragt?", "Was hat Sie daran gehindert?"],
    ["Wir sollten am Freitag releasen, oder?", "Wie sehen Sie das?"],
    ["Du magst das neue Team, gell?", "Wie siehst du das?"],
    ["Wie toll war der Launch?", "Wie lief der Launch aus Ihrer Sicht?"],
    ["Also, bist du zufrieden mit dem Projekt?", "Wie zufrieden bist du mit dem Projekt?"],
    ["Möchtest du etwas ansprechen?", "Was möchtest du heute ansprechen?"],
    ["Gibt es etwas, worüber du sprechen möchtest?", "Was beschäftigt dich gerade?"],
    ["Hast du Lust, das Projekt zu leiten?", "Was würde dich daran reizen?"],
    ["Hast du Zeit?", "Wie siehst du das?"],
    ["Hast du die Tests geschrieben?", "Wie ist es aus deiner Sicht gelaufen?"],
    ["Und sonst so?", "Was beschäftigt Sie sonst noch?"],
    ["Willst du die Präsentation halten?", "Was würdest du vorschlagen?"],
  ])("offers an open rewrite: %s", (text, rewrite) => {
    const result = lintDe(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rewrite).toBe(rewrite);
    expect(result.hint).toContain(`Vorschlag: „${rewrite}“`);
  });

  it("every rewrite it offers is itself an open question", () => {
    for (const text of [...closed, ...leading]) {
      const result = lintDe(text);
      if (result.ok || !result.rewrite) continue;
      expect(lintDe(result.rewrite), `${text} -> ${result.rewrite}`).toEqual({ ok: true });
    }
  });

  it.each([...closed, ...leading, ...doubles])("answers in German: %s", (text) => {
    const result = lintDe(text);
    if (result.ok) throw new Error("expected a finding");
    expect(result.message).toMatch(/frage/i);
    expect(result.hint).toMatch(/Vorschlag: „/);
    expect(`${result.message} ${result.hint}`).not.toMatch(
      /\b(?:Try|question|Start with|Ask one|How|What)\b/,
    );
  });

  it("leaves English and other languages to their own checks", () => {
    expect(questionLint("Is the project on track?", "en")).toMatchObject({ ok: false, code: "closed" });
    expect(lintDe("")).toEqual({ ok: true });
    expect(lintDe("   ")).toEqual({ ok: true });
  });
});

describe("German question check: hostile input", () => {
  const hostile = [
    "?".repeat(10_000),
    "Ist ".repeat(2500),
    `${"Warum hast du ".repeat(700)}nicht?`,
    `Alles gut${"?!".repeat(5000)}`,
    "😀🙈🔥?".repeat(2500),
    ".,;:–—…!".repeat(1200),
    "Was ist 你好 مرحبا Привет שלום?".repeat(300),
    `Hast du ${"sehr ".repeat(2000)}viel zu tun?`,
    `${"a, ".repeat(3000)}oder?`,
    `${"Sonst noch was ".repeat(600)}?`,
    "\u0000\uFFFF\uD800?",
  ];

  it.each(hostile.map((text) => [text.slice(0, 24), text] as const))("returns on %j…", (_label, text) => {
    const result = lintDe(text);
    expect(typeof result.ok).toBe("boolean");
  });

  it("never throws and always answers in shape", () => {
    const germanish = fc
      .array(
        fc.constantFrom(
          "Ist",
          "du",
          "Sie",
          "nicht",
          "oder",
          "?",
          ",",
          "Was",
          "wie",
          "Warum",
          "hast",
          "doch",
          "Alles",
          "gut",
          "Erzähl",
          "mal",
          "Fragen",
          "„",
          "“",
          "ä",
          "ß",
          "!",
          ".",
          " ",
          "Kannst",
          "erzählen",
          "wenn",
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(" "));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 200 }), germanish),
        (text) => {
          const result = lintDe(text);
          if (!result.ok) {
            expect(["closed", "leading", "double"]).toContain(result.code);
            expect(result.hint.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("shrugs off what is not text", () => {
    for (const value of [undefined, null, 42, {}, []]) {
      expect(lintDe(value as unknown as string)).toEqual({ ok: true });
    }
  });
});
