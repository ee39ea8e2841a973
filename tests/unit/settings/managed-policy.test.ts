import { describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  isManaged,
  mirrorManagedPolicy,
  ORGANISATION_POLICY_KEY,
  readDetectionState,
  readManagedPolicy,
  readOrganisationPolicy,
  toManagedPolicy,
  watchDetectionState,
  watchOrganisationPolicy,
} from "@/lib/settings";

const CLIENT_ID = "123-abc.apps.googleusercontent.com";

describe("the organisation's policy", () => {
  it("reads every field an admin set", async () => {
    await fakeBrowser.storage.managed.set({
      companyDomain: "Acme.com",
      oauthClientId: ` ${CLIENT_ID} `,
      syncAllowed: false,
    });
    const policy = await readManagedPolicy();
    expect(policy).toEqual({ companyDomain: "acme.com", oauthClientId: CLIENT_ID, syncAllowed: false });
    expect(isManaged(policy)).toBe(true);
  });

  it("takes the client's secret with its client, and never without it", async () => {
    const secret = "GOCSPX-organisationSecret0123456789";
    await fakeBrowser.storage.managed.set({ oauthClientId: CLIENT_ID, oauthClientSecret: ` ${secret} ` });
    expect(await readManagedPolicy()).toEqual({ oauthClientId: CLIENT_ID, oauthClientSecret: secret });
    await fakeBrowser.storage.managed.set({ oauthClientId: "not a client", oauthClientSecret: secret });
    expect(await readManagedPolicy()).toEqual({});
    await fakeBrowser.storage.managed.set({
      oauthClientId: CLIENT_ID,
      oauthClientSecret: "has spaces in it",
    });
    expect(await readManagedPolicy()).toEqual({ oauthClientId: CLIENT_ID });
  });

  it("is empty in a browser without a policy", async () => {
    const policy = await readManagedPolicy();
    expect(policy).toEqual({});
    expect(isManaged(policy)).toBe(false);
  });

  it("takes what it can of a partial policy", async () => {
    await fakeBrowser.storage.managed.set({ syncAllowed: true });
    expect(await readManagedPolicy()).toEqual({ syncAllowed: true });
  });

  it.each([
    [{ companyDomain: 42, oauthClientId: CLIENT_ID, syncAllowed: "no" }, { oauthClientId: CLIENT_ID }],
    [
      { companyDomain: "acme.com", oauthClientId: "my secret", syncAllowed: 0 },
      { companyDomain: "acme.com" },
    ],
    [{ companyDomain: "not a domain", oauthClientId: null, syncAllowed: false }, { syncAllowed: false }],
    [{ companyDomain: "@acme.com.", oauthClientId: [CLIENT_ID] }, { companyDomain: "acme.com" }],
    [{ companyDomain: ["acme.com"], oauthClientId: { id: CLIENT_ID } }, {}],
  ])("ignores a wrong value and keeps the rest: %j", (stored, expected) => {
    expect(toManagedPolicy(stored)).toEqual(expected);
  });

  it.each([undefined, null, "acme.com", 7, [{ companyDomain: "acme.com" }]])(
    "reads %j as no policy",
    (stored) => {
      expect(toManagedPolicy(stored)).toEqual({});
    },
  );

  it("ignores huge strings", () => {
    const huge = "a".repeat(1_000_000);
    expect(
      toManagedPolicy({
        companyDomain: `${huge}.com`,
        oauthClientId: `123-${huge}.apps.googleusercontent.com`,
        syncAllowed: true,
      }),
    ).toEqual({ syncAllowed: true });
  });

  it("is empty when the browser refuses to read managed storage", async () => {
    // Firefox without enterprise policies rejects every read.
    vi.spyOn(fakeBrowser.storage.managed, "get").mockRejectedValue(
      new Error("Managed storage manifest not found"),
    );
    expect(await readManagedPolicy()).toEqual({});
    expect((await readDetectionState()).settings).toEqual({ keywords: [], exclusions: [] });
  });

  it("is empty when reading managed storage throws at once", async () => {
    vi.spyOn(fakeBrowser.storage.managed, "get").mockImplementation(() => {
      throw new Error("storage.managed is not available");
    });
    expect(await readManagedPolicy()).toEqual({});
  });

  it("gives detection the company domain beside the manager's own words, once the background mirrored it", async () => {
    await fakeBrowser.storage.local.set({ detectionSettings: { keywords: ["mentoring"], exclusions: [] } });
    await fakeBrowser.storage.managed.set({ companyDomain: "acme.com" });
    expect((await readDetectionState()).settings.companyDomain).toBeUndefined();
    await mirrorManagedPolicy();
    expect((await readDetectionState()).settings).toEqual({
      keywords: ["mentoring"],
      exclusions: [],
      companyDomain: "acme.com",
    });
  });

  it("drops the domain when the organisation lifts it, and ignores a copy edited into nonsense", async () => {
    await fakeBrowser.storage.managed.set({ companyDomain: "acme.com", syncAllowed: false });
    await mirrorManagedPolicy();
    await fakeBrowser.storage.managed.remove("companyDomain");
    await mirrorManagedPolicy();
    expect(await fakeBrowser.storage.local.get(ORGANISATION_POLICY_KEY)).toEqual({
      [ORGANISATION_POLICY_KEY]: { syncAllowed: false },
    });
    expect((await readDetectionState()).settings.companyDomain).toBeUndefined();

    await fakeBrowser.storage.local.set({
      [ORGANISATION_POLICY_KEY]: { companyDomain: "<script>.com", syncAllowed: "no", oauthClientId: 7 },
    });
    expect((await readDetectionState()).settings.companyDomain).toBeUndefined();
    expect(await readOrganisationPolicy()).toEqual({});
    await mirrorManagedPolicy();
    expect(await readOrganisationPolicy()).toEqual({ syncAllowed: false });
  });

  it("is read from the background's copy, not from managed storage, once the copy is made", async () => {
    await fakeBrowser.storage.managed.set({ oauthClientId: CLIENT_ID, syncAllowed: false });
    await mirrorManagedPolicy();
    const managedGet = vi.spyOn(fakeBrowser.storage.managed, "get");
    expect(await readOrganisationPolicy()).toEqual({ oauthClientId: CLIENT_ID, syncAllowed: false });
    expect(managedGet).not.toHaveBeenCalled();
  });

  it("is the live policy until the background made its first copy", async () => {
    await fakeBrowser.storage.managed.set({ syncAllowed: false });
    expect(await fakeBrowser.storage.local.get(ORGANISATION_POLICY_KEY)).toEqual({});
    expect(await readOrganisationPolicy()).toEqual({ syncAllowed: false });
  });

  it("copies the policy without the client's secret, saying only that there is one", async () => {
    const secret = "GOCSPX-organisationSecret0123456789";
    await fakeBrowser.storage.managed.set({ oauthClientId: CLIENT_ID, oauthClientSecret: secret });
    await mirrorManagedPolicy();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(secret);
    expect(await readOrganisationPolicy()).toEqual({ oauthClientId: CLIENT_ID, oauthClientSecretSet: true });

    // A secret written into the copy by hand is not read from it, nor a flag without its client.
    await fakeBrowser.storage.local.set({
      [ORGANISATION_POLICY_KEY]: { oauthClientId: CLIENT_ID, oauthClientSecret: secret },
    });
    expect(await readOrganisationPolicy()).toEqual({ oauthClientId: CLIENT_ID });
    await fakeBrowser.storage.local.set({ [ORGANISATION_POLICY_KEY]: { oauthClientSecretSet: true } });
    expect(await readOrganisationPolicy()).toEqual({});
  });

  it("leaves the secret out of the live policy too, before the first copy", async () => {
    await fakeBrowser.storage.managed.set({
      oauthClientId: CLIENT_ID,
      oauthClientSecret: "GOCSPX-organisationSecret0123456789",
    });
    expect(await readOrganisationPolicy()).toEqual({ oauthClientId: CLIENT_ID, oauthClientSecretSet: true });
  });

  it("copies an unmanaged browser's policy as empty, so pages need not ask managed storage either", async () => {
    await mirrorManagedPolicy();
    expect(await fakeBrowser.storage.local.get(ORGANISATION_POLICY_KEY)).toEqual({
      [ORGANISATION_POLICY_KEY]: {},
    });
    const managedGet = vi.spyOn(fakeBrowser.storage.managed, "get");
    expect(await readOrganisationPolicy()).toEqual({});
    expect(managedGet).not.toHaveBeenCalled();
  });

  it("removes the domain-only copy a release before kept", async () => {
    await fakeBrowser.storage.local.set({ organisationDomain: "old.example" });
    await fakeBrowser.storage.managed.set({ companyDomain: "acme.com" });
    await mirrorManagedPolicy();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      [ORGANISATION_POLICY_KEY]: { companyDomain: "acme.com" },
    });
  });

  it("tells watchers when the background copies a changed policy", async () => {
    const policies: unknown[] = [];
    const states: unknown[] = [];
    let policyRead = () => {};
    let stateRead = () => {};
    const policySeen = new Promise<void>((resolve) => {
      policyRead = resolve;
    });
    const stateSeen = new Promise<void>((resolve) => {
      stateRead = resolve;
    });
    const stopPolicy = watchOrganisationPolicy((policy) => {
      policies.push(policy);
      policyRead();
    });
    const stopState = watchDetectionState((state) => {
      states.push(state.settings.companyDomain);
      stateRead();
    });
    await fakeBrowser.storage.managed.set({ companyDomain: "acme.com", syncAllowed: false });
    // What the background does on that change.
    await mirrorManagedPolicy();
    await Promise.all([policySeen, stateSeen]);
    stopPolicy();
    stopState();
    expect(policies).toEqual([{ companyDomain: "acme.com", syncAllowed: false }]);
    expect(states).toEqual(["acme.com"]);
  });

  it("leaves watchers alone when other local settings change, or the same policy is copied again", async () => {
    await fakeBrowser.storage.managed.set({ syncAllowed: true });
    await mirrorManagedPolicy();
    const seen: unknown[] = [];
    let changed = () => {};
    const changeSeen = new Promise<void>((resolve) => {
      changed = resolve;
    });
    const stop = watchOrganisationPolicy((policy) => {
      seen.push(policy);
      if (policy.syncAllowed === false) changed();
    });
    await fakeBrowser.storage.local.set({ companyDomain: "acme.com" });
    await mirrorManagedPolicy();
    // A read either of those set off would have started first, and so answered first.
    await fakeBrowser.storage.managed.set({ syncAllowed: false });
    await mirrorManagedPolicy();
    await changeSeen;
    stop();
    expect(seen).toEqual([{ syncAllowed: false }]);
  });
});
