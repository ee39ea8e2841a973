/**
 * Enough of English verbs to tell "you shipped it" (something done) from
 * "great work" (a verdict), and "hold questions to the end" (something to do)
 * from "more ownership" (a wish).
 */

// Base forms of verbs that describe something a person does at work.
const BASE = `accept acknowledge act add address agree aim alert align allow announce answer apologise apologize
approve argue arrive ask assign attach attend avoid back balance bash batch begin berate block blame book bounce
break brief bring broadcast build bump call cancel capture carry catch cc celebrate challenge change chase check
choose circulate cite clarify clean close coach collect comment commit communicate compare complain complete
confirm connect consider consult contact continue contribute coordinate copy correct cover create credit criticise
criticize cut debug decide decline defend delay delegate delete deliver demo deny deploy describe design dig
disable discuss dismiss dispute distribute document double-check draft drag draw drive drop duplicate edit email
embarrass enable end escalate estimate explain facilitate fail fetch file fill find finish fix flag focus follow
force forget format forward gather give go grab greet guide hand handle help hide hold host ignore implement improve
include inform insist install interrupt introduce investigate invite involve join jump keep kick label land laugh
lead learn leave let limit link list listen loop lose mail make manage mark measure meet mention merge message miss
mock moderate monitor move mute name note notice notify offer open organise organize outline overlook own pair
paraphrase pass pause ping pitch plan point polish post postpone practice practise prepare present prioritise
prioritize probe promise propose protect prototype provide publish pull push put question quote raise reach react
read rebase receive recommend record redirect reduce refactor refer refuse reject release remind remove rename reopen
repeat rephrase reply report reproduce request reschedule resolve respond restate restart retest return revert
review rewrite roll rotate run save say schedule scope script seek sell send set share shift ship shout show shut sign
sit skip slack smile snap solve sort speak spell split spot stand start state stay step stick stop submit suggest
summarise summarize support swap switch sync tag take talk teach tell test text thank think timebox track train
transfer triage trim try turn type underline undo unblock update upload use validate verify vet volunteer wait walk
warn watch welcome withdraw work write yell`;

// Past and participle forms that do not follow "-ed".
const IRREGULAR: Readonly<Record<string, string>> = {
  began: "begin",
  begun: "begin",
  bought: "buy",
  broke: "break",
  broken: "break",
  brought: "bring",
  built: "build",
  came: "come",
  caught: "catch",
  chose: "choose",
  chosen: "choose",
  dealt: "deal",
  did: "do",
  done: "do",
  drew: "draw",
  drawn: "draw",
  drove: "drive",
  driven: "drive",
  dug: "dig",
  fed: "feed",
  fell: "fall",
  felt: "feel",
  flew: "fly",
  fought: "fight",
  forgot: "forget",
  forgotten: "forget",
  found: "find",
  gave: "give",
  given: "give",
  gone: "go",
  got: "get",
  gotten: "get",
  grew: "grow",
  had: "have",
  heard: "hear",
  held: "hold",
  hid: "hide",
  hidden: "hide",
  hung: "hang",
  kept: "keep",
  knew: "know",
  known: "know",
  laid: "lay",
  led: "lead",
  left: "leave",
  lost: "lose",
  made: "make",
  meant: "mean",
  met: "meet",
  overrode: "override",
  paid: "pay",
  ran: "run",
  rewrote: "rewrite",
  rewritten: "rewrite",
  rode: "ride",
  rose: "rise",
  said: "say",
  sang: "sing",
  sat: "sit",
  saw: "see",
  seen: "see",
  sent: "send",
  shook: "shake",
  shot: "shoot",
  slept: "sleep",
  sold: "sell",
  spent: "spend",
  spoke: "speak",
  spoken: "speak",
  stood: "stand",
  stole: "steal",
  struck: "strike",
  stuck: "stick",
  swore: "swear",
  taught: "teach",
  thought: "think",
  threw: "throw",
  thrown: "throw",
  told: "tell",
  took: "take",
  taken: "take",
  tore: "tear",
  understood: "understand",
  went: "go",
  woke: "wake",
  won: "win",
  wore: "wear",
  withdrew: "withdraw",
  wrote: "write",
  written: "write",
};

const VERBS: ReadonlySet<string> = new Set([
  ...BASE.split(/\s+/),
  ...Object.values(IRREGULAR),
  "be",
  "do",
  "get",
  "have",
  "know",
  "mean",
  "pay",
  "see",
  "spend",
  "understand",
  "win",
]);

function known(candidate: string): string | undefined {
  return VERBS.has(candidate) ? candidate : undefined;
}

/** The base form when `word` is a form of a verb we know ("shipped" gives "ship"). */
export function verbBase(word: string): string | undefined {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (VERBS.has(word)) return word;
  for (const ending of ["ing", "ed", "es", "s", "d"]) {
    if (!word.endsWith(ending) || word.length <= ending.length + 1) continue;
    const stem = word.slice(0, -ending.length);
    const found =
      known(stem) ??
      (ending === "ing" || ending === "ed" ? known(`${stem}e`) : undefined) ??
      // "stopped", "planning"
      (stem.length > 2 && stem.charAt(stem.length - 1) === stem.charAt(stem.length - 2)
        ? known(stem.slice(0, -1))
        : undefined) ??
      // "replied", "replies"
      (stem.endsWith("i") && (ending === "ed" || ending === "es")
        ? known(`${stem.slice(0, -1)}y`)
        : undefined);
    if (found) return found;
  }
  return undefined;
}

/** A past-tense form: "-ed" of any verb, or a known irregular past. */
export function isPastForm(word: string): boolean {
  if (IRREGULAR[word] !== undefined) return true;
  return word.length > 4 && word.endsWith("ed");
}
