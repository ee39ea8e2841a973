/**
 * Whether an impact written in Spanish says what happened as a result and for whom. It falls
 * short when it is a bare verdict ("estuvo mal", "no es aceptable") or says the behavior again.
 */
import { type ImpactProblem, restates } from "../impact-lint";
import { CONTEXT_TRAITS, PRAISE_TRAITS, STRONG_TRAITS } from "./es-lexicon";
import { esStem, esWords, lemmaIn, wordSet as set } from "./es-text";

const FUNCTION_WORDS = set(`
  el la los las lo un una unos unas de del al a en con por para sin sobre entre hasta desde hacia tras y e o u
  pero que como cuando donde quien cual si ni ya es son fue fueron era eran ser sido siendo esta estan estuvo
  estaba estado estar esto eso este ese esa ello aquello hay hubo habia ha han has he haber muy mas menos tan
  tanto poco mucho mucha muchos bastante demasiado no tambien solo realmente nada algo todo toda todos todas
  se te tu tus usted tuyo otra otro otros otras mismo misma asi bien mal hizo hace hacer hecho quedo quedar
  resulto resultar parecio parece parecer sento cosa cosas vez veces porque pues entonces luego aun todavia
  verdad super bastante realmente simplemente totalmente tuvo tiene tener tenia supuso supone
`);

/** Who it happened to. Saying so is what makes an impact land. */
const REFERENTS = set(`
  yo me mi mis conmigo nosotros nosotras nos nuestro nuestra nuestros nuestras ellos ellas le les su sus
`);

/** Verdicts and filler that say how it was, not what happened. */
const VERDICTS = set(`
  malo mala bueno buena genial fatal horrible terrible regular aceptable inaceptable inadecuado inapropiado
  correcto incorrecto ok okay vale problema problemas problematico impacto afecto afecta efecto consecuencia
  consecuencias resultado grave importante serio seria molesto molestia incomodo incomoda negativo negativa
  positivo positiva negativamente positivamente mejor peor lio desastre fallo error exito util inutil valioso
  apreciado increible estupendo excelente fantastico perfecto feo fea triste pena lastima frustrante
  decepcionante preocupante desagradable chungo guay situacion tema asunto imagen impresion ideal normal
  adecuado apropiado profesional gran grande enorme pequeno diferencia experiencia momento ejemplo mensaje
  senal tono sensacion genero causo generar genera creo crear crea dio dar da importa importo importante
  mola molo todos todo nadie alguien gente equipo ambiente clima
`);

function isVerdict(w: string): boolean {
  return (
    VERDICTS.has(w) ||
    lemmaIn(VERDICTS, w) !== undefined ||
    lemmaIn(STRONG_TRAITS, w) !== undefined ||
    lemmaIn(CONTEXT_TRAITS, w) !== undefined ||
    lemmaIn(PRAISE_TRAITS, w) !== undefined
  );
}

function contentStems(text: string): string[] {
  return esWords(text)
    .filter((word) => !word.brk && !FUNCTION_WORDS.has(word.w) && !REFERENTS.has(word.w))
    .map((word) => esStem(word.w));
}

/** What, if anything, keeps this impact from saying what happened as a result. */
export function esImpactProblem(impact: string, behavior: string): ImpactProblem | undefined {
  const ws = esWords(impact).filter((word) => !word.brk);
  const specific = ws.some(
    (word) => REFERENTS.has(word.w) || !(FUNCTION_WORDS.has(word.w) || isVerdict(word.w)),
  );
  if (!specific) return "impact-vague";
  return restates(contentStems(impact), contentStems(behavior)) ? "impact-restates" : undefined;
}
