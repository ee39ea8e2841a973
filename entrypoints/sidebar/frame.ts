import { browser } from "wxt/browser";
import type { SidebarMessage } from "@/lib/messaging";

/** The token this frame was mounted with; it names the one event this frame may show. */
export const frame = location.hash.slice(1);

export function dismissSidebar() {
  const message: SidebarMessage = { type: "prep:dismiss", frame };
  browser.runtime.sendMessage(message).catch(() => {});
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong.";
}
