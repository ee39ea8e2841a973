/**
 * The few Drive calls sync needs, all in the hidden application data folder: list (every page),
 * create (multipart, optionally under an id chosen beforehand), download, delete, and for the
 * shared files a conditional update through Drive v2's `If-Match` (v3 does not give browser code
 * an ETag). Every answer is checked with zod; every failure comes back as a typed problem for the
 * sync job to act on — nothing here retries or sleeps, since the background worker may be
 * stopped at any moment and keeps its schedule in the database instead.
 */
import { z } from "zod";
import { backoffDelay, type FetchLike, parseRetryAfter, TokenEndpointError } from "@/lib/calendar-api";
import { concatBytes, randomBytes, toBase64Url, utf8 } from "./encoding";

export const DRIVE_API = "https://www.googleapis.com/drive/v3";
export const DRIVE_UPLOAD_API = "https://www.googleapis.com/upload/drive/v3";
export const DRIVE_V2_API = "https://www.googleapis.com/drive/v2";
export const DRIVE_V2_UPLOAD_API = "https://www.googleapis.com/upload/drive/v2";
export const DRIVE_APPDATA_SCOPE = "https://www.googleapis.com/auth/drive.appdata";

export type DriveProblem =
  /** the token was refused or lacks the scope: reconnect Google */
  | { kind: "reauth" }
  | { kind: "rate-limited"; retryAfterMs?: number }
  /** the manager's Drive is full */
  | { kind: "quota" }
  | { kind: "not-found" }
  /** a create under an id that already has a file: an earlier try of the same upload arrived */
  | { kind: "exists" }
  /** a conditional update lost: another device wrote the shared file since it was read */
  | { kind: "changed" }
  | { kind: "unavailable"; status: number; retryAfterMs?: number }
  | { kind: "offline" }
  | { kind: "invalid-response" }
  | { kind: "refused"; status: number; reason?: string };

export type DriveResult<T> = { ok: true; value: T } | { ok: false; problem: DriveProblem };

export interface DriveFile {
  id: string;
  name: string;
  size?: number;
  /** Drive's count of changes to the file, higher after every one: a file rewritten in place shows here */
  version?: string;
}

export interface DriveOptions {
  fetch?: FetchLike;
  /** the current access token; throwing means there is none (reconnect), or Google is out of reach */
  token: () => Promise<string>;
  now?: () => number;
}

const fileSchema = z
  .object({
    id: z.string().min(1).max(256),
    name: z.string().max(1024),
    size: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
    version: z
      .string()
      .regex(/^\d{1,20}$/)
      .optional(),
  })
  .transform(({ size, version, ...file }) => ({
    ...file,
    ...(size === undefined ? {} : { size: Number(size) }),
    ...(version === undefined ? {} : { version }),
  }));

const listSchema = z.object({
  nextPageToken: z.string().max(4096).optional(),
  files: z.array(fileSchema).max(1000),
});

const idsSchema = z.object({ ids: z.array(z.string().min(1).max(256)) });
const v2FileSchema = z.object({ id: z.string().min(1).max(256), etag: z.string().min(1).max(512) });
const errorSchema = z.object({
  error: z.object({ errors: z.array(z.object({ reason: z.string().optional() })).optional() }),
});

const FILE_FIELDS = "id,name,size,version";
const MAX_PAGES = 1000;
const MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024;
/** Drive takes files of up to 5 MB with their metadata in one request; room is left for the metadata. */
export const MULTIPART_MAX_BYTES = 4 * 1024 * 1024;
const RATE_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "dailyLimitExceeded"]);
const QUOTA_REASONS = new Set(["storageQuotaExceeded", "quotaExceeded"]);
const REAUTH_REASONS = new Set(["insufficientPermissions", "insufficientScopes", "authError"]);

async function errorReason(response: Response): Promise<string | undefined> {
  try {
    const text = await response.text();
    if (text.length > 64 * 1024) return undefined;
    const parsed = errorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error.errors?.find((e) => e.reason)?.reason : undefined;
  } catch {
    return undefined;
  }
}

async function problemOf(response: Response, now: number): Promise<DriveProblem> {
  const { status } = response;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const after = retryAfterMs === undefined ? {} : { retryAfterMs };
  const reason = await errorReason(response);
  if (status === 401) return { kind: "reauth" };
  if (status === 429) return { kind: "rate-limited", ...after };
  if (status === 403) {
    if (reason && RATE_REASONS.has(reason)) return { kind: "rate-limited", ...after };
    if (reason && QUOTA_REASONS.has(reason)) return { kind: "quota" };
    if (reason && REAUTH_REASONS.has(reason)) return { kind: "reauth" };
  }
  if (status === 404) return { kind: "not-found" };
  if (status === 409) return { kind: "exists" };
  if (status === 412) return { kind: "changed" };
  if (status >= 500) return { kind: "unavailable", status, ...after };
  return { kind: "refused", status, ...(reason ? { reason } : {}) };
}

