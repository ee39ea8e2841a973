import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isSbiComplete,
  normalizeSbi,
  SBI_FIELD_MAX_CHARS,
  type SbiDraft,
  type SbiField,
  type SbiFindingCode,
  sbiExamples,
  sbiFields,
  sbiLint,
} from "../../../lib/feedback";

/** A draft with nothing to lint, so each table changes one field and looks at that field only. */
const good: SbiDraft = {
  situation: "In yesterday's design review",
  behavior: "you interrupted the designer three times while she walked through the layout",
  impact: "it made it harder to understand their rationale",
  request: "In future reviews, hold questions to the end.",
  valence: "redirecting",
};

function codes(field: SbiField, text: string, changes: Partial<SbiDraft> = {}): SbiFindingCode[] {
  return sbiLint({ ...good, ...changes, [field]: text })
    .filter((f) => f.field === field)
    .map((f) => f.code);
}

const characterJudgments = [
  "you are careless",
  "You're lazy",
  "He is so negative in meetings",
  "She is arrogant",
  "They are not a team player",
  "You always interrupt people",
  "You never reply to emails",
  "You're so negative",
  "Has a bad attitude",
  "You don't care about quality",
  "He is trying to undermine me",
  "selfish",
  "incompetent",
  "Every time we meet you're late",
  "You constantly talk over others",
  "You were rude to the client",
  "You are unprofessional",
  "You're being defensive",
  "You came across as condescending",
  "You seemed disengaged during the demo",
  "You acted like a child",
  "You are a slacker",
  "He thinks he's better than everyone",
  "You just want attention",
  "You deliberately ignored my message",
  "You lack ownership",
  "You have no sense of urgency",
  "Your tone was dismissive",
  "You carelessly pushed to main",
  "You are evasive when asked about dates",
  "You aren't reliable",
  "You're such a perfectionist",
  "She is a control freak",
  "You are a know-it-all",
  "He doesn't listen",
  "you’re so negative",
  "You are sloppy with your code",
  "You're a negative person",
  "He has an attitude problem",
  "You are not detail-oriented",
  "She's lazy",
  "Priya is disorganized",
  "Lazy and unmotivated",
  "You're kind of a jerk",
  "You're hard to work with",
  "You seem to not care",
  "You were not listening",
  "You're not interested in the project",
  "You're a bad manager",
  "You're a terrible listener",
  "You have poor judgment",
  "You tend to be difficult",
  "You can be abrasive",
  "She's just not a people person",
  "You lack empathy",
  "You are too emotional",
  "You don't respect other people's time",
  "You obviously didn't prepare",
  "You only care about your own work",
  "You are out to get me",
  "He doesn't pull his weight",
  "You've been slacking",
  "You were totally checked out",
  "You're hopeless",
  "You are useless",
  "Zero initiative",
  "Not dependable",
  "You're not a good fit for this team",
  "You're so lazy about documentation",
  "He is careless with customer data",
  "She's always on her phone",
  "They never help",
  "You're not a team player at all",
  "You seem unmotivated lately",
  "You are rude to juniors",
  "He's arrogant and dismissive",
  "You have a negative attitude",
  "You don't care about deadlines",
  "You're trying to make me look bad",
  "You constantly complain",
  "Every time I ask you something you get defensive",
  "You're incompetent at estimating",
  "You're selfish with your time",
  "You are very unprofessional",
  "You're a slacker",
  "You're irresponsible",
  "She is being difficult",
  "You were a jerk to Sam",
  "You are so disorganized",
  "You're the problem",
  "He's a bully",
  "You are clueless about the product",
  "You think you're smarter than everyone",
  "Your work is sloppy",
  "You're such a diva",
  "You never listen to feedback",
  "You always have an excuse",
  "You're passive-aggressive",
  "You want to control everything",
  "You're not committed to the team",
  "You are kind of toxic",
  "He just doesn't get it",
  "You're too emotional in meetings",
  "You have zero accountability",
  "You're a poor communicator",
  "You are intimidating",
  "You don't take ownership",
  "You show no initiative",
  "You were being childish",
  "You're condescending to the support team",
  "You act entitled",
  "You behaved unprofessionally",
  "You're a pain to work with",
  "You have a chip on your shoulder",
  "Honestly you're just bad at this",
  "She thinks she's above the process",
  "You never show any initiative",
  "You don't have enough focus",
  "you are careless with the numbers",
  "You were patient and kind with the new hire",
  "He is constantly late and never apologizes",
  "You seem to think the rules don't apply to you",
  "You didn't seem to care when the customer complained",
  "You have been really negative lately",
];

const vaguePraise = [
  "You're awesome",
  "You did great",
  "Great job on the demo",
  "You were amazing in the meeting",
  "You rock",
  "You nailed the presentation",
  "Thanks for being amazing",
  "You went above and beyond",
  "You're a natural leader",
  "Keep up the good work",
  "You crushed it at the demo",
  "Really impressive work",
  "You were super helpful",
  "You are such a pleasure to work with",
  "You're so smart",
  "You're a star",
  "You are a great communicator and everyone loves working with you",
  "She's brilliant",
];

