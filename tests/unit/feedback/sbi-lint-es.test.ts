import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type SbiDraft,
  type SbiField,
  type SbiFindingCode,
  sbiExamplesFor,
  sbiLint,
  sbiRulesFor,
} from "../../../lib/feedback";

/** A draft with nothing to lint, so each table changes one field and looks at that field only. */
const good: SbiDraft = {
  situation: "En la revisión de diseño de ayer",
  behavior: "interrumpiste a la diseñadora tres veces mientras explicaba la maqueta",
  impact: "nos costó más entender su razonamiento",
  request: "En las próximas revisiones, deja las preguntas para el final.",
  valence: "redirecting",
};

function codes(field: SbiField, text: string, changes: Partial<SbiDraft> = {}): SbiFindingCode[] {
  return sbiLint({ ...good, ...changes, [field]: text }, "es")
    .filter((f) => f.field === field)
    .map((f) => f.code);
}

function behaviorMatch(text: string, valence: SbiDraft["valence"] = "redirecting"): string | undefined {
  return sbiLint({ ...good, behavior: text, valence }, "es").find((f) => f.field === "behavior")?.match;
}

const anchoredSituations = [
  "En la revisión de diseño de ayer",
  "Durante la daily del martes",
  "El lunes, en la reunión con el cliente",
  "Esta mañana en la oficina",
  "La semana pasada, en la retro",
  "En la última demo",
  "el 3 de noviembre",
  "En el PR 482",
  "A las 10:30, en la llamada de guardia",
  "Hace dos días, cuando presentaste el roadmap",
  "En #incidencias",
  "En la planificación del sprint 14",
  "Anoche, durante el despliegue",
  "ayer en la reunion de equipo",
  "En el all-hands de este mes",
  "Mientras Ana presentaba los resultados",
  "En la oficina de Madrid",
  "En la conversación que tuvimos el otro día",
  "Cuando hablaste con el cliente en Berlín",
  "el viernes pasado",
  "En la sesión de onboarding de Lucía",
  "El jueves 14",
  "En la daily de hoy",
  "En tu 1:1 conmigo",
];

const unanchoredSituations = [
  "En general",
  "En las reuniones",
  "Normalmente en la daily",
  "A menudo en las revisiones",
  "Los lunes",
  "En cada retro",
  "Cuando trabajas con otros equipos",
  "Últimamente",
  "con los clientes",
  "siempre que hay una demo",
  "Trabajando con el equipo",
  "En los últimos meses",
  "Durante las reuniones",
  "Cuando hablas con clientes",
];

const characterJudgments: readonly [string, string][] = [
  ["Eres un descuidado", "descuidado"],
  ["Eres muy perezosa", "perezosa"],
  ["eres perezoso", "perezoso"],
  ["Fuiste muy borde con el cliente", "borde"],
  ["Usted es irresponsable", "irresponsable"],
  ["Él es muy negativo en las reuniones", "negativo"],
  ["Ella es arrogante", "arrogante"],
  ["Ana es una desorganizada", "desorganizada"],
  ["Estás siendo muy defensivo", "defensivo"],
  ["Te pusiste agresivo cuando te preguntaron", "agresivo"],
  ["Pareces desmotivado", "desmotivado"],
  ["No eres un buen compañero de equipo", "buen compañero"],
  ["No eres nada profesional", "profesional"],
  ["Fuiste poco profesional con el proveedor", "poco profesional"],
  ["Eres un desastre", "desastre"],
  ["Tienes mala actitud", "mala actitud"],
  ["Te falta iniciativa", "falta iniciativa"],
  ["No tienes ningún compromiso con el equipo", "No tienes ningún compromiso"],
  ["Cero interés en el proyecto", "Cero interés"],
  ["Tu tono fue despectivo", "despectivo"],
  ["Eres un vago", "vago"],
  ["Son unos irresponsables", "irresponsables"],
  ["Subiste el cambio descuidadamente", "descuidadamente"],
  ["Te comportaste como un niño", "niño"],
  ["Eres un sabelotodo", "sabelotodo"],
  ["ERES UN INUTIL", "INUTIL"],
  ["Vos sos muy desorganizado", "desorganizado"],
  ["Sos un vago", "vago"],
  ["Usted fue muy grosero con el proveedor", "grosero"],
  ["Ella estuvo muy negativa toda la reunión", "negativa"],
  ["Él no tiene iniciativa", "no tiene iniciativa"],
  ["estas siendo muy defensivo", "defensivo"],
  ["No eres una persona proactiva", "proactiva"],
  ["Es una persona tóxica", "tóxica"],
  ["Eres dificil de tratar", "dificil de tratar"],
];

