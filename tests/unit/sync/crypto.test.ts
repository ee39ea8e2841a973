import fc from "fast-check";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  changePassphrase,
  createSyncKey,
  type DataKey,
  DEFAULT_PBKDF2_ITERATIONS,
  decryptBlob,
  encryptBlob,
  type KeyFile,
  MAX_PBKDF2_ITERATIONS,
  type NewSyncKey,
  SyncCryptoError,
  type SyncCryptoErrorKind,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from "@/lib/sync";

// Small stretches keep the suite quick; only the one test below runs the production count.
const STRETCH = { iterations: 1000 };
const POLICY = { minIterations: 1000 };
const PASSPHRASE = "correct horse battery staple";
const CONTEXT = { fileName: "b-k3v9q2xw7m-0000000001", kind: "batch" };
const SNAPSHOT = { fileName: "s-k3v9q2xw7m-0000000001", kind: "snapshot" };
const text = (value: string) => new TextEncoder().encode(value);
const read = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function failure(promise: Promise<unknown>): Promise<SyncCryptoErrorKind> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SyncCryptoError);
    return (error as SyncCryptoError).kind;
  }
  throw new Error("expected a SyncCryptoError");
}

function edited(keyFile: KeyFile, change: (copy: KeyFile) => void): KeyFile {
  const copy = structuredClone(keyFile);
  change(copy);
  return copy;
}

let first: NewSyncKey;
let other: NewSyncKey;

beforeAll(async () => {
  first = await createSyncKey(PASSPHRASE, STRETCH);
  other = await createSyncKey(PASSPHRASE, STRETCH);
});

async function roundTrips(from: DataKey, to: DataKey): Promise<boolean> {
  const sealed = await encryptBlob(from, text("Ana asked for more design work"), CONTEXT, 3);
  const opened = await decryptBlob(to, sealed, CONTEXT);
  return read(opened.plaintext) === "Ana asked for more design work" && opened.schemaVersion === 3;
}

