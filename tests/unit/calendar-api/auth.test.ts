import { describe, expect, it } from "vitest";
import {
  buildAuthUrl,
  CALENDAR_SCOPES,
  CalendarAuthError,
  type CalendarAuthErrorKind,
  checkClientId,
  type FetchLike,
  parseAuthRedirect,
  revokeToken,
} from "@/lib/calendar-api";
import { jsonResponse } from "../../fixtures/calendar-api/fake-calendar-api";

const CLIENT_ID = "123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com";
const REDIRECT = "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/";
const NOW = Date.parse("2026-10-14T12:00:00Z");

function authError(run: () => unknown): CalendarAuthError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarAuthError);
    return error as CalendarAuthError;
  }
  throw new Error("expected a CalendarAuthError");
}

describe("checkClientId", () => {
  it("accepts a Google OAuth client id, trimmed", () => {
    expect(checkClientId(`  ${CLIENT_ID}\n`)).toEqual({ ok: true, clientId: CLIENT_ID });
  });

  it.each([
    "",
    "abcdefghijklmnop.apps.googleusercontent.com",
    "123456789012-abc.apps.googleusercontent.com.evil.com",
    "123456789012-abc.apps.googleusercontent.co",
    "123456789012-abc def.apps.googleusercontent.com",
    "GOCSPX-secretsecretsecret",
    `123-${"a".repeat(300)}.apps.googleusercontent.com`,
  ])("refuses %j with a sentence for the options page", (input) => {
    const check = checkClientId(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain(".apps.googleusercontent.com");
  });
});

describe("buildAuthUrl", () => {
  it("asks for a read-only calendar token through the implicit flow", () => {
    const url = new URL(buildAuthUrl({ clientId: CLIENT_ID, redirectUri: REDIRECT, interactive: true }));
    expect(url.origin + url.pathname).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      response_type: "token",
      redirect_uri: REDIRECT,
      scope:
        "https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/calendar.events.readonly",
    });
    expect(CALENDAR_SCOPES).toHaveLength(2);
  });

  it("adds prompt=none for a silent refresh, and the state and account when given", () => {
    const url = new URL(
      buildAuthUrl({
        clientId: ` ${CLIENT_ID} `,
        redirectUri: "https://abc.extensions.allizom.org/",
        interactive: false,
        state: "s-123",
        loginHint: "sam@example.com",
      }),
    );
    expect(url.searchParams.get("prompt")).toBe("none");
    expect(url.searchParams.get("state")).toBe("s-123");
    expect(url.searchParams.get("login_hint")).toBe("sam@example.com");
    expect(url.searchParams.get("client_id")).toBe(CLIENT_ID);
  });

  it("accepts Firefox's loopback redirect", () => {
    const url = new URL(
      buildAuthUrl({ clientId: CLIENT_ID, redirectUri: "http://127.0.0.1/mozoauth2/abc", interactive: true }),
    );
    expect(url.searchParams.get("redirect_uri")).toBe("http://127.0.0.1/mozoauth2/abc");
  });

  it.each([
    ["bad-client-id", { clientId: "my-app", redirectUri: REDIRECT }],
    ["bad-redirect-uri", { clientId: CLIENT_ID, redirectUri: "http://example.com/" }],
    ["bad-redirect-uri", { clientId: CLIENT_ID, redirectUri: "javascript:alert(1)" }],
    ["bad-redirect-uri", { clientId: CLIENT_ID, redirectUri: "chromiumapp.org" }],
    ["bad-redirect-uri", { clientId: CLIENT_ID, redirectUri: `${REDIRECT}#frag` }],
  ] as const)("refuses with %s", (kind, options) => {
    expect(authError(() => buildAuthUrl({ ...options, interactive: true })).kind).toBe(kind);
  });
});

