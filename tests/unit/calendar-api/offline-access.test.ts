import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buildAuthUrl,
  CalendarAuthError,
  checkClientSecret,
  exchangeCode,
  GOOGLE_TOKEN_ENDPOINT,
  newCodeVerifier,
  parseCodeRedirect,
  renewAccess,
  TokenEndpointError,
} from "@/lib/calendar-api";
import { FakeTokenEndpoint } from "../../fixtures/google/fake-token-endpoint";

const CLIENT_ID = "123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com";
const SECRET = "GOCSPX-abcdefghijklmnopqrstuvwxyz12";
const REDIRECT = "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/";
const DRIVE = ["https://www.googleapis.com/auth/drive.appdata"];
const NOW = Date.parse("2026-12-06T12:00:00Z");

describe("the sign-in URL of the code flow", () => {
  it("asks for a code with offline access, proved by an S256 challenge, and consent so a refresh token comes", () => {
    const url = new URL(
      buildAuthUrl({
        clientId: CLIENT_ID,
        redirectUri: REDIRECT,
        interactive: true,
        state: "s1",
        scopes: DRIVE,
        codeChallenge: "challenge-1",
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      response_type: "code",
      redirect_uri: REDIRECT,
      scope: DRIVE[0],
      access_type: "offline",
      code_challenge: "challenge-1",
      code_challenge_method: "S256",
      prompt: "consent",
      state: "s1",
    });
  });

  it("stays the implicit flow without a challenge", () => {
    const url = new URL(buildAuthUrl({ clientId: CLIENT_ID, redirectUri: REDIRECT, interactive: true }));
    expect(url.searchParams.get("response_type")).toBe("token");
    expect(url.searchParams.has("access_type")).toBe(false);
    expect(url.searchParams.has("prompt")).toBe(false);
  });
});

describe("newCodeVerifier", () => {
  it("makes a fresh 43-character verifier whose challenge is its SHA-256, base64url", async () => {
    const a = await newCodeVerifier();
    const b = await newCodeVerifier();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(createHash("sha256").update(a.verifier).digest("base64url"));
  });
});

describe("checkClientSecret", () => {
  it("accepts a secret as Google shows it, trimmed", () => {
    expect(checkClientSecret(`  ${SECRET}\n`)).toEqual({ ok: true, clientSecret: SECRET });
  });
  it.each(["", "short", "GOCSPX-has space inside", "<script>", "x".repeat(129)])("refuses %j", (input) => {
    expect(checkClientSecret(input).ok).toBe(false);
  });
});

describe("parseCodeRedirect", () => {
  const read = (query: string) => parseCodeRedirect(`${REDIRECT}?${query}`, { state: "s1", scopes: DRIVE });
  const kindOf = (query: string) => {
    try {
      read(query);
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarAuthError);
      return (error as CalendarAuthError).kind;
    }
    return "none";
  };

  it("reads the code of this sign-in", () => {
    expect(read(`state=s1&code=4%2F0Ab-xyz&scope=${encodeURIComponent(DRIVE[0] as string)}`)).toBe(
      "4/0Ab-xyz",
    );
  });

  it.each([
    ["another sign-in's answer", "state=s2&code=c", "state-mismatch"],
    ["no state", "code=c", "state-mismatch"],
    ["no code", "state=s1", "missing-token"],
    ["a code twice", "state=s1&code=a&code=b", "bad-url"],
    ["a refusal", "state=s1&error=access_denied", "access-denied"],
    ["another error", "state=s1&error=server_error", "oauth-error"],
    ["a grant without the folder", "state=s1&code=c&scope=email", "insufficient-scope"],
  ])("refuses %s", (_what, query, kind) => {
    expect(kindOf(query)).toBe(kind);
  });
});

describe("exchanging the code and renewing", () => {
  async function signedIn(google: FakeTokenEndpoint) {
    const proof = await newCodeVerifier();
    const url = buildAuthUrl({
      clientId: CLIENT_ID,
      redirectUri: REDIRECT,
      interactive: true,
      state: "s1",
      scopes: DRIVE,
      codeChallenge: proof.challenge,
    });
    const code = parseCodeRedirect(google.signInAnswer(url), { state: "s1", scopes: DRIVE });
    return { code, proof };
  }

  it("posts the code, verifier, client and redirect as a form, and gets an access and a refresh token", async () => {
    const google = new FakeTokenEndpoint(CLIENT_ID, SECRET);
    const { code, proof } = await signedIn(google);
    const requests: string[] = [];
    const grant = await exchangeCode(
      { clientId: CLIENT_ID, clientSecret: SECRET, code, verifier: proof.verifier, redirectUri: REDIRECT },
      {
        now: NOW,
        fetch: (input, init) => {
          requests.push(`${init.method} ${input} ${String(init.credentials)}`);
          return google.fetch(input, init);
        },
      },
    );
    expect(requests).toEqual([`POST ${GOOGLE_TOKEN_ENDPOINT} omit`]);
    expect(grant).toMatchObject({
      accessToken: expect.stringMatching(/^access-/),
      expiresAt: NOW + 3_599_000,
    });
    expect(grant.refreshToken).toMatch(/^refresh-/);
    expect(google.exchanges[0]?.get("code_verifier")).toBe(proof.verifier);

    const renewed = await renewAccess(
      { clientId: CLIENT_ID, clientSecret: SECRET, refreshToken: grant.refreshToken as string },
      { fetch: google.fetch, now: NOW + 10 },
    );
    expect(renewed.accessToken).not.toBe(grant.accessToken);
    expect(renewed.expiresAt).toBe(NOW + 10 + 3_599_000);
    expect(renewed.refreshToken).toBeUndefined();
  });

  it("a code cannot be exchanged without its own verifier", async () => {
    const google = new FakeTokenEndpoint(CLIENT_ID, SECRET);
    const { code } = await signedIn(google);
    const other = await newCodeVerifier();
    await expect(
      exchangeCode(
        { clientId: CLIENT_ID, clientSecret: SECRET, code, verifier: other.verifier, redirectUri: REDIRECT },
        { fetch: google.fetch },
      ),
    ).rejects.toMatchObject({ kind: "revoked" });
  });

  const renewal = { clientId: CLIENT_ID, clientSecret: SECRET, refreshToken: "refresh-x" };
  const answering = (status: number, body: string) => async () => new Response(body, { status });

  it.each([
    ["a revoked grant", answering(400, '{"error":"invalid_grant"}'), "revoked"],
    ["a wrong secret", answering(401, '{"error":"invalid_client"}'), "refused"],
    ["Google down", answering(503, "<html>"), "offline"],
    ["too many requests", answering(429, ""), "offline"],
    [
      "no network",
      async () => {
        throw new TypeError("Failed to fetch");
      },
      "offline",
    ],
    ["an answer without a token", answering(200, '{"expires_in":3599}'), "invalid-response"],
    [
      "a token with a control character",
      answering(200, '{"access_token":"a\\nb","expires_in":1}'),
      "invalid-response",
    ],
    ["a body that is not JSON", answering(200, "ok"), "invalid-response"],
  ])("%s is told apart", async (_what, fetch, kind) => {
    const error = await renewAccess(renewal, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect((error as TokenEndpointError).kind).toBe(kind);
  });
});
