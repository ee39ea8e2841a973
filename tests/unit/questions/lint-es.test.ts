import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { questionBankFor, questionLint } from "../../../lib/questions";

const lint = (text: string) => questionLint(text, "es");

const openQuestions = [
  "¿Cuál es la parte más difícil de tu trabajo ahora mismo?",
  "¿Qué necesitas de mí esta semana?",
  "¿Cómo sería el éxito para ti este trimestre?",
  "¿Qué feedback tienes para mí?",
  "que necesitas de mi esta semana?",
  "Como te sientes con el proyecto?",
  "¿Cómo vas con la migración?",
  "¿Qué tal la semana?",
  "¿En qué estás trabajando que te ilusione?",
  "¿Hasta qué punto te sientes parte del equipo?",
  "¿De qué manera podría ayudarte más?",
  "¿Por qué elegiste ese enfoque?",
  "¿Para qué crees que sirve la daily?",
  "¿Con quién te gustaría trabajar más?",
  "¿Cuánto tiempo dedicas a revisiones?",
  "Cuéntame cómo fue la demo con el cliente.",
  "Cuéntame qué te preocupa del lanzamiento",
  "¿Me cuentas cómo va la migración?",
  "¿Me explicas cómo llegaste a esa estimación?",
  "¿Puedes contarme qué pasó en la reunión?",
  "¿Podrías explicarme cómo decidiste el alcance?",
  "¿Te importaría contarme cómo lo viviste?",
  "Háblame de tu semana",
  "Dame un ejemplo de algo que te haya funcionado",
  "Ayúdame a entender qué te frena",
  "Si pudieras cambiar una cosa, ¿cuál sería?",
  "Si pudieras cambiar una cosa, cuál sería?",
  "Desde tu posición, ¿cómo está trabajando el equipo?",
  "Oye Ana, ¿qué tal va todo?",
  "Bueno, ¿qué te llevas de esta semana?",
  "¿Qué te gustaría que supiera sobre tu trabajo?",
  "¿Qué trayectoria admiras y por qué?",
  "¿Qué harías primero si tuvieras un día más?",
  "¿Con quién deberías hablar y todavía no lo haces?",
  "Me gustaría saber cómo te sientes con el cambio de equipo",
  "¿QUÉ TE FRENA?",
  "¿Y tú qué opinas?",
  "¿Tú cómo lo ves?",
  "¿Y a ti qué te parece?",
  "¿El proyecto cómo va?",
  "¿Qué no te está funcionando?",
  "¿Qué opinas, te parece bien?",
  "¿Qué tal llevas la carga de trabajo?",
  "¿Cómo te ha ido con el nuevo equipo?",
  "En una escala del 1 al 10, ¿cómo te sientes con el trabajo?",
  "Del 1 al 10, ¿qué tan contento estás?",
  "¿Qué tan bien crees que fue la demo?",
  "¿Por qué crees que pasó?",
  "¿Qué es lo que no te gusta?",
  "¿Qué cambiarías, si pudieras?",
  "¿Qué necesitas de mí y cuándo?",
  "¿Qué pasa si el cliente dice que no?",
  "¿Cómo lo harías tú, por ejemplo?",
  "Qué te gustaría aprender este trimestre",
  "Cuéntame, ¿cómo estás?",
  "Cual es tu mayor preocupacion ahora mismo",
];

