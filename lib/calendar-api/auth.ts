import { z } from "zod";
import { CalendarAuthError } from "./errors";
import type { FetchLike } from "./request";

export const GOOGLE_AUTH_ENDPOINT = "https://accounts.google.com/o/oauth2/v2/auth";
export const GOOGLE_REVOKE_ENDPOINT = "https://oauth2.googleapis.com/revoke";

/** Read-only: the product never writes to the user's calendar. */
export const CALENDAR_SCOPES = [
  "https://www.googleapis.com/auth/calendar.readonly",
  "https://www.googleapis.com/auth/calendar.events.readonly",
] as const;

const CLIENT_ID_MESSAGE =
  "Paste the OAuth client ID from Google Cloud Console (APIs & Services → Credentials). It looks like 1234567890-abc123.apps.googleusercontent.com.";

/** A Google OAuth client id, as the options page asks for it. */
export const clientIdSchema = z
  .string()
  .trim()
  .max(255, { error: CLIENT_ID_MESSAGE })
  .regex(/^\d{1,32}-[a-z0-9]{1,64}\.apps\.googleusercontent\.com$/i, { error: CLIENT_ID_MESSAGE });

export type ClientIdCheck = { ok: true; clientId: string } | { ok: false; message: string };

/** For the options page: the cleaned client id, or the sentence to show beside the field. */
export function checkClientId(input: string): ClientIdCheck {
  const parsed = clientIdSchema.safeParse(input);
  return parsed.success ? { ok: true, clientId: parsed.data } : { ok: false, message: CLIENT_ID_MESSAGE };
}

/**
 * Where Google may send the user back: the browser's identity redirect
 * (`https://<id>.chromiumapp.org/`, `https://<id>.extensions.allizom.org/`) or Firefox's loopback.
 */
function checkRedirectUri(redirectUri: string): string {
  try {
    const url = new URL(redirectUri);
    const loopback = url.protocol === "http:" && url.hostname === "127.0.0.1";
    if (redirectUri.length <= 2048 && (url.protocol === "https:" || loopback) && !url.hash)
      return url.toString();
  } catch {
    // reported below
  }
  throw new CalendarAuthError("bad-redirect-uri", "The sign-in redirect address is not a valid https URL.");
}

export interface AuthUrlOptions {
  clientId: string;
  /** from `browser.identity.getRedirectURL()` */
  redirectUri: string;
  /** false for a silent token refresh: Google answers at once, with an error if it needs the user */
  interactive: boolean;
  /** a random value to check in the redirect, so an answer for another sign-in is refused */
  state?: string;
  /** the account to preselect, when known */
  loginHint?: string;
  /** what to ask for; Calendar's read-only scopes unless said otherwise */
  scopes?: readonly string[];
  /**
   * The authorization-code flow with offline access instead of the implicit one: Google hands back
   * a code (proved by this PKCE challenge at the exchange) and, once exchanged, a refresh token.
   */
  codeChallenge?: string;
}

/**
 * The URL for `launchWebAuthFlow`: Google's implicit flow, which hands back an access token
 * directly, or with `codeChallenge` the code flow with offline access.
 */
