import { browser } from "wxt/browser";
import { z } from "zod";
import { clientIdSchema, clientSecretSchema } from "@/lib/calendar-api";

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
export function isManaged(policy: ManagedPolicy): boolean {
  return MANAGED_POLICY_KEYS.some((key) => policy[key] !== undefined);
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
 * Where the background keeps its copy of the organisation's company domain. The detector frame
 * decides every dialog and must answer at once; it reads this with the rest of the detection
 * state in one `storage.local` read instead of asking managed storage each time, whose first
 * answer can be slow.
 */
export const ORGANISATION_DOMAIN_KEY = "organisationDomain";

/** A stored copy is data like any other: only a domain the policy itself would accept counts. */
export function toOrganisationDomain(value: unknown): string | undefined {
  const parsed = fieldSchemas.companyDomain.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Copies the organisation's company domain into `storage.local`, and removes the copy when the
 * policy no longer sets one. The background runs it each time it starts and whenever Chrome
 * reports a new policy, so the copy never outlives the policy by more than that.
 */
export async function mirrorManagedPolicy(): Promise<void> {
  const { companyDomain } = await readManagedPolicy();
  const stored = await browser.storage.local.get(ORGANISATION_DOMAIN_KEY);
  if (stored[ORGANISATION_DOMAIN_KEY] === companyDomain) return;
  if (companyDomain) await browser.storage.local.set({ [ORGANISATION_DOMAIN_KEY]: companyDomain });
  else await browser.storage.local.remove(ORGANISATION_DOMAIN_KEY);
}

/**
 * Calls back with the new policy whenever the organisation changes it while the browser runs
 * (Chrome tells; Firefox reads its policies only at startup); returns the unsubscribe.
 */
export function watchManagedPolicy(onChange: (policy: ManagedPolicy) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === "managed") void readManagedPolicy().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
