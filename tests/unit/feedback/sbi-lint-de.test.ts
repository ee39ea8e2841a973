import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type SbiDraft,
  type SbiField,
  type SbiFindingCode,
  sbiExamplesFor,
  sbiFields,
  sbiLint,
} from "../../../lib/feedback";

/** A draft with nothing to lint, so each table changes one field and looks at that field only. */
const good: SbiDraft = {
  situation: "Im gestrigen Design-Review",
  behavior: "hast du die Designerin dreimal unterbrochen, während sie das Layout erklärt hat",
  impact: "dadurch war ihre Begründung für uns schwerer nachzuvollziehen",
  request: "Halte Fragen in künftigen Reviews bis zum Schluss zurück.",
  valence: "redirecting",
};

function codes(field: SbiField, text: string, changes: Partial<SbiDraft> = {}): SbiFindingCode[] {
  return sbiLint({ ...good, ...changes, [field]: text }, "de")
    .filter((f) => f.field === field)
    .map((f) => f.code);
}

function behaviorHit(text: string, valence: SbiDraft["valence"] = "redirecting") {
  return sbiLint({ ...good, behavior: text, valence }, "de").find((f) => f.field === "behavior");
}

const traits = [
  "Du bist faul",
  "Sie sind unzuverlässig",
  "Er ist arrogant",
  "Sie war sehr respektlos",
  "Du warst unprofessionell",
  "Priya ist unorganisiert",
  "Faul und unmotiviert",
  "Du bist so negativ",
  "Sie wirkten im Meeting defensiv",
  "Er ist ein Besserwisser",
  "Du bist kein Teamplayer",
  "Sie sind kein echter Teamplayer",
  "Du bist nicht zuverlässig",
  "Du hast eine schlechte Einstellung",
  "Dir fehlt jede Eigeninitiative",
  "Du zeigst kein Engagement",
  "Du hast dich wie ein Kind benommen",
  "Dein Ton war herablassend",
  "Du hast schlampig gearbeitet",
  "Sie haben einen schlampigen Commit gepusht",
  "Du bist einfach unzuverlaessig",
  "du bist unzuverlassig",
  "Ihr Verhalten war unverschämt",
  "Er ist ein fauler Mitarbeiter",
  "Sie ist eine faule Kollegin",
  "Du bist passiv-aggressiv",
  "Er ist ein Kontrollfreak",
  "Sie sind wirklich schwierig",
  "DU BIST FAUL",
  "Er ist so faul",
  "Ihr seid respektlos",
  "Sie waren unhöflich zur Kundin",
  "Sie wirkten desinteressiert",
  "Tom ist kein Teamplayer",
  "Sie ist eine Besserwisserin",
  "Du bist ein Versager",
];

const minds = [
  "Dir ist die Qualität egal",
  "Die Deadline ist Ihnen egal",
  "Du wolltest mich vor dem Team bloßstellen",
  "Er will nur Aufmerksamkeit",
  "Sie wollten das Projekt sabotieren",
  "Du hast die Nachricht absichtlich ignoriert",
  "Sie haben mit Absicht nicht geantwortet",
  "Das Projekt interessiert dich nicht",
  "Du nimmst das nicht ernst",
  "Du hast keine Lust auf das Thema",
  "Du hältst dich für etwas Besseres",
  "Du denkst, du bist besser als alle anderen",
  "Die Kunden sind dir nicht wichtig",
];

const absolutes = [
  "Du kommst immer zu spät",
  "Sie antworten nie auf E-Mails",
  "Du unterbrichst ständig andere",
  "Jedes Mal, wenn wir sprechen, schaust du aufs Handy",
  "Er redet dauernd dazwischen",
  "Du hast niemals Zeit für Reviews",
  "Jedesmal kommst du zu spät",
  "Sie kommen jedes einzelne Mal zu spät",
  "Du schweifst immer wieder ab",
  "Du bist ständiger Unterbrecher in der Retro",
];

const vaguePraise = [
  "Gut gemacht!",
  "Super gemacht",
  "Du bist großartig",
  "Sie sind toll",
  "Tolle Arbeit",
  "Gute Arbeit im Projekt",
  "Du bist ein Rockstar",
  "Klasse Leistung",
  "Sie sind ein echtes Vorbild",
  "Die Präsentation war super",
  "Danke, du bist die Beste!",
  "Du bist echt eine Bereicherung fürs Team",
  "Ihre Vorbereitung war top",
  "Großartiger Einsatz!",
];

