/**
 * Whether a request written in Spanish is something the person can go and do. "Deja las
 * preguntas para el final" is; "mejora", "sé más proactivo", "más compromiso" are not: they
 * name a wish, so the person has to guess what would count.
 */
import type { RequestProblem } from "../request-lint";
import {
  CONTEXT_LABELS,
  CONTEXT_TRAITS,
  POCO_TRAITS,
  PRAISE_LABELS,
  PRAISE_TRAITS,
  STRONG_LABELS,
  STRONG_TRAITS,
} from "./es-lexicon";
import { type EsWord, esWords, lemmaIn, wordSet as set } from "./es-text";
import { esVerb } from "./es-verbs";

/** Nouns that name a quality, not a thing one can point at. */
const VAGUE_NOUNS = set(`
  comunicacion actitud comportamiento conducta rendimiento profesionalidad profesionalismo iniciativa
  responsabilidad esfuerzo trabajo calidad colaboracion tono modales implicacion compromiso fiabilidad atencion
  detalle detalles mentalidad enfoque liderazgo presencia energia urgencia cuidado constancia transparencia
  proactividad puntualidad mejora cosas cosa ti mismo misma respeto empatia paciencia disciplina madurez
  criterio nivel manera forma todo algo pilas equipo companero persona lider ejemplo parte papel pie bateria
  ganas interes foco
`);

const FILLER = set(`
  el la los las lo un una unos unas de del al a en con por para sin sobre y e o u pero que como es son ser
  estar esta este ese esa eso esto muy mas menos tan tanto poco mucho bastante no ya tambien solo favor
  porfa tu tus te ti usted su sus me mi nos nuestro nuestra proxima proximo vez veces futuro adelante ahora
  siempre nunca intenta intentar procura procurar puedes podrias podria deberias debes deberia tienes que
  gustaria quiero quisiera pido necesito se seria bien mejor algo poco asi ok vale vamos hay pasar ocurrir
  suceder repetirse
`);

/** Degree words and comparatives: "sé más claro", "comunica mejor". */
const COMPARATIVES = set(`
  mejor peor mas menos claro clara concreto concreta rapido rapida atento atenta cuidadoso cuidadosa
  consciente visible conciso concisa abierto abierta honesto honesta transparente constante proactivo
  proactiva presente
`);

/** Words after which the next word is in a verb's place. */
const VERB_LEADS = set(`y e luego despues que no nunca siempre tambien solo favor porfa tu usted ni`);

/** Amounts, times and deadlines make even a soft request checkable. */
const MEASURES = set(`
  antes despues dentro hasta cada diario diaria diariamente semanal semanalmente minutos minuto horas hora dias
  dia lunes martes miercoles jueves viernes primero primera final principio inicio mismo misma inmediatamente
  manana tiempo puntual puntuales puntualmente
`);

function isTrait(w: string): boolean {
  return (
    COMPARATIVES.has(w) ||
    lemmaIn(STRONG_TRAITS, w) !== undefined ||
    lemmaIn(CONTEXT_TRAITS, w) !== undefined ||
    lemmaIn(PRAISE_TRAITS, w) !== undefined ||
    lemmaIn(POCO_TRAITS, w) !== undefined ||
    lemmaIn(STRONG_LABELS, w) !== undefined ||
    lemmaIn(PRAISE_LABELS, w) !== undefined ||
    lemmaIn(CONTEXT_LABELS, w) !== undefined
  );
}

function inVerbPlace(ws: readonly EsWord[], i: number): boolean {
  const prev = ws[i - 1];
  return !prev || prev.brk || VERB_LEADS.has(prev.w);
}

interface RequestSignals {
  hasVerb: boolean;
  concreteVerb: boolean;
  vagueVerb: boolean;
  beTrait: boolean;
  measurable: boolean;
  concreteWords: number;
  things: number;
  comparative: boolean;
  keepGoing: boolean;
}

const COPULAR = set(`ser estar`);
const KEEP = set(`seguir continuar mantener`);