const describedBehavior = [
  "You interrupted the designer three times while she was explaining the layout.",
  "You merged the PR without waiting for the second review.",
  "You joined standup 15 minutes late on Monday and Wednesday.",
  "You said 'this is a stupid idea' when Priya proposed the cache.",
  'You said "you are careless" to Sam in front of the team.',
  "You told Sam his design was lazy.",
  "You raised your voice when the client pushed back on the price.",
  "You didn't reply to the customer's email for three days.",
  "You walked the new hire through the deploy script step by step.",
  "You wrote the rollback runbook before anyone asked.",
  "You handled the difficult customer by giving a clear timeline.",
  "You fixed the critical bug before the release.",
  "You added negative test cases for the parser.",
  "You pushed back on the aggressive timeline with data.",
  "You asked a great question about the rollback.",
  "You looked at your phone during most of the demo.",
  "You left the meeting before the decision was made.",
  "You rolled your eyes when Sam presented.",
  "You answered every customer question with a live example.",
  "You reviewed every PR within an hour this week.",
  "You were late to two standups this week.",
  "You were quiet during the retro.",
  "You were on call and resolved the outage in 20 minutes.",
  "You are responsible for the release notes and they weren't sent.",
  "You stayed calm when the client escalated.",
  "You cut Sam off mid-sentence twice.",
  "You sent the status update at 11pm.",
  "You closed 12 tickets without comments.",
  "You skipped the code review checklist.",
  "You took notes and shared them within an hour.",
  "You pointed out the security issue in the design doc.",
  "You used the word 'lazy' to describe the contractor's work.",
  "You called the proposal careless in the channel.",
  "You reassigned Priya's ticket without telling her.",
  "You gave the team credit in front of the VP.",
  "You spoke over Jamie when she raised the risk.",
  "You declined the meeting an hour before it started.",
  "You opened a thread asking why the test was flaky.",
  "You said you didn't care about the deadline.",
  'You wrote "you are careless" in the PR comment.',
  "When the client was rude, you kept your tone even and summarised their concerns.",
  "You asked Sam to redo the slides an hour before the demo.",
  "You shared your screen and walked through the numbers.",
  "You were the first to volunteer for the migration.",
  "You presented the roadmap without checking the numbers with finance.",
  "You posted a status update in #incident every 15 minutes.",
  "You paired with Alex for two hours to unblock the build.",
  "You checked out the branch and ran the tests locally.",
  'You left three comments on the PR saying "this is wrong" without explaining why.',
  "You rewrote the intro after the first round of feedback.",
  "You agreed to own the migration and then didn't start it.",
  "You didn't update the ticket before the handoff.",
  "You replied 'fine' and left the call.",
  "You asked the intern to stay late to finish your slides.",
  "You forwarded the customer's complaint to the whole company list.",
  "You kept your camera off and didn't answer when I asked for your view.",
  "You answered questions from the sales team for an hour after your shift ended.",
  "You set up the dashboard so on-call could see error rates.",
  "You flagged the licensing risk in the kickoff.",
  "You committed directly to main twice on Friday.",
  "You raised the issue in the retro instead of in the hallway.",
  "You missed the deadline for the design doc by three days.",
  "You responded to Sam's question with 'read the docs'.",
  "You finished the migration a week early and documented each step.",
  "You ran the retro and made sure everyone spoke.",
  "You took the blame for the outage in front of the execs.",
  "You made a joke about Priya's accent in the standup.",
  "You shared the draft with the client before legal approved it.",
  "You spent the first 20 minutes of the planning meeting on your laptop.",
  "You explained the trade-offs in plain language for the sales team.",
  "You were absent from three standups without letting the team know.",
  "You promised the customer a date we hadn't agreed on.",
  "You laughed when Jamie made a mistake during the demo.",
  "You said the plan was 'dead on arrival' in front of the team.",
  "You mentioned in the channel that the new hire is slow.",
  "You rejected the PR with a one-word comment.",
  "You typed on your laptop during the whole presentation.",
  "You brought donuts and thanked the support team by name.",
  "The client was rude and you stayed polite.",
  "When the build was broken, you paused the release and posted an update.",
  "You gave a negative review of the vendor without data.",
  "You pushed an aggressive schedule on the team without asking for estimates.",
  "You had a difficult conversation with the vendor and kept it factual.",
  "You presented a great demo to the board.",
  "Your PR description listed every migration step.",
  "You were the only one who spoke up about the risk.",
  "You talked for 40 of the 60 minutes.",
  "You wrote a detailed summary of the incident.",
  "You were on time for every standup this sprint.",
  "You got the release out a day early.",
  "You looked at the logs before paging anyone.",
  "You were responsible for the release and skipped the checklist.",
  "You are the owner of the billing service and didn't join the incident call.",
  "You sounded the alarm as soon as you saw the error spike.",
  "You felt the pressure and still asked for a review.",
  "You became the go-to reviewer for the API changes this month.",
  "You acted on the feedback within a day.",
  "You put together a great deck for the offsite.",
  "You said no to the extra scope and explained why.",
  "You came in early to set up the room.",
  "Priya asked for help and you paired with her for an hour.",
  "You shared the incident timeline in the channel within ten minutes.",
  "You left the retro without adding your action items.",
  "You closed the laptop and listened while Sam presented.",
  "You told the customer we'd ship on Friday without checking with the team.",
  "You asked for help after two days stuck on the bug.",
  "You drafted the proposal and sent it to three reviewers.",
  "You cut the meeting short when it went off-topic.",
  "You reworked the estimate after the QA feedback.",
  "You took over the on-call shift when Alex was sick.",
  "You spoke for most of the meeting and didn't ask others for input.",
  "You added tests for the edge cases Priya raised.",
  "You didn't show up to the planning session.",
  "You replied to the angry customer within the hour.",
  "You merged your own PR at 2am without a review.",
  "You rolled back the release as soon as the error rate spiked.",
  "You explained the outage to the sales team in plain words.",
  "You missed two of the last three 1:1s.",
  "You changed the API without telling the mobile team.",
  "You mentored Jamie through her first on-call week.",
  "You volunteered to run the retro.",
  "You called out the risk in the design doc.",
  "You booked the room and sent the agenda a day before.",
  "You corrected Sam in front of the client.",
  "You skipped the handover notes on Friday.",
  "You gave a clear answer when the VP asked about the timeline.",
  "You sighed loudly while Priya was talking.",
  "You joined the call ten minutes late and didn't apologise.",
  "You kept your camera off and didn't speak.",
  "You documented the workaround in the wiki.",
  "You turned down the project without discussing it with me.",
  "You reviewed the PR in detail and caught two bugs.",
  "You asked each person for their view before deciding.",
  "You forwarded the thread to the client by mistake.",
  "You used a harsh tone in your reply to Sam.",
  "You were silent when the client asked about the delay.",
  "You were away for the demo and didn't send a recording.",
  "You showed the customer the unreleased feature.",
  "You finished your part and then helped Sam with his.",
  "You wrote 'LGTM' without running the code.",
  "You rescheduled our 1:1 three times this month.",
  "You stayed late to help the support team clear the queue.",
  "You responded to every comment on the RFC within a day.",
  "You were first to flag the outage in the channel.",
  "You thanked the QA team by name in the release notes.",
  "You let the new hire lead the demo and answered only when she asked.",
  "you merged the release branch without the checklist",
  "you walked everyone through the timeline before taking questions",
  "In the demo you skipped the slides the team had prepared and went straight to the live system. When it failed, you blamed the staging environment in front of the customer.",
  "You opened the retro by listing what went well, then asked each person for one thing to change. You wrote the actions on the board and assigned owners.",
  'You replied to Sam\'s design doc with 14 comments in one evening. Several said "this makes no sense" without saying what was unclear.',
  "You took the escalation call at 7am, kept the customer updated every hour and wrote the summary for the account team.",
  "You reviewed the contract yourself instead of waiting for legal, and flagged two clauses that would have cost us.",
  "You pushed the release at 5pm on Friday after QA asked you to wait until Monday.",
  "You went silent for three days on the migration thread",
];