describe("parseAuthRedirect", () => {
  const scope = CALENDAR_SCOPES.join(" ");
  const ok = (fragment: Record<string, string>) => `${REDIRECT}#${new URLSearchParams(fragment)}`;

  it("reads the token and when it expires", () => {
    const redirect = ok({
      access_token: "ya29.a0AfH6SMBx-token_value",
      token_type: "Bearer",
      expires_in: "3599",
      scope,
      state: "s-1",
    });
    expect(parseAuthRedirect(redirect, { now: NOW, state: "s-1" })).toEqual({
      accessToken: "ya29.a0AfH6SMBx-token_value",
      expiresAt: NOW + 3_599_000,
      scopes: [...CALENDAR_SCOPES],
    });
  });

  it("accepts a grant of only one of the two calendar scopes", () => {
    const redirect = ok({ access_token: "t", expires_in: "60", scope: CALENDAR_SCOPES[1] });
    expect(parseAuthRedirect(redirect, { now: NOW }).scopes).toEqual([CALENDAR_SCOPES[1]]);
  });

  it("a sign-in for Drive's app folder alone takes that grant, and refuses a Calendar-only one", () => {
    const drive = "https://www.googleapis.com/auth/drive.appdata";
    const granted = ok({ access_token: "t", expires_in: "60", scope: drive });
    expect(parseAuthRedirect(granted, { now: NOW, scopes: [drive] }).scopes).toEqual([drive]);
    const calendarOnly = ok({ access_token: "t", expires_in: "60", scope: CALENDAR_SCOPES[0] });
    expect(authError(() => parseAuthRedirect(calendarOnly, { now: NOW, scopes: [drive] })).kind).toBe(
      "insufficient-scope",
    );
  });

  it.each<[string, string, CalendarAuthErrorKind, string?]>([
    ["the user said no", `${REDIRECT}#error=access_denied&state=s-1`, "access-denied", "access_denied"],
    [
      "a silent sign-in needs the user",
      `${REDIRECT}#error=interaction_required`,
      "interaction-required",
      "interaction_required",
    ],
    [
      "a silent sign-in needs a login",
      `${REDIRECT}?error=login_required`,
      "interaction-required",
      "login_required",
    ],
    ["another OAuth error", `${REDIRECT}#error=invalid_client`, "oauth-error", "invalid_client"],
    ["an error code that is not one", `${REDIRECT}#error=%3Cb%3Ex`, "oauth-error", "unknown"],
    ["no token", `${REDIRECT}#token_type=Bearer&expires_in=3599`, "missing-token"],
    ["an empty token", `${REDIRECT}#access_token=&expires_in=3599`, "missing-token"],
    ["a token with a space", `${REDIRECT}#access_token=a%20b&expires_in=3599`, "missing-token"],
    ["no expiry", `${REDIRECT}#access_token=abc`, "missing-token"],
    ["an expiry that is no number", `${REDIRECT}#access_token=abc&expires_in=soon`, "missing-token"],
    [
      "a token type that is not bearer",
      `${REDIRECT}#access_token=abc&expires_in=60&token_type=mac`,
      "missing-token",
    ],
    ["two tokens", `${REDIRECT}#access_token=abc&access_token=def&expires_in=60`, "bad-url"],
    [
      "no calendar scope granted",
      `${REDIRECT}#access_token=abc&expires_in=60&scope=openid%20email`,
      "insufficient-scope",
    ],
    ["not a URL", "chromiumapp.org#access_token=abc", "bad-url"],
  ])("refuses %s", (_name, redirect, kind, code) => {
    const error = authError(() => parseAuthRedirect(redirect, { now: NOW }));
    expect(error.kind).toBe(kind);
    if (code !== undefined) expect(error.code).toBe(code);
  });

  it("refuses an answer for another sign-in", () => {
    const forOther = ok({ access_token: "t", expires_in: "60", state: "other" });
    expect(authError(() => parseAuthRedirect(forOther, { state: "mine" })).kind).toBe("state-mismatch");
    const withoutState = ok({ access_token: "t", expires_in: "60" });
    expect(authError(() => parseAuthRedirect(withoutState, { state: "mine" })).kind).toBe("state-mismatch");
  });

  it("ignores other keys, __proto__ included", () => {
    const redirect = `${REDIRECT}#__proto__=x&constructor=y&access_token=t&expires_in=60&authuser=0`;
    expect(parseAuthRedirect(redirect, { now: NOW })).toEqual({
      accessToken: "t",
      expiresAt: NOW + 60_000,
      scopes: [],
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("revokeToken", () => {
  function recording(answer: () => Promise<Response>) {
    const calls: { input: string; init: RequestInit }[] = [];
    const fetch: FetchLike = (input, init) => {
      calls.push({ input, init });
      return answer();
    };
    return { calls, fetch };
  }

  it("posts the token to Google's revoke endpoint as a form", async () => {
    const { calls, fetch } = recording(async () => new Response("", { status: 200 }));
    expect(await revokeToken("ya29.a&b=c", fetch)).toEqual({ revoked: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe("https://oauth2.googleapis.com/revoke");
    expect(calls[0]?.init.method).toBe("POST");
    expect(new Headers(calls[0]?.init.headers).get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(new URLSearchParams(String(calls[0]?.init.body)).get("token")).toBe("ya29.a&b=c");
    expect(calls[0]?.init.credentials).toBe("omit");
  });

  it("reports, without throwing, a token Google no longer knows", async () => {
    const { fetch } = recording(async () =>
      jsonResponse({ error: "invalid_token", error_description: "Token expired or revoked" }, 400),
    );
    expect(await revokeToken("t", fetch)).toEqual({
      revoked: false,
      reason: "Google answered 400 (invalid_token)",
    });
  });

  it("reports, without throwing, a server error with an odd body", async () => {
    const { fetch } = recording(async () => new Response("<html>oops</html>", { status: 503 }));
    expect(await revokeToken("t", fetch)).toEqual({ revoked: false, reason: "Google answered 503" });
  });

  it("reports, without throwing, that Google could not be reached", async () => {
    const { fetch } = recording(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await revokeToken("t", fetch)).toEqual({ revoked: false, reason: "Google could not be reached" });
  });

  it("makes no request without a usable token", async () => {
    const { calls, fetch } = recording(async () => new Response("", { status: 200 }));
    expect((await revokeToken("", fetch)).revoked).toBe(false);
    expect((await revokeToken("a b", fetch)).revoked).toBe(false);
    expect(calls).toHaveLength(0);
  });
});
