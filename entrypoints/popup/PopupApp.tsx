import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { browser } from "wxt/browser";
import { t } from "@/components/i18n";
import { useChunk } from "@/components/useChunk";
import { BackupWarning } from "./BackupWarning";
import { FeedbackCapture } from "./FeedbackCapture";
import { PageCheck, PageWarning, useCalendarPage } from "./PageCheck";
import { StatsView } from "./StatsView";

// Chunks of their own, which the form and the Stats table don't wait for: Search's index and its
// library load when Search opens; the week ahead and the sync line read the database, whose code
// loads after the first render.
const loadSearch = () => import("./SearchView");
const loadUpcoming = () => import("./UpcomingView");
const loadSyncLine = () => import("./SyncLine");

function LoadedSearchView() {
  const SearchView = useChunk(loadSearch)?.SearchView;
  return SearchView ? <SearchView /> : null;
}

function LoadedUpcomingView() {
  const UpcomingView = useChunk(loadUpcoming)?.UpcomingView;
  return UpcomingView ? <UpcomingView /> : null;
}

function LoadedSyncLine() {
  const SyncLine = useChunk(loadSyncLine)?.SyncLine;
  return SyncLine ? <SyncLine /> : null;
}

const TABS = [
  { id: "feedback", label: () => t("popup.tabFeedback") },
  { id: "upcoming", label: () => t("popup.tabUpcoming") },
  { id: "stats", label: () => t("popup.tabStats") },
  { id: "search", label: () => t("popup.tabSearch") },
] as const;
type TabId = (typeof TABS)[number]["id"];

/** The tab the popup opens on: the one its address names (popup.html#stats), else the form. */
export function openingTab(): TabId {
  return TABS.find((s) => `#${s.id}` === location.hash && s.id !== "feedback")?.id ?? "feedback";
}

/** The toolbar popup: SBI feedback first (it must take seconds), then the week ahead and stats. */
export function PopupApp() {
  const [tab, setTab] = useState<TabId>(openingTab);
  const calendarPage = useCalendarPage();
  // The footer's lines (sync, the page check, the shortcut) read the database and the browser as
  // they mount: on Stats they wait until the table has shown, so they don't slow the one read
  // the manager opened the tab for.
  const [footerShown, setFooterShown] = useState(tab !== "stats");
  useEffect(() => {
    // Should the table never show (the database failing to open), the footer still does.
    const late = setTimeout(() => setFooterShown(true), 1000);
    return () => clearTimeout(late);
  }, []);
  // Any tab the manager picks shows the footer: only the opening Stats table holds it back.
  const selectTab = useCallback((id: TabId) => {
    setTab(id);
    setFooterShown(true);
  }, []);
  const tabRefs = useRef<Record<TabId, HTMLButtonElement | null>>({
    feedback: null,
    upcoming: null,
    stats: null,
    search: null,
  });

  // Opening the popup is a good moment to catch up with Google Calendar, when it is connected;
  // the background does nothing (and nothing goes over the network) when it is not.
  useEffect(() => {
    browser.runtime.sendMessage({ type: "calendar:sync", force: false }).catch(() => {});
  }, []);

  // "/" goes to the search box from anywhere in the popup, except while typing in a field.
  useEffect(() => {
    const onSlash = (e: globalThis.KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement && e.target.closest("input, textarea, select, [contenteditable]");
      if (e.key !== "/" || typing || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      selectTab("search");
      document.querySelector<HTMLInputElement>('[data-testid="search-box"]')?.focus();
    };
    document.addEventListener("keydown", onSlash);
    return () => document.removeEventListener("keydown", onSlash);
  }, [selectTab]);

  // Arrow keys move between tabs, as in any tablist.
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const index = TABS.findIndex((s) => s.id === tab);
    const next = TABS[(index + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    selectTab(next.id);
    tabRefs.current[next.id]?.focus();
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>1:1 Prep</h1>
        <div role="tablist" aria-label="1:1 Prep" className="tabs" onKeyDown={onTabKey}>
          {TABS.map((s) => (
            <button
              key={s.id}
              ref={(el) => {
                tabRefs.current[s.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${s.id}`}
              aria-selected={tab === s.id}
              aria-controls={`panel-${s.id}`}
              tabIndex={tab === s.id ? 0 : -1}
              onClick={() => selectTab(s.id)}
            >
              {s.label()}
            </button>
          ))}
        </div>
      </header>
      <BackupWarning />
      <PageWarning page={calendarPage} />
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "feedback" ? (
          <FeedbackCapture />
        ) : tab === "upcoming" ? (
          <LoadedUpcomingView />
        ) : tab === "search" ? (
          <LoadedSearchView />
        ) : (
          <StatsView onShown={() => setFooterShown(true)} />
        )}
      </section>
      {footerShown && (
        <>
          <LoadedSyncLine />
          <PageCheck page={calendarPage} />
          <ShortcutHint />
        </>
      )}
    </main>
  );
}

/** Shows the keyboard shortcut that opens this popup, as the browser has it now. */
function ShortcutHint() {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    browser.commands
      ?.getAll()
      .then((commands) => {
        const open = commands.find(
          (c) => c.name === "_execute_action" || c.name === "_execute_browser_action",
        );
        setShortcut(open?.shortcut || "");
      })
      .catch(() => setShortcut(""));
  }, []);
  if (shortcut === undefined) return null;
  return (
    <footer className="popup-footer quiet">
      {shortcut ? <ShortcutLine shortcut={shortcut} /> : t("popup.shortcutTip")}
    </footer>
  );
}

/** The sentence around the shortcut, with the keys themselves set as keys. */
function ShortcutLine({ shortcut }: { shortcut: string }) {
  const [before = "", after = ""] = t("popup.shortcut", ["\u0000"]).split("\u0000");
  return (
    <>
      {before}
      <kbd>{shortcut}</kbd>
      {after}
    </>
  );
}
