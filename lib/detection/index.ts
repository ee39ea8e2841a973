export { emailDomain, isResourceEmail } from "./attendees";
export { classifyEvent, explainEvent } from "./classify-event";
export {
  EMAIL_MAX_LENGTH,
  emailSkeleton,
  isStoredEmail,
  lookAlikeEmails,
  normalizeEmail,
} from "./email";
export { reasonInEnglish } from "./reason";
export type {
  Attendee,
  Classification,
  DetectionBecause,
  DetectionSettings,
  EventSignals,
  ExplainedClassification,
} from "./types";
