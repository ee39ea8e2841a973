/**
 * Word lists behind the behavior rule. Kept apart from the rule so the lists
 * can grow without touching how they are used.
 */

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/**
 * Judgments of a person that are hardly ever used for anything else, so they
 * count wherever they appear ("a careless merge" judges the person too).
 */
export const STRONG_TRAITS = set(`
  abrasive aloof apathetic argumentative arrogant belligerent bitter bossy bullheaded careless childish clueless
  cocky combative complacent condescending confrontational cowardly cynical deceitful defiant dishonest disinterested
  disloyal disorganised disorganized disrespectful dismissive domineering egotistical entitled gutless heartless
  hot-headed hotheaded idiotic ignorant immature impatient impolite incapable incompetent inconsiderate inept
  inflexible insensitive insolent insubordinate insufferable intolerant irresponsible jealous judgemental judgmental
  know-it-all lazy manipulative mediocre narcissistic narrow-minded close-minded closed-minded negligent
  obnoxious obstinate opinionated overbearing passive-aggressive patronising patronizing petty pig-headed pompous
  pretentious reckless rude sarcastic scatterbrained self-absorbed self-centered self-centred self-serving selfish
  short-tempered sloppy small-minded smug snarky sneaky spineless standoffish stubborn stupid sullen surly tactless
  thin-skinned thoughtless toxic two-faced uncaring uncoachable uncooperative unethical unfriendly unhelpful
  uninterested unmotivated unorganised unorganized unpleasant unprofessional unreliable untrustworthy vindictive
  whiny useless hopeless worthless pathetic slacking
`);

/**
 * Judgments of a person that also describe things ("a negative test", "an
 * aggressive timeline", "a difficult customer"), so they count only when said
 * of the person: "you were negative", "so defensive".
 */
export const CONTEXT_TRAITS = set(`
  aggressive annoying blunt chaotic cold controlling crazy dense difficult disengaged distant dramatic dumb
  emotional erratic exhausting flaky forgetful frustrating harsh hostile hysterical inattentive indecisive
  insecure irritating lame loud mean messy moody needy negative nervous oversensitive passive pessimistic
  pushy rigid sensitive shy slow timid touchy unapproachable unengaged unfocused unprepared unresponsive
  unpredictable volatile weak weird grumpy cranky clingy demanding unambitious intimidating overwhelming draining
  confusing boring disappointing demeaning belittling whining bored distracted angry upset annoyed frustrated
  checked-out stuck-up spoiled sour bad terrible awful horrible poor ridiculous
`);

/** Praise of the person rather than of something they did. */
export const PRAISE_TRAITS = set(`
  amazing awesome best brilliant capable caring clever collaborative committed competent considerate cool creative
  dedicated dependable detail-oriented diligent driven efficient empathetic engaged excellent exceptional
  extraordinary fabulous fantastic friendly generous gifted good great hard-working hardworking helpful humble
  impressive incredible innovative inspiring intelligent invested kind knowledgeable legendary lovely marvellous
  marvelous motivated nice organised organized outstanding passionate patient perfect phenomenal positive proactive
  productive professional remarkable reliable resourceful responsible responsive sharp skilled smart solid
  spectacular stellar strong super superb supportive sweet talented terrific thoughtful trustworthy wise wonderful
  interested
`);

/** Names for a person that are used for nothing else. */
export const STRONG_LABELS = set(`
  bully complainer diva egomaniac idiot jerk loser micromanager moron narcissist procrastinator pushover quitter
  slacker troublemaker underachiever underperformer whiner
`);

/** Praise names for a person. */
export const PRAISE_LABELS = set(`rockstar superstar legend genius overachiever mvp`);

/** Names that are also ordinary nouns, so they count only after "you are", "such a". */
export const CONTEXT_LABELS = set(`
  asset baby beast burden champ child clown disaster gem headache hero kid liability machine mess natural
  nightmare pain perfectionist pleasure problem pro rock saint snake star treasure joy delight
`);

/** Which of the context labels are praise. */
export const PRAISE_CONTEXT_LABELS = set(
  `asset beast champ gem hero machine natural pleasure pro rock saint star treasure joy delight`,
);

/** Multi-word names for a person, as word sequences. */
export const LABEL_PHRASES: readonly (readonly string[])[] = [
  "team player",
  "control freak",
  "know it all",
  "drama queen",
  "loose cannon",
  "lone wolf",
  "weak link",
  "dead weight",
  "wet blanket",
  "prima donna",
  "low performer",
  "poor performer",
  "bad apple",
  "problem child",
  "bull in a china shop",
  "negative nancy",
  "debbie downer",
  "people pleaser",
  "yes man",
  "hard to work with",
  "pull his weight",
  "pull her weight",
  "pull their weight",
  "pull your weight",
  "slacking off",
].map((phrase) => phrase.split(" "));

export const PRAISE_LABEL_PHRASES: readonly (readonly string[])[] = [
  "rock star",
  "top performer",
  "high performer",
  "go getter",
  "go-getter",
  "self starter",
  "self-starter",
  "people person",
  "natural leader",
  "born leader",
  "real asset",
].map((phrase) => phrase.split(" "));

/** Nouns that name a trait or a judgment of one. */
export const TRAIT_NOUNS = set(`
  apathy arrogance attitude carelessness childishness cluelessness complacency condescension defensiveness
  dishonesty disrespect ego entitlement immaturity incompetence incompetency insubordination irresponsibility
  laziness mindset narcissism negativity negligence pettiness personality recklessness rudeness selfishness
  sloppiness stubbornness stupidity unprofessionalism unreliability
`);