const minds: readonly [string, string][] = [
  ["No te importa la calidad", "No te importa"],
  ["Te da igual lo que diga el equipo", "Te da igual"],
  ["Lo hiciste a propósito", "a propósito"],
  ["lo hiciste a proposito", "a proposito"],
  ["Ignoraste mi mensaje deliberadamente", "deliberadamente"],
  ["Querías dejarme en evidencia delante del cliente", "Querías dejarme"],
  ["Intentabas sabotear el lanzamiento", "Intentabas sabotear"],
  ["No escuchas a nadie", "No escuchas"],
  ["Solo te importa quedar bien", "Solo te importa"],
  ["Te crees mejor que los demás", "Te crees"],
  ["No te lo tomas en serio", "No te lo tomas en serio"],
  ["Hablaste para llamar la atención", "para llamar la atención"],
  ["No le interesa el proyecto", "No le interesa"],
];

const absolutes: readonly [string, string][] = [
  ["Siempre llegas tarde", "Siempre"],
  ["Nunca respondes a los correos", "Nunca"],
  ["No respondes nunca a los correos", "nunca"],
  ["Cada vez que hablamos me interrumpes", "Cada vez"],
  ["Interrumpes todo el rato", "todo el rato"],
  ["Llegas tarde a todas las reuniones", "todas las reuniones"],
  ["Constantemente hablas por encima de los demás", "Constantemente"],
  ["Otra vez, como de costumbre, sin avisar", "como de costumbre"],
  ["Interrumpiste una y otra vez", "una y otra vez"],
  ["Jamás pides ayuda", "Jamás"],
];

const vaguePraise: readonly [string, string][] = [
  ["¡Eres un crack!", "crack"],
  ["Buen trabajo", "Buen trabajo"],
  ["Gran trabajo en la demo", "Gran trabajo"],
  ["Eres increíble", "increíble"],
  ["¡Genial!", "Genial"],
  ["Enhorabuena", "Enhorabuena"],
  ["Lo hiciste genial", "Lo hiciste genial"],
  ["Eres la mejor", "Eres la mejor"],
  ["Estuviste fantástica", "fantástica"],
  ["eres un genio", "genio"],
  ["Gracias por ser tan atento", "atento"],
  ["Eres súper organizado", "organizado"],
];

/** Realistic behaviors a manager writes: none should be nagged about. */
const describedBehavior = [
  "Interrumpiste a la diseñadora tres veces mientras explicaba la maqueta",
  "Llegaste diez minutos tarde a la daily del martes",
  "No respondiste a las dos peticiones de revisión que te mandé",
  "Le dijiste a Ana que era una vaga delante del equipo",
  "Dijiste «esto es una tontería» cuando Luis propuso el cambio",
  "Subiste el cambio a main sin pasar por la revisión",
  "El cliente fue muy borde contigo y mantuviste la calma",
  "Publicaste el resumen de la reunión en el canal una hora después",
  "Diste una respuesta vaga cuando el cliente preguntó por la fecha",
  "Hablaste durante 20 minutos sin dejar preguntas",
  "Cerraste el portátil y saliste de la sala antes de que terminara la demo",
  "Respondiste a cada pregunta del cliente con datos del último trimestre",
  "Compartiste la pantalla y explicaste el plan paso a paso",
  "No avisaste de que el despliegue se retrasaba",
  "No enviaste el acta de la reunión",
  "Ayer dejaste el ticket sin asignar",
  "Te quedaste hasta tarde para cerrar la incidencia",
  "El plan era demasiado agresivo para el equipo",
  "La reunión fue caótica y te encargaste de poner orden",
  "Le preguntaste a Marta tres veces por el mismo dato",
  "En la demo de ayer leíste las diapositivas sin mirar al público",
  "Reescribiste el informe entero la noche antes de la entrega",
  "Me dijiste que no te importaba cambiar de equipo",
  "Pediste ayuda a Jorge en cuanto viste el error",
  "No quiere decir que esté mal, pero enviaste el correo sin revisar",
  "Entregaste el informe con la parte de costes vacía",
  "Fui yo quien estuvo desorganizado en la reunión, no tú",
  "Fue muy difícil seguir tu explicación sin las diapositivas",
  "Estuviste ausente en la reunión de planificación",
  "Respondiste al correo de Pedro con una sola línea",
  "El equipo estaba desmotivado tras la reunión",
  "La documentación estaba desordenada",
  "Usted interrumpió al cliente dos veces",
  "Estuviste revisando el móvil durante la presentación",
  "Dijiste que el diseño era una basura",
];

