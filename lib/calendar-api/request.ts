import type { z } from "zod";
import { CalendarApiError, type CalendarApiErrorKind } from "./errors";
import { apiErrorBodySchema } from "./schemas";

/** `fetch` as the client calls it; tests pass a fake Calendar API. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Hands out the user's access token. `refresh: true` means the last one was refused: get a new
 * one (Chrome: remove the cached token and ask again; Firefox: a silent `launchWebAuthFlow`).
 */
export type TokenProvider = (options: { refresh: boolean }) => Promise<string>;

export interface RetryOptions {
  /** retries after the first try, for rate limits, 5xx and network failures (default 5) */
  maxRetries?: number;
  /** the first backoff step (default 1 s); each later step doubles */
  baseDelayMs?: number;
  /**
   * the longest wait (default 30 s). A `Retry-After` asking for more is not slept through: an
   * extension's background worker may be stopped meanwhile, so the error carries the wait instead.
   */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** in [0, 1), for the jitter */
  random?: () => number;
  now?: () => number;
}

export interface ClientOptions {
  getToken: TokenProvider;
  fetch?: FetchLike;
  retry?: RetryOptions;
}

export const DEFAULT_RETRY = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 30_000 } as const;

/** Calendar pages are a few hundred kB; anything far larger is not an events page. */
const MAX_BODY_CHARS = 16 * 1024 * 1024;
const MAX_ERROR_BODY_CHARS = 64 * 1024;
const RATE_LIMIT_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded"]);
const TOKEN = /^[\x21-\x7e]{1,4096}$/;

