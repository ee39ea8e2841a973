import { describe, expect, it } from "vitest";
import {
  batchFileName,
  type ChangeBatch,
  createDriveClient,
  createSyncKey,
  formatHlc,
  initialHlc,
  nextVersion,
  sealBatch,
  sealSnapshot,
  tick,
} from "@/lib/sync";
import { FakeDrive } from "../../fixtures/drive/fake-drive";

const DEVICE = "k3v9q2xw7m";
const PASSPHRASE = "Zoë's sync passphrase";
const SECRETS = [
  "Ana López",
  "ana.lopez@example.com",
  "Wants to lead the payments migration",
  "Struggling after the reorg; mentioned looking elsewhere",
  "Promotion case",
  "Überraschung für Jörg",
  "meetings",
  "people",
  "notes",
  PASSPHRASE,
];

const toBase64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

function contains(haystack: string, needle: string): boolean {
  const lower = haystack.toLowerCase();
  return [needle, toBase64(needle).replace(/=+$/, ""), encodeURIComponent(needle)].some((form) =>
    lower.includes(form.toLowerCase()),
  );
}

describe("what leaves for Drive", () => {
  it("carries no names, emails, note text, table names or passphrase, in bodies, names or headers", async () => {
    const { dataKey, keyFile } = await createSyncKey(PASSPHRASE, { iterations: 1000 });
    let clock = initialHlc(DEVICE);
    const stamp = () => {
      clock = tick(clock, Date.parse("2026-10-14T12:00:00Z"));
      return formatHlc(clock);
    };
    const rows = [
      nextVersion(
        [],
        { table: "people", id: "p1", data: { name: SECRETS[0], email: SECRETS[1] } },
        stamp(),
        DEVICE,
      ),
      nextVersion(
        [],
        {
          table: "meetings",
          id: "m1",
          data: { title: "1:1 Ana López", notes: `${SECRETS[2]}\n${SECRETS[3]}` },
        },
        stamp(),
        DEVICE,
      ),
      nextVersion(
        [],
        { table: "growthPlans", id: "g1", data: { goal: SECRETS[4], notes: SECRETS[5] } },
        stamp(),
        DEVICE,
      ),
    ];
    const batch: ChangeBatch = { format: "1on1prep-sync-batch", version: 1, device: DEVICE, seq: 1, rows };
    const sealedBatch = await sealBatch(dataKey, batch, 1);
    const sealedSnapshot = await sealSnapshot(
      dataKey,
      { format: "1on1prep-sync-snapshot", version: 1, device: DEVICE, seq: 1, covers: { [DEVICE]: 1 }, rows },
      1,
    );
    expect(sealedBatch.name).toBe(batchFileName(DEVICE, 1));

    const drive = new FakeDrive();
    const client = createDriveClient({ fetch: drive.fetch, token: async () => drive.token });
    const ids = await client.generateIds(1);
    if (!ids.ok) throw new Error(ids.problem.kind);
    const results = [
      await client.createFile("key", new TextEncoder().encode(JSON.stringify(keyFile))),
      await client.createFile(sealedBatch.name, sealedBatch.bytes, ids.value[0]),
      await client.createFile(sealedSnapshot.name, sealedSnapshot.bytes),
    ];
    expect(results.every((r) => r.ok)).toBe(true);

    const latin1 = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);
    const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    expect(drive.requests.length).toBeGreaterThan(3);
    for (const request of drive.requests) {
      const seen = [
        request.url.toString(),
        decodeURIComponent(request.url.toString()),
        JSON.stringify([...request.headers]),
        utf8(request.body),
        latin1(request.body),
      ].join("\n");
      for (const secret of SECRETS)
        expect(contains(seen, secret), `${secret} in ${request.method} ${request.url}`).toBe(false);
    }
    for (const file of drive.files.values()) {
      for (const secret of SECRETS) {
        expect(contains(file.name, secret)).toBe(false);
        expect(contains(utf8(file.bytes), secret)).toBe(false);
      }
    }
    // The test would see the text if it were there: the same rows unsealed do contain it.
    expect(contains(JSON.stringify(batch), SECRETS[2] as string)).toBe(true);
  });
});
