import type { SbiMessages, SbiRules } from "../rules";
import type { SbiDraft, SbiValence } from "../sbi";
import { esCharacterHits } from "./es-behavior";
import { esImpactProblem } from "./es-impact";
import { esRequestProblem } from "./es-request";
import { esSituationAnchored } from "./es-situation";

// Spoken to the manager with "tú", as the pages are; the examples speak to the report the same way.
const spanishMessages: SbiMessages = {
  situationMissing:
    "Añade cuándo y dónde pasó, p. ej. “En la revisión de diseño de ayer”. Así le será más fácil recordar el momento.",
  situationNoAnchor:
    "Sitúalo en un momento concreto: di cuándo o dónde, p. ej. “en la revisión de diseño de ayer” o “durante la daily del martes”.",
  behaviorMissing:
    "Cuenta qué hizo, tal como lo habría grabado una cámara, p. ej. “interrumpiste a la diseñadora tres veces”.",
  behavior: {
    trait: (m) =>
      `Habla de lo que hizo, no de cómo es: ${m} resume a la persona. Cuenta lo que viste, p. ej. “interrumpiste dos veces” en lugar de “eres un maleducado”.`,
    mind: (m) =>
      `${m} adivina lo que piensa o pretende. Quédate con lo que viste u oíste, p. ej. “no respondiste a las dos peticiones de revisión”.`,
    absolute: (m) =>
      `${m} invita a discutir las excepciones. Cuenta una ocasión concreta, p. ej. “el martes llegaste diez minutos tarde a la daily”.`,
    praise: (m) =>
      `${m} es amable, pero no dice qué repetir. Nombra lo que hizo, p. ej. “le explicaste el despliegue paso a paso a la persona nueva”.`,
  },
  impactExample: {
    reinforcing: "“soporte pudo responder a los clientes sin sacar a los ingenieros del arreglo”",
    redirecting: "“nos costó más entender su razonamiento”",
  },
  impactMissing: (example) =>
    `Di qué provocó y a quién, p. ej. ${example}. El impacto es lo que hace que el mensaje cale.`,
  impactVague: (example) =>
    `Di qué cambió de verdad y para quién, p. ej. ${example}. Un veredicto como “estuvo mal” le deja adivinando.`,
  impactRestates: (example) =>
    `Esto repite casi lo mismo que el comportamiento. Di qué pasó como consecuencia, p. ej. ${example}.`,
  requestExample: {
    reinforcing: "“Añade esa plantilla de actualización al runbook de guardias.”",
    redirecting: "“En las próximas revisiones, deja las preguntas para el final.”",
  },
  requestMissing: {
    reinforcing: (example) => `Opcional: di qué seguir haciendo o en qué apoyarse, p. ej. ${example}`,
    redirecting: (example) => `Opcional: propón una cosa que probar la próxima vez, p. ej. ${example}`,
  },
  requestNoAction: (example) =>
    `Formúlalo como algo que pueda hacer, empezando por la acción, p. ej. ${example}`,
  requestVague: (example) =>
    `Pide una sola cosa que pueda hacer: así será fácil ver cuándo ha pasado, p. ej. ${example}`,
};

/** The capture form's placeholders: the method's example, and praise with the same specifics. */
const spanishExamples: Readonly<Record<SbiValence, Readonly<SbiDraft>>> = {
  redirecting: {
    situation: "En la revisión de diseño de ayer…",
    behavior: "…interrumpiste a la diseñadora varias veces…",
    impact: "…nos costó más entender su razonamiento.",
    request: "En las próximas revisiones, deja las preguntas para el final.",
    valence: "redirecting",
  },
  reinforcing: {
    situation: "Durante la llamada por la caída del martes…",
    behavior: "…publicaste una actualización de estado en #incidencias cada 15 minutos…",
    impact: "…soporte pudo responder a los clientes sin sacar a los ingenieros del arreglo.",
    request: "Añade esa plantilla de actualización al runbook de guardias.",
    valence: "reinforcing",
  },
};

export const spanishSbiRules: SbiRules = {
  situationAnchored: esSituationAnchored,
  characterHits: esCharacterHits,
  impactProblem: esImpactProblem,
  requestProblem: esRequestProblem,
  messages: spanishMessages,
  examples: spanishExamples,
};
