/**
 * The one rule for what an email address is, wherever one arrives: the Calendar page, the
 * Calendar API, the people list, a backup. What is safe to normalise is normalised; any address
 * that survives is kept exactly, so a person stored once always round-trips through a backup.
 */

export const EMAIL_MAX_LENGTH = 320;

// Invisible characters (zero-width space and joiners, soft hyphen, bidi marks, BOM, variation
// selectors) change nothing a person reads, so two addresses differing only by them are one.
const INVISIBLE = /\p{Cf}|[\u115F\u1160\u3164]|\u034F|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;
// One @, a local part and a dotted domain; no spaces, controls or the characters that delimit
// addresses in text. Any script is allowed: josé@exämple.com and IDN domains are real addresses.
const SHAPE = /^[^\s\p{Cc}@<>()[\]\\",;:]+@[^\s\p{Cc}@<>()[\]\\",;:.]+(?:\.[^\s\p{Cc}@<>()[\]\\",;:.]+)+$/u;

function fold(text: string): string {
  return text.replace(INVISIBLE, "").trim().toLowerCase().normalize("NFC");
}

/**
 * The address as 1:1 Prep stores it (trimmed, lower-case, NFC, invisible characters removed), or
 * undefined when what is left is not an address.
 */
export function normalizeEmail(raw: unknown): string | undefined {
  if (typeof raw !== "string" || raw.length > EMAIL_MAX_LENGTH * 4) return undefined;
  let email = fold(raw);
  // Lower-casing can leave text that NFC composes differently, and the other way round: fold
  // until nothing changes, so that storing a stored address again never changes it.
  for (let again = fold(email); again !== email; again = fold(again)) email = again;
  return email.length <= EMAIL_MAX_LENGTH && SHAPE.test(email) ? email : undefined;
}

/** True for an address exactly as normalizeEmail leaves it: what may be stored. */
export function isStoredEmail(value: string): boolean {
  return normalizeEmail(value) === value;
}

// Letters of other scripts drawn like Latin ones (after Unicode's confusables list); enough to
// catch an address retyped on a Cyrillic or Greek keyboard, or forged to pass for someone.
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  з: "3",
  і: "i",
  ї: "i",
  ј: "j",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  һ: "h",
  ӏ: "l",
  ɡ: "g",
  ı: "i",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ϲ: "c",
  ℓ: "l",
};
const MARKS = /\p{M}/gu;

/** What an address looks like to a reader: two addresses with one skeleton are easily confused. */
export function emailSkeleton(email: string): string {
  let out = "";
  for (const ch of email.normalize("NFKD").replace(MARKS, "")) out += LOOK_ALIKE[ch] ?? ch;
  return out;
}

/**
 * For each address that could be mistaken for another one in `emails`, the addresses it looks
 * like. An address mixing scripts is a different address and is kept; the manager decides
 * whether the two are one person.
 */
export function lookAlikeEmails(emails: readonly string[]): Map<string, string[]> {
  const bySkeleton = new Map<string, string[]>();
  for (const email of new Set(emails)) {
    const key = emailSkeleton(email);
    bySkeleton.set(key, [...(bySkeleton.get(key) ?? []), email]);
  }
  const alike = new Map<string, string[]>();
  for (const group of bySkeleton.values()) {
    if (group.length < 2) continue;
    for (const email of group)
      alike.set(
        email,
        group.filter((other) => other !== email),
      );
  }
  return alike;
}
