/**
 * "Using 1:1s for status" is the method's first common mistake. This reads a meeting's notes
 * and says whether they are mostly project updates rather than about the person, so the
 * sidebar can nudge before the next one. A heuristic, tuned to stay quiet when unsure.
 */

export interface StatusMeetingVerdict {
  status: boolean;
  /** 0 (about the person) to 1 (all project updates). */
  score: number;
  reason?: string;
}

/**
 * Below this there is too little to judge and a nudge would be noise: three lines, or two
 * lines that say a fair amount.
 */
const MIN_LINES = 3;
const MIN_WORDS = 8;
const MIN_WORDS_IN_TWO_LINES = 20;
/** Share of status lines, minus the share of person lines, from which the notes count as status. */
const THRESHOLD = 0.5;
/** Reading stops here; notes are capped well above it and the verdict is settled long before. */
const MAX_CHARS = 50_000;

interface Signal {
  re: RegExp;
  weight: number;
  label?: string;
}

const statusSignals: readonly Signal[] = [
  // Ticket keys are upper case by convention; matching case keeps "covid-19"-like words out.
  { re: /\b[A-Z][A-Z0-9]{1,9}-\d{1,6}\b/g, weight: 2, label: "ticket ids" },
  { re: /(?:^|[\s(])#\d{1,7}\b/g, weight: 2, label: "ticket ids" },
  { re: /\b(?:PRs?|MRs?)\b|\b(?:pull|merge) requests?\b/gi, weight: 2, label: "PRs" },
  { re: /\b\d{1,3}(?:\.\d+)? ?%/g, weight: 2, label: "percentages" },
  { re: /\bETAs?\b|\beo[dw]\b/gi, weight: 2, label: "ETAs" },
  {
    re: /\b(?:in progress|wip|blocked (?:on|by)|on track|off track|at risk|code review|in review|in qa|story points?|velocity|carried over|slipped|hotfix|rolled out|rollout|sprint|standup|stand-up|jira|backlog|roadmap|staging|prod|deadline|milestone|tickets?)\b/gi,
    weight: 2,
    label: "progress updates",
  },
  {
    re: /\b(?:shipped|deployed|deploying|deploy|merged|released|launched|reverted)\b/gi,
    weight: 2,
    label: "progress updates",
  },
  { re: /\b[vV]\d+(?:\.\d+)+\b/g, weight: 1 },
  { re: /\[[ xX]\]/g, weight: 1 },
  {
    re: /\b(?:done|finished|completed|complete|fixed|todo|to do|bugs?|beta|status|estimate|qa|tests?|migration|next steps?|demo|due|by (?:monday|tuesday|wednesday|thursday|friday))\b/gi,
    weight: 1,
  },
];

const personSignals: readonly Signal[] = [
  {
    re: /\b(?:feels?|feeling|feelings|felt|frustrat\w*|excit\w*|happy|happiness|unhappy|stress\w*|burn(?:ed|t)? ?out|burnout|tired|exhausted|overwhelm\w*|anxious|anxiety|worr(?:y|ied|ies|ying)|motivat\w*|morale|proud|confiden\w*|bored|upset|lonely|isolated|energi[sz]\w*|drained|enjoy\w*|appreciat\w*|recogni[sz]\w*|trust|wellbeing|well-being)\b/gi,
    weight: 2,
  },
  {
    re: /\b(?:career|growth|grow|growing|learn|learns|learned|learnt|learning|goals?|aspir\w*|promotion|promoted|mentor\w*|coach\w*|skills?|strengths?|development|develop|path|stretch|ambition\w*|interests?|interested|passion\w*|feedback|sbi)\b/gi,
    weight: 2,
  },
  {
    re: /\b(?:wants? to|would like to|hopes? to|wish(?:es)?|dreams?|family|personal|health|vacation|time off|parental|kids?|weekend|balance|relationship|conflict|concerns?|concerned)\b/gi,
    weight: 2,
  },
  { re: /\b(?:[1-9]|10) ?\/ ?10\b|\bscore\b/gi, weight: 2 },
];

export function looksLikeStatusMeeting(notes: string): StatusMeetingVerdict {
  try {
    return judge(typeof notes === "string" ? notes.slice(0, MAX_CHARS) : "");
  } catch {
    return { status: false, score: 0 };
  }
}

function judge(notes: string): StatusMeetingVerdict {
  const lines = toLines(notes);
  const words = notes.split(/\s+/).filter(Boolean).length;
  const enough =
    (lines.length >= MIN_LINES && words >= MIN_WORDS) ||
    (lines.length === 2 && words >= MIN_WORDS_IN_TWO_LINES);
  if (!enough) {
    return { status: false, score: 0, reason: "Too little written to tell." };
  }

  let statusLines = 0;
  let personLines = 0;
  const labels = new Map<string, number>();
  for (const line of lines) {
    const person = weigh(line, personSignals);
    const status = weigh(line, statusSignals);
    if (person > 0 && person >= status) personLines++;
    else if (status >= 2) {
      statusLines++;
      weigh(line, statusSignals, labels);
    }
  }

  const score = clamp01((statusLines - personLines) / lines.length);
  const rounded = Math.round(score * 100) / 100;
  if (score < THRESHOLD) {
    return { status: false, score: rounded };
  }
  const kinds = [...labels.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([label]) => label);
  const what = kinds.length > 0 ? ` (${kinds.join(", ")})` : "";
  return {
    status: true,
    score: rounded,
    reason: `${statusLines} of ${lines.length} lines are project updates${what}. Status can travel in writing; keep the 1:1 for the person: how they are, what they're learning, what they need.`,
  };
}

/** Lines, with long paragraphs split into sentences; headings and bullets alone don't count. */
function toLines(notes: string): string[] {
  const out: string[] = [];
  for (const raw of notes.split(/\r?\n/)) {
    for (const part of raw.split(/(?<=[.!?;])\s+(?=\S)/)) {
      const line = part.replace(/^\s*(?:[-*•>]+|\d+[.)])?\s*/, "").trim();
      const hasSignal =
        statusSignals.some((s) => test(s.re, line)) || personSignals.some((s) => test(s.re, line));
      if (line.split(/\s+/).filter(Boolean).length >= 3 || (line && hasSignal)) out.push(line);
    }
  }
  return out;
}

function weigh(line: string, signals: readonly Signal[], labels?: Map<string, number>): number {
  let total = 0;
  for (const s of signals) {
    s.re.lastIndex = 0;
    const hits = line.match(s.re)?.length ?? 0;
    if (hits === 0) continue;
    total += s.weight * Math.min(hits, 3);
    if (labels && s.label) labels.set(s.label, (labels.get(s.label) ?? 0) + hits);
  }
  return total;
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}
