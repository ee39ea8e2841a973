/**
 * The sync key and the sealed blobs that travel to Drive. Nothing here leaves the browser in the
 * clear: every blob is AES-GCM-256 under its own key, derived by HKDF from one random data key,
 * and the data key is stored only wrapped — once under the sync passphrase, once under the
 * recovery key.
 *
 * The passphrase is stretched with PBKDF2-SHA-256 (WebCrypto) rather than Argon2id: it runs
 * natively in the background worker with no dependency and no `'wasm-unsafe-eval'` in the
 * extension's CSP, while Argon2id in plain JS at 64 MiB would hold the worker for seconds and add
 * a dependency. Both are allowed; PBKDF2 at ≥ 600,000 iterations is the current OWASP floor.
 */
import { z } from "zod";
import {
  type Bytes,
  fromBase32,
  fromBase64Url,
  fromUtf8,
  randomBytes,
  toBase32,
  toBase64Url,
  utf8,
} from "./encoding";

export type SyncCryptoErrorKind =
  /** the passphrase does not open this key file; nothing changed */
  | "wrong-passphrase"
  /** the recovery key is well formed but does not open this key file */
  | "wrong-recovery-key"
  /** the recovery key was mistyped (its check letters do not match) */
  | "malformed-recovery-key"
  | "empty-passphrase"
  /** the key file asks for a weaker (or absurdly costly) passphrase stretch than we accept */
  | "weak-kdf"
  | "invalid-key-file"
  /** the blob was sealed under another data key: the passphrase was changed to a new key elsewhere, or this is another account's data */
  | "wrong-key"
  /** the blob was altered, or moved to another file, table or version */
  | "unreadable"
  | "invalid-envelope"
  | "unsupported-version";

export class SyncCryptoError extends Error {
  override readonly name = "SyncCryptoError";
  constructor(
    readonly kind: SyncCryptoErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const KEY_FILE_FORMAT = "1on1prep-sync-key";
export const BLOB_FORMAT = "1on1prep-sync-blob";

/** The floor for unlocking: a key file stored with fewer iterations is refused, whoever wrote it. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** A ceiling too, so a hostile key file cannot hang the worker. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

export interface PassphraseStretch {
  /** PBKDF2-SHA-256 iterations used when wrapping (tests use small counts) */
  iterations: number;
}

export interface UnlockPolicy {
  /** the fewest iterations accepted from a stored key file; only tests lower it */
  minIterations: number;
}

const DEFAULT_STRETCH: PassphraseStretch = { iterations: DEFAULT_PBKDF2_ITERATIONS };
const DEFAULT_POLICY: UnlockPolicy = { minIterations: MIN_PBKDF2_ITERATIONS };

const DATA_KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const RECOVERY_SECRET_BYTES = 32;
const RECOVERY_CHECK_BYTES = 3;
const BLOB_INFO = utf8("1on1prep sync blob v1");
const RECOVERY_INFO = utf8("1on1prep sync recovery key v1");

/**
 * Refuse anything larger before parsing it. Five years of a 50-person team's notes make a
 * snapshot of about 92 MB.
 */
export const MAX_BLOB_BYTES = 256 * 1024 * 1024;

/**
 * Base64url bytes. A field may be as long as the file it sits in: a shorter limit would refuse a
 * file this device wrote and would open.
 */
function b64(length?: { min: number; max: number }) {
  return z
    .string()
    .max(MAX_BLOB_BYTES)
    .transform((text, ctx) => {
      const bytes = fromBase64Url(text);
      if (!bytes || (length && (bytes.length < length.min || bytes.length > length.max))) {
        ctx.addIssue({ code: "custom", message: "bad base64url" });
        return z.NEVER;
      }
      return bytes;
    });
}

const keyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

const passphraseSlotSchema = z.strictObject({
  kdf: z.strictObject({
    name: z.literal("PBKDF2-SHA-256"),
    iterations: z.number().int().positive(),
    salt: z.string().regex(/^[A-Za-z0-9_-]{22,86}$/),
  }),
  iv: b64({ min: IV_BYTES, max: IV_BYTES }),
  wrapped: b64({ min: DATA_KEY_BYTES + 16, max: DATA_KEY_BYTES + 16 }),
});

const recoverySlotSchema = z.strictObject({
  kdf: z.strictObject({ name: z.literal("HKDF-SHA-256"), salt: z.string().regex(/^[A-Za-z0-9_-]{22,86}$/) }),
  iv: b64({ min: IV_BYTES, max: IV_BYTES }),
  wrapped: b64({ min: DATA_KEY_BYTES + 16, max: DATA_KEY_BYTES + 16 }),
});

const keyFileSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  keyId: keyIdSchema,
  passphrase: passphraseSlotSchema,
  recovery: recoverySlotSchema,
});

