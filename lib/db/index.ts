export * from "./agenda";
export * from "./calendar-events";
export { DATABASE_NAME, PrepDatabase, prepDatabase, watchTables } from "./database";
export * from "./growth-plans";
export {
  applyRuleKind,
  happinessReadings,
  questionsAskedWith,
  saveAnswer,
  setHappiness,
  setMeetingKind,
  setQuestionAsked,
} from "./meeting-content";
export * from "./repositories";
export * from "./schema";