const described = [
  "hast du die Designerin dreimal unterbrochen",
  "Sie haben die Folien erst fünf Minuten vor dem Termin geschickt",
  "du bist zehn Minuten nach Beginn ins Standup gekommen",
  "Sie haben auf zwei Review-Anfragen von Sam nicht geantwortet",
  "du hast im Kanal geschrieben, dass die Idee „dumm und faul“ sei",
  "Du hast Sam gesagt, er sei faul",
  "Sie haben den Kollegen als inkompetent bezeichnet",
  "du hast die Tests für das unzuverlässige System geschrieben",
  "Das System ist unzuverlässig, und du hast trotzdem deployt",
  "Sie haben die Fragen des Kunden immer noch offen gelassen",
  "du hast den negativen Test gelöscht",
  "du hast drei Mal nachgefragt, ob jemand Hilfe braucht",
  "Sie haben die Entscheidung ohne das Team getroffen",
  "du hast das Handy während der Demo benutzt",
  "Er hat die Migration um zwei Tage verschoben",
  "Sie hat die Aufgabe an Tom übergeben, ohne ihn einzuarbeiten",
  "du hast deine Kamera während des ganzen Calls ausgeschaltet",
  "Sie haben im Standup laut über das Team von Anna gelacht",
  "du hast gestern Abend um 23 Uhr noch Nachrichten geschickt",
  "du hast die Nutzer gefragt, ob sie die neue Ansicht gut finden",
  "Sie haben die langsame Abfrage optimiert",
  "Er hat im Chat geschrieben, dass die Deadline egal sei",
  "Die Doku ist chaotisch, und du hast sie trotzdem freigegeben",
  "Sie waren unsicher, welche Version live ist, und haben nicht nachgefragt",
  "du hast im Planning kein Wort gesagt",
  "Du hast im Standup Anna zweimal ins Wort fallen lassen",
  "Sie haben den Termin ohne Absage verpasst",
  "Sie kamen 20 Minuten zu spät und haben sich nicht entschuldigt",
  "Du hast in der Retro gesagt, das Team sei faul",
  "Du hast den Fehler sofort zugegeben und behoben",
  "Grundsätzlich hast du die Doku klar gegliedert",
  "Er denkt, das neue Tool ist besser, und hat es im Team vorgestellt",
];

const praiseWithBehavior = [
  "Sie haben die neue Kollegin Schritt für Schritt durchs Deployment geführt, super!",
  "Toll, wie du die Fragen des Kunden ruhig beantwortet hast",
  "Du hast die Retro souverän moderiert",
  "Großartig: Sie haben alle 15 Minuten ein Update gepostet",
  "du hast die Doku sorgfältig überarbeitet und die Beispiele getestet",
];

const anchored = [
  "Im gestrigen Design-Review",
  "Gestern im Standup",
  "Am Dienstag in der Retro",
  "Letzte Woche beim Kundentermin",
  "Im Sprint-Planning am 3. März",
  "Am 12.11. im Call mit dem Kunden",
  "Heute Morgen in der Teeküche",
  "Während der Demo",
  "Beim Kickoff für das neue Projekt",
  "In der Sprintplanung",
  "Im 1:1 vor zwei Wochen",
  "Um 10 Uhr im Daily",
  "In deinem PR 482",
  "In #incident",
  "Als du die Roadmap vorgestellt hast",
  "Vorgestern im Büro",
  "Beim Mitarbeitergespräch",
  "In der Präsentation für die Geschäftsleitung",
  "Im letzten Sprint",
  "Vergangenen Freitag",
  "Im Meeting mit dem Vertrieb",
  "Beim Kunden vor Ort",
  "In der Besprechung heute",
  "Im Teammeeting",
  "In Ihrer E-Mail an das Team",
  "Im Design-Review letzte Woche",
  "Anfang der Woche",
  "Beim Abendessen mit dem Team",
  "Auf der Weihnachtsfeier",
  "In der Code-Review zu PR #512",
  "Während des Incidents am Wochenende",
  "Bei der Übergabe",
  "Während Ihres Vortrags",
  "In der Mittagspause",
  "Im Slack-Thread zum Incident",
  "In unserem letzten 1:1",
];

