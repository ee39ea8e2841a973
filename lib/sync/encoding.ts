/** Bytes as WebCrypto takes them: backed by a plain ArrayBuffer. */
export type Bytes = Uint8Array<ArrayBuffer>;

export function randomBytes(length: number): Bytes {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

export function utf8(text: string): Bytes {
  return new Uint8Array(new TextEncoder().encode(text));
}

export function fromUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export function concatBytes(...parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The browsers' own base64 (Chrome 140, Firefox 133), where it exists. */
const nativeBase64 = Uint8Array as unknown as {
  prototype: { toBase64?: (options: object) => string };
  fromBase64?: (text: string, options: object) => Bytes;
};

/** Letters per `String.fromCharCode` call: far below any engine's limit on arguments. */
const CHARS_PER_CALL = 0x8000;

export function toBase64Url(bytes: Uint8Array): string {
  // A snapshot of years of notes is tens of megabytes: one letter at a time took seconds.
  if (nativeBase64.prototype.toBase64)
    return nativeBase64.prototype.toBase64.call(bytes, { alphabet: "base64url", omitPadding: true });
  let binary = "";
  for (let at = 0; at < bytes.length; at += CHARS_PER_CALL)
    binary += String.fromCharCode(...bytes.subarray(at, at + CHARS_PER_CALL));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** undefined when the text is not base64url in its one canonical spelling */
export function fromBase64Url(text: string): Bytes | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  let out: Bytes;
  if (nativeBase64.fromBase64) {
    try {
      out = nativeBase64.fromBase64(text, { alphabet: "base64url" });
    } catch {
      return undefined;
    }
  } else {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  }
  // Unused low bits in the last letter would let two spellings mean the same bytes.
  return toBase64Url(out) === text ? out : undefined;
}

// Crockford's alphabet: no I, L, O or U, so a key read off paper is hard to mistype.
const BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function toBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Reads what a person typed: any case, spaces and dashes ignored, O/I/L read as 0/1/1. */
export function fromBase32(text: string, length: number): Bytes | undefined {
  const clean = text.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (clean.length !== Math.ceil((length * 8) / 5)) return undefined;
  const out = new Uint8Array(length);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value < 0) return undefined;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      if (at < length) out[at++] = (buffer >>> (bits - 8)) & 255;
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}
