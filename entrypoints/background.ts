import { browser } from "wxt/browser";
import { badgeText, badgeTooltip, overdueByPerson, overdueItems } from "@/lib/cadence";
import { nextDueAt, openItemsDueBefore, prepDatabase, saveMeetingNotes, watchTables } from "@/lib/db";
import { createMessageRouter, type TabMessage } from "@/lib/messaging";
import { BADGE_SCOPE_KEY, readBadgeScope } from "@/lib/settings";

const TICK_ALARM = "overdue-tick";
const NEXT_DUE_ALARM = "next-due";

export default defineBackground(() => {
  const db = prepDatabase();
  const router = createMessageRouter({
    extensionId: browser.runtime.id,
    sidebarUrl: browser.runtime.getURL("/sidebar.html"),
    calendarOrigin: "https://calendar.google.com",
    onDismiss(tabId, frame) {
      const message: TabMessage = { type: "prep:dismiss", frame };
      // The tab may have navigated away; nothing to dismiss then.
      browser.tabs.sendMessage(tabId, message).catch(() => {});
    },
    onFlushNotes: (meetingId, notes, editedAt) => saveMeetingNotes(db, meetingId, notes, editedAt),
    onBadgeRefresh: () => refreshBadge(),
  });

  // Answered through sendResponse: Chrome honours a promise returned by the listener only in
  // recent versions, Firefox and Chrome both keep the channel open when the listener returns true.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    router.handle(message, sender).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => router.forgetTab(tabId));

  // MV3 has `action`, Firefox's MV2 build `browserAction`; the badge calls are the same.
  const action = browser.action ?? browser.browserAction;
  let counting: Promise<void> | undefined;
  let again = false;

  /** Counts overdue items and sets the badge; bursts of changes collapse into one recount. */
  function refreshBadge(): Promise<void> {
    if (counting) {
      again = true;
      return counting;
    }
    counting = (async () => {
      do {
        again = false;
        await countOnce().catch((error: unknown) =>
          console.warn("1:1 Prep could not count overdue items.", error),
        );
      } while (again);
      counting = undefined;
    })();
    return counting;
  }

  async function countOnce() {
    const now = Date.now();
    const overdue = overdueItems(await openItemsDueBefore(db, now), now, await readBadgeScope());
    const people = (await db.people.bulkGet([...new Set(overdue.map((i) => i.personId))])).filter(
      (p) => p !== undefined,
    );
    await action.setBadgeText({ text: badgeText(overdue.length) });
    await action.setBadgeBackgroundColor({ color: "#d93025" });
    await action.setTitle({ title: badgeTooltip(overdueByPerson(overdue, people)) });
    // Wake exactly when the next open item turns overdue, not only at the periodic tick.
    const next = await nextDueAt(db, now);
    if (next === undefined) await browser.alarms.clear(NEXT_DUE_ALARM);
    else browser.alarms.create(NEXT_DUE_ALARM, { when: next + 1000 });
  }

  browser.alarms.create(TICK_ALARM, { periodInMinutes: 15 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM || alarm.name === NEXT_DUE_ALARM) void refreshBadge();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && BADGE_SCOPE_KEY in changes) void refreshBadge();
  });
  // Writes from any extension page while this worker is awake; pages also send badge:refresh
  // so a sleeping worker wakes up for them.
  watchTables(["actionItems", "people"], () => void refreshBadge());
  void refreshBadge();
});
