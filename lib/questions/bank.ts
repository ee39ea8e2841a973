/**
 * Open questions for 1:1s, grouped by what they are for. The first four of the method's
 * "questions that work" are here word for word; the rest extend them.
 *
 * Ids are stable slugs: `questionsAsked` rows point at them, so a wording can be improved
 * but an id must never be reused for a different question.
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

export const purposeLabels: Readonly<Record<QuestionPurpose, string>> = {
  blockers: "Blockers",
  growth: "Growth",
  career: "Career",
  wellbeing: "Wellbeing",
  "feedback-for-me": "Feedback for me",
  priorities: "Priorities",
  context: "Context",
};

export const questionBank: readonly Question[] = [
  // blockers
  {
    id: "blockers.hardest-part",
    purpose: "blockers",
    text: "What is the hardest part of your job right now?",
  },
  { id: "blockers.need-from-me", purpose: "blockers", text: "What do you need from me this week?" },
  { id: "blockers.slowing-down", purpose: "blockers", text: "What is slowing you down the most this week?" },
  {
    id: "blockers.waiting-on",
    purpose: "blockers",
    text: "What are you waiting on from other people or teams?",
  },
  {
    id: "blockers.remove-one",
    purpose: "blockers",
    text: "If I could remove one obstacle for you, which one would you pick?",
  },
  {
    id: "blockers.unclear",
    purpose: "blockers",
    text: "Where does the work feel unclear or underspecified?",
  },
  {
    id: "blockers.decision-stuck",
    purpose: "blockers",
    text: "Which decision is stuck and needs someone to make a call?",
  },
  {
    id: "blockers.process-friction",
    purpose: "blockers",
    text: "What part of our process creates the most friction for you?",
  },
  { id: "blockers.tools", purpose: "blockers", text: "What tool or system gets in your way most often?" },
  {
    id: "blockers.unheard",
    purpose: "blockers",
    text: "What would you raise with leadership if you knew it would be heard?",
  },
  { id: "blockers.late-surprise", purpose: "blockers", text: "What could surprise us late in this project?" },
  {
    id: "blockers.low-value-task",
    purpose: "blockers",
    text: "Which recurring task eats time without adding much value?",
  },
  {
    id: "blockers.dependencies",
    purpose: "blockers",
    text: "Who do you depend on most, and how is that working?",
  },
  {
    id: "blockers.last-stuck",
    purpose: "blockers",
    text: "When did you last feel stuck, and what got you moving again?",
  },
  { id: "blockers.unblock", purpose: "blockers", text: "How can I help unblock you this week?" },
  {
    id: "blockers.meetings",
    purpose: "blockers",
    text: "Which meetings could you drop without losing anything?",
  },
  { id: "blockers.worries-ahead", purpose: "blockers", text: "What is worrying you about the work ahead?" },

  // growth
  {
    id: "growth.learned-recently",
    purpose: "growth",
    text: "What have you learned in the last couple of weeks?",
  },
  { id: "growth.skill-next", purpose: "growth", text: "Which skill do you want to build next?" },
  { id: "growth.stretch", purpose: "growth", text: "What kind of stretch assignment would excite you?" },
  { id: "growth.proudest", purpose: "growth", text: "What piece of work are you proudest of lately?" },
  {
    id: "growth.do-differently",
    purpose: "growth",
    text: "Looking back at your last project, what would you do differently?",
  },
  {
    id: "growth.feedback-stuck",
    purpose: "growth",
    text: "What feedback have you received recently that stuck with you?",
  },
  { id: "growth.teach", purpose: "growth", text: "What could you teach others on the team?" },
  { id: "growth.learn-from", purpose: "growth", text: "Who on the team would you like to learn from?" },
  {
    id: "growth.comfort-zone",
    purpose: "growth",
    text: "Where do you feel outside your comfort zone in a good way?",
  },
  {
    id: "growth.practice",
    purpose: "growth",
    text: "How could you practice that skill in the work you already have?",
  },
  {
    id: "growth.resources",
    purpose: "growth",
    text: "What books, courses or people have helped you grow this year?",
  },
  { id: "growth.mistake", purpose: "growth", text: "What mistake taught you the most recently?" },
  {
    id: "growth.confidence",
    purpose: "growth",
    text: "In which areas has your confidence grown over the last few months?",
  },
  {
    id: "growth.opportunity",
    purpose: "growth",
    text: "What opportunity would you say yes to immediately?",
  },
  { id: "growth.support", purpose: "growth", text: "How can I support your development this month?" },
  {
    id: "growth.use-strengths",
    purpose: "growth",
    text: "Where could you use your strengths more than you do today?",
  },

  // career
  { id: "career.two-years", purpose: "career", text: "Where do you want to be in two years?" },
  { id: "career.energizes", purpose: "career", text: "What kind of work energizes you most?" },
  { id: "career.path-feeling", purpose: "career", text: "How do you feel about the path you are on?" },
  { id: "career.next-role", purpose: "career", text: "What does your ideal next role look like?" },
  { id: "career.admire", purpose: "career", text: "Whose career do you admire, and why?" },
  {
    id: "career.leadership-or-depth",
    purpose: "career",
    text: "How are you weighing people leadership against deeper technical work?",
  },
  {
    id: "career.next-step-help",
    purpose: "career",
    text: "What could I do to help you move toward your next step?",
  },
  {
    id: "career.next-level-gap",
    purpose: "career",
    text: "What do you think stands between you and the next level?",
  },
  {
    id: "career.five-years",
    purpose: "career",
    text: "What would you like people to say about your work five years from now?",
  },
  {
    id: "career.dream-project",
    purpose: "career",
    text: "If you could pick any project here, what would it be?",
  },
  { id: "career.known-for", purpose: "career", text: "Which skills do you want to be known for?" },
  { id: "career.visibility", purpose: "career", text: "Where would more visibility help your career?" },
  { id: "career.next-role-values", purpose: "career", text: "What matters most to you in your next role?" },
  {
    id: "career.goals-changed",
    purpose: "career",
    text: "How have your career goals changed over the past year?",
  },
  {
    id: "career.small-experiment",
    purpose: "career",
    text: "What small experiment could test whether that direction suits you?",
  },
  {
    id: "career.allies",
    purpose: "career",
    text: "Who else in the company could help you get where you want to go?",
  },

  // wellbeing
  { id: "wellbeing.feeling-work", purpose: "wellbeing", text: "How are you feeling about work these days?" },
  {
    id: "wellbeing.energy",
    purpose: "wellbeing",
    text: "How is your energy this week compared with last week?",
  },
  {
    id: "wellbeing.workload",
    purpose: "wellbeing",
    text: "How sustainable does your workload feel right now?",
  },
  { id: "wellbeing.best-part", purpose: "wellbeing", text: "What was the best part of your week?" },
  { id: "wellbeing.frustrated", purpose: "wellbeing", text: "What frustrated you most this week?" },
  {
    id: "wellbeing.outside-work",
    purpose: "wellbeing",
    text: "What, if anything, from outside work should I keep in mind?",
  },
  { id: "wellbeing.recharge", purpose: "wellbeing", text: "What helps you recharge after a hard week?" },
  {
    id: "wellbeing.connected",
    purpose: "wellbeing",
    text: "How connected do you feel to the rest of the team?",
  },
  {
    id: "wellbeing.recognized",
    purpose: "wellbeing",
    text: "When did you last feel your work was recognized?",
  },
  {
    id: "wellbeing.stretched-thin",
    purpose: "wellbeing",
    text: "What are the early signs that you are getting stretched too thin?",
  },
  {
    id: "wellbeing.schedule-fit",
    purpose: "wellbeing",
    text: "How well does your schedule fit the rest of your life right now?",
  },
  { id: "wellbeing.tough-days", purpose: "wellbeing", text: "What keeps you going on the tough days?" },
  {
    id: "wellbeing.change-one-thing",
    purpose: "wellbeing",
    text: "If you could change one thing about how we work, what would it be?",
  },
  {
    id: "wellbeing.enjoy-most",
    purpose: "wellbeing",
    text: "Which parts of your work do you enjoy most at the moment?",
  },
  { id: "wellbeing.drains", purpose: "wellbeing", text: "What drains your energy that we could change?" },
  {
    id: "wellbeing.time-off",
    purpose: "wellbeing",
    text: "When did you last take real time off, and how did it go?",
  },

  // feedback for me
  { id: "feedback-for-me.general", purpose: "feedback-for-me", text: "What feedback do you have for me?" },
  {
    id: "feedback-for-me.start",
    purpose: "feedback-for-me",
    text: "What should I start doing as your manager?",
  },
  { id: "feedback-for-me.stop", purpose: "feedback-for-me", text: "What should I stop doing?" },
  {
    id: "feedback-for-me.one-on-ones",
    purpose: "feedback-for-me",
    text: "How could I make our 1:1s more useful for you?",
  },
  {
    id: "feedback-for-me.helpful",
    purpose: "feedback-for-me",
    text: "What did I do recently that was helpful?",
  },
  {
    id: "feedback-for-me.in-the-way",
    purpose: "feedback-for-me",
    text: "What did I do recently that got in your way?",
  },
  {
    id: "feedback-for-me.clarity",
    purpose: "feedback-for-me",
    text: "How clearly am I explaining priorities and context?",
  },
  {
    id: "feedback-for-me.involvement",
    purpose: "feedback-for-me",
    text: "Where would you like more or less involvement from me?",
  },
  {
    id: "feedback-for-me.wish-i-knew",
    purpose: "feedback-for-me",
    text: "What do you wish I knew about your work?",
  },
  {
    id: "feedback-for-me.receive-feedback",
    purpose: "feedback-for-me",
    text: "How do you prefer to receive feedback from me?",
  },
  {
    id: "feedback-for-me.hesitated",
    purpose: "feedback-for-me",
    text: "What is something you have hesitated to tell me?",
  },
  {
    id: "feedback-for-me.follow-through",
    purpose: "feedback-for-me",
    text: "How well am I following through on what I commit to?",
  },
  {
    id: "feedback-for-me.decisions-unclear",
    purpose: "feedback-for-me",
    text: "Which of my recent decisions made the least sense to you?",
  },
  {
    id: "feedback-for-me.advocate",
    purpose: "feedback-for-me",
    text: "How could I better advocate for you and your work?",
  },
  {
    id: "feedback-for-me.disagree",
    purpose: "feedback-for-me",
    text: "What would make it easier for you to disagree with me?",
  },
  {
    id: "feedback-for-me.do-better",
    purpose: "feedback-for-me",
    text: "What is one thing I could do better in our 1:1s?",
  },

  // priorities
  {
    id: "priorities.success-this-quarter",
    purpose: "priorities",
    text: "What would success look like for you this quarter?",
  },
  {
    id: "priorities.top-three",
    purpose: "priorities",
    text: "What are your top three priorities this week?",
  },
  {
    id: "priorities.least-clear",
    purpose: "priorities",
    text: "Which of your priorities feels least clear?",
  },
  {
    id: "priorities.matters-most",
    purpose: "priorities",
    text: "Which part of your work do you think matters most right now?",
  },
  {
    id: "priorities.drop",
    purpose: "priorities",
    text: "What could we drop or postpone without much harm?",
  },
  {
    id: "priorities.team-fit",
    purpose: "priorities",
    text: "How do your priorities line up with what the team needs?",
  },
  {
    id: "priorities.time-not-worth-it",
    purpose: "priorities",
    text: "Where are you spending time that does not feel worth it?",
  },
  {
    id: "priorities.extra-day",
    purpose: "priorities",
    text: "What would you do first if you had an extra day this week?",
  },
  {
    id: "priorities.goal-at-risk",
    purpose: "priorities",
    text: "Which goal are you most worried about hitting?",
  },
  {
    id: "priorities.everything-urgent",
    purpose: "priorities",
    text: "How do you decide what to work on when everything feels urgent?",
  },
  {
    id: "priorities.trade-offs",
    purpose: "priorities",
    text: "What trade-offs are you making that I should know about?",
  },
  {
    id: "priorities.must-go-well",
    purpose: "priorities",
    text: "What is the one thing that has to go well this month?",
  },
  {
    id: "priorities.decision-from-me",
    purpose: "priorities",
    text: "Where do you need a decision from me to move forward?",
  },
  {
    id: "priorities.plan-confidence",
    purpose: "priorities",
    text: "How confident are you in the plan for the next few weeks?",
  },
  {
    id: "priorities.competing",
    purpose: "priorities",
    text: "What is competing for your attention right now?",
  },
  {
    id: "priorities.renegotiate",
    purpose: "priorities",
    text: "Which commitments would you renegotiate if you could?",
  },

  // context
  {
    id: "context.hearing-from-team",
    purpose: "context",
    text: "What are you hearing from the team that I might be missing?",
  },
  {
    id: "context.company-direction",
    purpose: "context",
    text: "What questions do you have about where the company is heading?",
  },
  {
    id: "context.how-decisions-made",
    purpose: "context",
    text: "What would you like to know about how decisions get made above us?",
  },
  {
    id: "context.recent-change",
    purpose: "context",
    text: "Which recent change would you like more background on?",
  },
  {
    id: "context.team-working",
    purpose: "context",
    text: "How is the team working together from where you sit?",
  },
  {
    id: "context.rumors",
    purpose: "context",
    text: "What rumors or worries are going around that I should address?",
  },
  {
    id: "context.bigger-picture",
    purpose: "context",
    text: "What would help you see the bigger picture of your project?",
  },
  {
    id: "context.company-goals",
    purpose: "context",
    text: "How does your work connect to what the company is trying to achieve?",
  },
  {
    id: "context.other-teams",
    purpose: "context",
    text: "What is happening in other teams that affects your work?",
  },
  {
    id: "context.who-to-talk-to",
    purpose: "context",
    text: "Who should you be talking to that you are not talking to yet?",
  },
  {
    id: "context.customers",
    purpose: "context",
    text: "What have customers or users told you lately?",
  },
  {
    id: "context.decide-alone",
    purpose: "context",
    text: "What context would help you make more decisions on your own?",
  },
  {
    id: "context.upcoming-say",
    purpose: "context",
    text: "Which upcoming changes would you like a say in?",
  },
  {
    id: "context.team-known-for",
    purpose: "context",
    text: "What do you think our team should be known for?",
  },
  {
    id: "context.team-six-months",
    purpose: "context",
    text: "How do you see the team changing over the next six months?",
  },
  {
    id: "context.still-confusing",
    purpose: "context",
    text: "What about the way we work still confuses you?",
  },
];
