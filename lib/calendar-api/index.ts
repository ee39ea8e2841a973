/**
 * The optional Google Calendar REST client: plain `fetch`, every answer checked with zod, types
 * from `@googleapis/calendar` (types only: the package itself would break the background worker).
 * No `browser.*` here: tokens, storage and scheduling belong to the caller.
 */
export {
  type AuthRedirect,
  type AuthUrlOptions,
  buildAuthUrl,
  CALENDAR_SCOPES,
  type ClientIdCheck,
  checkClientId,
  clientIdSchema,
  GOOGLE_AUTH_ENDPOINT,
  GOOGLE_REVOKE_ENDPOINT,
  parseAuthRedirect,
  type RevokeResult,
  revokeToken,
} from "./auth";
export {
  CalendarApiError,
  type CalendarApiErrorKind,
  CalendarAuthError,
  type CalendarAuthErrorKind,
  isCalendarApiError,
} from "./errors";
export {
  DEFAULT_MAX_PAGES,
  DEFAULT_PAGE_SIZE,
  DEFAULT_WEEKS_AHEAD,
  DEFAULT_WEEKS_BACK,
  EVENTS_API_BASE,
  type ListEventsOptions,
  type ListEventsResult,
  listEvents,
} from "./list-events";
export {
  eidFromHtmlLink,
  type SyncedAttendee,
  type SyncedEvent,
  toEventSignals,
  toSyncedEvent,
} from "./mapping";
export {
  type ClientSecretCheck,
  type CodeExchange,
  type CodeVerifier,
  checkClientSecret,
  clientSecretSchema,
  exchangeCode,
  GOOGLE_TOKEN_ENDPOINT,
  newCodeVerifier,
  type OfflineGrant,
  parseCodeRedirect,
  type Renewal,
  renewAccess,
  TokenEndpointError,
  type TokenEndpointErrorKind,
} from "./offline-access";
export {
  backoffDelay,
  type ClientOptions,
  DEFAULT_RETRY,
  type FetchLike,
  parseRetryAfter,
  type RetryOptions,
  type TokenProvider,
} from "./request";
export { type CalendarApiAttendee, type CalendarApiEvent, calendarApiEventSchema } from "./schemas";