const anchoredSituations = [
  "In yesterday's design review",
  "yesterday",
  "On Tuesday",
  "in the design review",
  "during standup",
  "at the offsite",
  "last week",
  "this morning",
  "3 Nov",
  "in the #incident channel",
  "in the PR for the billing service",
  "In our 1:1 on Monday",
  "During the Q3 planning session",
  "At the all-hands",
  "When you presented the roadmap to the execs",
  "After the outage",
  "In the kickoff for Project Atlas",
  "On the customer call with Acme",
  "In Berlin",
  "During the incident",
  "The other day in the kitchen",
  "Two days ago",
  "11/03",
  "At 10:30 in the war room",
  "In the sprint review",
  "On Slack",
  "In your email to the client",
  "In the retro last sprint",
  "During the migration",
  "In front of the whole team",
  "Earlier today",
  "At lunch",
  "In the thread about the API change",
  "On the incident bridge",
  "In the last two standups",
  "Before the launch",
  "In Friday's demo",
  "On May 3",
  "During the board meeting",
  "In the doc you shared",
  "In JIRA-482",
  "At the conference in Lisbon",
  "While we were debugging the outage",
  "In your code review of PR 512",
  "Last Thursday's sprint demo",
  "At the client site in Munich",
  "In the hallway after standup",
  "During your presentation to leadership",
  "On the 14th",
  "This afternoon",
  "Earlier this week",
  "In the Slack thread on Monday",
  "When the deploy failed on Friday night",
  "In the planning meeting",
  "In today's sync",
  "During the on-call handover",
  "At the team dinner",
  "In the interview with the candidate",
  "At yesterday's standup",
  "In the budget discussion",
  "During the customer escalation",
  "In your reply on the RFC",
  "At 9am",
  "When we launched v2",
  "In Q2",
  "During the fire drill",
  "In the town hall",
  "On the Zoom call",
  "In a 1:1 with Priya",
  "When Sam asked about the budget",
  "This past Monday",
  "In the demo to Acme",
  "in the design crit",
  "At the all hands",
  "During Monday's sprint planning",
  "In the all-hands on 12 March",
  "When presenting to the client last Thursday",
  "At the Q3 offsite in Lisbon",
  "In the #eng-platform channel yesterday",
  "On the call with Acme",
  "During code review of PR #1234",
  "In the incident postmortem",
  "When we discussed the roadmap",
  "In this morning's standup",
  "At our weekly sync",
  "During the handoff to the night shift",
  "In the launch readiness review",
  "In your message to the vendor",
  "When the pager went off at 2am",
  "During the hiring committee debrief",
  "At the team lunch on Friday",
  "When you demoed the prototype",
  "In the spreadsheet you sent the CFO",
  "During the customer workshop in Paris",
];