/** Praise with a behavior in it: the praise word is fine, the behavior says what to repeat. */
const specificPraise = [
  "Buen trabajo: le explicaste el despliegue paso a paso a la persona nueva",
  "Genial cómo resumiste las tres opciones en una sola diapositiva",
  "Publicaste una actualización de estado cada 15 minutos",
  "Te quedaste con el cliente hasta que el servicio volvió a funcionar",
  "Preparaste una demo de cinco minutos y respondiste a todas las dudas",
  "Has documentado el runbook con capturas de cada paso",
  "Escuchaste a cada persona del equipo antes de proponer la solución",
  "Nunca había visto una demo tan clara: mostraste el flujo completo en cinco minutos",
];

const vagueImpacts = [
  "Estuvo mal",
  "No estuvo bien",
  "Fue inaceptable",
  "No es aceptable",
  "Fue un problema",
  "Tuvo un impacto negativo",
  "fatal",
  "Fue genial",
  "Muy positivo",
  "Causó un mal ambiente",
  "Fue muy poco profesional",
  "Afectó al equipo",
];

const specificImpacts = [
  "nos costó más entender su razonamiento",
  "La diseñadora no pudo terminar de explicar la propuesta",
  "El equipo perdió dos horas esperando la revisión",
  "soporte pudo responder a los clientes sin sacar a los ingenieros del arreglo",
  "Marta tuvo que rehacer la estimación el viernes",
  "Me hizo dudar de si el plan seguía en pie",
  "El cliente pidió otra reunión para aclarar las fechas",
  "Retrasó el despliegue dos días",
  "No pudimos cerrar la release a tiempo",
  "Generó tensión en el equipo",
];

const restatedImpacts: readonly [string, string][] = [
  ["Interrumpiste a la diseñadora", "Las interrupciones a la diseñadora"],
  ["Llegaste tarde a la daily", "Llegar tarde a la daily"],
];

const vagueRequests = [
  "Mejora",
  "Mejora tu comunicación",
  "Sé más proactivo",
  "Se más profesional",
  "Esfuérzate más",
  "Ponte las pilas",
  "Intenta mejorar",
  "Comunica mejor",
  "Haz más",
  "Sé un jugador de equipo",
  "Ten mejor actitud",
  "Que no vuelva a pasar",
  "Tienes que mejorar",
  "Hay que comunicar mejor",
  "Trabaja en tu actitud",
  "Ten más iniciativa",
];

const noActionRequests = ["Más compromiso", "Puntualidad", "Más atención a los detalles", "La actitud"];

const actionableRequests = [
  "En las próximas revisiones, deja las preguntas para el final.",
  "Envía el acta el mismo día de la reunión",
  "Avisa en #incidencias si vas a llegar más de cinco minutos tarde",
  "Antes de subir a main, pide una revisión a alguien del equipo",
  "La próxima vez, comparte la agenda la víspera",
  "Te pido que envíes el informe antes del jueves",
  "Podrías preparar tres diapositivas como máximo",
  "No interrumpas mientras alguien explica su propuesta",
  "Apunta las preguntas y plantéalas al final",
  "Reserva 15 minutos el lunes para revisar el plan conmigo",
  "Añade esa plantilla de actualización al runbook de guardias.",
  "Escucha la propuesta completa antes de responder",
  "Envíaselo a Marta antes de la demo",
  "Llega puntual a la daily",
  "Para de interrumpir cuando alguien presenta",
  "Revisar el PR antes de pedir aprobación",
  "Cuando tengas dudas, pregunta en el canal del equipo",
  "Si no puedes llegar, avísame antes de las 9",
  "Dedica 10 minutos a revisar tu PR antes de pedir revisión",
  "Pásale el informe a Marta antes del viernes",
  "Pasa el informe a Marta antes del viernes",
  "Agrupa las preguntas en un solo mensaje",
  "Busca a alguien de QA para probar el cambio",
];