const unanchored = [
  "Allgemein",
  "In Meetings",
  "Normalerweise im Standup",
  "In jedem Review",
  "Wenn du präsentierst",
  "Montags",
  "Bei der Arbeit",
  "Oft in Besprechungen",
  "Mit Kunden",
  "Im Team",
  "Grundsätzlich",
  "In letzter Zeit",
  "In Reviews",
  "Bei Präsentationen",
  "Wenn wir Meetings haben",
  "Während Meetings",
  "Im Allgemeinen",
  "Immer im Standup",
  "Bei unterschiedlichen Interessen",
  "In komplexen Prozessen",
];

const vagueImpacts = [
  "Das war schlecht",
  "nicht ok",
  "Das geht so nicht",
  "Das war echt nicht gut",
  "Es war unprofessionell",
  "Problematisch",
  "Das kam schlecht an",
  "Das hatte negative Auswirkungen",
  "Unschön",
  "Das war leider suboptimal",
  "Ich fand das unangemessen",
  "schlecht für alle",
  "Es war nicht okay",
];

const specificImpacts = [
  "dadurch war ihre Begründung schwerer nachzuvollziehen",
  "das Team musste am Wochenende nacharbeiten",
  "Ich musste die Folien vor dem Kunden allein erklären",
  "der Support konnte Kunden antworten, ohne Entwickler abzuziehen",
  "Sam hat sich danach nicht mehr getraut, Fragen zu stellen",
  "wir haben den Release um einen Tag verschoben",
  "Es hat mich geärgert",
  "Das Team war verärgert",
  "Das hat Vertrauen gekostet",
  "Das Meeting hat sich um 20 Minuten verlängert",
  "Kunden waren irritiert",
  "die Kundin hat zweimal nachgefragt, wann der Fix kommt",
];

const restated: [string, string][] = [
  ["hast du die Designerin dreimal unterbrochen", "Du hast die Designerin unterbrochen"],
  ["du hast die Folien zu spät geschickt", "Die Folien kamen zu spät, du hast sie zu spät geschickt"],
];

const vagueRequests = [
  "Sei besser.",
  "Verbessere dich.",
  "Gib dir mehr Mühe.",
  "Arbeite an deiner Kommunikation.",
  "Sei proaktiver.",
  "Mehr Verantwortung übernehmen.",
  "Du solltest zuverlässiger werden.",
  "Bitte aufmerksamer sein.",
  "Verbessern Sie Ihre Kommunikation.",
  "Streng dich an.",
  "Seien Sie ein Teamplayer.",
  "Delegiere mehr.",
  "Bessere Kommunikation bitte.",
  "Achte mehr auf Details.",
  "Kommunizier früher.",
];

const noActionRequests = [
  "Mehr Eigeninitiative.",
  "Mehr Sorgfalt, bitte.",
  "Pünktlichkeit!",
  "Weniger Fehler.",
];

const actionableRequests = [
  "Halte Fragen in künftigen Reviews bis zum Schluss zurück.",
  "Halten Sie Fragen in künftigen Reviews bis zum Schluss zurück.",
  "Schick die Agenda am Vortag in den Kanal.",
  "Schicken Sie mir den Entwurf bis Freitag.",
  "Fragen bis zum Ende sammeln.",
  "Bitte die Folien einen Tag vor dem Termin teilen.",
  "Du könntest beim nächsten Mal zuerst Sam fragen.",
  "Ich wünsche mir, dass du die Tests vor dem Merge laufen lässt.",
  "Gib mir bis Donnerstag Bescheid, wenn es hakt.",
  "Sei pünktlich zum Standup.",
  "Lass uns die Übergabe in einem Dokument festhalten.",
  "Nehmen Sie diese Update-Vorlage ins On-Call-Runbook auf.",
  "Sprich in Meetings erst nach dem Vortragenden.",
  "Melde dich im Kanal, sobald du blockiert bist.",
  "Lass die Designerin ausreden.",
  "Beim nächsten Review Fragen notieren und am Ende stellen.",
  "Könnten Sie die Tickets vor dem Planning schätzen?",
  "Sprich mich direkt an, wenn dich etwas stört.",
  "Bitte künftig die Kamera anlassen.",
];

