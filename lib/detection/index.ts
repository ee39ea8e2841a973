export { emailDomain, isResourceEmail } from "./attendees";
export { classifyEvent } from "./classify-event";
export {
  EMAIL_MAX_LENGTH,
  emailSkeleton,
  isStoredEmail,
  lookAlikeEmails,
  normalizeEmail,
} from "./email";
export type { Attendee, Classification, DetectionSettings, EventSignals } from "./types";
