import { settingsItems } from "./items";

/** Which overdue action items the toolbar badge counts. */
export type BadgeScope = "all" | "mine";

export const BADGE_SCOPE_KEY = "badgeScope";

export function toBadgeScope(value: unknown): BadgeScope {
  return value === "mine" ? "mine" : "all";
}

export async function readBadgeScope(): Promise<BadgeScope> {
  return toBadgeScope(await settingsItems.badgeScope.getValue());
}

export async function setBadgeScope(scope: BadgeScope) {
  await settingsItems.badgeScope.setValue(toBadgeScope(scope));
}
