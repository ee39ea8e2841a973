/**
 * The only module that knows Google Calendar's DOM. It finds the open event (details dialog or
 * edit page) and reads what detection needs. Readers reflect the DOM at call time; Calendar fills
 * the dialog over several frames, so callers read again after further mutations.
 */
export { findOpenEventAnchor, type OpenEventAnchor, type OpenEventSource } from "./anchor";
export {
  describeOpenEvent,
  isEventClick,
  isReadable,
  maskEmail,
  maskName,
  type PageCheck,
  pageHooks,
} from "./check";
export { type DecodedEid, decodeEid, isCalendarEventView } from "./eid";
export { type EventKey, eventKey } from "./event-key";
export {
  type Box,
  GAP,
  PANEL_WIDTH,
  type PanelPlacement,
  placeButton,
  placePanel,
  type Viewport,
} from "./placement";
export { type OpenEvent, readOpenEvent, readOpenEventAt } from "./read-open-event";
export { type CalendarSelector, type SelectorKey, selectors } from "./selectors";
export { calendarOwnerAmongGuests, readSelfEmail } from "./self-email";
export {
  type EventSnapshot,
  readSnapshot,
  SNAPSHOT_MAX_AROUND,
  SNAPSHOT_MAX_CHARS,
  sameEvent,
  sameSnapshot,
  sampleSnapshot,
  snapshotFits,
  snapshotOpenEvent,
} from "./snapshot";
export { planWatch, type WatchPlan } from "./watch";
