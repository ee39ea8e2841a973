import { useEffect, useState } from "react";
import { t } from "@/components/i18n";
import {
  type OrganisationPolicy,
  readManagedPolicy,
  readOrganisationPolicy,
  watchOrganisationPolicy,
} from "@/lib/settings";

/** The organisation's policy, kept current; undefined until first read. */
export function useOrganisationPolicy(): OrganisationPolicy | undefined {
  const [policy, setPolicy] = useState<OrganisationPolicy>();
  useEffect(() => {
    void readOrganisationPolicy().then(setPolicy);
    return watchOrganisationPolicy(setPolicy);
  }, []);
  return policy;
}

const NO_SECRET = {};

/**
 * The client secret the organisation set, read from managed storage only when the policy says
 * there is one (pages' copy of the policy leaves it out); undefined until read.
 */
export function useOrganisationSecret(secretSet: boolean): { secret?: string } | undefined {
  const [read, setRead] = useState<{ secret?: string }>();
  useEffect(() => {
    if (!secretSet) return;
    let live = true;
    void readManagedPolicy().then((policy) => {
      if (live) setRead(policy.oauthClientSecret ? { secret: policy.oauthClientSecret } : NO_SECRET);
    });
    return () => {
      live = false;
    };
  }, [secretSet]);
  return secretSet ? read : NO_SECRET;
}

/** Beside a setting the manager can't change here because their organisation set it. */
export function SetByOrganisation({ id }: { id?: string }) {
  return (
    <span id={id} className="managed-note">
      {t("options.setByOrganisation")}
    </span>
  );
}