const unanchoredSituations = [
  "In meetings",
  "Generally",
  "At work",
  "Sometimes",
  "Lately",
  "Always",
  "In general",
  "With customers",
  "When you talk to clients",
  "In code reviews",
  "Whenever we meet",
  "Every standup",
  "In standups",
  "Recently",
  "In 1:1s",
  "Usually in the design review",
  "Often during planning",
  "On the team",
  "In your role",
  "With your peers",
  "When things get stressful",
  "In most meetings",
  "Over the past while",
  "Across projects",
  "In team discussions",
  "Your communication style",
  "When working with others",
  "On a regular basis",
  "During meetings",
  "In emails",
  "When you are stressed",
  "At times",
  "From time to time",
  "In many situations",
  "In the way you work",
  "Around the office in general",
  "In every review",
  "With the team",
  "In conversations",
  "Whenever someone disagrees",
  "In our team",
  "As a team lead",
  "When dealing with stakeholders",
  "With junior engineers",
  "On projects",
  "In your day-to-day work",
  "Over the last while",
  "Occasionally",
  "In cross-team work",
  "Whenever there's a deadline",
  "In every 1:1",
  "Lately in meetings",
  "In general, with the team",
  "Most of the time",
  "In your work",
  "Day to day",
  "In team meetings",
  "With stakeholders",
  "When presenting to clients",
  "In your daily work",
  "Around colleagues",
  "When you lead projects",
  "In most of your code reviews",
  "As a manager",
  "During busy periods",
  "When under pressure",
  "With the design team",
  "In your interactions with others",
  "In group settings",
  "Throughout the quarter",
];

const vagueImpacts = [
  "it was bad",
  "not good",
  "unacceptable",
  "it was annoying",
  "That was rude.",
  "It caused problems.",
  "It made things worse.",
  "It had a negative impact.",
  "It was not a good look.",
  "Bad for everyone.",
  "People noticed.",
  "It was frustrating",
  "It was unprofessional",
  "Not ideal",
  "It matters",
  "It was really not okay",
  "Big impact",
  "It was great",
  "This was a problem",
  "It hurt",
  "It was disrespectful and unacceptable",
  "Terrible",
  "Not cool",
  "It reflects poorly",
  "It was unfortunate",
  "Disappointing",
  "That's not acceptable",
  "It looked bad",
  "It wasn't great",
  "Problematic",
  "It was inappropriate",
  "It made a difference",
  "It helped a lot",
  "It was really helpful",
  "Everyone noticed",
  "It was amazing",
  "Awesome",
  "Really good",
  "Rude",
  "It was a big deal",
  "That kind of thing matters",
  "Not okay.",
  "It had an effect",
  "It was a real issue",
  "It was distracting",
  "It was disruptive",
  "Not helpful",
  "That was embarrassing",
  "It was really awkward",
  "It created a bad impression",
  "It's a problem",
  "It set a bad example",
  "It hurt things",
  "It was counterproductive",
  "Great",
  "It made a big difference",
  "It was very useful",
  "Bad",
];

const specificImpacts = [
  "it made it harder to understand their rationale.",
  "The team lost an hour re-running the migration.",
  "I couldn't follow the designer's rationale.",
  "Customers saw errors for 20 minutes.",
  "It delayed the release by two days.",
  "Priya stopped sharing ideas for the rest of the meeting.",
  "It slowed everyone down.",
  "People were less likely to speak up afterwards.",
  "The designer couldn't finish explaining the layout, so we left without a decision.",
  "It made me feel dismissed.",
  "It was frustrating for the designer.",
  "The client asked twice whether we had a plan.",
  "Support had to answer 40 tickets by hand.",
  "We missed the sprint goal.",
  "It annoyed me.",
  "The new hire was confused and asked me later what you meant.",
  "On-call got paged at 3am.",
  "I had to rewrite the summary before sending it to the execs.",
  "The review ran 30 minutes over.",
  "It had a negative impact on the team's morale.",
  "Two engineers spent the afternoon debugging your change.",
  "Sam felt embarrassed in front of the client.",
  "Nobody else got a chance to speak.",
  "The designer had to repeat herself twice and we ran out of time for the second mockup.",
  "I lost track of the decision we needed.",
  "The client escalated to their VP the next day.",
  "The team waited 40 minutes for the build.",
  "Support couldn't tell customers when the fix would land.",
  "New hires now use your guide on their first day.",
  "We caught the bug before it reached customers.",
  "The release went out on time.",
  "Three people asked me privately whether the plan had changed.",
  "Priya rewrote her section overnight.",
  "It cost us a day of QA.",
  "The execs approved the budget in the meeting.",
  "Sam didn't bring his idea up again.",
  "I trusted the numbers less.",
  "Our on-call rotation had two fewer pages that week.",
  "The retro ended without action items.",
  "It took me an hour to untangle the merge conflicts.",
  "The vendor paused the contract review.",
  "Other teams started copying your template.",
  "The demo crashed in front of the customer.",
  "support could answer customers without pulling engineers off the fix.",
  "It disrupted the flow of the meeting and we didn't finish the agenda",
  "The designer stopped presenting halfway through",
  "I couldn't explain the trade-offs to the VP",
  "We lost the customer's trust for the renewal",
  "Our error budget for the month was gone in a day",
  "Sam asked me whether he should stop raising ideas",
  "The on-call engineer had no context when the alert fired",
  "We shipped two days late",
  "Half the team skipped the next retro",
  "The client praised the clarity of the report",
  "Jamie felt comfortable asking questions for the first time",
];