describe("a clean draft", () => {
  it("has nothing to say about the examples, either valence", () => {
    for (const valence of ["redirecting", "reinforcing"] as const) {
      expect(sbiLint(sbiExamplesFor("es")[valence], "es")).toEqual([]);
    }
  });

  it("uses Spanish placeholders", () => {
    expect(sbiExamplesFor("es").redirecting.situation).toBe("En la revisión de diseño de ayer…");
    expect(sbiExamplesFor("es").reinforcing.valence).toBe("reinforcing");
  });

  it("passes the base draft", () => {
    expect(sbiLint(good, "es")).toEqual([]);
  });
});

describe("situation: anchored in time or place", () => {
  it.each(anchoredSituations)("accepts %j", (text) => {
    expect(codes("situation", text)).toEqual([]);
  });
  it.each(unanchoredSituations)("flags %j", (text) => {
    expect(codes("situation", text)).toEqual(["situation-no-anchor"]);
  });
  it("calls an empty situation missing", () => {
    expect(codes("situation", "  ")).toEqual(["situation-missing"]);
  });
});

describe("behavior: what they did, not who they are", () => {
  it.each(characterJudgments)("flags the trait in %j", (text, match) => {
    expect(codes("behavior", text)).toEqual(["behavior-character"]);
    expect(behaviorMatch(text)).toBe(match);
  });
  it.each(minds)("flags the guess at intent in %j", (text, match) => {
    expect(codes("behavior", text)).toEqual(["behavior-character"]);
    expect(behaviorMatch(text)).toBe(match);
  });
  it.each(absolutes)("flags the absolute in %j", (text, match) => {
    expect(codes("behavior", text)).toEqual(["behavior-character"]);
    expect(behaviorMatch(text)).toBe(match);
  });
  it.each(vaguePraise)("flags praise that names no behavior: %j", (text, match) => {
    expect(codes("behavior", text, { valence: "reinforcing" })).toEqual(["behavior-character"]);
    expect(behaviorMatch(text, "reinforcing")).toBe(match);
  });
  it.each(describedBehavior)("accepts %j", (text) => {
    expect(codes("behavior", text)).toEqual([]);
  });
  it.each(specificPraise)("accepts the praise %j", (text) => {
    expect(codes("behavior", text, { valence: "reinforcing" })).toEqual([]);
  });
  it("reads a habit inside a time window as one stretch of time", () => {
    expect(codes("behavior", "Llegaste tarde a cada daily de este sprint")).toEqual([]);
    expect(codes("behavior", "Llegas tarde a cada daily")).toEqual(["behavior-character"]);
  });
  it("lets praise say it was deliberate, but not a redirect", () => {
    expect(
      codes("behavior", "Mantuviste el alcance pequeño deliberadamente", { valence: "reinforcing" }),
    ).toEqual([]);
    expect(codes("behavior", "Mantuviste el alcance pequeño deliberadamente")).toEqual([
      "behavior-character",
    ]);
  });
  it("asks for a behavior when there is none", () => {
    expect(codes("behavior", "")).toEqual(["behavior-missing"]);
  });
});

describe("impact: what it led to, and for whom", () => {
  it.each(vagueImpacts)("flags the verdict %j", (text) => {
    expect(codes("impact", text)).toEqual(["impact-vague"]);
  });
  it.each(specificImpacts)("accepts %j", (text) => {
    expect(codes("impact", text)).toEqual([]);
  });
  it.each(restatedImpacts)("flags %j restated as %j", (behavior, impact) => {
    expect(codes("impact", impact, { behavior })).toEqual(["impact-restates"]);
  });
  it("calls an empty impact missing", () => {
    expect(codes("impact", "")).toEqual(["impact-missing"]);
  });
});