interface ResolvedRetry {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

function resolveRetry(options: RetryOptions = {}): ResolvedRetry {
  return {
    maxRetries: options.maxRetries ?? DEFAULT_RETRY.maxRetries,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
}

/**
 * Full jitter: a uniform wait between 0 and the exponential step, so clients that failed together
 * do not come back together.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseDelayMs: number = DEFAULT_RETRY.baseDelayMs,
  maxDelayMs: number = DEFAULT_RETRY.maxDelayMs,
): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * step);
}

/** `Retry-After` as delay-seconds or an HTTP-date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * One access token per sync; refreshed at most once, since a token refused right after a refresh
 * means the grant itself is gone.
 */
export class TokenSession {
  private token: string | undefined;
  private refreshed = false;

  constructor(private readonly provider: TokenProvider) {}

  async current(): Promise<string> {
    if (this.token === undefined) this.token = await this.ask(false);
    return this.token;
  }

  /** false when the token was already refreshed once */
  async refresh(): Promise<boolean> {
    if (this.refreshed) return false;
    this.refreshed = true;
    this.token = await this.ask(true);
    return true;
  }

  private async ask(refresh: boolean): Promise<string> {
    let token: unknown;
    try {
      token = await this.provider({ refresh });
    } catch (cause) {
      throw new CalendarApiError(
        "auth",
        "Could not get access to Google Calendar. Reconnect it in options.",
        {
          cause,
        },
      );
    }
    // A token that cannot go into a header would make fetch throw, which would read as "offline".
    if (typeof token !== "string" || !TOKEN.test(token)) {
      throw new CalendarApiError("auth", "Google Calendar access is not valid. Reconnect it in options.");
    }
    return token;
  }
}

interface Failure {
  kind: CalendarApiErrorKind;
  message: string;
  status?: number;
  reason?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

function toError(failure: Failure): CalendarApiError {
  const { kind, message, ...details } = failure;
  return new CalendarApiError(kind, message, details);
}

async function readText(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit * 4) return undefined;
  const text = await response.text();
  return text.length > limit ? undefined : text;
}

async function readErrorBody(response: Response): Promise<{ reason?: string; message?: string }> {
  try {
    const text = await readText(response, MAX_ERROR_BODY_CHARS);
    if (text === undefined) return {};
    const parsed = apiErrorBodySchema.safeParse(JSON.parse(text));
    if (!parsed.success) return {};
    const { error } = parsed.data;
    const reason = error.errors?.find((e) => e.reason)?.reason ?? undefined;
    const message = error.message ?? error.errors?.find((e) => e.message)?.message ?? undefined;
    return {
      ...(reason ? { reason } : {}),
      ...(message ? { message: message.slice(0, 300) } : {}),
    };
  } catch {
    return {};
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "unexpected data";
  const path = issue.path.map(String).join(".") || "body";
  return `${path}: ${issue.code}`;
}

function invalid(message: string, cause?: unknown): CalendarApiError {
  return new CalendarApiError(
    "invalid-response",
    `Google Calendar sent data we do not accept (${message}).`,
    {
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

async function parseBody<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  let text: string | undefined;
  try {
    text = await readText(response, MAX_BODY_CHARS);
  } catch (cause) {
    throw new CalendarApiError("offline", "The connection to Google Calendar broke off.", { cause });
  }
  if (text === undefined) throw invalid("too large");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw invalid("not JSON", cause);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid(describeIssue(parsed.error), parsed.error);
  return parsed.data;
}

/** Reads a failed response into what to do next: retry (a Failure) or stop (thrown). */
async function classify(response: Response, now: number): Promise<Failure> {
  const status = response.status;
  const { reason, message } = await readErrorBody(response);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const said = message ? ` Google said: ${message}` : "";
  const details = {
    status,
    ...(reason ? { reason } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
  if (status === 429 || (status === 403 && reason !== undefined && RATE_LIMIT_REASONS.has(reason))) {
    return { kind: "rate-limited", message: `Google Calendar asks us to slow down.${said}`, ...details };
  }
  if (status >= 500) {
    return { kind: "unavailable", message: `Google Calendar is not available right now.${said}`, ...details };
  }
  throw toError({
    kind: "http",
    message: `Google Calendar refused the request (${status}).${said}`,
    ...details,
  });
}

export interface Client {
  getJson<T>(url: string, schema: z.ZodType<T>): Promise<T>;
}

/**
 * A client for one sync: one token session, and the retry rules. 401 → one fresh token, then
 * `auth`; 429, rate-limit 403s, 5xx and network failures → backoff with full jitter (or the wait
 * Google asks for), then `rate-limited` / `unavailable` / `offline`; other statuses → `http`.
 */
export function createClient(options: ClientOptions): Client {
  const fetcher: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const retry = resolveRetry(options.retry);
  const session = new TokenSession(options.getToken);

  type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

  async function tryOnce<T>(url: string, schema: z.ZodType<T>): Promise<Outcome<T>> {
    for (;;) {
      const token = await session.current();
      let response: Response;
      try {
        response = await fetcher(url, {
          method: "GET",
          headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
          credentials: "omit",
          cache: "no-store",
        });
      } catch (cause) {
        return {
          ok: false,
          failure: { kind: "offline", message: "Could not reach Google Calendar.", cause },
        };
      }
      if (response.ok) {
        try {
          return { ok: true, value: await parseBody(response, schema) };
        } catch (error) {
          // The connection broke off while the page came in: as retryable as one that never came.
          if (!(error instanceof CalendarApiError && error.kind === "offline")) throw error;
          return { ok: false, failure: { kind: "offline", message: error.message, cause: error.cause } };
        }
      }
      if (response.status !== 401) return { ok: false, failure: await classify(response, retry.now()) };
      await response.body?.cancel().catch(() => undefined);
      if (!(await session.refresh())) {
        throw new CalendarApiError(
          "auth",
          "Google Calendar no longer accepts our access. Reconnect it in options.",
          {
            status: 401,
          },
        );
      }
    }
  }

  async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await tryOnce(url, schema);
      if (outcome.ok) return outcome.value;
      const { failure } = outcome;
      if (attempt >= retry.maxRetries) throw toError(failure);
      if (failure.retryAfterMs !== undefined && failure.retryAfterMs > retry.maxDelayMs)
        throw toError(failure);
      await retry.sleep(
        failure.retryAfterMs ?? backoffDelay(attempt, retry.random, retry.baseDelayMs, retry.maxDelayMs),
      );
    }
  }

  return { getJson };
}