const vagueRequests = [
  "be better",
  "do better",
  "improve",
  "be more professional",
  "step up",
  "try harder",
  "be nicer",
  "Be better next time.",
  "Improve your communication",
  "Work on your attitude",
  "Communicate better",
  "Keep it up",
  "Don't do that again",
  "Stop it",
  "Listen more",
  "Pay more attention",
  "Pay more attention to details",
  "Focus on quality",
  "Take more ownership",
  "Show more initiative",
  "Be a team player",
  "Get your act together",
  "Shape up",
  "More ownership",
  "Better communication",
  "Fewer interruptions",
  "Be more careful with migrations",
  "Please be mindful of people's time",
  "Be more respectful",
  "Fix your attitude",
  "Change your behavior",
  "Up your game",
  "Be more proactive",
  "Try to be more positive",
  "Going forward, be more careful",
  "Improve your estimates",
  "Speak up more",
  "Be more of a leader",
  "I'd like you to do better",
  "Just be more responsive",
  "Stop being so lazy",
  "Raise the bar",
  "Be a team player",
  "Get your act together",
  "Shape up",
  "Grow up",
  "Make it right",
  "Act like a lead",
  "Be a better listener",
  "Own it",
  "Do the right thing",
  "Be more collaborative",
  "Be more visible",
  "Do your job",
  "Be a rockstar",
  "Be more supportive of your teammates",
  "Just do your best",
  "Think about it",
  "Learn from this",
  "Please behave",
  "Make more of an effort",
  "Be a better team member",
  "Get it right next time",
  "Take it seriously",
  "Start caring",
  "Try not to let it happen again",
  "Own your mistakes",
  "Be more engaged",
  "Step up your game",
  "Be more mature",
  "Be more punctual",
  "Communicate more proactively",
  "Be more thoughtful",
  "Try to be more open-minded",
  "Be more decisive in meetings",
  "Improve your time management",
  "Manage your time better",
  "Prioritize better",
  "Get better at estimates",
  "Delegate more",
];

const actionableRequests = [
  "In future reviews, hold questions to the end.",
  "Hold questions to the end",
  "Send the agenda a day before the meeting",
  "Let the designer finish before asking questions",
  "Please ping me before merging to main",
  "Next time, run the migration on staging first",
  "Be on time for standup",
  "Be at standup by 9:30",
  "Ask Sam before reassigning his tickets",
  "Post a status update in #incident every 30 minutes",
  "Write down the decision in the doc before the meeting ends",
  "Stop interrupting people in reviews",
  "Could you share the deck by Thursday?",
  "I'd like you to pair with Priya on the next release",
  "Keep sharing the runbook before launches",
  "Take notes in the meeting and share them the same day",
  "Fix the flaky test before Friday",
  "Listen to the whole question before answering",
  "Communicate delays in the project channel as soon as you know",
  "Be more careful: run migrations on staging first",
  "Improve test coverage to 80%",
  "Reduce PR size to under 400 lines",
  "Mute yourself when you're not speaking",
  "Loop in design before changing the UI",
  "Invite the on-call engineer to the postmortem",
  "Turn your camera on during 1:1s",
  "Add a rollback plan to every PR description",
  "Summarise the decision at the end of each meeting",
  "Review your PR once more before requesting review",
  "Give Priya credit by name when you present her work",
  "Use the template for incident updates",
  "Rubber-duck the plan with Sam first",
  "Wait five seconds before responding in reviews",
  "Raise concerns in the meeting instead of afterwards in DMs",
  "Book 15 minutes with me before committing to a date",
  "Block an hour on Fridays to update the roadmap",
  "Check the dashboard before paging anyone",
  "When you disagree, ask a question first",
  "Try writing the summary before the call",
  "Respond to review requests within one working day",
  "Share the draft with legal before sending it to the client",
  "Please stop talking over Jamie in standup",
  "Before the next review, send me the draft by Wednesday",
  "Add a summary at the top of every design doc",
  "When you disagree in a meeting, say so in the meeting",
  "Give people two minutes to finish before you respond",
  "Run the checklist before every release",
  "Join standup on time, or post your update in the channel by 9:45",
  "Set your status when you're heads-down",
  "Share your screen when you walk through numbers",
  "Tag the on-call engineer in the incident thread",
  "Write down three options before picking one",
  "Keep posting those updates in the next incident",
  "Teach the team how you built the dashboard at Friday's demo",
  "Schedule a 30-minute walkthrough with the new hires",
  "Present the roadmap at the next all-hands",
  "Show up on time",
  "Ask more questions before you start",
  "Stop interrupting",
  "Speak less in reviews",
  "Arrive early",
  "Reply quickly to pages",
];

