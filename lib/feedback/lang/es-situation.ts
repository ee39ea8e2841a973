/**
 * Whether a situation written in Spanish is anchored to one moment: a time ("ayer", "el
 * martes", "el 3 de noviembre"), a place ("en la oficina de Madrid", "en #incidencias") or an
 * event ("en la revisión de diseño", "cuando presentaste el roadmap"). Habit words ("los
 * lunes", "normalmente en las dailies") undo it: feedback is about a moment, not a pattern.
 */
import { type EsWord, esWords, wordSet as set } from "./es-text";

/** Words that pin down a moment on their own. */
const TIMES = set(`
  ayer anteayer antier anoche hoy manana enero febrero marzo abril mayo junio julio agosto septiembre setiembre
  octubre noviembre diciembre mediodia medianoche
`);
/** Day names: "el lunes" is one day, "los lunes" and "cada lunes" are a habit. */
const DAYS = set(`lunes martes miercoles jueves viernes sabado domingo finde`);
const PERIODS = set(`
  manana tarde noche dia semana mes ano trimestre sprint semestre quincena ciclo iteracion jornada finde
  temporada vez ocasion release
`);
const THIS = set(`este esta ese esa aquel aquella`);
const PAST_MARKERS = set(`pasado pasada anterior ultimo ultima`);
const BEFORE_PERIOD = set(`ultimo ultima pasado pasada anterior otro otra primer primera`);

/** Things that happen once: meetings, incidents, launches. */
const EVENTS = set(`
  reunion revision review standup stand-up daily retro retrospectiva planificacion planning demo sync
  sincronizacion 1:1 1-1 one-on-one llamada videollamada entrevista lanzamiento despliegue deploy release
  incidente incidencia caida postmortem post-mortem kickoff kick-off presentacion taller workshop formacion sesion
  comida cena almuerzo desayuno offsite evento conferencia charla conversacion discusion debate hackathon
  all-hands townhall guardia turno auditoria onboarding migracion refinamiento triaje estimacion junta comite
  evaluacion visita viaje cierre webinar seminario clase fiesta celebracion sprint entrega reunioncita consejo
  comite kick-off brainstorming lluvia seminario jornada partido cita
`);
/** Things written somewhere that can be pointed at. */
const ARTIFACTS = set(`
  pr mr commit doc documento correo email e-mail mail mensaje hilo canal slack comentario ticket issue bug jira
  spec rfc propuesta deck diapositivas informe reporte memo wiki dashboard panel maqueta prototipo runbook
  roadmap hoja fichero archivo pdf formulario encuesta contrato acta agenda invitacion grabacion video captura
  actualizacion boletin anuncio resumen rama repo repositorio figma notion confluence github gitlab zoom teams
  meet loom miro borrador whatsapp chat
`);
/** Places. */
const PLACES = set(`
  oficina sala cocina pasillo recepcion escritorio planta edificio laboratorio cafeteria comedor ascensor almacen
  tienda sede campus stand escenario hotel aeropuerto restaurante bar coche auditorio obra
`);

/** Words that turn a reference into a habit: "normalmente en la daily", "en cada revisión". */
const GENERIC = set(`
  normalmente generalmente habitualmente frecuentemente siempre cada cualquier todas todos muchas
  muchos varias varios ultimamente suele sueles suelen soleis nunca
`);
const GENERIC_PAIRS: readonly (readonly [string, string])[] = [
  ["a", "menudo"],
  ["a", "veces"],
  ["en", "general"],
  ["de", "costumbre"],
];
const CLAUSE_OPENERS = set(`cuando mientras tras despues antes al`);
const PLACE_PREPOSITIONS = set(`en durante con desde`);
const NOT_NAMES = set(`general particular resumen total todo cualquier`);

const DATE_LIKE =
  /^(?:\d{1,4}[./:-]\d{1,4}(?:[./:-]\d{1,4})?|\d{1,2}(?:h|hs|am|pm)|(?:19|20)\d{2}|q[1-4]|t[1-4]|h[12]|[a-z]{2,10}-\d+|v\d+(?:\.\d+)*)$/;

function at(ws: readonly EsWord[], i: number): string {
  return ws[i]?.w ?? "";
}

