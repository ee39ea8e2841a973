import { browser } from "wxt/browser";
import {
  buildAuthUrl,
  CalendarAuthError,
  checkClientId,
  exchangeCode,
  type FetchLike,
  newCodeVerifier,
  parseAuthRedirect,
  parseCodeRedirect,
} from "@/lib/calendar-api";
import { Problem } from "@/lib/problem";
import {
  type CalendarToken,
  setCalendarConnection,
  setCalendarSyncState,
  setCalendarToken,
} from "@/lib/settings";

/** Google's API and token-revocation hosts: asked for when connecting, given back on disconnect. */
export const CALENDAR_API_ORIGINS = ["https://www.googleapis.com/*", "https://oauth2.googleapis.com/*"];

/** The address Google sends the token back to; it must be listed in the OAuth client. */
export function redirectUrl(): string {
  // Chrome knows it before `identity` is granted; Firefox grants `identity` at install.
  return browser.identity?.getRedirectURL?.() ?? `https://${browser.runtime.id}.chromiumapp.org/`;
}

function randomState(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
}

/** Google's sign-in in the browser's own window, and the address it came back to. */
async function openSignInWindow(url: string, interactive: boolean): Promise<string> {
  if (!browser.identity?.launchWebAuthFlow) {
    throw new CalendarAuthError(
      "interaction-required",
      "This browser did not let 1:1 Prep open Google's sign-in. Connect again in options.",
    );
  }
  const redirect = await browser.identity.launchWebAuthFlow({ url, interactive });
  if (!redirect) throw new Problem("Google's sign-in was closed before it finished.", "signInClosed");
  return redirect;
}

/**
 * An access token through Google's implicit flow in the browser's own sign-in window. Silent
 * (`interactive: false`) when the background refreshes a token: Google answers at once, or
 * says the user is needed.
 */
export async function signIn(
  clientId: string,
  interactive: boolean,
  scopes?: readonly string[],
): Promise<CalendarToken> {
  const state = randomState();
  const url = buildAuthUrl({
    clientId,
    redirectUri: redirectUrl(),
    interactive,
    state,
    ...(scopes ? { scopes } : {}),
  });
  const redirect = await openSignInWindow(url, interactive);
  // Checked against what this sign-in asked for: sync's asks for Drive's app folder alone.
  const { accessToken, expiresAt } = parseAuthRedirect(redirect, { state, ...(scopes ? { scopes } : {}) });
  return { accessToken, expiresAt };
}

export interface OfflineSignIn {
  token: CalendarToken;
  /** renews the token with no window; absent when Google sent none */
  refreshToken?: string;
}

/**
 * The manager signs in once, in Google's window, through the authorization-code flow with
 * offline access: the code comes back to this page and is exchanged, with the OAuth client's
 * secret and the PKCE verifier, for a token and a refresh token.
 */
export async function signInWithOfflineAccess(
  clientId: string,
  clientSecret: string,
  scopes: readonly string[],
  fetch?: FetchLike,
): Promise<OfflineSignIn> {
  const state = randomState();
  const proof = await newCodeVerifier();
  const redirectUri = redirectUrl();
  const url = buildAuthUrl({
    clientId,
    redirectUri,
    interactive: true,
    state,
    scopes,
    codeChallenge: proof.challenge,
  });
  const redirect = await openSignInWindow(url, true);
  const code = parseCodeRedirect(redirect, { state, scopes });
  const grant = await exchangeCode(
    { clientId, clientSecret, code, verifier: proof.verifier, redirectUri },
    fetch ? { fetch } : {},
  );
  return {
    token: { accessToken: grant.accessToken, expiresAt: grant.expiresAt },
    ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
  };
}

export interface ConnectDeps {
  /** tells the background to sync now */
  requestSync: () => Promise<unknown>;
}

/**
 * Connects from a click in options. The permission request must be the first thing that waits:
 * browsers grant optional permissions only during the click itself.
 */
export async function connectCalendar(input: string, deps: ConnectDeps): Promise<void> {
  const checked = checkClientId(input);
  if (!checked.ok) throw new Problem(checked.message, "clientIdInvalid");
  const isFirefox = browser.runtime.getURL("").startsWith("moz-extension:");
  const granted = await browser.permissions.request({
    // Firefox grants `identity` at install and refuses to list it here.
    ...(isFirefox ? {} : { permissions: ["identity"] }),
    origins: CALENDAR_API_ORIGINS,
  });
  if (!granted) {
    throw new Problem(
      "1:1 Prep needs permission to reach Google Calendar's API to connect. Nothing changed.",
      "calendarPermission",
    );
  }
  const token = await signIn(checked.clientId, true);
  await setCalendarToken(token);
  await setCalendarSyncState(undefined);
  await setCalendarConnection({ clientId: checked.clientId, connectedAt: Date.now() });
  await deps.requestSync();
}

/** Gives back what connecting asked for; a permission the browser granted at install stays. */
export async function disconnectPermissions(): Promise<void> {
  await browser.permissions.remove({ origins: CALENDAR_API_ORIGINS }).catch(() => false);
  await browser.permissions.remove({ permissions: ["identity"] }).catch(() => false);
}