describe("the sync key", () => {
  it("stretches the passphrase with the production count by default, and opens with it", async () => {
    const created = await createSyncKey(PASSPHRASE);
    expect(created.keyFile.passphrase.kdf).toMatchObject({ name: "PBKDF2-SHA-256", iterations: 600_000 });
    expect(DEFAULT_PBKDF2_ITERATIONS).toBe(600_000);
    const unlocked = await unlockWithPassphrase(created.keyFile, PASSPHRASE);
    expect(await roundTrips(created.dataKey, unlocked)).toBe(true);
  });

  it("opens with the passphrase on another device, as the same data key", async () => {
    const unlocked = await unlockWithPassphrase(
      JSON.parse(JSON.stringify(first.keyFile)),
      PASSPHRASE,
      POLICY,
    );
    expect(unlocked.keyId).toBe(first.keyFile.keyId);
    expect(await roundTrips(first.dataKey, unlocked)).toBe(true);
  });

  it("reads a passphrase typed in decomposed form the same as composed", async () => {
    const created = await createSyncKey("Café Zoë", STRETCH);
    const unlocked = await unlockWithPassphrase(created.keyFile, "Café Zoë".normalize("NFD"), POLICY);
    expect(unlocked.keyId).toBe(created.keyFile.keyId);
  });

  it.each([
    ["a wrong passphrase", "correct horse battery stapler"],
    ["a different case", PASSPHRASE.toUpperCase()],
    ["a trailing space", `${PASSPHRASE} `],
  ])("refuses %s with a clear error", async (_, passphrase) => {
    expect(await failure(unlockWithPassphrase(first.keyFile, passphrase, POLICY))).toBe("wrong-passphrase");
  });

  it("refuses an empty passphrase, both choosing and entering it", async () => {
    expect(await failure(createSyncKey("", STRETCH))).toBe("empty-passphrase");
    expect(await failure(unlockWithPassphrase(first.keyFile, "", POLICY))).toBe("empty-passphrase");
  });

  it("gives a recovery key in groups of four that opens the key file in any case and spacing", async () => {
    expect(first.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(first.recoveryKey).not.toBe(other.recoveryKey);
    const typed = first.recoveryKey.toLowerCase().replace(/-/g, " ");
    const unlocked = await unlockWithRecoveryKey(first.keyFile, typed);
    expect(await roundTrips(first.dataKey, unlocked)).toBe(true);
  });

  it("tells a mistyped recovery key from one of another key file", async () => {
    const chars = first.recoveryKey.split("");
    const at = chars.findIndex((c) => /[0-9A-Z]/.test(c));
    chars[at] = chars[at] === "A" ? "B" : "A";
    expect(await failure(unlockWithRecoveryKey(first.keyFile, chars.join("")))).toBe(
      "malformed-recovery-key",
    );
    expect(await failure(unlockWithRecoveryKey(first.keyFile, "ABCD-EFGH"))).toBe("malformed-recovery-key");
    expect(await failure(unlockWithRecoveryKey(first.keyFile, other.recoveryKey))).toBe("wrong-recovery-key");
  });

  it.each([
    ["not an object", () => "key"],
    ["another format", (k: KeyFile) => ({ ...k, format: "other" })],
    ["a newer version", (k: KeyFile) => ({ ...k, version: 2 })],
    ["an extra field", (k: KeyFile) => ({ ...k, note: "x" })],
    ["no recovery slot", ({ recovery: _, ...k }: KeyFile) => k],
    ["a short IV", (k: KeyFile) => ({ ...k, passphrase: { ...k.passphrase, iv: "AAAA" } })],
    [
      "a salt that is not base64url",
      (k: KeyFile) =>
        edited(k, (c) => {
          c.passphrase.kdf.salt = "!".repeat(22);
        }),
    ],
  ])("refuses a key file with %s", async (_, change) => {
    expect(await failure(unlockWithPassphrase(change(first.keyFile), PASSPHRASE, POLICY))).toBe(
      "invalid-key-file",
    );
  });
});

describe("a key file edited in Drive", () => {
  it("is refused before any work when it asks for fewer iterations than production", async () => {
    // This file really was wrapped with 1,000 iterations: production code must still not open it.
    expect(await failure(unlockWithPassphrase(first.keyFile, PASSPHRASE))).toBe("weak-kdf");
  });

  it("is refused when it asks for an absurd stretch that would hang the worker", async () => {
    const costly = edited(first.keyFile, (c) => {
      c.passphrase.kdf.iterations = MAX_PBKDF2_ITERATIONS + 1;
    });
    expect(await failure(unlockWithPassphrase(costly, PASSPHRASE, POLICY))).toBe("weak-kdf");
  });

  it.each([
    [
      "its iterations",
      (c: KeyFile) => {
        c.passphrase.kdf.iterations = 1001;
      },
    ],
    [
      "its salt",
      (c: KeyFile) => {
        c.passphrase.kdf.salt = c.recovery.kdf.salt;
      },
    ],
    [
      "its key id",
      (c: KeyFile) => {
        c.keyId = other.keyFile.keyId;
      },
    ],
    [
      "the wrapped key of another file",
      (c: KeyFile) => {
        c.passphrase = other.keyFile.passphrase;
      },
    ],
  ])("does not open when %s changed: the parameters are authenticated", async (_, change) => {
    expect(await failure(unlockWithPassphrase(edited(first.keyFile, change), PASSPHRASE, POLICY))).toBe(
      "wrong-passphrase",
    );
  });

  it("is re-wrapped with the stretch this device asks for, never the stored one", async () => {
    const changed = await changePassphrase(
      first.keyFile,
      { passphrase: PASSPHRASE },
      "new words",
      { iterations: 2000 },
      POLICY,
    );
    expect(changed.passphrase.kdf.iterations).toBe(2000);
    expect(await failure(changePassphrase(first.keyFile, { passphrase: PASSPHRASE }, "new words"))).toBe(
      "weak-kdf",
    );
  });
});

describe("changing the passphrase", () => {
  it("keeps the data key, its id and the recovery key; the old passphrase stops working", async () => {
    const sealed = await encryptBlob(first.dataKey, text("written before the change"), CONTEXT, 1);
    const changed = await changePassphrase(
      first.keyFile,
      { passphrase: PASSPHRASE },
      "a new passphrase",
      STRETCH,
      POLICY,
    );
    expect(changed.keyId).toBe(first.keyFile.keyId);
    expect(changed.recovery).toEqual(first.keyFile.recovery);
    expect(changed.passphrase.kdf.salt).not.toBe(first.keyFile.passphrase.kdf.salt);
    expect(await failure(unlockWithPassphrase(changed, PASSPHRASE, POLICY))).toBe("wrong-passphrase");
    const unlocked = await unlockWithPassphrase(changed, "a new passphrase", POLICY);
    expect(read((await decryptBlob(unlocked, sealed, CONTEXT)).plaintext)).toBe("written before the change");
    expect((await unlockWithRecoveryKey(changed, first.recoveryKey)).keyId).toBe(first.keyFile.keyId);
  });

  it("works with the recovery key when the passphrase is lost, and not with a wrong passphrase", async () => {
    const changed = await changePassphrase(
      first.keyFile,
      { recoveryKey: first.recoveryKey },
      "found again",
      STRETCH,
      POLICY,
    );
    expect((await unlockWithPassphrase(changed, "found again", POLICY)).keyId).toBe(first.keyFile.keyId);
    expect(
      await failure(changePassphrase(first.keyFile, { passphrase: "guess" }, "mine now", STRETCH, POLICY)),
    ).toBe("wrong-passphrase");
  });
});

describe("sealed blobs", () => {
  it("open again when they hold years of notes: more than 64 MiB once written out", async () => {
    // The browsers' own base64, which Node 20 lacks and whose JavaScript btoa takes seconds per
    // 50 MB; every other test here goes through the fallback the code keeps for older browsers.
    const native = Uint8Array as unknown as {
      prototype: { toBase64?: (this: Uint8Array, options: object) => string };
      fromBase64?: (text: string, options: object) => Uint8Array;
    };
    const had = { to: native.prototype.toBase64, from: native.fromBase64 };
    native.prototype.toBase64 ??= function (this: Uint8Array) {
      return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString("base64url");
    };
    native.fromBase64 ??= (text: string) => new Uint8Array(Buffer.from(text, "base64url"));
    onTestFinished(() => {
      native.prototype.toBase64 = had.to;
      native.fromBase64 = had.from;
      if (!had.to) delete native.prototype.toBase64;
      if (!had.from) delete native.fromBase64;
    });
    // Five years of a 50-person team make a snapshot of about 92 MB; one of 51 MiB already writes
    // its sealed bytes out as more than 64 Mi letters, where a limit once refused them.
    const plaintext = new Uint8Array(51 * 1024 * 1024);
    for (let i = 0; i < plaintext.length; i += 4096) plaintext[i] = i % 251;
    const sealed = await encryptBlob(first.dataKey, plaintext, SNAPSHOT, 1);
    expect(sealed.length).toBeGreaterThan(64 * 1024 * 1024);
    const opened = await decryptBlob(first.dataKey, sealed, SNAPSHOT);
    expect(opened.plaintext.length).toBe(plaintext.length);
    expect(Buffer.from(opened.plaintext).equals(Buffer.from(plaintext))).toBe(true);
  });

  it("differ each time the same text is sealed", async () => {
    const a = await encryptBlob(first.dataKey, text("same"), CONTEXT, 1);
    const b = await encryptBlob(first.dataKey, text("same"), CONTEXT, 1);
    expect(read(a)).not.toBe(read(b));
    const envelope = (bytes: Uint8Array) => JSON.parse(read(bytes)) as Record<string, string>;
    expect(envelope(a).salt).not.toBe(envelope(b).salt);
    expect(envelope(a).iv).not.toBe(envelope(b).iv);
  });

  it.each([
    ["another file name", { ...CONTEXT, fileName: "b-k3v9q2xw7m-0000000002" }],
    ["another kind", { ...CONTEXT, kind: "snapshot" }],
  ])("do not open under %s", async (_, context) => {
    const sealed = await encryptBlob(first.dataKey, text("Ana"), CONTEXT, 1);
    expect(await failure(decryptBlob(first.dataKey, sealed, context))).toBe("unreadable");
  });

  it.each([
    [
      "its schema version",
      (e: Record<string, unknown>) => {
        e.schema = 2;
      },
    ],
    [
      "its salt",
      (e: Record<string, unknown>) => {
        e.salt = `${"A".repeat(21)}Q`;
      },
    ],
  ])("do not open with %s edited", async (_, change) => {
    const envelope = JSON.parse(read(await encryptBlob(other.dataKey, text("Ana"), CONTEXT, 1)));
    change(envelope);
    expect(await failure(decryptBlob(other.dataKey, text(JSON.stringify(envelope)), CONTEXT))).toBe(
      "unreadable",
    );
  });

  it("do not open under another data key even with its key id forged", async () => {
    const envelope = JSON.parse(read(await encryptBlob(first.dataKey, text("Ana"), CONTEXT, 1)));
    envelope.keyId = other.keyFile.keyId;
    expect(await failure(decryptBlob(other.dataKey, text(JSON.stringify(envelope)), CONTEXT))).toBe(
      "unreadable",
    );
  });

  it("refuse a second spelling of the same bytes (unused bits in the last base64 letter)", async () => {
    const envelope = JSON.parse(read(await encryptBlob(first.dataKey, text("Ana"), CONTEXT, 1)));
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = envelope.data.at(-1) as string;
    // 19 sealed bytes: the last letter carries 2 bits of data and 4 unused ones.
    expect(envelope.data.length % 4).toBe(2);
    envelope.data = `${envelope.data.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1]}`;
    expect(await failure(decryptBlob(first.dataKey, text(JSON.stringify(envelope)), CONTEXT))).toBe(
      "invalid-envelope",
    );
  });

  it("under another data key say so, rather than read as damage", async () => {
    const sealed = await encryptBlob(first.dataKey, text("Ana"), CONTEXT, 1);
    expect(await failure(decryptBlob(other.dataKey, sealed, CONTEXT))).toBe("wrong-key");
  });

  it.each([
    ["not JSON", text("not json")],
    ["empty", new Uint8Array()],
    ["another format", text(JSON.stringify({ format: "x" }))],
  ])("refuse an envelope that is %s", async (_, bytes) => {
    expect(await failure(decryptBlob(first.dataKey, bytes, CONTEXT))).toBe("invalid-envelope");
  });

  it("refuse an envelope of a newer version with a clear error", async () => {
    const envelope = JSON.parse(read(await encryptBlob(first.dataKey, text("Ana"), CONTEXT, 1)));
    envelope.v = 2;
    expect(await failure(decryptBlob(first.dataKey, text(JSON.stringify(envelope)), CONTEXT))).toBe(
      "unsupported-version",
    );
  });

  it("never open with any single byte changed", async () => {
    const sealed = await encryptBlob(first.dataKey, text("Ana's notes: promotion case"), CONTEXT, 1);
    const envelope = JSON.parse(read(sealed)) as { data: string };
    const dataAt = read(sealed).indexOf(envelope.data);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.nat({ max: sealed.length - 1 }),
          fc.nat({ max: envelope.data.length - 1 }).map((i) => dataAt + i),
        ),
        fc.integer({ min: 1, max: 255 }),
        async (at, flip) => {
          const copy = new Uint8Array(sealed);
          copy[at] = (copy[at] as number) ^ flip;
          const kind = await failure(decryptBlob(first.dataKey, copy, CONTEXT)).catch(() => "opened");
          return kind !== "opened";
        },
      ),
      { numRuns: 150 },
    );
  });
});
