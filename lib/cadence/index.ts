/**
 * Cadence and follow-through statistics for the popup's Stats tab and the toolbar badge. Pure: rows
 * in, figures out; `now` and the time zone are always passed in, so every rule is a table test.
 */
export { badgeText, badgeTooltip } from "./badge";
export {
  CADENCE_WINDOW_WEEKS,
  type CadenceOptions,
  type CadenceStats,
  cadenceFor,
  countsAsHeld,
  DEFAULT_CADENCE_DAYS,
} from "./cadence-for";
export type { WeekStartsOn } from "./calendar-days";
export {
  type FollowThrough,
  type FollowThroughOptions,
  type FollowThroughWeek,
  followThrough,
} from "./follow-through";
export {
  type OverdueForPerson,
  type OverdueScope,
  overdueByPerson,
  overdueCount,
  overdueItems,
} from "./overdue-items";
export {
  groupMeetingsByPerson,
  type MeetingsByPerson,
  type TeamSummary,
  type TeamSummaryOptions,
  teamSummary,
} from "./team-summary";
export { type TimedMeetings, timedMeetings } from "./timed-meetings";
