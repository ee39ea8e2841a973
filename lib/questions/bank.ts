import type { Language } from "@/lib/settings";
import { germanQuestions } from "./bank-de";
import { spanishQuestions } from "./bank-es";
import { frenchQuestions } from "./bank-fr";

/**
 * Open questions for 1:1s, grouped by what they are for, in every language the pages speak.
 * The first four of the method's "questions that work" are here word for word; the rest
 * extend them.
 *
 * Ids are stable slugs: `questionsAsked` rows point at them, so a wording can be improved
 * (or translated) but an id must never be reused for a different question. Every language
 * has the same ids, so what was asked in one language still counts in another.
 */

export const questionPurposes = [
  "blockers",
  "growth",
  "career",
  "wellbeing",
  "feedback-for-me",
  "priorities",
  "context",
] as const;
export type QuestionPurpose = (typeof questionPurposes)[number];

export interface Question {
  id: string;
  purpose: QuestionPurpose;
  text: string;
}

/** What each purpose is called, in the words the pages' own labels use. */
export const purposeLabelsIn: Readonly<Record<Language, Readonly<Record<QuestionPurpose, string>>>> = {
  en: {
    blockers: "Blockers",
    growth: "Growth",
    career: "Career",
    wellbeing: "Wellbeing",
    "feedback-for-me": "Feedback for me",
    priorities: "Priorities",
    context: "Context",
  },
  de: {
    blockers: "Hindernisse",
    growth: "Entwicklung",
    career: "Karriere",
    wellbeing: "Wohlbefinden",
    "feedback-for-me": "Feedback für mich",
    priorities: "Prioritäten",
    context: "Kontext",
  },
  fr: {
    blockers: "Blocages",
    growth: "Développement",
    career: "Carrière",
    wellbeing: "Bien-être",
    "feedback-for-me": "Retours pour moi",
    priorities: "Priorités",
    context: "Contexte",
  },
  es: {
    blockers: "Bloqueos",
    growth: "Desarrollo",
    career: "Carrera",
    wellbeing: "Bienestar",
    "feedback-for-me": "Feedback para mí",
    priorities: "Prioridades",
    context: "Contexto",
  },
};

/** English labels, for callers that predate the other languages. */
export const purposeLabels = purposeLabelsIn.en;

