import { describe, expect, it } from "vitest";
import {
  BACKOFF_MAX_MS,
  createDriveClient,
  type DriveProblem,
  type DriveResult,
  MULTIPART_MAX_BYTES,
  nextStep,
  QUOTA_RETRY_MS,
} from "@/lib/sync";
import { FakeDrive, googleError } from "../../fixtures/drive/fake-drive";

const bytes = (text: string) => new TextEncoder().encode(text);
const NOW = Date.parse("2026-10-14T12:00:00Z");

function setup() {
  const drive = new FakeDrive();
  const client = createDriveClient({ fetch: drive.fetch, token: async () => drive.token, now: () => NOW });
  return { drive, client };
}

function value<T>(result: DriveResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.problem.kind}`);
  return result.value;
}

function problem(result: DriveResult<unknown>): DriveProblem {
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

describe("listing the folder", () => {
  it("reads every page, only in the application data folder", async () => {
    const { drive, client } = setup();
    drive.pageSize = 2;
    for (let i = 1; i <= 5; i++) drive.put(`b-aaaaaaaa-000000000${i}`, bytes(`batch ${i}`));
    const files = value(await client.listFiles());
    expect(files.map((f) => f.name)).toEqual([1, 2, 3, 4, 5].map((i) => `b-aaaaaaaa-000000000${i}`));
    expect(files[0]?.size).toBe(7);
    expect(drive.requests).toHaveLength(3);
    for (const request of drive.requests) {
      expect(request.url.searchParams.get("spaces")).toBe("appDataFolder");
      expect(request.headers.get("authorization")).toBe("Bearer token-1");
    }
  });

  it("gives a problem, never a short list, when a later page fails", async () => {
    const { drive, client } = setup();
    drive.pageSize = 2;
    for (let i = 1; i <= 5; i++) drive.put(`file ${i}`, bytes("x"));
    drive.failNext(
      () => googleError(503, "backendError"),
      (r) => r.url.searchParams.has("pageToken"),
    );
    expect(problem(await client.listFiles())).toEqual({ kind: "unavailable", status: 503 });
  });

  it("refuses a listing that does not look like Drive's", async () => {
    const { drive, client } = setup();
    drive.failNext(() => new Response(JSON.stringify({ files: [{ name: "no id" }] }), { status: 200 }));
    expect(problem(await client.listFiles())).toEqual({ kind: "invalid-response" });
    drive.failNext(() => new Response("<html>", { status: 200 }));
    expect(problem(await client.listFiles())).toEqual({ kind: "invalid-response" });
  });
});

describe("creating, reading and deleting files", () => {
  it("uploads name and contents in one multipart request, into the application data folder", async () => {
    const { drive, client } = setup();
    const contents = new Uint8Array([0, 1, 2, 13, 10, 45, 45, 255]);
    const created = value(await client.createFile("b-aaaaaaaa-0000000001", contents));
    expect(created).toMatchObject({ name: "b-aaaaaaaa-0000000001", size: contents.length });
    expect(drive.files.get(created.id)?.bytes).toEqual(contents);
    expect(value(await client.download(created.id))).toEqual(contents);
  });

  it("sends a file larger than Drive takes in one request as a resumable upload, under the id asked for", async () => {
    const { drive, client } = setup();
    const big = new Uint8Array(MULTIPART_MAX_BYTES + 1).map((_, i) => i % 251);
    const [id] = value(await client.generateIds(1));
    const created = value(await client.createFile("s-aaaaaaaa-0000000020", big, id));
    expect(created).toMatchObject({ id, name: "s-aaaaaaaa-0000000020", size: big.length });
    expect(drive.files.get(created.id)?.bytes).toEqual(big);
    const uploads = drive.requests.filter((r) => r.url.pathname === "/upload/drive/v3/files");
    expect(uploads.map((r) => [r.method, r.url.searchParams.get("uploadType")])).toEqual([
      ["POST", "resumable"],
      ["PUT", "resumable"],
    ]);
    // The session is opened with the metadata only; the contents go once, whole.
    expect(uploads[0]?.body.length).toBeLessThan(1024);
    expect(uploads[1]?.body.length).toBe(big.length);
  });

  it("keeps small files in one multipart request, which Drive refuses past 5 MB", async () => {
    const { drive, client } = setup();
    value(await client.createFile("b-aaaaaaaa-0000000001", new Uint8Array(MULTIPART_MAX_BYTES)));
    expect(drive.requests.at(-1)?.url.searchParams.get("uploadType")).toBe("multipart");
  });

  it("sends the token to no session address but Drive's own upload endpoint", async () => {
    const { drive, client } = setup();
    drive.failNext(
      () => new Response(null, { status: 200, headers: { location: "https://attacker.example/upload?x=1" } }),
      (r) => r.url.searchParams.get("uploadType") === "resumable",
    );
    const big = new Uint8Array(MULTIPART_MAX_BYTES + 1);
    expect(problem(await client.createFile("s-aaaaaaaa-0000000020", big))).toEqual({
      kind: "invalid-response",
    });
    expect(drive.requests.some((r) => r.url.host === "attacker.example")).toBe(false);
    expect(drive.files.size).toBe(0);
  });

  it("makes one file of a resumable upload whose answer was lost, tried again under the same id", async () => {
    const { drive, client } = setup();
    const [id] = value(await client.generateIds(1));
    const big = new Uint8Array(MULTIPART_MAX_BYTES + 10);
    // The contents reach Drive, but its answer is lost on the way back.
    let lose = true;
    const flaky = createDriveClient({
      fetch: async (input, init) => {
        const response = await drive.fetch(input, init);
        if (lose && init.method === "PUT") {
          lose = false;
          throw new TypeError("Failed to fetch");
        }
        return response;
      },
      token: async () => drive.token,
    });
    expect(problem(await flaky.createFile("s-aaaaaaaa-0000000020", big, id))).toEqual({ kind: "offline" });
    expect(problem(await flaky.createFile("s-aaaaaaaa-0000000020", big, id))).toEqual({ kind: "exists" });
    expect(drive.byName("s-aaaaaaaa-0000000020")).toHaveLength(1);
  });

  it("makes one file of an upload retried under the same generated id", async () => {
    const { drive, client } = setup();
    const [id] = value(await client.generateIds(1));
    // The first try reaches Drive but its answer is lost on the way back.
    const first = drive.fetch;
    let lose = true;
    const flaky = createDriveClient({
      fetch: async (input, init) => {
        const response = await first(input, init);
        if (lose && init.method === "POST") {
          lose = false;
          throw new TypeError("Failed to fetch");
        }
        return response;
      },
      token: async () => drive.token,
    });
    expect(problem(await flaky.createFile("b-aaaaaaaa-0000000001", bytes("one"), id))).toEqual({
      kind: "offline",
    });
    expect(problem(await flaky.createFile("b-aaaaaaaa-0000000001", bytes("one"), id))).toEqual({
      kind: "exists",
    });
    expect(drive.byName("b-aaaaaaaa-0000000001")).toHaveLength(1);
    expect(value(await client.listFiles())).toHaveLength(1);
  });

  it("refuses a create answer for another file than the one asked for", async () => {
    const { drive, client } = setup();
    drive.failNext(() => new Response(JSON.stringify({ id: "x", name: "someone else" }), { status: 200 }));
    expect(problem(await client.createFile("b-aaaaaaaa-0000000001", bytes("one")))).toEqual({
      kind: "invalid-response",
    });
  });

  it("deletes, and says when the file is already gone", async () => {
    const { drive, client } = setup();
    const file = drive.put("s-aaaaaaaa-0000000001", bytes("snapshot"));
    value(await client.deleteFile(file.id));
    expect(drive.files.size).toBe(0);
    expect(problem(await client.deleteFile(file.id))).toEqual({ kind: "not-found" });
    expect(problem(await client.download(file.id))).toEqual({ kind: "not-found" });
  });
});

describe("the shared files", () => {
  it("are written only if nobody wrote them since they were read", async () => {
    const { drive, client } = setup();
    const file = drive.put("devices", bytes("v1"));
    const etag = value(await client.readEtag(file.id));
    const newer = value(await client.updateIfUnchanged(file.id, bytes("v2 from a"), etag));
    expect(newer).not.toBe(etag);
    expect(problem(await client.updateIfUnchanged(file.id, bytes("v2 from b"), etag))).toEqual({
      kind: "changed",
    });
    expect(new TextDecoder().decode(drive.files.get(file.id)?.bytes)).toBe("v2 from a");
    const put = drive.requests.find((r) => r.method === "PUT");
    expect(put?.url.pathname).toBe(`/upload/drive/v2/files/${file.id}`);
    expect(put?.headers.get("if-match")).toBe(etag);
  });
});

describe("failures", () => {
  it.each<[string, () => Response | "network", DriveProblem]>([
    ["a refused token", () => googleError(401, "authError"), { kind: "reauth" }],
    ["a missing scope", () => googleError(403, "insufficientScopes"), { kind: "reauth" }],
    [
      "a rate limit with a wait",
      () => googleError(403, "userRateLimitExceeded", { "retry-after": "7" }),
      { kind: "rate-limited", retryAfterMs: 7000 },
    ],
    ["too many requests", () => googleError(429, "rateLimitExceeded"), { kind: "rate-limited" }],
    ["a full Drive", () => googleError(403, "storageQuotaExceeded"), { kind: "quota" }],
    [
      "another 403",
      () => googleError(403, "appNotAuthorizedToFile"),
      { kind: "refused", status: 403, reason: "appNotAuthorizedToFile" },
    ],
    [
      "a server error with a wait",
      () => googleError(503, "backendError", { "retry-after": "Wed, 14 Oct 2026 12:00:30 GMT" }),
      { kind: "unavailable", status: 503, retryAfterMs: 30_000 },
    ],
    [
      "a server error without a body",
      () => new Response("", { status: 500 }),
      { kind: "unavailable", status: 500 },
    ],
    ["no network", () => "network", { kind: "offline" }],
    [
      "a bad request",
      () => googleError(400, "badRequest"),
      { kind: "refused", status: 400, reason: "badRequest" },
    ],
  ])("map %s to what the sync does next", async (_, answer, expected) => {
    const { drive, client } = setup();
    drive.failNext(answer);
    expect(problem(await client.listFiles())).toEqual(expected);
  });

  it("ask to reconnect when there is no token, without calling Drive", async () => {
    const drive = new FakeDrive();
    const client = createDriveClient({
      fetch: drive.fetch,
      token: async () => {
        throw new Error("signed out");
      },
    });
    expect(problem(await client.download("x"))).toEqual({ kind: "reauth" });
    expect(drive.requests).toHaveLength(0);
  });

  it("ask to reconnect when the token expired", async () => {
    const drive = new FakeDrive();
    const client = createDriveClient({ fetch: drive.fetch, token: async () => "token-1" });
    drive.token = "token-2";
    expect(problem(await client.createFile("b-aaaaaaaa-0000000001", bytes("x")))).toEqual({ kind: "reauth" });
    expect(drive.files.size).toBe(0);
  });
});

describe("nextStep", () => {
  it.each<[DriveProblem, ReturnType<typeof nextStep>]>([
    [{ kind: "reauth" }, { action: "reauth" }],
    [{ kind: "quota" }, { action: "retry", delayMs: QUOTA_RETRY_MS }],
    [
      { kind: "rate-limited", retryAfterMs: 30_000 },
      { action: "retry", delayMs: 30_000 },
    ],
    [
      { kind: "unavailable", status: 503 },
      { action: "retry", delayMs: 1000 },
    ],
    [{ kind: "offline" }, { action: "retry", delayMs: 1000 }],
    [{ kind: "not-found" }, { action: "stop" }],
    [{ kind: "changed" }, { action: "stop" }],
    [{ kind: "invalid-response" }, { action: "stop" }],
  ])("after %j: %j", (drive, expected) => {
    expect(nextStep(drive, 0, () => 0.5)).toEqual(expected);
  });

  it("waits up to twice as long each time, jittered, up to fifteen minutes", () => {
    const longest = (attempt: number) => nextStep({ kind: "offline" }, attempt, () => 0.999_999);
    const waits = [0, 1, 2, 3, 20].map((attempt) => (longest(attempt) as { delayMs: number }).delayMs);
    expect(waits.slice(0, 4)).toEqual([1999, 3999, 7999, 15_999]);
    expect(waits[4]).toBe(BACKOFF_MAX_MS - 1);
    expect(nextStep({ kind: "offline" }, 3, () => 0)).toEqual({ action: "retry", delayMs: 0 });
  });
});
