import { browser } from "wxt/browser";
import { z } from "zod";
import { clientIdSchema, clientSecretSchema } from "@/lib/calendar-api";
import { watchLocalKeys } from "./watch-local";

/**
 * What a company's IT sets for every manager through the browser's policy for extensions
 * (`public/managed-schema.json` describes it to Chrome). Read-only for the extension; each field
 * is absent unless the organisation set it to a value that makes sense.
 */
export interface ManagedPolicy {
  /** the domain the organisation's addresses end in, lower-case */
  companyDomain?: string;
  /** the Google OAuth client id the organisation created, for connecting Google Calendar */
  oauthClientId?: string;
  /** that client's secret: sync signs in with offline access, and renews its token on its own */
  oauthClientSecret?: string;
  /** false: the organisation does not allow sync across devices */
  syncAllowed?: boolean;
}

export const MANAGED_POLICY_KEYS = [
  "companyDomain",
  "oauthClientId",
  "oauthClientSecret",
  "syncAllowed",
] as const;

const companyDomainSchema = z
  .string()
  .trim()
  .max(253)
  .toLowerCase()
  .transform((domain) => domain.replace(/^@/, "").replace(/\.+$/, ""))
  .pipe(z.string().regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/));

const fieldSchemas = {
  companyDomain: companyDomainSchema,
  oauthClientId: clientIdSchema,
  oauthClientSecret: clientSecretSchema,
  syncAllowed: z.boolean(),
} satisfies Record<(typeof MANAGED_POLICY_KEYS)[number], z.ZodType>;

/**
 * Field by field: a policy typed by hand in an admin console can get one value wrong, and that
 * one is ignored while the rest still apply.
 */
export function toManagedPolicy(value: unknown): ManagedPolicy {
  const record =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const policy: ManagedPolicy = {};
  const domain = fieldSchemas.companyDomain.safeParse(record.companyDomain);
  if (domain.success) policy.companyDomain = domain.data;
  const clientId = fieldSchemas.oauthClientId.safeParse(record.oauthClientId);
  if (clientId.success) policy.oauthClientId = clientId.data;
  const clientSecret = fieldSchemas.oauthClientSecret.safeParse(record.oauthClientSecret);
  // A secret means nothing without its client.
  if (clientId.success && clientSecret.success) policy.oauthClientSecret = clientSecret.data;
  const syncAllowed = fieldSchemas.syncAllowed.safeParse(record.syncAllowed);
  if (syncAllowed.success) policy.syncAllowed = syncAllowed.data;
  return policy;
}

/** Whether the organisation set anything at all, for the line that says so in options. */
export function isManaged(policy: ManagedPolicy | OrganisationPolicy): boolean {
  return Object.values(policy).some((value) => value !== undefined);
}

/**
 * An unmanaged browser has no policy: Chrome answers with nothing, Firefox without enterprise
 * policies rejects ("Managed storage manifest not found"), and Firefox for Android has no
 * managed area at all. Each of those is the same as an organisation that set nothing.
 */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    const managed = browser.storage?.managed;
    if (!managed) return {};
    return toManagedPolicy(await managed.get([...MANAGED_POLICY_KEYS]));
  } catch {
    return {};
  }
}

/**
 * The organisation's policy as pages read it: all of it but the client's secret, which only says
 * whether there is one. Content scripts can read `storage.local`, and a credential has no business
 * in a Calendar tab's process; Options reads the secret itself from managed storage.
 */
export type OrganisationPolicy = Omit<ManagedPolicy, "oauthClientSecret"> & { oauthClientSecretSet?: true };

/**
 * Where the background keeps its copy of the organisation's policy. Pages and the detector read
 * the copy with the rest of their settings, in one `storage.local` read: a browser hands
 * extensions their managed storage only seconds after it starts, and Options drew no sync section
 * until then.
 */
export const ORGANISATION_POLICY_KEY = "organisationPolicy";
/** A release before copied only the company domain, under this key. */
const ORGANISATION_DOMAIN_KEY_BEFORE = "organisationDomain";

function withoutSecret({ oauthClientSecret, ...policy }: ManagedPolicy): OrganisationPolicy {
  return oauthClientSecret ? { ...policy, oauthClientSecretSet: true } : policy;
}

/** A stored copy is data like any other: it passes the policy's own checks again, and holds no secret. */
function toOrganisationPolicy(value: unknown): OrganisationPolicy {
  const { oauthClientSecret: _dropped, ...policy } = toManagedPolicy(value);
  const secretSet =
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>).oauthClientSecretSet === true &&
    policy.oauthClientId !== undefined;
  return secretSet ? { ...policy, oauthClientSecretSet: true } : policy;
}

/**
 * Copies the organisation's policy into `storage.local`, an empty one for an unmanaged browser.
 * The background runs it each time it starts and whenever Chrome reports a new policy, so the
 * copy never outlives the policy by more than that.
 */
export async function mirrorManagedPolicy(): Promise<void> {
  const policy = withoutSecret(await readManagedPolicy());
  const stored = await browser.storage.local.get([ORGANISATION_POLICY_KEY, ORGANISATION_DOMAIN_KEY_BEFORE]);
  if (stored[ORGANISATION_DOMAIN_KEY_BEFORE] !== undefined)
    await browser.storage.local.remove(ORGANISATION_DOMAIN_KEY_BEFORE);
  // The fields are always written in one order, so the same policy is the same text.
  if (JSON.stringify(stored[ORGANISATION_POLICY_KEY]) !== JSON.stringify(policy))
    await browser.storage.local.set({ [ORGANISATION_POLICY_KEY]: policy });
}

/**
 * The organisation's policy as the background last copied it. Until its first copy, seconds after
 * the extension is installed, the live policy: a page never shows a setting as the manager's own
 * when the organisation set it.
 */
export async function readOrganisationPolicy(): Promise<OrganisationPolicy> {
  const stored = await browser.storage.local.get(ORGANISATION_POLICY_KEY);
  return stored[ORGANISATION_POLICY_KEY] !== undefined
    ? toOrganisationPolicy(stored[ORGANISATION_POLICY_KEY])
    : withoutSecret(await readManagedPolicy());
}

/**
 * Calls back with the organisation's policy whenever the background copies a changed one (Chrome
 * tells of a change while it runs; Firefox reads its policies only at startup); returns the
 * unsubscribe.
 */
export function watchOrganisationPolicy(onChange: (policy: OrganisationPolicy) => void): () => void {
  return watchLocalKeys([ORGANISATION_POLICY_KEY], (changes) => {
    const copied = changes[ORGANISATION_POLICY_KEY]?.newValue;
    // The change carries the new copy; only a copy removed sends the page back to the live policy.
    if (copied !== undefined) onChange(toOrganisationPolicy(copied));
    else void readOrganisationPolicy().then(onChange);
  });
}
