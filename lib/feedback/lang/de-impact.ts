/**
 * Whether a German impact says what happened as a result and for whom, rather than a verdict
 * ("das war nicht okay") or the behavior again in other words.
 */
import { type ImpactProblem, restates } from "../impact-lint";
import { DE_CONTEXT_TRAITS, DE_PRAISE_TRAITS, DE_STRONG_TRAITS } from "./de-lexicon";
import { deStem, deWords, foldedSet, inflectedIn } from "./de-text";

export const DE_FUNCTION_WORDS = foldedSet(`
  der die das den dem des ein eine einen einem einer eines und oder aber es ist war sind waren sein seid
  gewesen wird wurde wurden werden hat hatte hatten haben habe hast nicht kein keine keinen sehr echt
  wirklich total ziemlich so zu auch nur noch schon ganz einfach halt eben mal doch ja irgendwie etwas
  alles für mit von bei beim in im an am auf aus nach über unter um wie was als dass da dann denn weil wenn
  ob also dies diese dieser dieses damit dadurch davon dabei dazu daran darauf sich du dich dir dein deine
  deinen deinem sie ihnen ihr ihre ihrem ihren eher bisschen wenig viel mehr gar überhaupt leider insgesamt
  eigentlich wohl einfach gerade
`);
/** Who it happened to. Saying so is what makes an impact land. */
const REFERENTS = foldedSet(`ich mir mich mein meine meinen meinem wir uns unser unsere unseren unserem man`);
const OPINION = foldedSet(`fand finde fande empfand empfinde halte hielt meine meinte`);
/** Verdicts and filler that say how it was, not what happened. */
const VERDICTS = foldedSet(`
  schlecht gut okay ok schlimm blöd doof toll super prima klasse schön unschön suboptimal problematisch
  unangemessen inakzeptabel unakzeptabel ärgerlich frustrierend enttäuschend negativ positiv hilfreich wichtig
  falsch richtig nervig störend unpassend daneben katastrophal furchtbar schrecklich fatal unglücklich
  bedauerlich unprofessionell problem probleme sache ding wirkung auswirkung auswirkungen eindruck effekt folge
  folgen konsequenz konsequenzen geht ging kam kommt an rüber gewirkt wirkte wirkt fand finde gefallen
  gefiel passt passte läuft lief gelaufen cool nett daneben grenzwertig fragwürdig übel mies gemacht
  angekommen vorbildlich ideal schade gefühl situation alle jeder jeden
`);

function isVerdict(w: string): boolean {
  return (
    VERDICTS.has(w) ||
    inflectedIn(w, VERDICTS) ||
    inflectedIn(w, DE_STRONG_TRAITS) ||
    inflectedIn(w, DE_CONTEXT_TRAITS) ||
    inflectedIn(w, DE_PRAISE_TRAITS)
  );
}

function contentStems(text: string): string[] {
  return deWords(text)
    .filter((word) => !word.brk && !DE_FUNCTION_WORDS.has(word.w) && !REFERENTS.has(word.w))
    .map((word) => deStem(word.w));
}

/** What, if anything, keeps this impact from saying what happened as a result. */
export function germanImpactProblem(impact: string, behavior: string): ImpactProblem | undefined {
  const ws = deWords(impact).filter((word) => !word.brk);
  // "Ich fand das unangemessen" is still a verdict, however personal.
  const opinion = ws.some((word) => OPINION.has(word.w));
  const specific = ws.some(
    (word) =>
      (REFERENTS.has(word.w) && !opinion) ||
      !(DE_FUNCTION_WORDS.has(word.w) || REFERENTS.has(word.w) || OPINION.has(word.w) || isVerdict(word.w)),
  );
  if (!specific) return "impact-vague";
  return restates(contentStems(impact), contentStems(behavior)) ? "impact-restates" : undefined;
}
