import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeDrive } from "../tests/fixtures/drive/fake-drive";

export const DRIVE_HOST = "www.googleapis.com";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, content-type, if-match",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
  "access-control-expose-headers": "retry-after, location",
};

export interface DriveServer {
  /** Chromium switches that send Drive's host here and accept this server's own certificate */
  args: string[];
  close: () => Promise<void>;
}

/**
 * The fake Drive over real HTTPS on this machine, for the years-of-notes bench: Playwright's
 * routing hands every request and answer body through the DevTools protocol, which for tens of
 * megabytes takes far longer than the sync being timed. Chromium is told Drive's host is here
 * and to take the server's self-made certificate, so the extension's requests are unchanged.
 */
export async function serveDriveLocally(drive: FakeDrive): Promise<DriveServer> {
  const dir = mkdtempSync(join(tmpdir(), "prep-bench-drive-"));
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  const certificate = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"];
  const names = ["-subj", `/CN=${DRIVE_HOST}`, "-addext", `subjectAltName=DNS:${DRIVE_HOST}`];
  execFileSync("openssl", [...certificate, ...names, "-keyout", key, "-out", cert], { stdio: "ignore" });
  const server: Server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      try {
        if (req.method === "OPTIONS") {
          res.writeHead(204, CORS).end();
          return;
        }
        const body = Buffer.concat(chunks);
        const headers = Object.fromEntries(
          Object.entries(req.headers).flatMap(([name, value]) =>
            value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]],
          ),
        );
        const response = await drive.fetch(`https://${DRIVE_HOST}${req.url ?? "/"}`, {
          method: req.method ?? "GET",
          headers,
          ...(body.length ? { body: new Uint8Array(body) } : {}),
        });
        res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...CORS });
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        res.writeHead(500, CORS).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    args: [`--host-resolver-rules=MAP ${DRIVE_HOST} 127.0.0.1:${port}`, "--ignore-certificate-errors"],
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