function readRequest(ws: readonly EsWord[]): RequestSignals {
  const r: RequestSignals = {
    hasVerb: false,
    concreteVerb: false,
    vagueVerb: false,
    beTrait: false,
    measurable: false,
    concreteWords: 0,
    things: 0,
    comparative: false,
    keepGoing: false,
  };
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word || word.brk) continue;
    const w = word.w;
    if (/\d/.test(w) || w.startsWith("#") || w.startsWith("@") || MEASURES.has(w)) r.measurable = true;
    if (COMPARATIVES.has(w)) r.comparative = true;
    const verb = esVerb(w);
    const verbPlace = verb !== undefined && (verb.certain || inVerbPlace(ws, i));
    let weak = false;
    if (verb && verbPlace) {
      r.hasVerb = true;
      // "deja de interrumpir" is "stop"; "deja las preguntas para el final" is an action.
      const kind = verb.infinitive === "dejar" && ws[i + 1]?.w === "de" ? "light" : verb.kind;
      if (KEEP.has(verb.infinitive)) r.keepGoing = true;
      if (kind === "vague") r.vagueVerb = true;
      else if (kind === "concrete") r.concreteVerb = true;
      weak = kind !== "concrete";
      if (COPULAR.has(verb.infinitive) && traitFollows(ws, i)) r.beTrait = true;
    }
    // "proactivamente", "con más cuidado": how, not what
    const manner = w.length > 7 && w.endsWith("mente");
    if (!FILLER.has(w) && !VAGUE_NOUNS.has(w) && !isTrait(w) && !manner && !weak) {
      r.concreteWords++;
      if (!verbPlace) r.things++;
    }
  }
  if (!r.hasVerb) r.hasVerb = leadsWithUnknownVerb(ws);
  return r;
}

/** "sé (mucho) más cuidadoso", "sé un jugador de equipo" */
function traitFollows(ws: readonly EsWord[], verb: number): boolean {
  let k = verb + 1;
  while (k < verb + 4 && FILLER.has(ws[k]?.w ?? "") && !isTrait(ws[k]?.w ?? "")) k++;
  const quality = ws[k]?.w ?? "";
  return isTrait(quality) || VAGUE_NOUNS.has(quality) || quality === "jugador" || quality === "jugadora";
}

const NOT_VERB_STARTS = set(`
  mas menos mejor peor ayer lugar bar mar hogar mujer super ser sobre durante entre desde hacia ante mientras
  siempre nunca ahora cada tarde noche semana reunion respuesta propuesta idea pregunta nota
`);
const DETERMINERS = set(
  `el la los las un una unos unas tu tus esa ese esas esos este esta todo todos todas al`,
);

/**
 * Verbs not in the list still open a request: as an infinitive ("Timeboxear la demo"), with a
 * pronoun and the accent it brings ("Pásale el informe"), or before an article ("Pasa el informe").
 */
function leadsWithUnknownVerb(ws: readonly EsWord[]): boolean {
  const i = ws.findIndex((word) => !word.brk && !FILLER.has(word.w));
  const word = ws[i];
  if (!word || !inVerbPlace(ws, i) || NOT_VERB_STARTS.has(word.w) || /\d/.test(word.w)) return false;
  const w = word.w;
  if (w.length > 4 && /(?:ar|er|ir)(?:lo|la|los|las|le|les|se|me|te|nos)?$/.test(w)) return true;
  if (w.length > 4 && /[áéíóú]/i.test(word.raw) && /(?:lo|la|los|las|le|les|me|te|nos|selo|sela)$/.test(w)) {
    return true;
  }
  return w.length > 3 && /[ae]$/.test(w) && DETERMINERS.has(ws[i + 1]?.w ?? "");
}

/** What, if anything, keeps this request from being something one can do. */
export function esRequestProblem(request: string, reinforcing = false): RequestProblem | undefined {
  const ws = esWords(request);
  const r = readRequest(ws);
  // "sigue así" after praise points back at the behavior just described.
  if (reinforcing && r.keepGoing && ws.some((word) => word.w === "asi" || word.w === "haciendolo")) {
    return undefined;
  }
  if (!r.hasVerb) return "no-action";
  if ((r.beTrait || r.vagueVerb) && !r.concreteVerb && !r.measurable) return "vague";
  if (r.concreteWords === 0 && !(reinforcing && r.keepGoing)) return "vague";
  // "delega más", "pregunta menos": an action, but no way to tell when it is enough
  if (r.things === 0 && r.comparative && !r.measurable) return "vague";
  return undefined;
}
