// Before anything builds a zod schema: the worker forbids eval, and zod would probe for it.
import "@/components/zod-jitless";
import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { calendarEventUrl } from "@/components/dates";
import { loadLanguage, t } from "@/components/i18n";
import { badgeText, badgeTooltip, overdueByPerson, overdueItems } from "@/lib/cadence";
import { createCalendarSync, remindersDue } from "@/lib/calendar-sync";
import {
  keepEditsLeftBehind,
  meetingById,
  nextDueAt,
  nextOneOnOneAfter,
  openItemsDueBefore,
  peopleByIds,
  prepDatabase,
  readSyncStatusRow,
  recoverUnsavedEdits,
  syncedTables,
  upcomingOneOnOnes,
  watchTables,
} from "@/lib/db";
import { createDeviceSync, keepAwakeWhile } from "@/lib/device-sync";
import { autoBackupIsDue, browserBackupDownloads, runAutoBackup } from "@/lib/export";
import { createMessageRouter, type PageResponse, type TabMessage } from "@/lib/messaging";
import { createEditGuard } from "@/lib/messaging/edit-guard";
import {
  AUTO_BACKUP_KEY,
  BADGE_SCOPE_KEY,
  mirrorManagedPolicy,
  REMINDER_MINUTES_KEY,
  readAutoBackup,
  readAutoBackupState,
  readBadgeScope,
  readReminded,
  readReminderMinutes,
  setAutoBackupState,
  setReminded,
} from "@/lib/settings";
import { RUNNING_TIMER_KEY, readRunningTimer, timerBadgeText } from "@/lib/timer";

const TICK_ALARM = "overdue-tick";
const NEXT_DUE_ALARM = "next-due";
const CALENDAR_SYNC_ALARM = "calendar-sync";
const REMINDER_ALARM = "reminder";
const REMINDER_PREFIX = "prep-reminder:";
const AUTO_BACKUP_ALARM = "auto-backup";
/** Sync across devices looks for other devices' changes this often, and retries when it said it would. */
const DEVICE_SYNC_ALARM = "device-sync";
const DEVICE_SYNC_RETRY_ALARM = "device-sync-retry";
/** Typing goes on for a while: changes are sent once it pauses, not keystroke by keystroke. */
const DEVICE_SYNC_DEBOUNCE_MS = 5000;
/** While a 1:1 runs, the badge shows its minutes left; alarms come at most once a minute. */
const TIMER_ALARM = "one-on-one-timer";
const MINUTE = 60_000;
/** How long a page that went away has to land its own last write before the background's copy. */
const LEFT_BEHIND_GRACE_MS = 500;