const restatedImpacts: [string, string][] = [
  ["you interrupted the designer multiple times", "you interrupted the designer multiple times"],
  ["you interrupted the designer multiple times", "You interrupted the designer"],
  ["you interrupted the designer multiple times", "The designer was interrupted"],
  ["you interrupted the designer multiple times", "Interrupting the designer multiple times"],
  ["you interrupted the designer multiple times", "You kept interrupting the designer"],
  ["you interrupted the designer multiple times", "The designer got interrupted again and again"],
  ["you merged the PR without a review", "The PR was merged without review"],
  ["you were late to standup", "You were late to standup again"],
  ["you skipped the release checklist", "The checklist was skipped"],
  ["you didn't reply to the client's email", "The client got no reply to the email"],
  ["you pushed to main on Friday", "Pushing to main on a Friday"],
  ["you talked over Priya in the retro", "Priya was talked over"],
  ["you missed the design review", "You missed the review"],
  [
    "you shared the numbers before finance approved them",
    "The numbers were shared before finance approved them",
  ],
  ["you rewrote the intro without asking", "You rewrote the intro without asking me"],
  ["you answered every question in the demo", "Every question got answered"],
  ["you left the meeting early", "You left early"],
  ["you deployed without telling on-call", "Deployed without telling on-call"],
  ["you closed the tickets without comments", "Tickets closed with no comments"],
  ["You raised your voice at Sam", "Your voice was raised"],
];
const impactsThatAddSomething: [string, string][] = [
  [
    "you interrupted the designer multiple times",
    "The designer stopped explaining and we never heard their rationale",
  ],
  ["you merged the PR without a review", "The PR broke checkout for an hour"],
  ["you were late to standup", "The team waited ten minutes to start standup"],
  ["you skipped the release checklist", "We shipped with debug logging on"],
  ["you didn't reply to the client's email", "The client escalated to our VP"],
  ["you pushed to main on Friday", "On-call spent Saturday rolling it back"],
  ["you talked over Priya in the retro", "Priya didn't speak again for the rest of the retro"],
  ["you missed the design review", "The design was approved without the backend view"],
  ["you answered every question in the demo", "The customer signed the renewal that afternoon"],
  ["you left the meeting early", "Nobody owned the follow-ups from the meeting"],
  ["You raised your voice at Sam", "Sam asked to move to another team"],
  ["you wrote the runbook before the launch", "On-call resolved the first incident in ten minutes using it"],
  ["you reviewed every PR within an hour", "The team merged twice as many changes this sprint"],
  ["you paired with the new hire", "The new hire shipped her first change in week one"],
  [
    "you interrupted the designer multiple times",
    "The designer was interrupted so often that she gave up presenting the second option",
  ],
  ["you missed the deadline for the design doc", "The review slipped a week and the team sat idle"],
];

describe("a clean draft", () => {
  it("has nothing to say about the method's own example, or the reinforcing one", () => {
    expect(sbiLint(good)).toEqual([]);
    expect(sbiLint(sbiExamples.redirecting)).toEqual([]);
    expect(sbiLint(sbiExamples.reinforcing)).toEqual([]);
  });

  it("uses the method's example placeholders", () => {
    expect(sbiExamples.redirecting).toEqual({
      situation: "In yesterday's design review…",
      behavior: "…you interrupted the designer multiple times…",
      impact: "…it made it harder to understand their rationale.",
      request: "In future reviews, hold questions to the end.",
      valence: "redirecting",
    });
    expect(sbiExamples.reinforcing.valence).toBe("reinforcing");
  });
});

