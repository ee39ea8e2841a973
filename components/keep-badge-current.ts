import { browser } from "wxt/browser";
import { watchTables } from "@/lib/db";
import type { PageMessage } from "@/lib/messaging";

/**
 * After this page writes an action item or a person, ask the background to recount the badge.
 * The message wakes a sleeping service worker, which database change events cannot.
 */
export function keepBadgeCurrent(): () => void {
  const message: PageMessage = { type: "badge:refresh" };
  return watchTables(["actionItems", "people"], () => {
    browser.runtime.sendMessage(message).catch(() => {});
  });
}
