import { z } from "zod";
import { toBase64Url } from "@/lib/sync/encoding";
import { readSignInAnswer } from "./auth";
import { CalendarAuthError } from "./errors";
import type { FetchLike } from "./request";

/**
 * Google's authorization-code flow with offline access: the sign-in window hands back a code,
 * which is exchanged here for an access token and a refresh token, and the refresh token later
 * renews the access token with no window at all. Google's token endpoint wants the OAuth client's
 * secret beside the code even with PKCE, so this flow is used only when the manager gave it.
 */

export const GOOGLE_TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token";

const CLIENT_SECRET_MESSAGE =
  "Paste the client secret shown beside the client ID in Google Cloud Console (it often starts with GOCSPX-).";

export const clientSecretSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, { error: CLIENT_SECRET_MESSAGE });

export type ClientSecretCheck = { ok: true; clientSecret: string } | { ok: false; message: string };

/** For the options page: the cleaned secret, or the sentence to show beside the field. */
export function checkClientSecret(input: string): ClientSecretCheck {
  const parsed = clientSecretSchema.safeParse(input);
  return parsed.success
    ? { ok: true, clientSecret: parsed.data }
    : { ok: false, message: CLIENT_SECRET_MESSAGE };
}

/** What proves, at the exchange, that the code goes back to the sign-in that asked for it. */
export interface CodeVerifier {
  verifier: string;
  /** SHA-256 of the verifier, base64url: sent with the sign-in */
  challenge: string;
}

export async function newCodeVerifier(): Promise<CodeVerifier> {
  const verifier = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return { verifier, challenge: toBase64Url(new Uint8Array(digest)) };
}

const TOKEN_TEXT = /^[\x21-\x7e]{1,4096}$/;

const tokenAnswerSchema = z.object({
  access_token: z.string().regex(TOKEN_TEXT),
  expires_in: z.number().int().positive().max(1e9),
  refresh_token: z.string().regex(TOKEN_TEXT).optional(),
  scope: z.string().max(4096).optional(),
  token_type: z
    .string()
    .regex(/^bearer$/i)
    .optional(),
});

const tokenErrorSchema = z.object({ error: z.string().regex(/^[a-z_]{1,64}$/) });

export interface OfflineGrant {
  accessToken: string;
  /** epoch ms */
  expiresAt: number;
  /** only on the first exchange; a renewal keeps the one the manager granted */
  refreshToken?: string;
  scopes: string[];
}

/**
 * Why the token endpoint gave no token:
 * - `offline`: it could not be reached; the refresh token still holds, try again later.
 * - `revoked`: the grant is gone (revoked, expired, password changed); the manager connects again.
 * - `refused`: it refused the client itself (wrong secret, client deleted).
 * - `invalid-response`: an answer we do not accept.
 */
export type TokenEndpointErrorKind = "offline" | "revoked" | "refused" | "invalid-response";

export class TokenEndpointError extends Error {
  override readonly name = "TokenEndpointError";
  constructor(
    readonly kind: TokenEndpointErrorKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function askTokenEndpoint(
  form: Record<string, string>,
  options: { fetch?: FetchLike; now?: number },
): Promise<OfflineGrant> {
  const fetcher: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await fetcher(GOOGLE_TOKEN_ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    throw new TokenEndpointError("offline", "Google's sign-in service could not be reached.");
  }
  let body: unknown;
  try {
    body = JSON.parse((await response.text()).slice(0, 64 * 1024));
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const code = tokenErrorSchema.safeParse(body).data?.error;
    if (response.status >= 500 || response.status === 429)
      throw new TokenEndpointError("offline", `Google's sign-in service answered ${response.status}.`, code);
    if (code === "invalid_grant")
      throw new TokenEndpointError(
        "revoked",
        "Google no longer accepts this connection: connect again.",
        code,
      );
    throw new TokenEndpointError(
      "refused",
      `Google refused the OAuth client (${code ?? response.status}). Check the client ID and secret.`,
      code,
    );
  }
  const answer = tokenAnswerSchema.safeParse(body);
  if (!answer.success)
    throw new TokenEndpointError("invalid-response", "Google's answer had no usable access token.");
  return {
    accessToken: answer.data.access_token,
    expiresAt: (options.now ?? Date.now()) + answer.data.expires_in * 1000,
    ...(answer.data.refresh_token ? { refreshToken: answer.data.refresh_token } : {}),
    scopes: answer.data.scope?.split(" ").filter(Boolean) ?? [],
  };
}

export interface CodeExchange {
  clientId: string;
  clientSecret: string;
  code: string;
  verifier: string;
  /** exactly the one the sign-in was sent back to */
  redirectUri: string;
}

/** The code from the sign-in window, for the first access token and the refresh token. */
export function exchangeCode(
  exchange: CodeExchange,
  options: { fetch?: FetchLike; now?: number } = {},
): Promise<OfflineGrant> {
  return askTokenEndpoint(
    {
      grant_type: "authorization_code",
      code: exchange.code,
      client_id: exchange.clientId,
      client_secret: exchange.clientSecret,
      redirect_uri: exchange.redirectUri,
      code_verifier: exchange.verifier,
    },
    options,
  );
}

export interface Renewal {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** A fresh access token from the refresh token, with no window and nobody at the keyboard. */
export function renewAccess(
  renewal: Renewal,
  options: { fetch?: FetchLike; now?: number } = {},
): Promise<OfflineGrant> {
  return askTokenEndpoint(
    {
      grant_type: "refresh_token",
      refresh_token: renewal.refreshToken,
      client_id: renewal.clientId,
      client_secret: renewal.clientSecret,
    },
    options,
  );
}

/**
 * Reads the URL the sign-in window resolves with in the code flow: `…?code=…&state=…`, or
 * `…?error=…` when Google or the manager said no.
 */
export function parseCodeRedirect(
  url: string,
  options: { state: string; scopes: readonly string[] },
): string {
  const read = readSignInAnswer(url);
  const error = read("error");
  if (error !== undefined) {
    const code = /^[a-z_]{1,64}$/.test(error) ? error : "unknown";
    if (code === "access_denied")
      throw new CalendarAuthError("access-denied", "Access to Google was not granted.", code);
    throw new CalendarAuthError("oauth-error", `Google could not sign you in (${code}).`, code);
  }
  if (read("state") !== options.state)
    throw new CalendarAuthError("state-mismatch", "The sign-in answer was not for this sign-in.");
  const granted = read("scope");
  if (granted !== undefined) {
    const scopes = granted.split(" ").filter(Boolean);
    if (!options.scopes.some((scope) => scopes.includes(scope)))
      throw new CalendarAuthError(
        "insufficient-scope",
        "Google did not grant the access asked for. Connect again and leave its box ticked.",
      );
  }
  const code = read("code");
  if (code === undefined || !TOKEN_TEXT.test(code))
    throw new CalendarAuthError("missing-token", "Google's answer had no usable sign-in code.");
  return code;
}