type ParsedKeyFile = z.output<typeof keyFileSchema>;
/** The wrapped data key as stored in Drive (JSON). */
export type KeyFile = z.input<typeof keyFileSchema>;

/** An unlocked data key: usable only to derive blob keys, never exported. */
export interface DataKey {
  readonly keyId: string;
  readonly key: CryptoKey;
}

export interface NewSyncKey {
  dataKey: DataKey;
  keyFile: KeyFile;
  /** shown once, for the manager to print or store: it opens the key file without the passphrase */
  recoveryKey: string;
}

export function parseKeyFile(json: unknown): KeyFile {
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success)
    throw new SyncCryptoError("invalid-key-file", "The synced key file is not one we can read.");
  return json as KeyFile;
}

function normalisePassphrase(passphrase: string): Bytes {
  // Composed form, so the same passphrase typed on another system derives the same key.
  const text = passphrase.normalize("NFC");
  if (text.length === 0) throw new SyncCryptoError("empty-passphrase", "Enter a sync passphrase.");
  return utf8(text);
}

async function importDataKey(raw: Bytes, keyId: string): Promise<DataKey> {
  const key = await crypto.subtle.importKey("raw", raw, "HKDF", false, ["deriveKey"]);
  return { keyId, key };
}

async function passphraseKek(passphrase: Bytes, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", passphrase, "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

async function recoveryKek(secret: Bytes, salt: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info: RECOVERY_INFO },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

// The slot's parameters are authenticated with the wrapped key: a key file whose stretch or salt
// was edited cannot be opened, so it cannot be re-saved with weaker parameters either.
function slotAad(keyId: string, slot: "passphrase" | "recovery", kdf: object): Bytes {
  return utf8(JSON.stringify([KEY_FILE_FORMAT, 1, keyId, slot, kdf]));
}

async function seal(key: CryptoKey, plain: Bytes, aad: Bytes): Promise<{ iv: Bytes; sealed: Bytes }> {
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: aad }, key, plain),
  );
  return { iv, sealed };
}

async function open(key: CryptoKey, iv: Bytes, sealed: Bytes, aad: Bytes): Promise<Bytes | undefined> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData: aad }, key, sealed),
    );
  } catch {
    return undefined;
  }
}

async function wrapForPassphrase(
  raw: Bytes,
  keyId: string,
  passphrase: string,
  stretch: PassphraseStretch,
): Promise<KeyFile["passphrase"]> {
  if (
    !Number.isInteger(stretch.iterations) ||
    stretch.iterations < 1 ||
    stretch.iterations > MAX_PBKDF2_ITERATIONS
  )
    throw new SyncCryptoError("weak-kdf", "The passphrase stretch is out of range.");
  const kdf = {
    name: "PBKDF2-SHA-256" as const,
    iterations: stretch.iterations,
    salt: toBase64Url(randomBytes(SALT_BYTES)),
  };
  const kek = await passphraseKek(
    normalisePassphrase(passphrase),
    fromBase64Url(kdf.salt) as Bytes,
    kdf.iterations,
  );
  const { iv, sealed } = await seal(kek, raw, slotAad(keyId, "passphrase", kdf));
  return { kdf, iv: toBase64Url(iv), wrapped: toBase64Url(sealed) };
}

async function wrapForRecovery(raw: Bytes, keyId: string, secret: Bytes): Promise<KeyFile["recovery"]> {
  const kdf = { name: "HKDF-SHA-256" as const, salt: toBase64Url(randomBytes(SALT_BYTES)) };
  const kek = await recoveryKek(secret, fromBase64Url(kdf.salt) as Bytes);
  const { iv, sealed } = await seal(kek, raw, slotAad(keyId, "recovery", kdf));
  return { kdf, iv: toBase64Url(iv), wrapped: toBase64Url(sealed) };
}