describe("request: optional, and actionable when given", () => {
  it.each(vagueRequests)("flags %j as vague", (text) => {
    expect(codes("request", text)).toEqual(["request-vague"]);
  });
  it.each(noActionRequests)("flags %j as naming no action", (text) => {
    const finding = sbiLint({ ...good, request: text }, "es").find((f) => f.field === "request");
    expect(finding?.code).toBe("request-vague");
    expect(finding?.message).toContain("Formúlalo");
  });
  it.each(actionableRequests)("accepts %j", (text) => {
    expect(codes("request", text)).toEqual([]);
  });
  it("encourages a request without insisting on one", () => {
    const finding = sbiLint({ ...good, request: "" }, "es").find((f) => f.field === "request");
    expect(finding?.severity).toBe("hint");
  });
  it("lets praise ask to keep going, since the behavior says what", () => {
    expect(codes("request", "Sigue así", { valence: "reinforcing" })).toEqual([]);
    expect(codes("request", "Sigue así")).toEqual(["request-vague"]);
  });
});

describe("messages", () => {
  const all = [
    ...sbiLint({ situation: "", behavior: "", impact: "", request: "" }, "es"),
    ...sbiLint(
      { situation: "En general", behavior: "Eres un vago", impact: "Fue mal", request: "Mejora" },
      "es",
    ),
    ...sbiLint({ ...good, behavior: "No te importa" }, "es"),
    ...sbiLint(
      { ...good, behavior: "Siempre llegas tarde", impact: good.behavior, request: "Más foco" },
      "es",
    ),
    ...sbiLint({ ...good, behavior: "¡Eres un crack!", valence: "reinforcing", request: "" }, "es"),
  ];

  it("cover every kind of finding", () => {
    expect(new Set(all.map((f) => f.code)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(all.map((f) => [f.code, f.message] as const))("are in Spanish: %s", (_code, message) => {
    expect(message).not.toMatch(/\b(?:Describe|Add|Say|Anchor|the|what|they|you|e\.g\.|Optional|Phrase)\b/);
    expect(message).toMatch(/[áéíóúñ¿¡]|p\. ej\./);
  });

  it("quote what prompted a behavior finding", () => {
    const finding = sbiLint({ ...good, behavior: "Eres un vago" }, "es").find((f) => f.field === "behavior");
    expect(finding?.message).toContain("“vago”");
  });
});

describe("hostile input", () => {
  const hostile = [
    "eres vago ".repeat(1000),
    `${"a".repeat(10_000)}`,
    "¿¡!?.,;:…—–-«»“”\"'".repeat(500),
    "😀🔥👍🏽 ".repeat(2000),
    "Eres 怠け者 ленивый كسول vago 🙃",
    "\u0000\u200b\u202e\ufeff",
    "siempre ".repeat(3000),
    "«".repeat(5000),
  ];
  it.each(hostile.map((text) => [text.slice(0, 20), text] as const))("returns for %j…", (_label, text) => {
    const findings = sbiLint({ situation: text, behavior: text, impact: text, request: text }, "es");
    expect(Array.isArray(findings)).toBe(true);
  });
});

describe("properties", () => {
  const rules = sbiRulesFor("es");
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          "eres",
          "no",
          "un",
          "vago",
          "buen",
          "compañero",
          "de",
          "equipo",
          "cada",
          "vez",
          "siempre",
          "ayer",
          "en",
          "la",
          "revisión",
          "sé",
          "más",
          "«",
          "»",
          "¿",
          "¡",
          "'",
          ",",
          ".",
          "#x",
          "1:1",
          " ",
        ),
        { maxLength: 80 },
      )
      .map((parts) => parts.join(" ")),
  );

  it("never throws in any rule, whatever it is given", () => {
    fc.assert(
      fc.property(anyText, anyText, fc.boolean(), (a, b, reinforcing) => {
        expect(typeof rules.situationAnchored(a)).toBe("boolean");
        expect(Array.isArray(rules.characterHits(a, reinforcing))).toBe(true);
        rules.impactProblem(a, b);
        rules.requestProblem(a, reinforcing);
      }),
      { numRuns: 400 },
    );
  });

  it("points at words that are in the text", () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, reinforcing) => {
        for (const hit of rules.characterHits(text, reinforcing)) {
          expect(hit.start).toBeLessThan(hit.end);
          for (const part of hit.match.split(" ")) expect(text.normalize("NFKC")).toContain(part);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws through the public entry point", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(Array.isArray(sbiLint(input as Partial<SbiDraft>, "es"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
