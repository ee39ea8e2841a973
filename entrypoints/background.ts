import { browser } from "wxt/browser";
import { prepDatabase, saveMeetingNotes } from "@/lib/db";
import { createPrepRouter, type TabMessage } from "@/lib/messaging";

export default defineBackground(() => {
  const router = createPrepRouter({
    extensionId: browser.runtime.id,
    sidebarUrl: browser.runtime.getURL("/sidebar.html"),
    calendarOrigin: "https://calendar.google.com",
    onDismiss(tabId, frame) {
      const message: TabMessage = { type: "prep:dismiss", frame };
      // The tab may have navigated away; nothing to dismiss then.
      browser.tabs.sendMessage(tabId, message).catch(() => {});
    },
    onFlushNotes: (meetingId, notes, editedAt) =>
      saveMeetingNotes(prepDatabase(), meetingId, notes, editedAt),
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Returning undefined (not a promise) lets other listeners answer messages this one ignores.
    return router.handle(message, sender).then(
      (response) => response,
      () => undefined,
    );
  });

  browser.tabs.onRemoved.addListener((tabId) => router.forgetTab(tabId));
});
