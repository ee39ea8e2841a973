/**
 * Whether an impact says what happened as a result and for whom. Two ways it
 * falls short: it is a verdict with nothing specific in it ("it was bad",
 * "unacceptable"), or it says the behavior again in other words.
 */
import { CONTEXT_TRAITS, PRAISE_TRAITS, STRONG_TRAITS } from "./lexicon";
import { stem, words } from "./text";

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

const FUNCTION_WORDS = set(`
  a an the and or but so to of in on at for with by from as into onto over under up down out off about than then
  it its this that these those there here is are was were be been being am do does did done doing have has had
  will would can could should may might must shall not no nor very really just also too quite rather pretty
  you your yours yourself what which who whom when where why how if because while like again still even
  actually basically literally kept keep keeps get got gets getting make made makes making lot lots bit kind
  sort some any all more most much many such other others own same way ever
`);

/** Who it happened to. Saying so is what makes an impact land. */
const REFERENTS = set(`i me my mine myself we us our ours they them their he him his she her`);

/** Verdicts and filler that say how it was, not what happened. */
const VERDICTS = set(`
  bad badly good great fine ok okay cool nice awesome amazing terrible terribly awful horrible poor poorly wrong
  unacceptable inappropriate annoying frustrating disappointing problematic unfortunate ideal suboptimal concerning
  worrying troubling upsetting unhelpful helpful useful valuable appreciated impressive excellent fantastic
  wonderful positive negative positively negatively big huge major minor significant real serious seriously issue
  issues problem problems impact impacts impacted effect effects affect affects affected mattered matters matter
  important noticed notice noticeable counts count difference caused cause causes trouble situation everything
  anything something nothing look looks looked reflect reflects reflected image optics consequence consequences
  result results resulted outcome outcomes acceptable appropriate felt feel feels seemed seem seems helped help
  helps hurt hurts better worse worst best thing things stuff deal vibe vibes mess disaster fail failure success
  successful win plus minus lovely brilliant solid strong weak meh sad overall honestly frankly obviously
  clearly definitely certainly super somewhat little everyone everybody people folks someone somebody anyone
  anybody others team's not-great level distracting disruptive confusing hurtful demotivating demoralizing
  demoralising embarrassing stressful awkward uncomfortable off-putting counterproductive damaging harmful
  unproductive productive inefficient efficient insulting offensive unfair alarming shocking surprising
  experience moment impression example precedent signal message tone create created creates set sets sent send
  sends
`);

function isVerdict(w: string): boolean {
  return VERDICTS.has(w) || STRONG_TRAITS.has(w) || CONTEXT_TRAITS.has(w) || PRAISE_TRAITS.has(w);
}

/**
 * Words that carry meaning for comparing two fields, as stems. Verdicts stay
 * in: "frustrating for the designer" adds something "you interrupted the designer" lacks.
 */
function contentStems(text: string): string[] {
  return words(text)
    .filter((word) => !word.brk && !FUNCTION_WORDS.has(word.w) && !REFERENTS.has(word.w))
    .map((word) => stem(word.w));
}

export type ImpactProblem = "impact-vague" | "impact-restates";

/** What, if anything, keeps this impact from saying what happened as a result. */
export function impactProblem(impact: string, behavior: string): ImpactProblem | undefined {
  const ws = words(impact).filter((word) => !word.brk);
  const specific = ws.some(
    (word) => REFERENTS.has(word.w) || !(FUNCTION_WORDS.has(word.w) || isVerdict(word.w)),
  );
  if (!specific) return "impact-vague";
  return restates(contentStems(impact), contentStems(behavior)) ? "impact-restates" : undefined;
}

/** Most of the impact's words are the behavior's again, with nothing new about who was affected or how. */
export function restates(impact: readonly string[], behavior: readonly string[]): boolean {
  if (impact.length === 0) return false;
  const before = new Set(behavior);
  if (before.size === 0) return false;
  return impact.filter((s) => before.has(s)).length / impact.length >= 0.75;
}