const closedQuestions: readonly [string, string][] = [
  ["¿Todo bien?", "¿Cómo van las cosas esta semana?"],
  ["¿Va todo bien?", "¿Cómo van las cosas esta semana?"],
  ["todo bien?", "¿Cómo van las cosas esta semana?"],
  ["¿Estás bien?", "¿Cómo te sientes con el trabajo estos días?"],
  ["¿Estás contenta con el nuevo equipo?", "¿Cómo te sientes con el nuevo equipo?"],
  ["¿El proyecto va según lo previsto?", "¿Cómo va el proyecto desde tu punto de vista?"],
  ["¿Va bien la migración?", "¿Cómo va la migración desde tu punto de vista?"],
  ["¿Tienes algún bloqueo?", "¿Qué te está frenando ahora mismo?"],
  ["¿Estás bloqueado con algo?", "¿Qué te está frenando ahora mismo?"],
  ["¿Hay algo que pueda hacer por ti?", "¿Qué necesitas de mí esta semana?"],
  ["¿Alguna pregunta?", "¿Qué preguntas tienes?"],
  ["¿Algo más?", "¿Qué más tienes en mente?"],
  ["¿Tienes feedback para mí?", "¿Qué feedback tienes para mí?"],
  ["¿Tienes alguna duda sobre el plan?", "¿Qué dudas tienes sobre el plan?"],
  ["¿Alguna sugerencia para la retro?", "¿Qué sugerencias tienes para la retro?"],
  ["¿Has terminado el informe?", "¿Cómo vas con el informe?"],
  ["¿Terminaste la estimación?", "¿Cómo vas con la estimación?"],
  ["¿Has hablado con Marta?", "¿Qué te ha contado Marta?"],
  ["¿Salió bien la demo?", "¿Cómo fue la demo desde tu punto de vista?"],
  ["¿La demo salió bien?", "¿Cómo fue la demo desde tu punto de vista?"],
  ["¿Te gusta el nuevo proyecto?", "¿Qué es lo que más te gusta del nuevo proyecto?"],
  ["¿Tiene sentido el plan?", "¿Qué sigue sin estar claro del plan?"],
  ["¿Puedes terminar el informe el viernes?", "¿Qué necesitarías para terminar el informe el viernes?"],
  ["¿Crees que llegaremos a tiempo?", "¿Cómo lo ves tú?"],
  ["¿Hay algo que te preocupe?", "¿Qué te preocupa ahora mismo?"],
  ["¿Hay algo que quieras comentar?", "¿Qué tienes en mente ahora mismo?"],
  ["¿Quieres hablar de algo en particular?", "¿De qué te gustaría hablar hoy?"],
  ["¿Necesitas algo de mí?", "¿Qué necesitas de mí esta semana?"],
  ["¿Estás a gusto en el equipo?", "¿Cómo te sientes con el equipo?"],
  ["¿Alguna novedad con la migración?", "¿Qué novedades tienes con la migración?"],
  ["¿Prefieres A o B?", "¿Cómo lo ves tú?"],
  ["¿Fue útil la formación?", "¿Cómo fue desde tu punto de vista?"],
  ["¿Te sientes valorado?", "¿Cómo lo ves tú?"],
  ["¿Es realista la fecha?", "¿Cómo lo ves tú?"],
  ["Estas bien", "¿Cómo te sientes con el trabajo estos días?"],
  ["alguna duda", "¿Qué preguntas tienes?"],
  ["Si pudieras, ¿cambiarías de equipo?", "¿Cómo lo ves tú?"],
  ["¿Te parece bien que lo hagamos así?", "¿Cómo lo ves tú?"],
  ["¿Cómo estás? ¿Todo bien?", "¿Cómo van las cosas esta semana?"],
  ["¿Sabes cuándo estará listo?", "¿Cómo lo ves tú?"],
];

const leadingQuestions: readonly [string, string][] = [
  ["El plan es bueno, ¿verdad?", "¿Cómo lo ves tú?"],
  ["La demo fue bien, ¿no?", "¿Cómo lo ves tú?"],
  ["Todo bien, ¿no?", "¿Cómo lo ves tú?"],
  ["Estás de acuerdo, ¿cierto?", "¿Cómo lo ves tú?"],
  ["Lo terminas hoy o no?", "¿Cómo lo ves tú?"],
  ["Es la mejor opción ¿no crees?", "¿Cómo lo ves tú?"],
  ["¿No crees que deberíamos cambiar de enfoque?", "¿Cómo lo ves tú?"],
  ["¿No te parece que el diseño es mejor así?", "¿Cómo lo ves tú?"],
  ["¿No sería mejor dividir la tarea?", "¿Cómo lo enfocarías tú?"],
  ["¿Sería mejor dividir la tarea?", "¿Cómo lo enfocarías tú?"],
  ["¿Estás de acuerdo en que fue un error?", "¿Cómo lo ves tú?"],
  ["¿Por qué no me avisaste antes?", "¿Qué te lo impidió?"],
  ["¿Por qué no lo hablaste con el equipo?", "¿Qué te lo impidió?"],
  ["¿Por qué no lo intentamos así?", "¿Cómo lo enfocarías tú?"],
  ["¿Verdad que la demo fue genial?", "¿Cómo lo ves tú?"],
  ["¿A que fue un buen sprint?", "¿Cómo lo enfocarías tú?"],
  ["¿Qué tal si lo hacemos a mi manera?", "¿Cómo lo enfocarías tú?"],
  ["¿Qué tiene de malo simplemente reiniciar el servidor?", "¿Cómo lo enfocarías tú?"],
  ["Obviamente el cliente tiene razón, ¿qué opinas?", "¿Cómo lo ves tú?"],
  ["¿Tengo razón?", "¿Cómo lo ves tú?"],
  ["¿Qué tan genial fue la demo?", "¿Cómo fue la demo desde tu punto de vista?"],
  ["¿No tienes tiempo para revisar el PR?", "¿Cómo lo enfocarías tú?"],
  ["por que no pediste ayuda?", "¿Qué te lo impidió?"],
  ["¿Por qué no se llegó a tiempo?", "¿Qué te lo impidió?"],
  ["¿Estás de acuerdo con el plan?", "¿Cómo lo ves tú?"],
  ["¿Qué piensas del plan? ¿Estás de acuerdo?", "¿Cómo lo ves tú?"],
];