describe("German drafts: a clean draft", () => {
  it("has nothing to say about the fixed draft or the placeholders", () => {
    expect(sbiLint(good, "de")).toEqual([]);
    expect(sbiLint(sbiExamplesFor("de").redirecting, "de")).toEqual([]);
    expect(sbiLint(sbiExamplesFor("de").reinforcing, "de")).toEqual([]);
  });

  it("has German placeholders of its own", () => {
    const examples = sbiExamplesFor("de");
    expect(examples.redirecting.situation).toContain("Design-Review");
    expect(examples.reinforcing.valence).toBe("reinforcing");
    expect(examples.redirecting).not.toEqual(sbiExamplesFor("en").redirecting);
  });
});

describe("German behavior: what they did, not who they are", () => {
  it.each(traits)("flags the trait in %j", (text) => {
    expect(behaviorHit(text)?.code).toBe("behavior-character");
    expect(behaviorHit(text)?.message).toMatch(/beschreibt die Person/);
  });

  it.each(minds)("flags the guess at intent in %j", (text) => {
    expect(behaviorHit(text)?.message).toMatch(/Vermutung/);
  });

  it.each(absolutes)("flags the absolute in %j", (text) => {
    expect(behaviorHit(text)?.message).toMatch(/Ausnahmen/);
  });

  it.each(vaguePraise)("flags praise that names no behavior: %j", (text) => {
    expect(behaviorHit(text, "reinforcing")?.message).toMatch(/wiederholen/);
  });

  it.each(vaguePraise)("leaves praise words alone in redirecting feedback: %j", (text) => {
    expect(behaviorHit(text, "redirecting")).toBeUndefined();
  });

  it.each(described)("accepts %j", (text) => {
    expect(behaviorHit(text)).toBeUndefined();
    expect(behaviorHit(text, "reinforcing")).toBeUndefined();
  });

  it.each(praiseWithBehavior)("lets praise stand next to a behavior: %j", (text) => {
    expect(behaviorHit(text, "reinforcing")).toBeUndefined();
  });

  it("points at the words as typed, in German quotation marks", () => {
    const hit = behaviorHit("Du bist unzuverlaessig und faul");
    expect(hit?.match).toBe("unzuverlaessig");
    expect(hit?.message.startsWith("„unzuverlaessig“")).toBe(true);
    expect(behaviorHit("Du kommst jedes Mal zu spät")?.match).toBe("jedes Mal");
    expect(behaviorHit("Du bist nicht zuverlässig")?.match).toBe("nicht zuverlässig");
    expect(behaviorHit("Du warst nicht so engagiert wie sonst")?.match).toBe("nicht so engagiert");
    expect(behaviorHit("Du hast kein Interesse am Projekt")?.match).toBe("kein Interesse");
  });

  it("asks for a behavior when there is none", () => {
    expect(codes("behavior", "  ")).toEqual(["behavior-missing"]);
  });
});

describe("German situation: anchored in time or place", () => {
  it.each(anchored)("accepts %j", (text) => {
    expect(codes("situation", text)).toEqual([]);
  });

  it.each(unanchored)("flags %j", (text) => {
    expect(codes("situation", text)).toEqual(["situation-no-anchor"]);
  });

  it("calls an empty situation missing", () => {
    expect(codes("situation", "")).toEqual(["situation-missing"]);
  });
});

describe("German impact: what it led to, and for whom", () => {
  it.each(vagueImpacts)("flags the verdict %j", (text) => {
    expect(codes("impact", text)).toEqual(["impact-vague"]);
  });

  it.each(specificImpacts)("accepts %j", (text) => {
    expect(codes("impact", text)).toEqual([]);
  });

  it.each(restated)("flags %j restated as %j", (behavior, impact) => {
    expect(codes("impact", impact, { behavior })).toEqual(["impact-restates"]);
  });

  it("calls an empty impact missing", () => {
    expect(codes("impact", "")).toEqual(["impact-missing"]);
  });
});