export function buildAuthUrl(options: AuthUrlOptions): string {
  const clientId = checkClientId(options.clientId);
  if (!clientId.ok) throw new CalendarAuthError("bad-client-id", clientId.message);
  const url = new URL(GOOGLE_AUTH_ENDPOINT);
  url.searchParams.set("client_id", clientId.clientId);
  url.searchParams.set("response_type", options.codeChallenge === undefined ? "token" : "code");
  url.searchParams.set("redirect_uri", checkRedirectUri(options.redirectUri));
  url.searchParams.set("scope", (options.scopes ?? CALENDAR_SCOPES).join(" "));
  if (options.codeChallenge !== undefined) {
    url.searchParams.set("access_type", "offline");
    url.searchParams.set("code_challenge", options.codeChallenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  if (!options.interactive) url.searchParams.set("prompt", "none");
  // Google sends a refresh token only with consent given in this sign-in, not on a later one.
  else if (options.codeChallenge !== undefined) url.searchParams.set("prompt", "consent");
  if (options.state !== undefined) url.searchParams.set("state", options.state);
  if (options.loginHint !== undefined) url.searchParams.set("login_hint", options.loginHint);
  return url.toString();
}

const tokenResponseSchema = z.object({
  access_token: z.string().regex(/^[\x21-\x7e]{1,4096}$/),
  token_type: z
    .string()
    .regex(/^bearer$/i)
    .optional(),
  expires_in: z.string().regex(/^\d{1,9}$/),
  scope: z.string().max(4096).optional(),
});

export interface AuthRedirect {
  accessToken: string;
  /** epoch ms */
  expiresAt: number;
  /** the scopes the user granted, when Google listed them */
  scopes: string[];
}

/** Answers to a silent sign-in that mean "ask the user". */
const NEEDS_USER = new Set([
  "interaction_required",
  "login_required",
  "consent_required",
  "account_selection_required",
]);

/**
 * The fields of the address a sign-in window came back with, from its fragment or its query; a
 * field given twice is refused, so no answer can be read two ways.
 */
export function readSignInAnswer(url: string): (key: string) => string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CalendarAuthError("bad-url", "The sign-in did not come back with an address we can read.");
  }
  const fragment = new URLSearchParams(parsed.hash.replace(/^#/, ""));
  return (key) => {
    const values = [...fragment.getAll(key), ...parsed.searchParams.getAll(key)];
    if (values.length > 1) throw new CalendarAuthError("bad-url", `The sign-in answer repeats "${key}".`);
    return values[0];
  };
}

/**
 * Reads the URL `launchWebAuthFlow` resolves with: `…#access_token=…&expires_in=…` on success,
 * `…#error=…` when Google or the user said no.
 */
export function parseAuthRedirect(
  url: string,
  options: {
    now?: number;
    state?: string;
    /** the scopes asked for, any of which will do; Calendar's by default */
    scopes?: readonly string[];
  } = {},
): AuthRedirect {
  const read = readSignInAnswer(url);

  const error = read("error");
  if (error !== undefined) {
    const code = /^[a-z_]{1,64}$/.test(error) ? error : "unknown";
    if (code === "access_denied") {
      throw new CalendarAuthError("access-denied", "Access to Google Calendar was not granted.", code);
    }
    if (NEEDS_USER.has(code)) {
      throw new CalendarAuthError(
        "interaction-required",
        "Google needs you to sign in again: connect once more.",
        code,
      );
    }
    throw new CalendarAuthError("oauth-error", `Google could not sign you in (${code}).`, code);
  }

  if (options.state !== undefined && read("state") !== options.state) {
    throw new CalendarAuthError("state-mismatch", "The sign-in answer was not for this sign-in.");
  }

  const fields = {
    access_token: read("access_token"),
    token_type: read("token_type"),
    expires_in: read("expires_in"),
    scope: read("scope"),
  };
  const token = tokenResponseSchema.safeParse(fields);
  if (!token.success) {
    throw new CalendarAuthError("missing-token", "Google's answer had no usable access token.");
  }
  const scopes = token.data.scope?.split(" ").filter(Boolean) ?? [];
  const wanted = options.scopes ?? CALENDAR_SCOPES;
  if (token.data.scope !== undefined && !wanted.some((scope) => scopes.includes(scope))) {
    throw new CalendarAuthError(
      "insufficient-scope",
      options.scopes === undefined
        ? "Calendar access was not granted. Connect again and leave the calendar box ticked."
        : "Google did not grant the access asked for. Connect again and leave its box ticked.",
    );
  }
  const now = options.now ?? Date.now();
  return {
    accessToken: token.data.access_token,
    expiresAt: now + Number(token.data.expires_in) * 1000,
    scopes,
  };
}

export type RevokeResult = { revoked: true } | { revoked: false; reason: string };

/**
 * Asks Google to forget the grant on disconnect. Never throws: the product forgets the token
 * either way, and the caller tells the user when Google could not be told.
 */
export async function revokeToken(token: string, fetch?: FetchLike): Promise<RevokeResult> {
  if (typeof token !== "string" || !/^[\x21-\x7e]{1,4096}$/.test(token)) {
    return { revoked: false, reason: "no valid token to revoke" };
  }
  const fetcher: FetchLike = fetch ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await fetcher(GOOGLE_REVOKE_ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    return { revoked: false, reason: "Google could not be reached" };
  }
  if (response.ok) return { revoked: true };
  let code: string | undefined;
  try {
    const body = z
      .object({ error: z.string().max(100) })
      .safeParse(JSON.parse((await response.text()).slice(0, 64 * 1024)));
    if (body.success && /^[a-z_]{1,64}$/.test(body.data.error)) code = body.data.error;
  } catch {
    // the status says enough
  }
  return { revoked: false, reason: `Google answered ${response.status}${code ? ` (${code})` : ""}` };
}