/** Qualities someone can be said to "lack" or "have no". */
export const QUALITIES = set(`
  accountability ambition attention care commitment common confidence courtesy discipline drive effort empathy
  energy engagement enthusiasm focus follow-through initiative integrity interest judgement judgment leadership
  manners maturity motivation ownership passion patience professionalism respect self-awareness sense tact urgency
  work
`);

/** Absolutes: they invite a debate about the exceptions instead of the behavior. */
export const ABSOLUTES = set(`
  always never constantly continually continuously perpetually forever nonstop non-stop invariably chronically
  habitually whenever
`);

export const ABSOLUTE_PHRASES: readonly (readonly string[])[] = [
  "all the time",
  "each and every",
  "every single",
  "as usual",
  "as always",
  "like always",
  "yet again",
  "not once",
  "without fail",
  "each time",
  "any time",
  "anytime",
  "day in day out",
  "over and over",
  "time and again",
  "time after time",
].map((phrase) => phrase.split(" "));

/** "every <this>" generalises over occasions ("every time", "every meeting"). */
export const OCCASIONS = set(`
  time day week month sprint meeting standup stand-up retro review call demo release discussion conversation
  chance opportunity 1:1 one-on-one sync planning deadline project
`);

/** Saying what someone intended or felt instead of what they did. */
export const INTENT_ADVERBS = set(
  `deliberately intentionally purposely purposefully knowingly willfully wilfully`,
);

export const MIND_PHRASES: readonly (readonly string[])[] = [
  "on purpose",
  "out to get",
  "out to undermine",
  "has it in for",
  "have it in for",
  "mentally checked out",
  "could not care less",
  "could care less",
  "no interest in",
  "not get it",
  "chip on his shoulder",
  "chip on her shoulder",
  "chip on your shoulder",
  "chip on their shoulder",
  "no respect for",
  "thinks he is",
  "thinks she is",
  "thinks they are",
  "think you are",
  "thought you were",
  "thought he was",
  "thought she was",
  "thinks they know",
  "thinks you know",
  "thinks he knows",
  "thinks she knows",
  "think you know",
  "just wanted to",
  "only cares",
  "only care",
  "only cared",
  "cares more about",
  "care more about",
  "cared more about",
  "for attention",
  "to get attention",
  "to show off",
  "to look good",
  "to make me look bad",
  "to make us look bad",
].map((phrase) => phrase.split(" "));

/** Verbs of the mind: "does not care", "did not bother", "never listens". */
export const MIND_VERBS = set(`
  caring listening paying trying care cares cared bother bothers bothered respect respects respected value values valued appreciate appreciates
  appreciated listen listens listened think thinks thought trust trusts trusted want wants wanted understand
  understands understood
`);

/** What someone is "trying to" do when the writer is guessing at motives. */
export const INTENT_TARGETS = set(`
  undermine sabotage embarrass humiliate impress dominate control manipulate avoid dodge provoke punish prove score
  steal
`);

/** Said before a judgment that is being reported, not made ("you said he was lazy"). */
export const SPEECH_VERBS = set(`
  said say says saying told tell tells telling called wrote write writes writing typed posted commented replied
  asked mentioned claimed suggested shouted yelled joked complained described labeled labelled referred implied
  announced texted emailed messaged tweeted blurted accused
`);

/** Words that start a new clause, ending a reported judgment. */
export const CLAUSE_JOINERS = set(`and but then so because while when whenever although though yet or which`);

/** Praise that names no behavior, as word sequences. */
export const PRAISE_PHRASES: readonly (readonly string[])[] = [
  "well done",
  "kudos",
  "bravo",
  "you rock",
  "out of the park",
  "above and beyond",
  "did great",
  "did amazing",
  "did awesome",
  "did well",
  "did so well",
  "did fantastic",
  "keep it up",
  "keep up the good work",
  "thanks for everything",
  "thank you for everything",
  "thanks for all you do",
  "thank you for all you do",
  "hats off",
  "way to go",
  "good stuff",
  "great stuff",
].map((phrase) => phrase.split(" "));

/** Nouns that, after a praise word, make a verdict: "great job", "nice work". */
export const VERDICT_NOUNS = set(`job work effort stuff performance`);

const TRAIT_ENDINGS = ["ive", "ous", "less", "ish", "ful", "ent", "ant", "ible", "able", "ic", "al"];
const TRAIT_COMPOUNDS = ["-minded", "-oriented", "-centered", "-centred", "-headed", "-tempered", "-willed"];
// Adjectives with those endings that describe a situation, not a character.
const NOT_TRAITS = set(`
  available unavailable present absent pregnant silent able unable eligible liable local remote official original
  national international external internal global central regional total equal normal general legal final formal
  personal additional recent current different urgent relevant dependent independent accountable online offline
  vocal physical medical social critical special typical usual actual active inactive late early ill
`);

/**
 * An adjective not in the lists that still reads as a trait when said of a
 * person ("you are evasive", "he's pig-headed"), judged by its ending.
 */
export function looksLikeTrait(w: string): boolean {
  if (w.length < 5 || NOT_TRAITS.has(w)) return false;
  if (w.startsWith("self-")) return true;
  return TRAIT_ENDINGS.some((end) => w.endsWith(end)) || TRAIT_COMPOUNDS.some((end) => w.endsWith(end));
}