const fail = (problem: DriveProblem): DriveResult<never> => ({ ok: false, problem });

export interface DriveClient {
  /** Every file in the folder; a listing cut off part way is a problem, never a short list. */
  listFiles(): Promise<DriveResult<DriveFile[]>>;
  /** ids to create files under, so a retried create cannot make a second file */
  generateIds(count: number): Promise<DriveResult<string[]>>;
  createFile(name: string, bytes: Uint8Array, id?: string): Promise<DriveResult<DriveFile>>;
  download(id: string): Promise<DriveResult<Uint8Array>>;
  deleteFile(id: string): Promise<DriveResult<void>>;
  /** the file's current ETag, to make a later update conditional on it */
  readEtag(id: string): Promise<DriveResult<string>>;
  /** replaces the contents only if nobody wrote the file since `etag`; the new ETag on success */
  updateIfUnchanged(id: string, bytes: Uint8Array, etag: string): Promise<DriveResult<string>>;
}

export function createDriveClient(options: DriveOptions): DriveClient {
  const fetcher: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;

  async function call(
    url: string,
    init: { method: string; headers?: Record<string, string>; body?: Uint8Array<ArrayBuffer> },
  ): Promise<DriveResult<Response>> {
    let token: string;
    try {
      token = await options.token();
    } catch (error) {
      // Google's token service out of reach is an outage to wait out, not a lost connection.
      const offline = error instanceof TokenEndpointError && error.kind === "offline";
      return fail({ kind: offline ? "offline" : "reauth" });
    }
    let response: Response;
    try {
      response = await fetcher(url, {
        method: init.method,
        headers: { Authorization: `Bearer ${token}`, ...init.headers },
        ...(init.body ? { body: init.body } : {}),
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      return fail({ kind: "offline" });
    }
    if (!response.ok) return fail(await problemOf(response, now()));
    return { ok: true, value: response };
  }

  async function json<T>(
    url: string,
    init: Parameters<typeof call>[1],
    schema: z.ZodType<T>,
  ): Promise<DriveResult<T>> {
    const answer = await call(url, init);
    if (!answer.ok) return answer;
    let body: unknown;
    try {
      const text = await answer.value.text();
      if (text.length > 16 * 1024 * 1024) return fail({ kind: "invalid-response" });
      body = JSON.parse(text);
    } catch {
      return fail({ kind: "invalid-response" });
    }
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data } : fail({ kind: "invalid-response" });
  }

  type NewFile = { name: string; parents: string[]; id?: string };

  function createMultipart(metadata: NewFile, bytes: Uint8Array): Promise<DriveResult<DriveFile>> {
    const boundary = `sync-${toBase64Url(randomBytes(18))}`;
    const body = concatBytes(
      utf8(
        `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(metadata)}\r\n` +
          `--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      utf8(`\r\n--${boundary}--`),
    );
    const params = new URLSearchParams({ uploadType: "multipart", fields: FILE_FIELDS });
    return json(
      `${DRIVE_UPLOAD_API}/files?${params}`,
      { method: "POST", headers: { "Content-Type": `multipart/related; boundary=${boundary}` }, body },
      fileSchema,
    );
  }

  /**
   * Drive takes larger files (a snapshot of years of notes) only as a resumable upload: the
   * metadata opens a session, and the contents go to the session's address in one request. A
   * failed upload starts a new session on the next try; a generated id keeps it one file.
   */
  async function createResumable(metadata: NewFile, bytes: Uint8Array): Promise<DriveResult<DriveFile>> {
    const params = new URLSearchParams({ uploadType: "resumable", fields: FILE_FIELDS });
    const opened = await call(`${DRIVE_UPLOAD_API}/files?${params}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=UTF-8",
        "X-Upload-Content-Type": "application/octet-stream",
        "X-Upload-Content-Length": String(bytes.length),
      },
      body: utf8(JSON.stringify(metadata)),
    });
    if (!opened.ok) return opened;
    await opened.value.body?.cancel().catch(() => undefined);
    const session = opened.value.headers.get("location") ?? "";
    // The token goes along to the session's address: only ever to Drive's own upload endpoint.
    if (!session.startsWith(`${DRIVE_UPLOAD_API}/files?`)) return fail({ kind: "invalid-response" });
    return json(
      session,
      { method: "PUT", headers: { "Content-Type": "application/octet-stream" }, body: new Uint8Array(bytes) },
      fileSchema,
    );
  }

  const fileUrl = (id: string) => `${DRIVE_API}/files/${encodeURIComponent(id)}`;

  return {
    async listFiles() {
      const files: DriveFile[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const params = new URLSearchParams({
          spaces: "appDataFolder",
          fields: `nextPageToken,files(${FILE_FIELDS})`,
          pageSize: "1000",
        });
        if (pageToken) params.set("pageToken", pageToken);
        const answer = await json(`${DRIVE_API}/files?${params}`, { method: "GET" }, listSchema);
        if (!answer.ok) return answer;
        files.push(...answer.value.files);
        pageToken = answer.value.nextPageToken;
        if (!pageToken) return { ok: true, value: files };
      }
      return fail({ kind: "invalid-response" });
    },

    async generateIds(count) {
      const params = new URLSearchParams({ count: String(count), space: "appDataFolder", type: "files" });
      const answer = await json(`${DRIVE_API}/files/generateIds?${params}`, { method: "GET" }, idsSchema);
      if (!answer.ok) return answer;
      return answer.value.ids.length === count
        ? { ok: true, value: answer.value.ids }
        : fail({ kind: "invalid-response" });
    },

    async createFile(name, bytes, id) {
      const metadata = { name, parents: ["appDataFolder"], ...(id ? { id } : {}) };
      const answer =
        bytes.length > MULTIPART_MAX_BYTES
          ? await createResumable(metadata, bytes)
          : await createMultipart(metadata, bytes);
      if (!answer.ok) return answer;
      // The file Drive made must be the one we asked for, or the upload is not ours to count.
      if (answer.value.name !== name || (id && answer.value.id !== id))
        return fail({ kind: "invalid-response" });
      return answer;
    },

    async download(id) {
      const answer = await call(`${fileUrl(id)}?alt=media`, { method: "GET" });
      if (!answer.ok) return answer;
      const declared = Number(answer.value.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > MAX_DOWNLOAD_BYTES)
        return fail({ kind: "invalid-response" });
      try {
        const bytes = new Uint8Array(await answer.value.arrayBuffer());
        if (bytes.length > MAX_DOWNLOAD_BYTES) return fail({ kind: "invalid-response" });
        return { ok: true, value: bytes };
      } catch {
        return fail({ kind: "offline" });
      }
    },

    async deleteFile(id) {
      const answer = await call(fileUrl(id), { method: "DELETE" });
      if (!answer.ok) return answer;
      await answer.value.body?.cancel().catch(() => undefined);
      return { ok: true, value: undefined };
    },

    async readEtag(id) {
      const answer = await json(
        `${DRIVE_V2_API}/files/${encodeURIComponent(id)}?fields=id,etag`,
        { method: "GET" },
        v2FileSchema,
      );
      return answer.ok ? { ok: true, value: answer.value.etag } : answer;
    },

    async updateIfUnchanged(id, bytes, etag) {
      const answer = await json(
        `${DRIVE_V2_UPLOAD_API}/files/${encodeURIComponent(id)}?uploadType=media&fields=id,etag`,
        {
          method: "PUT",
          headers: { "If-Match": etag, "Content-Type": "application/octet-stream" },
          body: new Uint8Array(bytes),
        },
        v2FileSchema,
      );
      return answer.ok ? { ok: true, value: answer.value.etag } : answer;
    },
  };
}