function isTimeAnchor(ws: readonly EsWord[], i: number): boolean {
  const w = at(ws, i);
  const prev = at(ws, i - 1);
  const next = at(ws, i + 1);
  if (w === "manana" && (prev === "la" || prev === "las") && at(ws, i - 2) === "por") return false;
  if (TIMES.has(w) || DATE_LIKE.test(w)) return true;
  if (w.startsWith("#") && w.length > 1) return true;
  // "el martes", "este viernes", "el pasado jueves"; not "los martes", "cada martes"
  if (DAYS.has(w)) return !/^(?:los|cada|todos|unos|algunos|varios)$/.test(prev);
  // "esta semana", "el mes pasado", "la última retro", "el otro día"
  if (PERIODS.has(w) || EVENTS.has(w)) {
    if (THIS.has(prev) || BEFORE_PERIOD.has(prev) || PAST_MARKERS.has(next)) return true;
  }
  // "a las 10", "hace dos días", "hace un rato"
  if (w === "las" && prev === "a" && /^\d/.test(next)) return true;
  if (w === "hace" && (/^\d/.test(next) || /^(?:un|una|unos|unas|dos|tres|cuatro|cinco)$/.test(next)))
    return true;
  // "15 de marzo" reads as a date even before the month is typed in full
  if (/^\d{1,2}$/.test(w) && next === "de" && TIMES.has(at(ws, i + 2))) return true;
  // "PR 482", "sprint 14", "la release 2.3"
  if ((ARTIFACTS.has(w) || EVENTS.has(w)) && /^#?\d/.test(next)) return true;
  return false;
}

function isPast(w: string, raw: string, ongoing: boolean): boolean {
  // "mientras presentabas" is one moment; "cuando presentabas" is a habit.
  if (ongoing && /(?:abas|aba|abamos|aban|ias|ia)$/.test(w) && w.length > 4) return true;
  return (
    /(?:aste|iste|aron|ieron)$/.test(w) ||
    (w.length > 3 && /[óÓéÉ]$/.test(raw.normalize("NFC"))) ||
    /^(?:fue|fuiste|fui|estuvo|estuviste|hizo|hiciste|dijo|dijiste|tuvo|tuviste|puso|pusiste|vino|viniste)$/.test(
      w,
    )
  );
}

function isEventAnchor(ws: readonly EsWord[], i: number, titleCase: boolean): boolean {
  const word = ws[i];
  if (!word || word.brk) return false;
  const w = word.w;
  const prev = at(ws, i - 1);
  if (EVENTS.has(w) || ARTIFACTS.has(w) || PLACES.has(w)) return !GENERIC.has(prev);
  if (w === "durante") {
    const next = ws[i + 1];
    return next !== undefined && !next.brk && !GENERIC.has(next.w) && !/^(?:las|los)$/.test(next.w);
  }
  if (CLAUSE_OPENERS.has(w)) {
    // "cuando presentaste el roadmap", not "cuando presentas" (a habit)
    for (let k = i + 1; k <= i + 3; k++) {
      const later = ws[k];
      if (!later || later.brk) break;
      if (isPast(later.w, later.raw, w === "mientras")) return true;
    }
  }
  // "en Berlín", "con Acme": a name after a preposition is a place or an event.
  return !titleCase && PLACE_PREPOSITIONS.has(prev) && word.cap && !NOT_NAMES.has(w);
}

/** Whether the words name a particular time: "este sprint", "ayer", "el 3 de noviembre". */
export function namesTimeEs(ws: readonly EsWord[]): boolean {
  for (let i = 0; i < ws.length; i++) if (isTimeAnchor(ws, i)) return true;
  return false;
}

/** Whether the situation says when or where it happened. */
export function esSituationAnchored(text: string): boolean {
  const ws = esWords(text);
  const content = ws.filter((word) => !word.brk);
  // Text typed in Title Case or capitals says nothing about names.
  const titleCase = content.length > 2 && content.filter((word) => word.cap).length / content.length > 0.6;
  let weak = false;
  let generic = false;
  for (let i = 0; i < ws.length; i++) {
    if (isTimeAnchor(ws, i)) return true;
    const w = at(ws, i);
    if (GENERIC.has(w) || GENERIC_PAIRS.some(([a, b]) => a === w && b === at(ws, i + 1))) generic = true;
    if (!weak && isEventAnchor(ws, i, titleCase)) weak = true;
  }
  return weak && !generic;
}