describe("behavior: what they did, not who they are", () => {
  it.each(characterJudgments)("flags %j", (text) => {
    expect(codes("behavior", text)).toEqual(["behavior-character"]);
  });

  it.each(vaguePraise)("flags praise that names no behavior: %j", (text) => {
    expect(codes("behavior", text, { valence: "reinforcing" })).toEqual(["behavior-character"]);
  });

  it.each(describedBehavior)("accepts %j", (text) => {
    expect(codes("behavior", text)).toEqual([]);
    expect(codes("behavior", text, { valence: "reinforcing" })).toEqual([]);
  });

  it.each([
    ["YOU ARE CARELESS"],
    ["you’re so negative"],
    ["You\u2019re   so\n\tnegative"],
    ["you  are\ncareless"],
    ["  you are careless.  "],
    ["You're Careless!"],
    ["youre lazy"],
    ["He doesn’t care"],
    ["he doesnt care"],
  ])("ignores case, curly apostrophes and spacing: %j", (text) => {
    expect(codes("behavior", text)).toEqual(["behavior-character"]);
  });

  it("points at the words that gave it away and says what to do instead", () => {
    const [finding] = sbiLint({ ...good, behavior: "you are careless" }).filter(
      (f) => f.field === "behavior",
    );
    expect(finding).toMatchObject({ code: "behavior-character", severity: "warn", match: "careless" });
    expect(finding?.message).toMatch(/Describe what they did, not who they are/);
    expect(finding?.message).toMatch(/e\.g\./);
  });

  it.each([
    ["you always interrupt", /always/, /specific time/],
    ["you don't care about the users", /don't care/, /what you saw or heard/],
    ["You're awesome", /awesome/, /Name what they did/],
  ])("words the advice for the kind of judgment in %j", (text, quoted, advice) => {
    const finding = sbiLint({ ...good, behavior: text, valence: "reinforcing" }).find(
      (f) => f.field === "behavior",
    );
    expect(finding?.message).toMatch(quoted);
    expect(finding?.message).toMatch(advice);
  });

  it("keeps a label even when a behavior follows it, but lets praise stand next to a behavior", () => {
    expect(codes("behavior", "you were rude: you cut Sam off twice")).toEqual(["behavior-character"]);
    expect(
      codes("behavior", "Great job: you wrote the rollback plan before anyone asked", {
        valence: "reinforcing",
      }),
    ).toEqual([]);
  });

  it("asks for a behavior when there is none", () => {
    expect(codes("behavior", "")).toEqual(["behavior-missing"]);
    expect(codes("behavior", "   \n ")).toEqual(["behavior-missing"]);
  });
});

describe("situation: anchored in time or place", () => {
  it.each(anchoredSituations)("accepts %j", (text) => {
    expect(codes("situation", text)).toEqual([]);
  });

  it.each(unanchoredSituations)("flags %j", (text) => {
    expect(codes("situation", text)).toEqual(["situation-no-anchor"]);
  });

  it.each([[""], ["   "], ["\n\t"]])("calls an empty situation missing: %j", (text) => {
    expect(codes("situation", text)).toEqual(["situation-missing"]);
  });
});

describe("impact: what it led to, and for whom", () => {
  it.each(vagueImpacts)("flags the verdict %j", (text) => {
    expect(codes("impact", text)).toEqual(["impact-vague"]);
  });

  it.each(restatedImpacts)("flags %j restated as %j", (behavior, impact) => {
    expect(codes("impact", impact, { behavior })).toEqual(["impact-restates"]);
  });

  it.each(specificImpacts)("accepts %j", (text) => {
    expect(codes("impact", text)).toEqual([]);
  });

  it.each(impactsThatAddSomething)("accepts %j followed by %j", (behavior, impact) => {
    expect(codes("impact", impact, { behavior })).toEqual([]);
  });

  it("calls an empty impact missing", () => {
    expect(codes("impact", "")).toEqual(["impact-missing"]);
  });
});

describe("request: optional, and actionable when given", () => {
  it.each(vagueRequests)("flags %j", (text) => {
    expect(codes("request", text)).toEqual(["request-vague"]);
  });

  it.each(actionableRequests)("accepts %j", (text) => {
    expect(codes("request", text)).toEqual([]);
  });

  it("encourages a request without insisting on one", () => {
    const [finding] = sbiLint({ ...good, request: "" }).filter((f) => f.field === "request");
    expect(finding).toMatchObject({ code: "request-missing", severity: "hint" });
    expect(finding?.message).toMatch(/^Optional/);
  });

  it("lets praise ask to keep going, since the behavior says what", () => {
    expect(codes("request", "Keep doing that", { valence: "reinforcing" })).toEqual([]);
    expect(codes("request", "Keep it up!", { valence: "reinforcing" })).toEqual([]);
    expect(codes("request", "Keep doing that")).toEqual(["request-vague"]);
  });
});

describe("borderline cases, decided", () => {
  it.each<[SbiField, string, Partial<SbiDraft>, SbiFindingCode[]]>([
    // Counting occasions inside a named window is a fact, not a habit.
    ["behavior", "You were on time for every standup this sprint", {}, []],
    ["behavior", "You were on time for every standup", {}, ["behavior-character"]],
    // Absolutes invite a debate even when flattering or bounded.
    ["behavior", "You never missed a standup this quarter", {}, ["behavior-character"]],
    // A state someone could see is not a trait.
    ["behavior", "You were quiet during the retro", {}, []],
    // Reporting what someone said is describing behavior.
    ["behavior", "You said you didn't care about the deadline", {}, []],
    ["behavior", "The client was rude and you stayed polite", {}, []],
    // One occasion, even unnamed, anchors; "recently" does not.
    ["situation", "In a meeting with the vendor", {}, []],
    ["situation", "Recently", {}, ["situation-no-anchor"]],
    ["situation", "The other day", {}, []],
    // Saying on whom is enough to make it an impact; a crowd word is not.
    ["impact", "It made me feel bad", {}, []],
    ["impact", "It was bad for everyone", {}, ["impact-vague"]],
    // After praise, "keep it up" refers to the behavior just described.
    ["request", "Keep it up", { valence: "reinforcing" }, []],
    ["request", "Keep it up", {}, ["request-vague"]],
    // No verb is not a request, however clear the noun.
    ["request", "Fewer interruptions", {}, ["request-vague"]],
    ["request", "Stop interrupting", {}, []],
  ])("%s %j (%j) gives %j", (field, text, changes, expected) => {
    expect(codes(field, text, changes)).toEqual(expected);
  });
});

describe("findings", () => {
  it("come in field order, one per problem, each saying what to do", () => {
    const findings = sbiLint({
      situation: "in meetings",
      behavior: "you're lazy",
      impact: "bad",
      request: "improve",
    });
    expect(findings.map((f) => f.code)).toEqual([
      "situation-no-anchor",
      "behavior-character",
      "impact-vague",
      "request-vague",
    ]);
    for (const f of findings) {
      expect(f.severity).toBe("warn");
      expect(f.message).toMatch(/e\.g\./);
    }
  });

  it("say everything is missing for an empty draft, the request only as a hint", () => {
    expect(sbiLint({}).map((f) => [f.code, f.severity])).toEqual([
      ["situation-missing", "warn"],
      ["behavior-missing", "warn"],
      ["impact-missing", "warn"],
      ["request-missing", "hint"],
    ]);
  });
});

describe("isSbiComplete", () => {
  it.each<[Partial<SbiDraft>, boolean]>([
    [good, true],
    [{ ...good, request: "" }, true],
    [{ ...good, situation: "" }, false],
    [{ ...good, behavior: "  \n" }, false],
    [{ ...good, impact: "" }, false],
    [{ situation: "x", behavior: "y", impact: "z" }, true],
    [{}, false],
  ])("%j is complete: %s", (draft, complete) => {
    expect(isSbiComplete(draft)).toBe(complete);
  });
});

describe("normalizeSbi", () => {
  it("trims, collapses whitespace, fills gaps and defaults the valence", () => {
    expect(normalizeSbi({ situation: "  In the\n\n review ", behavior: "you\tleft" })).toEqual({
      situation: "In the review",
      behavior: "you left",
      impact: "",
      request: "",
      valence: "redirecting",
    });
    expect(normalizeSbi({ valence: "reinforcing" }).valence).toBe("reinforcing");
  });

  it("caps each field without splitting a character", () => {
    const long = normalizeSbi({ impact: `${"a".repeat(SBI_FIELD_MAX_CHARS - 1)}😀😀` }).impact;
    expect(long).toBe("a".repeat(SBI_FIELD_MAX_CHARS - 1));
    expect(normalizeSbi({ request: "b".repeat(SBI_FIELD_MAX_CHARS * 3) }).request).toHaveLength(
      SBI_FIELD_MAX_CHARS,
    );
  });
});

describe("properties", () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          "you",
          "are",
          "’re",
          "not",
          "a",
          "careless",
          "team",
          "player",
          "every",
          "time",
          "'",
          '"',
          "“",
          ",",
          ".",
          "yesterday",
          "in",
          "the",
          "review",
          "be",
          "better",
          "1:1",
          "#x",
          "-",
          " ",
          "\n",
        ),
        { maxLength: 80 },
      )
      .map((parts) => parts.join(" ")),
  );
  const anyDraft = fc.record(
    {
      situation: anyText,
      behavior: anyText,
      impact: anyText,
      request: anyText,
      valence: fc.constantFrom("reinforcing", "redirecting"),
    },
    { requiredKeys: [] },
  );

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyDraft, fc.record({ behavior: fc.anything() })), (input) => {
        const findings = sbiLint(input as Partial<SbiDraft>);
        expect(Array.isArray(findings)).toBe(true);
        isSbiComplete(input as Partial<SbiDraft>);
        normalizeSbi(input as Partial<SbiDraft>);
      }),
      { numRuns: 500 },
    );
  });

  it("gives at most one finding per field and code, on known fields, with advice", () => {
    fc.assert(
      fc.property(anyDraft, (draft) => {
        const findings = sbiLint(draft as Partial<SbiDraft>);
        const keys = findings.map((f) => `${f.field}:${f.code}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const f of findings) {
          expect(sbiFields).toContain(f.field);
          expect(f.code.startsWith(f.field)).toBe(true);
          expect(f.message.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with isSbiComplete about what is missing", () => {
    fc.assert(
      fc.property(anyDraft, (draft) => {
        const missing = sbiLint(draft as Partial<SbiDraft>).some(
          (f) => f.code.endsWith("-missing") && f.field !== "request",
        );
        expect(isSbiComplete(draft as Partial<SbiDraft>)).toBe(!missing);
      }),
      { numRuns: 300 },
    );
  });

  it("normalises once and for all", () => {
    fc.assert(
      fc.property(anyDraft, (draft) => {
        const once = normalizeSbi(draft as Partial<SbiDraft>);
        expect(normalizeSbi(once)).toEqual(once);
        for (const field of sbiFields) expect(once[field].length).toBeLessThanOrEqual(SBI_FIELD_MAX_CHARS);
      }),
      { numRuns: 300 },
    );
  });

  it("reads the largest fields", () => {
    const huge = `you are ${"every single time ".repeat(2000)}'"“`.repeat(10);
    expect(Array.isArray(sbiLint({ situation: huge, behavior: huge, impact: huge, request: huge }))).toBe(
      true,
    );
  });
});