export type NextStep =
  | { action: "retry"; delayMs: number }
  /** ask the manager to reconnect Google; queued changes stay queued */
  | { action: "reauth" }
  /** retrying the same request will not help */
  | { action: "stop" };

export const BACKOFF_BASE_MS = 2000;
export const BACKOFF_MAX_MS = 15 * 60 * 1000;
/** A full Drive frees up only when the manager acts; look again now and then. */
export const QUOTA_RETRY_MS = 60 * 60 * 1000;

/**
 * When to try again after a problem on the `attempt`-th retry (0 first): the wait Google asked
 * for, or full-jitter exponential backoff up to 15 minutes (the job's alarm carries longer waits).
 */
export function nextStep(
  problem: DriveProblem,
  attempt: number,
  random: () => number = Math.random,
): NextStep {
  switch (problem.kind) {
    case "reauth":
      return { action: "reauth" };
    case "quota":
      return { action: "retry", delayMs: QUOTA_RETRY_MS };
    case "rate-limited":
    case "unavailable":
    case "offline": {
      const asked = "retryAfterMs" in problem ? problem.retryAfterMs : undefined;
      const jitter = backoffDelay(attempt, random, BACKOFF_BASE_MS, BACKOFF_MAX_MS);
      return {
        action: "retry",
        delayMs: asked === undefined ? jitter : Math.min(Math.max(asked, jitter), 24 * 60 * 60 * 1000),
      };
    }
    default:
      return { action: "stop" };
  }
}