const doubleQuestions = [
  "¿Qué te frena? ¿Cómo puedo ayudarte?",
  "¿Cómo fue la semana? ¿Qué aprendiste?",
  "¿Qué tal la semana? ¿Y el proyecto, cómo va?",
];

const statements = [
  "Hablar del lanzamiento",
  "Revisar los objetivos del trimestre",
  "Te mando el informe mañana",
  "Gracias por la semana.",
  "",
  "   ",
];

describe("open questions pass", () => {
  it.each(openQuestions)("%j", (text) => {
    expect(lint(text)).toEqual({ ok: true });
  });
});

describe("the Spanish question bank", () => {
  const bank = questionBankFor("es");
  it("is all there", () => {
    expect(bank.length).toBeGreaterThan(100);
  });
  it.each(bank.map((q) => [q.id, q.text] as const))("passes %s", (_id, text) => {
    expect(lint(text)).toEqual({ ok: true });
  });
});

describe("closed questions", () => {
  it.each(closedQuestions)("flags %j and offers %j", (text, rewrite) => {
    const result = lint(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("closed");
    expect(result.rewrite).toBe(rewrite);
    expect(result.hint).toContain(`«${rewrite}»`);
  });
});

describe("leading questions", () => {
  it.each(leadingQuestions)("flags %j and offers %j", (text, rewrite) => {
    const result = lint(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("leading");
    expect(result.rewrite).toBe(rewrite);
  });
});

describe("two questions at once", () => {
  it.each(doubleQuestions)("flags %j and keeps the first", (text) => {
    const result = lint(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("double");
    expect(text.startsWith(result.rewrite ?? "")).toBe(true);
  });
  it("lets one question with two parts through", () => {
    expect(lint("¿Cuándo te sentiste atascado por última vez y qué te ayudó?")).toEqual({ ok: true });
  });
});

describe("statements", () => {
  it.each(statements)("leaves %j alone", (text) => {
    expect(lint(text)).toEqual({ ok: true });
  });
});

describe("messages", () => {
  const results = [
    lint("¿Todo bien?"),
    lint("El plan es bueno, ¿verdad?"),
    lint("¿Qué te frena? ¿Cómo puedo ayudarte?"),
  ];
  it.each(results.map((r, i) => [i, r] as const))("are in Spanish (%i)", (_i, result) => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const text of [result.message, result.hint, result.rewrite ?? ""]) {
      expect(text).not.toMatch(/\b(?:Describe|Try|Closed|Leading|question|What|How|the|you)\b/);
    }
    expect(result.hint).toMatch(/Prueba: «.+»$/);
  });
  it("give a generic open question when the shape has no rewrite of its own", () => {
    const result = lint("¿Es realista?");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rewrite).toMatch(/^¿.+\?$/);
  });
});

describe("hostile input", () => {
  const hostile = [
    "?".repeat(10_000),
    "¿".repeat(10_000),
    `¿${"a".repeat(10_000)}?`,
    `${"no ".repeat(3000)}?`,
    `${", ".repeat(5000)}¿verdad?`,
    "¿Qué? ".repeat(2000),
    "...!!!???¡¡¡¿¿¿",
    "😀🔥 ¿👍🏽? 🙃",
    "¿Всё хорошо? 大丈夫? هل أنت بخير؟",
    "\u0000\u200b\u202e\ufeff?",
    `por que no ${"feedback para mi ".repeat(600)}?`,
    `¿${"has terminado ".repeat(700)}?`,
  ];
  it.each(hostile.map((text) => [text.slice(0, 16), text] as const))("returns for %j…", (_label, text) => {
    const result = lint(text);
    expect(typeof result.ok).toBe("boolean");
  });
  it("answers anything that is not a string as fine", () => {
    expect(questionLint(undefined as unknown as string, "es")).toEqual({ ok: true });
    expect(questionLint(42 as unknown as string, "es")).toEqual({ ok: true });
  });
});

describe("properties", () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          "¿",
          "?",
          "¡",
          "!",
          ",",
          ".",
          "qué",
          "no",
          "verdad",
          "todo",
          "bien",
          "cuéntame",
          "por",
          "que",
          "has",
          "terminado",
          "alguna",
          "duda",
          "si",
          " ",
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(" ")),
  );

  it("never throws and always answers in shape", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = lint(text);
        if (!result.ok) {
          expect(["closed", "leading", "double"]).toContain(result.code);
          expect(result.message.length).toBeGreaterThan(10);
          expect(result.hint).toContain("Prueba: «");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on anything at all", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(typeof questionLint(input as string, "es").ok).toBe("boolean");
      }),
      { numRuns: 200 },
    );
  });
});