describe("German request: optional, and actionable when given", () => {
  it.each(vagueRequests)("flags the vague %j", (text) => {
    const finding = sbiLint({ ...good, request: text }, "de").find((f) => f.field === "request");
    expect(finding?.code).toBe("request-vague");
    expect(finding?.message).toMatch(/konkrete Sache/);
  });

  it.each(noActionRequests)("asks for an action in %j", (text) => {
    const finding = sbiLint({ ...good, request: text }, "de").find((f) => f.field === "request");
    expect(finding?.message).toMatch(/Verb vorneweg/);
  });

  it.each(actionableRequests)("accepts %j", (text) => {
    expect(codes("request", text)).toEqual([]);
  });

  it("lets praise ask to keep going", () => {
    expect(codes("request", "Weiter so!", { valence: "reinforcing" })).toEqual([]);
    expect(codes("request", "Mach weiter so.", { valence: "reinforcing" })).toEqual([]);
  });

  it("suggests a request without insisting on one", () => {
    const finding = sbiLint({ ...good, request: "" }, "de").find((f) => f.field === "request");
    expect(finding).toMatchObject({ code: "request-missing", severity: "hint" });
  });
});

describe("German messages", () => {
  const everything = sbiLint({ situation: "", behavior: "", impact: "", request: "" }, "de")
    .concat(
      sbiLint(
        { situation: "Allgemein", behavior: "Du bist faul", impact: "schlecht", request: "Sei besser" },
        "de",
      ),
    )
    .concat(sbiLint({ ...good, behavior: "Dir ist das egal" }, "de"))
    .concat(sbiLint({ ...good, behavior: "Du kommst immer zu spät", request: "Mehr Sorgfalt." }, "de"))
    .concat(sbiLint({ ...good, behavior: "Super!", valence: "reinforcing", request: "" }, "de"));

  it("covers every kind of finding", () => {
    expect(new Set(everything.map((f) => f.code)).size).toBeGreaterThanOrEqual(7);
  });

  it.each(everything.map((f) => [f.code, f.message] as const))("%s speaks German: %s", (_code, message) => {
    expect(message).not.toMatch(
      /\b(?:Describe|Add|Say|Anchor|Optional: suggest|Phrase|Ask for|the|you|what)\b/,
    );
    expect(message).toMatch(/\b(?:Sie|z\. B\.|Optional)\b/);
    expect(message).not.toContain("“e.g.");
  });
});

describe("German drafts: hostile input", () => {
  const hostile = [
    "ä".repeat(10_000),
    "?!.,;:–—…".repeat(1200),
    "😀🙈🔥".repeat(3000),
    "Du bist faul 你好 مرحبا Привет שלום ".repeat(300),
    "immer ".repeat(2500),
    "„".repeat(5000),
    "Du wolltest ".repeat(1500),
    `${"a-".repeat(5000)}!`,
    `${"1.".repeat(5000)}x`,
    "\u0000\uFFFF\uD800",
  ];

  it.each(hostile.map((text) => [text.slice(0, 20), text] as const))("returns on %j…", (_label, text) => {
    for (const field of sbiFields) {
      expect(Array.isArray(sbiLint({ ...good, [field]: text }, "de"))).toBe(true);
    }
    expect(
      Array.isArray(
        sbiLint(
          { situation: text, behavior: text, impact: text, request: text, valence: "reinforcing" },
          "de",
        ),
      ),
    ).toBe(true);
  });

  it("never throws, whatever it is given", () => {
    const germanish = fc
      .array(
        fc.constantFrom(
          "du",
          "bist",
          "nicht",
          "faul",
          "immer",
          "jedes",
          "Mal",
          "egal",
          "dir",
          "wolltest",
          "„",
          "“",
          ",",
          ".",
          "gestern",
          "im",
          "Review",
          "sei",
          "besser",
          "1:1",
          "#x",
          "-",
          " ",
          "ä",
          "Sie",
          "kein",
          "Teamplayer",
        ),
        { maxLength: 80 },
      )
      .map((parts) => parts.join(" "));
    const anyText = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      germanish,
    );
    fc.assert(
      fc.property(
        fc.record({
          situation: anyText,
          behavior: anyText,
          impact: anyText,
          request: anyText,
          valence: fc.constantFrom("reinforcing", "redirecting"),
        }),
        (draft) => {
          const findings = sbiLint(draft as Partial<SbiDraft>, "de");
          expect(Array.isArray(findings)).toBe(true);
          for (const f of findings) expect(f.message.length).toBeGreaterThan(20);
        },
      ),
      { numRuns: 400 },
    );
  });
});