async function recoveryCheck(secret: Bytes): Promise<Bytes> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", secret));
  return digest.slice(0, RECOVERY_CHECK_BYTES);
}

/** 56 letters and digits in groups of four; the last letters are a check against typing mistakes. */
async function formatRecoveryKey(secret: Bytes): Promise<string> {
  const text = toBase32(new Uint8Array([...secret, ...(await recoveryCheck(secret))]));
  return text.match(/.{1,4}/g)?.join("-") ?? text;
}

async function readRecoveryKey(recoveryKey: string): Promise<Bytes> {
  const bytes = fromBase32(recoveryKey, RECOVERY_SECRET_BYTES + RECOVERY_CHECK_BYTES);
  const mistyped = () =>
    new SyncCryptoError("malformed-recovery-key", "That recovery key has a typing mistake.");
  if (!bytes) throw mistyped();
  const secret = bytes.slice(0, RECOVERY_SECRET_BYTES);
  const check = await recoveryCheck(secret);
  if (check.some((byte, i) => byte !== bytes[RECOVERY_SECRET_BYTES + i])) throw mistyped();
  return secret;
}

/** A fresh data key for a first device, wrapped under the passphrase and a new recovery key. */
export async function createSyncKey(
  passphrase: string,
  stretch: PassphraseStretch = DEFAULT_STRETCH,
): Promise<NewSyncKey> {
  const raw = randomBytes(DATA_KEY_BYTES);
  const keyId = toBase64Url(randomBytes(16));
  const secret = randomBytes(RECOVERY_SECRET_BYTES);
  const keyFile: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    keyId,
    passphrase: await wrapForPassphrase(raw, keyId, passphrase, stretch),
    recovery: await wrapForRecovery(raw, keyId, secret),
  };
  return { dataKey: await importDataKey(raw, keyId), keyFile, recoveryKey: await formatRecoveryKey(secret) };
}

function readKeyFile(json: unknown): ParsedKeyFile {
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success)
    throw new SyncCryptoError("invalid-key-file", "The synced key file is not one we can read.");
  return parsed.data;
}

async function rawFromPassphrase(
  file: ParsedKeyFile,
  passphrase: string,
  policy: UnlockPolicy,
): Promise<Bytes> {
  const { kdf, iv, wrapped } = file.passphrase;
  // Checked before any work: a hostile file must not make us stretch weakly, nor for hours.
  if (kdf.iterations < Math.max(1, policy.minIterations) || kdf.iterations > MAX_PBKDF2_ITERATIONS)
    throw new SyncCryptoError(
      "weak-kdf",
      "The synced key file asks for a passphrase stretch we do not accept.",
    );
  const kek = await passphraseKek(
    normalisePassphrase(passphrase),
    fromBase64Url(kdf.salt) as Bytes,
    kdf.iterations,
  );
  const raw = await open(kek, iv, wrapped, slotAad(file.keyId, "passphrase", kdf));
  if (!raw)
    throw new SyncCryptoError("wrong-passphrase", "That passphrase does not unlock your synced data.");
  return raw;
}

async function rawFromRecoveryKey(file: ParsedKeyFile, recoveryKey: string): Promise<Bytes> {
  const secret = await readRecoveryKey(recoveryKey);
  const { kdf, iv, wrapped } = file.recovery;
  const kek = await recoveryKek(secret, fromBase64Url(kdf.salt) as Bytes);
  const raw = await open(kek, iv, wrapped, slotAad(file.keyId, "recovery", kdf));
  if (!raw)
    throw new SyncCryptoError("wrong-recovery-key", "That recovery key does not unlock your synced data.");
  return raw;
}

export async function unlockWithPassphrase(
  keyFile: unknown,
  passphrase: string,
  policy: UnlockPolicy = DEFAULT_POLICY,
): Promise<DataKey> {
  const file = readKeyFile(keyFile);
  return importDataKey(await rawFromPassphrase(file, passphrase, policy), file.keyId);
}

export async function unlockWithRecoveryKey(keyFile: unknown, recoveryKey: string): Promise<DataKey> {
  const file = readKeyFile(keyFile);
  return importDataKey(await rawFromRecoveryKey(file, recoveryKey), file.keyId);
}

