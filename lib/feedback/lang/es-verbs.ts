/**
 * Enough of Spanish verbs to tell "deja las preguntas para el final" (something to do) from
 * "más compromiso" (a wish), and "le explicaste el despliegue" (something done) from
 * "buen trabajo" (a verdict). Forms are generated from the infinitive once, at load.
 */
import { wordSet as set } from "./es-text";

/** Verbs that name an action by themselves. */
const CONCRETE = `
  enviar mandar compartir avisar guardar preguntar escribir revisar anadir documentar reservar esperar agendar
  programar usar llegar cerrar abrir responder contestar confirmar apuntar anotar probar publicar subir
  actualizar incluir quitar eliminar llevar traer presentar explicar pedir proponer comentar reunir coordinar
  delegar asignar bloquear acordar marcar etiquetar mencionar contar ensenar comprobar verificar ejecutar
  lanzar desplegar separar dividir resumir escalar sincronizar agradecer felicitar invitar copiar adjuntar
  grabar leer reenviar llamar preparar planificar planear estimar medir limitar reducir recortar silenciar
  levantar interrumpir terminar acabar entregar crear disenar redactar montar organizar moderar facilitar
  resolver arreglar corregir depurar fusionar integrar desactivar activar cancelar aplazar posponer mover
  cambiar sustituir rotar acompanar guiar mentorizar emparejar consultar validar aprobar rechazar decidir
  elegir repetir parafrasear resaltar senalar dibujar esbozar detallar listar priorizar ordenar cronometrar
  devolver recordar citar saludar apagar encender mostrar escuchar hablar dejar ceder reservar
  calendarizar notificar alertar informar reportar registrar abrir responder dar tomar hacer poner buscar mirar
  limpiar simplificar automatizar traducir visitar contactar conectar sentar juntar atender cubrir cumplir
  completar firmar descargar instalar configurar testear pactar negociar anunciar celebrar reconocer ofrecer
  solicitar retirar acortar fijar establecer definir acotar timeboxear agrupar
`;

/** Ask for improvement without saying what it looks like. */
export const VAGUE_VERBS = set(`
  mejorar esforzar superar espabilar crecer desarrollar avanzar evolucionar aplicar
`);

/** Fine with a concrete object ("escucha la pregunta entera"), vague alone ("escucha más"). */
export const SOFT_VERBS = set(`
  comunicar colaborar escuchar centrar concentrar participar contribuir ayudar apoyar respetar pensar considerar
  reflexionar prestar gestionar manejar tratar comportar actuar cuidar aprender entender mostrar hablar liderar
  implicar involucrar comprometer trabajar organizar priorizar reducir aumentar tener cambiar preocupar esmerar
  tomar dar
`);

/** Verbs that carry no action of their own: "sé", "sigue", "intenta", "deja de". */
export const LIGHT_VERBS = set(`
  ser estar hacer seguir continuar mantener intentar procurar empezar comenzar parar volver ir poder deber
  querer necesitar poner tener
`);

const IRREGULAR: Readonly<Record<string, string>> = {
  haz: "hacer",
  haga: "hacer",
  hagas: "hacer",
  hagamos: "hacer",
  pon: "poner",
  ponga: "poner",
  pongas: "poner",
  pongamos: "poner",
  ten: "tener",
  tenga: "tener",
  tengas: "tener",
  tengamos: "tener",
  di: "decir",
  diga: "decir",
  digas: "decir",
  sea: "ser",
  seas: "ser",
  seamos: "ser",
  se: "ser",
  ve: "ir",
  vayas: "ir",
  vaya: "ir",
  vayamos: "ir",
  manten: "mantener",
  mantenga: "mantener",
  mantengas: "mantener",
  propon: "proponer",
  proponga: "proponer",
  propongas: "proponer",
  sigue: "seguir",
  siga: "seguir",
  sigas: "seguir",
  sigamos: "seguir",
  pide: "pedir",
  pida: "pedir",
  pidas: "pedir",
  pidamos: "pedir",
  cierra: "cerrar",
  cierre: "cerrar",
  cierres: "cerrar",
  empieza: "empezar",
  empiece: "empezar",
  empieces: "empezar",
  comienza: "comenzar",
  comience: "comenzar",
  comiences: "comenzar",
  piensa: "pensar",
  piense: "pensar",
  pienses: "pensar",
  cuenta: "contar",
  cuente: "contar",
  cuentes: "contar",
  muestra: "mostrar",
  muestre: "mostrar",
  muestres: "mostrar",
  prueba: "probar",
  pruebe: "probar",
  pruebes: "probar",
  recuerda: "recordar",
  recuerde: "recordar",
  recuerdes: "recordar",
  acuerda: "acordar",
  vuelve: "volver",
  vuelva: "volver",
  vuelvas: "volver",
  resuelve: "resolver",
  resuelva: "resolver",
  resuelvas: "resolver",
  mueve: "mover",
  mueva: "mover",
  muevas: "mover",
  devuelve: "devolver",
  devuelva: "devolver",
  devuelvas: "devolver",
  repite: "repetir",
  repita: "repetir",
  repitas: "repetir",
  elige: "elegir",
  elija: "elegir",
  elijas: "elegir",
  corrige: "corregir",
  corrija: "corregir",
  corrijas: "corregir",
  entiende: "entender",
  entienda: "entender",
  entiendas: "entender",
  da: "dar",
  demos: "dar",
  esfuerzate: "esforzar",
  esfuerza: "esforzar",
  esfuerce: "esforzar",
  esfuerces: "esforzar",
  interrumpas: "interrumpir",
  despliega: "desplegar",
  despliegue: "desplegar",
  despliegues: "desplegar",
  planifica: "planificar",
  ensena: "ensenar",
  llegues: "llegar",
  lleguemos: "llegar",
  explique: "explicar",
  expliques: "explicar",
  mantente: "mantener",
};