/** The bank in English, in order. The keys are the ids; each id starts with its purpose. */
const englishQuestions = {
  // blockers
  "blockers.hardest-part": "What is the hardest part of your job right now?",
  "blockers.need-from-me": "What do you need from me this week?",
  "blockers.slowing-down": "What is slowing you down the most this week?",
  "blockers.waiting-on": "What are you waiting on from other people or teams?",
  "blockers.remove-one": "If I could remove one obstacle for you, which one would you pick?",
  "blockers.unclear": "Where does the work feel unclear or underspecified?",
  "blockers.decision-stuck": "Which decision is stuck and needs someone to make a call?",
  "blockers.process-friction": "What part of our process creates the most friction for you?",
  "blockers.tools": "What tool or system gets in your way most often?",
  "blockers.unheard": "What would you raise with leadership if you knew it would be heard?",
  "blockers.late-surprise": "What could surprise us late in this project?",
  "blockers.low-value-task": "Which recurring task eats time without adding much value?",
  "blockers.dependencies": "Who do you depend on most, and how is that working?",
  "blockers.last-stuck": "When did you last feel stuck, and what got you moving again?",
  "blockers.unblock": "How can I help unblock you this week?",
  "blockers.meetings": "Which meetings could you drop without losing anything?",
  "blockers.worries-ahead": "What is worrying you about the work ahead?",
  // growth
  "growth.learned-recently": "What have you learned in the last couple of weeks?",
  "growth.skill-next": "Which skill do you want to build next?",
  "growth.stretch": "What kind of stretch assignment would excite you?",
  "growth.proudest": "What piece of work are you proudest of lately?",
  "growth.do-differently": "Looking back at your last project, what would you do differently?",
  "growth.feedback-stuck": "What feedback have you received recently that stuck with you?",
  "growth.teach": "What could you teach others on the team?",
  "growth.learn-from": "Who on the team would you like to learn from?",
  "growth.comfort-zone": "Where do you feel outside your comfort zone in a good way?",
  "growth.practice": "How could you practice that skill in the work you already have?",
  "growth.resources": "What books, courses or people have helped you grow this year?",
  "growth.mistake": "What mistake taught you the most recently?",
  "growth.confidence": "In which areas has your confidence grown over the last few months?",
  "growth.opportunity": "What opportunity would you say yes to immediately?",
  "growth.support": "How can I support your development this month?",
  "growth.use-strengths": "Where could you use your strengths more than you do today?",
  // career
  "career.two-years": "Where do you want to be in two years?",
  "career.energizes": "What kind of work energizes you most?",
  "career.path-feeling": "How do you feel about the path you are on?",
  "career.next-role": "What does your ideal next role look like?",
  "career.admire": "Whose career do you admire, and why?",
  "career.leadership-or-depth": "How are you weighing people leadership against deeper technical work?",
  "career.next-step-help": "What could I do to help you move toward your next step?",
  "career.next-level-gap": "What do you think stands between you and the next level?",
  "career.five-years": "What would you like people to say about your work five years from now?",
  "career.dream-project": "If you could pick any project here, what would it be?",
  "career.known-for": "Which skills do you want to be known for?",
  "career.visibility": "Where would more visibility help your career?",
  "career.next-role-values": "What matters most to you in your next role?",
  "career.goals-changed": "How have your career goals changed over the past year?",
  "career.small-experiment": "What small experiment could test whether that direction suits you?",
  "career.allies": "Who else in the company could help you get where you want to go?",
  // wellbeing
  "wellbeing.feeling-work": "How are you feeling about work these days?",
  "wellbeing.energy": "How is your energy this week compared with last week?",
  "wellbeing.workload": "How sustainable does your workload feel right now?",
  "wellbeing.best-part": "What was the best part of your week?",
  "wellbeing.frustrated": "What frustrated you most this week?",
  "wellbeing.outside-work": "What, if anything, from outside work should I keep in mind?",
  "wellbeing.recharge": "What helps you recharge after a hard week?",
  "wellbeing.connected": "How connected do you feel to the rest of the team?",
  "wellbeing.recognized": "When did you last feel your work was recognized?",
  "wellbeing.stretched-thin": "What are the early signs that you are getting stretched too thin?",
  "wellbeing.schedule-fit": "How well does your schedule fit the rest of your life right now?",
  "wellbeing.tough-days": "What keeps you going on the tough days?",
  "wellbeing.change-one-thing": "If you could change one thing about how we work, what would it be?",
  "wellbeing.enjoy-most": "Which parts of your work do you enjoy most at the moment?",
  "wellbeing.drains": "What drains your energy that we could change?",
  "wellbeing.time-off": "When did you last take real time off, and how did it go?",
  // feedback-for-me
  "feedback-for-me.general": "What feedback do you have for me?",
  "feedback-for-me.start": "What should I start doing as your manager?",
  "feedback-for-me.stop": "What should I stop doing?",
  "feedback-for-me.one-on-ones": "How could I make our 1:1s more useful for you?",
  "feedback-for-me.helpful": "What did I do recently that was helpful?",
  "feedback-for-me.in-the-way": "What did I do recently that got in your way?",
  "feedback-for-me.clarity": "How clearly am I explaining priorities and context?",
  "feedback-for-me.involvement": "Where would you like more or less involvement from me?",
  "feedback-for-me.wish-i-knew": "What do you wish I knew about your work?",
  "feedback-for-me.receive-feedback": "How do you prefer to receive feedback from me?",
  "feedback-for-me.hesitated": "What is something you have hesitated to tell me?",
  "feedback-for-me.follow-through": "How well am I following through on what I commit to?",
  "feedback-for-me.decisions-unclear": "Which of my recent decisions made the least sense to you?",
  "feedback-for-me.advocate": "How could I better advocate for you and your work?",
  "feedback-for-me.disagree": "What would make it easier for you to disagree with me?",
  "feedback-for-me.do-better": "What is one thing I could do better in our 1:1s?",
  // priorities
  "priorities.success-this-quarter": "What would success look like for you this quarter?",
  "priorities.top-three": "What are your top three priorities this week?",
  "priorities.least-clear": "Which of your priorities feels least clear?",
  "priorities.matters-most": "Which part of your work do you think matters most right now?",
  "priorities.drop": "What could we drop or postpone without much harm?",
  "priorities.team-fit": "How do your priorities line up with what the team needs?",
  "priorities.time-not-worth-it": "Where are you spending time that does not feel worth it?",
  "priorities.extra-day": "What would you do first if you had an extra day this week?",
  "priorities.goal-at-risk": "Which goal are you most worried about hitting?",
  "priorities.everything-urgent": "How do you decide what to work on when everything feels urgent?",
  "priorities.trade-offs": "What trade-offs are you making that I should know about?",
  "priorities.must-go-well": "What is the one thing that has to go well this month?",
  "priorities.decision-from-me": "Where do you need a decision from me to move forward?",
  "priorities.plan-confidence": "How confident are you in the plan for the next few weeks?",
  "priorities.competing": "What is competing for your attention right now?",
  "priorities.renegotiate": "Which commitments would you renegotiate if you could?",
  // context
  "context.hearing-from-team": "What are you hearing from the team that I might be missing?",
  "context.company-direction": "What questions do you have about where the company is heading?",
  "context.how-decisions-made": "What would you like to know about how decisions get made above us?",
  "context.recent-change": "Which recent change would you like more background on?",
  "context.team-working": "How is the team working together from where you sit?",
  "context.rumors": "What rumors or worries are going around that I should address?",
  "context.bigger-picture": "What would help you see the bigger picture of your project?",
  "context.company-goals": "How does your work connect to what the company is trying to achieve?",
  "context.other-teams": "What is happening in other teams that affects your work?",
  "context.who-to-talk-to": "Who should you be talking to that you are not talking to yet?",
  "context.customers": "What have customers or users told you lately?",
  "context.decide-alone": "What context would help you make more decisions on your own?",
  "context.upcoming-say": "Which upcoming changes would you like a say in?",
  "context.team-known-for": "What do you think our team should be known for?",
  "context.team-six-months": "How do you see the team changing over the next six months?",
  "context.still-confusing": "What about the way we work still confuses you?",
} as const;

export type BankQuestionId = keyof typeof englishQuestions;
/** One language's wording of the whole bank: the type makes a missing or extra id a build error. */
export type QuestionTexts = Readonly<Record<BankQuestionId, string>>;

const questionTexts: Readonly<Record<Language, QuestionTexts>> = {
  en: englishQuestions,
  de: germanQuestions,
  fr: frenchQuestions,
  es: spanishQuestions,
};

function purposeOf(id: string): QuestionPurpose {
  const purpose = questionPurposes.find((p) => id.startsWith(`${p}.`));
  if (!purpose) throw new Error(`Question id without a purpose: ${id}`);
  return purpose;
}

const ids = Object.keys(englishQuestions) as BankQuestionId[];
const banks = new Map<Language, readonly Question[]>();

/** The bank in `language`: the same ids and purposes, in the same order, in every language. */
export function questionBankFor(language: Language): readonly Question[] {
  let bank = banks.get(language);
  if (!bank) {
    const texts = questionTexts[language] ?? englishQuestions;
    bank = ids.map((id) => ({ id, purpose: purposeOf(id), text: texts[id] }));
    banks.set(language, bank);
  }
  return bank;
}

/** The bank in English. */
export const questionBank: readonly Question[] = questionBankFor("en");