export default defineBackground(() => {
  // Registered first, at the top level, so the install event is never missed.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === "install") void browser.tabs.create({ url: browser.runtime.getURL("/welcome.html") });
  });
  const db = prepDatabase();
  const calendar = createCalendarSync({ db, onSynced: () => void scheduleReminder() });
  const deviceSync = createDeviceSync({ db });
  const router = createMessageRouter({
    extensionId: browser.runtime.id,
    sidebarUrl: browser.runtime.getURL("/sidebar.html"),
    detectorUrl: browser.runtime.getURL("/detector.html"),
    calendarOrigin: "https://calendar.google.com",
    onDismiss(tabId, frame) {
      const message: TabMessage = { type: "prep:dismiss", frame };
      // The tab may have navigated away; nothing to dismiss then.
      browser.tabs.sendMessage(tabId, message).catch(() => {});
    },
    onFrameClosed: () => recoverSoon(),
    onBadgeRefresh: () => refreshBadge(),
    onCalendarSync: (force) => calendar.sync(force),
    onCalendarDisconnect: () => calendar.disconnect().finally(() => void scheduleReminder()),
    onBackupNow: () => backUp(true),
    onDeviceSync: () => syncDevices(true),
  });

  // Answered through sendResponse: Chrome honours a promise returned by the listener only in
  // recent versions, Firefox and Chrome both keep the channel open when the listener returns true.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    router.handle(message, sender).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
  const guard = createEditGuard({
    extensionId: browser.runtime.id,
    extensionRoot: browser.runtime.getURL("/"),
    onLeftBehind(edits) {
      // After the page's own last write has had its moment: where it landed, it is the one kept.
      setTimeout(() => void recoverNow(() => keepEditsLeftBehind(db, edits)), LEFT_BEHIND_GRACE_MS);
    },
  });
  browser.runtime.onConnect.addListener((port) => {
    if (!guard.accept(port)) port.disconnect();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    router.forgetTab(tabId);
    guard.tabClosed(tabId);
    // A Calendar tab closed mid-edit put its last keystrokes down as it went; write them into
    // their notes now, so every open view shows them.
    recoverSoon();
  });

  let recovering: ReturnType<typeof setTimeout> | undefined;
  function recoverSoon() {
    clearTimeout(recovering);
    // A moment later: the closing page's own write may still be landing.
    recovering = setTimeout(() => void recoverNow(), 500);
  }

  /** Writes every edit a closed page left behind, after `first` puts down any the background held. */
  async function recoverNow(first?: () => Promise<unknown>) {
    try {
      await first?.();
      await recoverUnsavedEdits(db);
    } catch (error) {
      console.warn("1:1 Prep could not write edits a closed page left.", error);
    }
  }

  // MV3 has `action`, Firefox's MV2 build `browserAction`; the badge calls are the same.
  const action = browser.action ?? browser.browserAction;
  let counting: Promise<void> | undefined;
  let again = false;

  // The search shortcut opens the same popup on its Search tab: the popup reads the tab from its
  // address, which is set for this one opening only. openPopup counts the shortcut as the user's
  // gesture; where it is refused, nothing opens and the popup's own shortcut still works.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== "open-search") return;
    const popup = browser.runtime.getURL("/popup.html");
    void action
      .setPopup({ popup: `${popup}#search` })
      .then(() => action.openPopup())
      .catch(() => {})
      .finally(() => void action.setPopup({ popup }).catch(() => {}));
  });

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
    const people = await peopleByIds(db, [...new Set(overdue.map((i) => i.personId))]);
    const tooltip = badgeTooltip(overdueByPerson(overdue, people));
    const timer = await readRunningTimer();
    const running = timer && timerBadgeText(timer, now);
    if (timer && running) {
      await action.setBadgeText({ text: running });
      await action.setBadgeBackgroundColor({ color: "#1a73e8" });
      await action.setTitle({ title: `1:1 with ${timer.name} running\n${tooltip}` });
      if (!(await browser.alarms.get(TIMER_ALARM)))
        browser.alarms.create(TIMER_ALARM, { periodInMinutes: 1 });
    } else {
      await browser.alarms.clear(TIMER_ALARM);
      await action.setBadgeText({ text: badgeText(overdue.length) });
      await action.setBadgeBackgroundColor({ color: "#d93025" });
      await action.setTitle({ title: tooltip });
    }
    // Wake exactly when the next open item turns overdue, not only at the periodic tick.
    const next = await nextDueAt(db, now);
    if (next === undefined) await browser.alarms.clear(NEXT_DUE_ALARM);
    else browser.alarms.create(NEXT_DUE_ALARM, { when: next + 1000 });
  }

  /**
   * Sets the reminder alarm for the next 1:1 that is still ahead of its reminder time, or at once
   * when one is already inside it (the setting just changed, or the browser was asleep).
   */
  async function scheduleReminder() {
    const minutes = await readReminderMinutes();
    if (!minutes || !browser.notifications) {
      await browser.alarms.clear(REMINDER_ALARM);
      return;
    }
    const now = Date.now();
    const lead = minutes * MINUTE;
    const [inside, reminded] = await Promise.all([upcomingOneOnOnes(db, now, now + lead), readReminded()]);
    const next = await nextOneOnOneAfter(db, now + lead);
    const when = remindersDue(inside, reminded).length > 0 ? now + 1000 : next && next - lead;
    if (when === undefined) await browser.alarms.clear(REMINDER_ALARM);
    else browser.alarms.create(REMINDER_ALARM, { when });
  }

  async function remind() {
    const minutes = await readReminderMinutes();
    if (minutes && browser.notifications) {
      listenToReminderClicks();
      const now = Date.now();
      const reminded = await readReminded();
      // A little slack: an alarm can fire a moment before the minute it was set for.
      const upcoming = await upcomingOneOnOnes(db, now, now + minutes * MINUTE + MINUTE);
      const due = remindersDue(upcoming, reminded);
      // In the language picked in options, which may have changed since the worker started.
      if (due.length) await loadLanguage();
      for (const reminder of due) {
        const waiting = [
          reminder.openItems > 0 ? t("reminder.openItems", reminder.openItems) : "",
          reminder.queuedFeedback > 0 ? t("reminder.feedback", reminder.queuedFeedback) : "",
        ].filter((part) => part !== "");
        await browser.notifications.create(`${REMINDER_PREFIX}${reminder.meetingId}`, {
          type: "basic",
          iconUrl: browser.runtime.getURL("/icon/128.png"),
          title: t("reminder.title", [reminder.personName]),
          message: t("reminder.open", [waiting.join(", ")]),
        });
        reminded.add(reminder.meetingId);
      }
      await setReminded(reminded);
    }
    await scheduleReminder();
  }

  let backingUp: Promise<PageResponse> | undefined;
  /**
   * Makes the automatic backup when it is due (or now, when asked), one at a time. Off, it does
   * nothing at all.
   */
  function backUp(now: boolean): Promise<PageResponse> {
    backingUp ??= (async () => {
      try {
        const setting = await readAutoBackup();
        if (!setting) {
          return {
            ok: false as const,
            error: "Automatic backups are off.",
            problem: { code: "autoBackupOff", values: [] },
          };
        }
        const state = await readAutoBackupState();
        if (!now && !autoBackupIsDue(setting, state, Date.now())) return { ok: true as const };
        const next = await keepAwakeWhile(() =>
          runAutoBackup(setting, state, browserBackupDownloads(db), Date.now()),
        );
        await setAutoBackupState(next);
        return next.error
          ? { ok: false as const, error: next.error, ...(next.problem ? { problem: next.problem } : {}) }
          : { ok: true as const };
      } finally {
        backingUp = undefined;
      }
    })();
    return backingUp;
  }

  /**
   * Syncs across devices when it is on (it does nothing, and touches no network, otherwise). A
   * run that failed said when to try again; until then only the manager's "Sync now" goes ahead.
   */
  async function syncDevices(now: boolean): Promise<void> {
    if (!now) {
      const nextTryAt = (await readSyncStatusRow(db))?.nextTryAt;
      if (typeof nextTryAt === "number" && nextTryAt > Date.now()) return;
    }
    await keepAwakeWhile(() => deviceSync.sync());
    const nextTryAt = (await readSyncStatusRow(db))?.nextTryAt;
    if (typeof nextTryAt === "number") browser.alarms.create(DEVICE_SYNC_RETRY_ALARM, { when: nextTryAt });
  }
  let syncSoon: ReturnType<typeof setTimeout> | undefined;
  watchTables(syncedTables, () => {
    clearTimeout(syncSoon);
    syncSoon = setTimeout(() => void syncDevices(false), DEVICE_SYNC_DEBOUNCE_MS);
  });

  let listeningToClicks = false;
  /** Notifications may be allowed after this worker started, so the listener is added when needed. */
  function listenToReminderClicks() {
    if (listeningToClicks || !browser.notifications) return;
    listeningToClicks = true;
    browser.notifications.onClicked.addListener((id) => {
      if (!id.startsWith(REMINDER_PREFIX)) return;
      void browser.notifications.clear(id);
      void meetingById(db, id.slice(REMINDER_PREFIX.length)).then((meeting) => {
        if (meeting) void browser.tabs.create({ url: calendarEventUrl(meeting) });
      });
    });
  }
  listenToReminderClicks();

  // Creating an alarm again restarts its period, and this worker starts often: keep existing ones.
  const everyMinutes = (name: string, periodInMinutes: number) =>
    browser.alarms.get(name).then(async (alarm) => {
      if (!alarm) await browser.alarms.create(name, { periodInMinutes });
    });
  void everyMinutes(TICK_ALARM, 15);
  void everyMinutes(CALENDAR_SYNC_ALARM, 30);
  void everyMinutes(AUTO_BACKUP_ALARM, 60);
  void everyMinutes(DEVICE_SYNC_ALARM, 5);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM || alarm.name === NEXT_DUE_ALARM || alarm.name === TIMER_ALARM)
      void refreshBadge();
    if (alarm.name === TICK_ALARM) recoverSoon();
    // Does nothing, and touches no network, unless the Calendar API is connected.
    if (alarm.name === CALENDAR_SYNC_ALARM) void calendar.sync(true);
    if (alarm.name === REMINDER_ALARM) void remind();
    if (alarm.name === AUTO_BACKUP_ALARM) void backUp(false);
    if (alarm.name === DEVICE_SYNC_ALARM || alarm.name === DEVICE_SYNC_RETRY_ALARM) void syncDevices(false);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && BADGE_SCOPE_KEY in changes) void refreshBadge();
    if (area === "local" && RUNNING_TIMER_KEY in changes) void refreshBadge();
    if (area === "local" && REMINDER_MINUTES_KEY in changes) void scheduleReminder();
    // Turned on (or made more frequent): the first backup need not wait for the hourly check.
    if (area === "local" && AUTO_BACKUP_KEY in changes) void backUp(false);
    if (area === "managed") void mirrorManagedPolicy().catch(() => {});
  });
  // Each start, too: a policy set or lifted while the browser was closed is read only then.
  void mirrorManagedPolicy().catch(() => {});
  void scheduleReminder();
  // Writes from any extension page while this worker is awake; pages also send badge:refresh
  // so a sleeping worker wakes up for them.
  watchTables(["actionItems", "people"], () => void refreshBadge());
  void refreshBadge();
  void backUp(false);
  void syncDevices(false);
});