const ENCLITICS = [
  "selos",
  "selas",
  "selo",
  "sela",
  "melo",
  "mela",
  "telo",
  "tela",
  "noslo",
  "nosla",
  "los",
  "las",
  "les",
  "nos",
  "lo",
  "la",
  "le",
  "me",
  "te",
  "se",
  "os",
];

/** What kind of verb a word is, as far as requests go. */
export type VerbKind = "concrete" | "soft" | "vague" | "light";

export interface EsVerb {
  infinitive: string;
  kind: VerbKind;
  /** the infinitive itself, or a form carrying a pronoun ("envíalo"): a verb wherever it stands */
  certain: boolean;
}

function kindOf(infinitive: string): VerbKind {
  if (VAGUE_VERBS.has(infinitive)) return "vague";
  if (LIGHT_VERBS.has(infinitive)) return "light";
  if (SOFT_VERBS.has(infinitive)) return "soft";
  return "concrete";
}

/** Imperatives and the subjunctives a request uses ("que envíes", "no interrumpas"). */
function formsOf(infinitive: string): string[] {
  const stem = infinitive.slice(0, -2);
  if (infinitive.endsWith("ar")) {
    // "explicar" gives "explique", "llegar" gives "llegue", "organizar" gives "organice".
    const subj = infinitive.endsWith("car")
      ? `${stem.slice(0, -1)}qu`
      : infinitive.endsWith("gar")
        ? `${stem}u`
        : infinitive.endsWith("zar")
          ? `${stem.slice(0, -1)}c`
          : stem;
    return [`${stem}a`, `${stem}ad`, `${subj}e`, `${subj}es`, `${subj}emos`, `${subj}en`];
  }
  const subj = /[gj]e?r$|gir$/.test(infinitive) ? `${stem.slice(0, -1)}j` : stem;
  return [`${stem}e`, `${stem}ed`, `${stem}id`, `${subj}a`, `${subj}as`, `${subj}amos`, `${subj}an`];
}

const ALL = [...new Set([...set(CONCRETE), ...VAGUE_VERBS, ...SOFT_VERBS, ...LIGHT_VERBS])];
const INFINITIVES: ReadonlySet<string> = new Set(ALL);
// Forms that are far more often other words: "esta semana", "para el viernes", "como dijo".
const NOT_FORMS = set(`esta este estas estes para paras como comes sobre entre entres nada nadas`);
const FORMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const infinitive of ALL) {
    // "ir", "ser", "dar", "ver" would give "a", "e", "se": only their irregular forms count.
    if (infinitive.length < 4 || !/(?:ar|er|ir)$/.test(infinitive)) continue;
    for (const form of formsOf(infinitive)) {
      if (!map.has(form) && !NOT_FORMS.has(form)) map.set(form, infinitive);
    }
  }
  for (const [form, infinitive] of Object.entries(IRREGULAR)) map.set(form, infinitive);
  return map;
})();

function plain(w: string): EsVerb | undefined {
  if (INFINITIVES.has(w) && /(?:ar|er|ir)$/.test(w)) return { infinitive: w, kind: kindOf(w), certain: true };
  const infinitive = FORMS.get(w);
  return infinitive ? { infinitive, kind: kindOf(infinitive), certain: false } : undefined;
}

/**
 * The verb a word is a form of, when it is one a request would use: an infinitive, an
 * imperative ("envía", "envíe", "enviad"), a subjunctive after "que"/"no" ("envíes"), with or
 * without pronouns ("envíaselo"). `w` is folded (no accents).
 */
export function esVerb(w: string): EsVerb | undefined {
  const found = plain(w);
  if (found) return found;
  for (const clitic of ENCLITICS) {
    if (w.length - clitic.length < 2 || !w.endsWith(clitic)) continue;
    const base = plain(w.slice(0, -clitic.length));
    if (base) return { ...base, certain: true };
  }
  return undefined;
}

/**
 * Whether a word tells of something done: a preterite ("explicaste", "publicó" typed with its
 * accent), or a participle after "has"/"ha" (checked by the caller).
 */
export function isPastAction(raw: string, w: string): boolean {
  if (w.length > 5 && /(?:aste|iste|asteis|isteis|aron|ieron)$/.test(w)) return true;
  // Without the accent "publico" is "I publish" or "public"; only the accent makes it past.
  return w.length > 4 && /[óÓ]$/.test(raw.normalize("NFC")) && !/^(?:adió|quizá)$/i.test(raw);
}

export function isParticiple(w: string): boolean {
  return (
    (w.length > 4 && /(?:ado|ido)$/.test(w)) ||
    /^(?:hecho|escrito|dicho|puesto|visto|resuelto|abierto|roto|vuelto|cubierto|propuesto|devuelto)$/.test(w)
  );
}
