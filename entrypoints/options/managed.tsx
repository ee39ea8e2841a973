import { useEffect, useState } from "react";
import { t } from "@/components/i18n";
import { type ManagedPolicy, readOrganisationPolicy, watchOrganisationPolicy } from "@/lib/settings";

/** The organisation's policy, kept current; undefined until first read. */
export function useManagedPolicy(): ManagedPolicy | undefined {
  const [policy, setPolicy] = useState<ManagedPolicy>();
  useEffect(() => {
    void readOrganisationPolicy().then(setPolicy);
    return watchOrganisationPolicy(setPolicy);
  }, []);
  return policy;
}

/** Beside a setting the manager can't change here because their organisation set it. */
export function SetByOrganisation({ id }: { id?: string }) {
  return (
    <span id={id} className="managed-note">
      {t("options.setByOrganisation")}
    </span>
  );
}
