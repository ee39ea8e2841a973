/**
 * A stand-in for the Drive endpoints sync uses, served through an injected `fetch`: the
 * application data folder (a listing without `spaces=appDataFolder` is refused), list paging,
 * generateIds, multipart create (409 for an id that already has a file), download, delete, and
 * Drive v2 ETags with `If-Match` updates. Tests can queue failures ahead of the normal answers,
 * and every request is recorded with its body so a test can look for plaintext in it.
 */
import type { FetchLike } from "@/lib/calendar-api";

export interface StoredFile {
  id: string;
  name: string;
  bytes: Uint8Array;
  version: number;
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
}

type Failure = { when: (request: RecordedRequest) => boolean; answer: () => Response | "network" };

export function googleError(status: number, reason: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { code: status, errors: [{ reason, message: reason }] } }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join("");
const fromLatin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** The two parts of a `multipart/related` create: JSON metadata, then the contents. */
export function parseMultipart(
  contentType: string,
  body: Uint8Array,
): { metadata: unknown; bytes: Uint8Array } {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) throw new Error("no boundary");
  const text = latin1(body);
  const parts = text.split(`--${boundary}`);
  // ["", part1, part2, "--"]
  if (parts.length !== 4 || parts[3] !== "--") throw new Error("not two parts");
  const read = (part: string) => {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0 || !part.endsWith("\r\n")) throw new Error("bad part");
    return { head: part.slice(0, split), content: part.slice(split + 4, -2) };
  };
  const meta = read(parts[1] as string);
  const media = read(parts[2] as string);
  if (!/content-type: application\/json/i.test(meta.head)) throw new Error("metadata is not JSON");
  return {
    metadata: JSON.parse(new TextDecoder().decode(fromLatin1(meta.content))),
    bytes: fromLatin1(media.content),
  };
}

export class FakeDrive {
  readonly files = new Map<string, StoredFile>();
  readonly requests: RecordedRequest[] = [];
  token = "token-1";
  pageSize = 1000;
  private failures: Failure[] = [];
  private nextId = 1;
  private generated = new Set<string>();

  /** The next request `when` matches (any by default) gets `answer` instead. */
  failNext(
    answer: () => Response | "network",
    when: (request: RecordedRequest) => boolean = () => true,
  ): void {
    this.failures.push({ when, answer });
  }

  put(name: string, bytes: Uint8Array): StoredFile {
    const file = { id: this.newId(), name, bytes, version: 1 };
    this.files.set(file.id, file);
    return file;
  }

  byName(name: string): StoredFile[] {
    return [...this.files.values()].filter((file) => file.name === name);
  }

  private newId(): string {
    return `f${String(this.nextId++).padStart(6, "0")}`;
  }

  readonly fetch: FetchLike = async (input, init) => {
    const request: RecordedRequest = {
      method: init.method ?? "GET",
      url: new URL(input),
      headers: new Headers(init.headers),
      body: init.body instanceof Uint8Array ? new Uint8Array(init.body) : new Uint8Array(),
    };
    this.requests.push(request);
    const failure = this.failures.findIndex((f) => f.when(request));
    if (failure >= 0) {
      const [{ answer }] = this.failures.splice(failure, 1) as [Failure];
      const response = answer();
      if (response === "network") throw new TypeError("Failed to fetch");
      return response;
    }
    if (request.headers.get("authorization") !== `Bearer ${this.token}`) return googleError(401, "authError");
    return this.route(request);
  };

  private route(request: RecordedRequest): Response {
    const { method, url } = request;
    const path = url.pathname;
    const v3File = /^\/drive\/v3\/files\/([^/]+)$/.exec(path);
    const v2File = /^\/drive\/v2\/files\/([^/]+)$/.exec(path);
    const v2Upload = /^\/upload\/drive\/v2\/files\/([^/]+)$/.exec(path);
    if (url.host !== "www.googleapis.com") return googleError(404, "notFound");
    if (method === "GET" && path === "/drive/v3/files") return this.list(url);
    if (method === "GET" && path === "/drive/v3/files/generateIds") return this.generateIds(url);
    if (method === "POST" && path === "/upload/drive/v3/files") return this.create(request);
    if (v3File) {
      const file = this.files.get(decodeURIComponent(v3File[1] as string));
      if (!file) return googleError(404, "notFound");
      if (method === "GET" && url.searchParams.get("alt") === "media")
        return new Response(new Uint8Array(file.bytes), {
          headers: { "content-type": "application/octet-stream" },
        });
      if (method === "DELETE") {
        this.files.delete(file.id);
        return new Response(null, { status: 204 });
      }
    }
    if (v2File && method === "GET") {
      const file = this.files.get(decodeURIComponent(v2File[1] as string));
      return file ? json({ id: file.id, etag: this.etag(file) }) : googleError(404, "notFound");
    }
    if (v2Upload && method === "PUT") {
      const file = this.files.get(decodeURIComponent(v2Upload[1] as string));
      if (!file) return googleError(404, "notFound");
      if (request.headers.get("if-match") !== this.etag(file)) return googleError(412, "conditionNotMet");
      file.bytes = request.body;
      file.version += 1;
      return json({ id: file.id, etag: this.etag(file) });
    }
    return googleError(400, "badRequest");
  }

  private etag(file: StoredFile): string {
    return `"${file.id}/${file.version}"`;
  }

  private list(url: URL): Response {
    if (url.searchParams.get("spaces") !== "appDataFolder") return googleError(403, "insufficientScopes");
    const all = [...this.files.values()];
    const size = Math.min(Number(url.searchParams.get("pageSize") ?? 100), this.pageSize);
    const token = url.searchParams.get("pageToken");
    const offset = token === null ? 0 : Number(token.slice(1));
    if (!Number.isInteger(offset)) return googleError(400, "invalidPageToken");
    const page = all.slice(offset, offset + size);
    return json({
      ...(offset + size < all.length ? { nextPageToken: `p${offset + size}` } : {}),
      files: page.map((file) => ({ id: file.id, name: file.name, size: String(file.bytes.length) })),
    });
  }

  private generateIds(url: URL): Response {
    if (url.searchParams.get("space") !== "appDataFolder") return googleError(400, "badRequest");
    const ids = Array.from({ length: Number(url.searchParams.get("count") ?? 10) }, () => {
      const id = `g${this.newId()}`;
      this.generated.add(id);
      return id;
    });
    return json({ kind: "drive#generatedIds", space: "appDataFolder", ids });
  }

  private create(request: RecordedRequest): Response {
    if (request.url.searchParams.get("uploadType") !== "multipart") return googleError(400, "badRequest");
    let parsed: { metadata: unknown; bytes: Uint8Array };
    try {
      parsed = parseMultipart(request.headers.get("content-type") ?? "", request.body);
    } catch {
      return googleError(400, "badContent");
    }
    const metadata = parsed.metadata as { name?: unknown; parents?: unknown; id?: unknown };
    if (typeof metadata.name !== "string") return googleError(400, "required");
    if (!Array.isArray(metadata.parents) || metadata.parents[0] !== "appDataFolder")
      return googleError(403, "insufficientScopes");
    let id: string;
    if (metadata.id !== undefined) {
      if (typeof metadata.id !== "string" || !this.generated.has(metadata.id))
        return googleError(400, "invalid");
      if (this.files.has(metadata.id)) return googleError(409, "duplicate");
      id = metadata.id;
    } else {
      id = this.newId();
    }
    const file = { id, name: metadata.name, bytes: parsed.bytes, version: 1 };
    this.files.set(id, file);
    return json({ id, name: file.name, size: String(file.bytes.length) });
  }
}
