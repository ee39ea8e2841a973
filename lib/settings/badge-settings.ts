import { browser } from "wxt/browser";

/** Which overdue action items the toolbar badge counts. */
export type BadgeScope = "all" | "mine";

export const BADGE_SCOPE_KEY = "badgeScope";

export function toBadgeScope(value: unknown): BadgeScope {
  return value === "mine" ? "mine" : "all";
}

export async function readBadgeScope(): Promise<BadgeScope> {
  const stored = await browser.storage.local.get(BADGE_SCOPE_KEY);
  return toBadgeScope(stored[BADGE_SCOPE_KEY]);
}

export async function setBadgeScope(scope: BadgeScope) {
  await browser.storage.local.set({ [BADGE_SCOPE_KEY]: scope });
}