export type Unlock = { passphrase: string } | { recoveryKey: string };

/**
 * The same data key under a new passphrase: the key id and the recovery slot stay, so no blob is
 * re-encrypted or re-uploaded. The new stretch comes from the caller, never from the stored file.
 */
export async function changePassphrase(
  keyFile: unknown,
  unlock: Unlock,
  newPassphrase: string,
  stretch: PassphraseStretch = DEFAULT_STRETCH,
  policy: UnlockPolicy = DEFAULT_POLICY,
): Promise<KeyFile> {
  const file = readKeyFile(keyFile);
  const raw =
    "passphrase" in unlock
      ? await rawFromPassphrase(file, unlock.passphrase, policy)
      : await rawFromRecoveryKey(file, unlock.recoveryKey);
  return {
    ...(keyFile as KeyFile),
    passphrase: await wrapForPassphrase(raw, file.keyId, newPassphrase, stretch),
  };
}

/** What a blob is bound to: opening it under any other file name, kind or version fails. */
export interface BlobContext {
  /** the Drive file name it is stored under */
  fileName: string;
  /** what it holds, e.g. `batch`, `snapshot`, `devices` */
  kind: string;
}

const envelopeSchema = z.strictObject({
  format: z.literal(BLOB_FORMAT),
  v: z.number().int(),
  keyId: z.string().max(64),
  schema: z.number().int().min(1).max(1_000_000),
  salt: b64({ min: SALT_BYTES, max: 64 }),
  iv: b64({ min: IV_BYTES, max: IV_BYTES }),
  data: b64(),
});

function blobAad(keyId: string, schemaVersion: number, context: BlobContext): Bytes {
  return utf8(JSON.stringify([BLOB_FORMAT, 1, keyId, context.fileName, context.kind, schemaVersion]));
}

async function blobKey(dataKey: DataKey, salt: Bytes, usage: "encrypt" | "decrypt"): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt, info: BLOB_INFO },
    dataKey.key,
    { name: "AES-GCM", length: 256 },
    false,
    [usage],
  );
}

/**
 * Seals one blob. Each gets its own key (HKDF with a random salt) and a random 96-bit IV, so the
 * AES-GCM limit on IVs per key is never approached however many blobs a data key seals.
 */
export async function encryptBlob(
  dataKey: DataKey,
  plaintext: Uint8Array,
  context: BlobContext,
  schemaVersion: number,
): Promise<Bytes> {
  const salt = randomBytes(SALT_BYTES);
  const key = await blobKey(dataKey, salt, "encrypt");
  const { iv, sealed } = await seal(
    key,
    new Uint8Array(plaintext),
    blobAad(dataKey.keyId, schemaVersion, context),
  );
  return utf8(
    JSON.stringify({
      format: BLOB_FORMAT,
      v: 1,
      keyId: dataKey.keyId,
      schema: schemaVersion,
      salt: toBase64Url(salt),
      iv: toBase64Url(iv),
      data: toBase64Url(sealed),
    }),
  );
}

export interface OpenedBlob {
  schemaVersion: number;
  plaintext: Bytes;
}

export async function decryptBlob(
  dataKey: DataKey,
  sealed: Uint8Array,
  context: BlobContext,
): Promise<OpenedBlob> {
  const invalid = () => new SyncCryptoError("invalid-envelope", "A synced file is not one we can read.");
  if (sealed.length > MAX_BLOB_BYTES) throw invalid();
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(sealed));
  } catch {
    throw invalid();
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) throw invalid();
  const envelope = parsed.data;
  if (envelope.v !== 1)
    throw new SyncCryptoError(
      "unsupported-version",
      "A synced file was written by a newer version of 1:1 Prep.",
    );
  if (envelope.keyId !== dataKey.keyId)
    throw new SyncCryptoError(
      "wrong-key",
      "A synced file is locked with another key. Enter your sync passphrase again.",
    );
  const key = await blobKey(dataKey, envelope.salt, "decrypt");
  const plaintext = await open(
    key,
    envelope.iv,
    envelope.data,
    blobAad(dataKey.keyId, envelope.schema, context),
  );
  if (!plaintext)
    throw new SyncCryptoError("unreadable", "A synced file was altered or is not where it belongs.");
  return { schemaVersion: envelope.schema, plaintext };
}
