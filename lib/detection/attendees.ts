import { normalizeEmail } from "./email";
/**
 * Who is on an event, as far as a 1:1 cares: the user, the other humans, and
 * everything else (rooms, equipment, calendars).
 */

/**
 * Rooms and equipment (`@resource.calendar.google.com`) and calendars
 * (`@group.calendar.google.com`, `@group.v.calendar.google.com`, ...) can be
 * invited like people but are nobody to meet with.
 */
export function isResourceEmail(email: unknown): boolean {
  if (typeof email !== "string") return false;
  const domain = emailDomain(email);
  return (
    domain !== undefined && (domain === "calendar.google.com" || domain.endsWith(".calendar.google.com"))
  );
}

export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf("@");
  if (at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.+$/u, "");
  return domain.length > 0 ? domain : undefined;
}

// Sharing one of these says nothing about working together.
const PERSONAL_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "gmx.de",
  "gmx.net",
  "web.de",
  "t-online.de",
  "orange.fr",
  "free.fr",
  "laposte.net",
  "libero.it",
  "yandex.ru",
  "mail.ru",
  "qq.com",
  "163.com",
  "126.com",
  "naver.com",
  "hey.com",
  "fastmail.com",
  "zoho.com",
]);

export type Relationship = "colleague" | "external" | "unknown";

/**
 * Whether the guest works where the user works, judged by email domain.
 * Subdomains count as the same organisation (eng.acme.com, acme.com).
 */
export function relationship(selfDomain: string | undefined, guestDomain: string | undefined): Relationship {
  if (selfDomain === undefined || guestDomain === undefined) return "unknown";
  if (PERSONAL_MAIL_DOMAINS.has(selfDomain)) return "unknown";
  if (
    selfDomain === guestDomain ||
    selfDomain.endsWith(`.${guestDomain}`) ||
    guestDomain.endsWith(`.${selfDomain}`)
  ) {
    return "colleague";
  }
  return "external";
}

export interface Person {
  email?: string;
  displayName?: string;
}

export interface GuestList {
  /** humans other than the user, each address once */
  others: Person[];
  /** humans on the list including the user, the number Calendar shows as "N guests" */
  humans: number;
  /** domain of the user's address, from `selfEmail` or the self attendee */
  selfDomain?: string;
}

function stringField(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** The stored form of an address, or a lower-cased guess for something that is not one. */
export function emailOf(raw: string): string {
  return normalizeEmail(raw) ?? raw.trim().toLowerCase();
}

/**
 * Sort the attendee list into the user and the other humans.
 *
 * A guest who declined still counts: the event was set up for them, and a
 * declined 1:1 is still that person's 1:1 (to reschedule or note as skipped).
 * Optional guests count too; they are people who were asked to come.
 */
export function readGuests(attendees: readonly unknown[], selfEmail: string | undefined): GuestList {
  const selfAddress = selfEmail === undefined ? undefined : emailOf(selfEmail);
  const seen = new Set<string>();
  const others: Person[] = [];
  let selfPresent = false;
  let selfDomain = selfAddress === undefined ? undefined : emailDomain(selfAddress);

  for (const entry of attendees) {
    if (entry === null || typeof entry !== "object") continue;
    const record = entry as Record<string, unknown>;
    const raw = stringField(record.email);
    const email = raw === undefined ? undefined : emailOf(raw);
    if (record.resource === true || isResourceEmail(email)) continue;
    if (record.self === true || (email !== undefined && email === selfAddress)) {
      selfPresent = true;
      if (selfDomain === undefined && email !== undefined) selfDomain = emailDomain(email);
      continue;
    }
    if (email !== undefined) {
      if (seen.has(email)) continue;
      seen.add(email);
    }
    const person: Person = {};
    if (email !== undefined) person.email = email;
    const displayName = stringField(record.displayName);
    if (displayName !== undefined) person.displayName = displayName;
    others.push(person);
  }

  const list: GuestList = { others, humans: others.length + (selfPresent ? 1 : 0) };
  if (selfDomain !== undefined) list.selfDomain = selfDomain;
  return list;
}

// Mailing lists and Google Groups invited as one guest: the meeting is with everyone on them.
const GROUP_LOCAL_PARTS = new Set([
  "team",
  "all",
  "allhands",
  "all-hands",
  "all.hands",
  "all_hands",
  "everyone",
  "staff",
  "eng",
  "engineering",
  "devs",
  "developers",
  "product",
  "design",
  "sales",
  "marketing",
  "support",
  "ops",
  "operations",
  "hr",
  "people",
  "leads",
  "managers",
  "leadership",
  "exec",
  "execs",
  "company",
  "office",
  "info",
  "admin",
  "announce",
  "announcements",
  "news",
  "list",
  "group",
  "org",
]);
const GROUP_LOCAL_PATTERN =
  /^(?:(?:team|all|dl|grp|list|group|org)[-_.]|.*[-_.](?:team|all|dl|grp|list|group|leads|staff|org|everyone)$)/;
// "Platform team", "All hands", "Everyone"; not "Priya (Team Lead)".
const GROUP_NAME_PATTERN =
  /(?:^|\s)(?:team|all[ -]?hands|everyone|staff|group|mailing list)$|^(?:all|everyone) /i;

/** Whether a guest is a group of people behind one address (team@, a Google Group, a list). */
export function isGroupAddress(person: Person): boolean {
  const email = person.email;
  if (email !== undefined) {
    const at = email.lastIndexOf("@");
    const local = at > 0 ? email.slice(0, at) : email;
    const domain = at > 0 ? email.slice(at + 1) : "";
    if (domain === "googlegroups.com" || domain.startsWith("groups.")) return true;
    if (GROUP_LOCAL_PARTS.has(local) || GROUP_LOCAL_PATTERN.test(local)) return true;
  }
  return person.displayName !== undefined && GROUP_NAME_PATTERN.test(person.displayName);
}
