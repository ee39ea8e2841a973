export { isResourceEmail } from "./attendees";
export { classifyEvent } from "./classify-event";
export type { Attendee, Classification, DetectionSettings, EventSignals } from "./types";
