import type { ProblemCode, ProblemDetail } from "@/lib/problem";

/**
 * What went wrong talking to Google, in the terms the options page and the sync act on:
 * - `auth`: the token was refused twice or could not be had; the user needs to reconnect.
 * - `rate-limited`: Google kept asking us to slow down; try again later (`retryAfterMs` if it said when).
 * - `unavailable`: Google kept failing (5xx); try again later.
 * - `offline`: the request never reached Google.
 * - `http`: Google refused the request for another reason (`status`, `reason`); retrying will not help.
 * - `invalid-response`: Google answered with something we do not accept; nothing was applied.
 * - `too-many-pages`: the calendar kept paging past the limit; nothing was applied.
 */
export type CalendarApiErrorKind =
  | "auth"
  | "rate-limited"
  | "unavailable"
  | "offline"
  | "http"
  | "invalid-response"
  | "too-many-pages";

export interface CalendarApiErrorDetails {
  status?: number;
  /** the first `reason` of Google's error body, e.g. `forbidden`, `accessNotConfigured` */
  reason?: string;
  /** how long Google asked us to wait, when that was longer than we wait ourselves */
  retryAfterMs?: number;
  cause?: unknown;
}

export class CalendarApiError extends Error {
  override readonly name = "CalendarApiError";
  readonly kind: CalendarApiErrorKind;
  readonly status?: number;
  readonly reason?: string;
  readonly retryAfterMs?: number;

  constructor(kind: CalendarApiErrorKind, message: string, details: CalendarApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.reason !== undefined) this.reason = details.reason;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

export function isCalendarApiError(error: unknown): error is CalendarApiError {
  return error instanceof CalendarApiError;
}

/**
 * Why connecting failed:
 * - `bad-client-id` / `bad-redirect-uri`: the settings cannot make a sign-in URL.
 * - `access-denied`: the user said no on Google's consent screen.
 * - `interaction-required`: a silent (non-interactive) sign-in needs the user; ask them to connect.
 * - `insufficient-scope`: the user unticked calendar access on the consent screen.
 * - `state-mismatch`: the answer was not for the sign-in we started.
 * - `missing-token`: Google's answer carried no usable access token.
 * - `oauth-error`: Google reported another OAuth error (`code`).
 * - `bad-url`: the redirect was not a URL we can read.
 */
export type CalendarAuthErrorKind =
  | "bad-client-id"
  | "bad-redirect-uri"
  | "access-denied"
  | "interaction-required"
  | "insufficient-scope"
  | "state-mismatch"
  | "missing-token"
  | "oauth-error"
  | "bad-url";

/** What the manager is told of each, in their language. */
const SIGN_IN_PROBLEMS: Record<CalendarAuthErrorKind, ProblemCode> = {
  "bad-client-id": "clientIdInvalid",
  "bad-redirect-uri": "signInFailed",
  "access-denied": "signInDenied",
  "interaction-required": "signInAgain",
  "insufficient-scope": "calendarScope",
  "state-mismatch": "signInFailed",
  "missing-token": "signInFailed",
  "oauth-error": "signInFailed",
  "bad-url": "signInFailed",
};

export class CalendarAuthError extends Error {
  override readonly name = "CalendarAuthError";
  readonly kind: CalendarAuthErrorKind;
  /** Google's `error` code, when it sent one */
  readonly code?: string;
  readonly detail: ProblemDetail;

  constructor(kind: CalendarAuthErrorKind, message: string, code?: string) {
    super(message);
    this.kind = kind;
    this.detail = { code: SIGN_IN_PROBLEMS[kind], values: [] };
    if (code !== undefined) this.code = code;
  }
}
