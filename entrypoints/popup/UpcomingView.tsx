import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { browser } from "wxt/browser";
import { calendarEventUrl, formatStart } from "@/components/dates";
import { t } from "@/components/i18n";
import { problemWords } from "@/components/problem-words";
import { useCalendarSettings } from "@/components/useCalendarSettings";
import { prepDatabase, type UpcomingOneOnOne, upcomingOneOnOnes } from "@/lib/db";
import type { CalendarSettings } from "@/lib/settings";

const DAY = 86_400_000;
/** How far ahead the list looks. */
export const UPCOMING_DAYS = 7;

/** The next week's 1:1s, each a link to its event in Calendar, where its prep opens. */
export function UpcomingView() {
  const [now] = useState(() => Date.now());
  const upcoming = useLiveQuery(
    () => upcomingOneOnOnes(prepDatabase(), now, now + UPCOMING_DAYS * DAY),
    [now],
  );
  const calendar = useCalendarSettings();

  if (!upcoming || !calendar) return null;
  return (
    <div className="pad upcoming">
      <h2 id="upcoming-heading">{t("popup.nextDays", [String(UPCOMING_DAYS)])}</h2>
      <SyncLine {...calendar} />
      {upcoming.length === 0 ? (
        <p className="quiet" data-testid="upcoming-empty">
          {calendar.connection ? t("popup.noUpcoming") : t("popup.noUpcomingKnown")}
        </p>
      ) : (
        <ul className="upcoming-list" aria-labelledby="upcoming-heading">
          {upcoming.map((u) => (
            <UpcomingRow key={u.meeting.id} {...u} />
          ))}
        </ul>
      )}
    </div>
  );
}

function UpcomingRow({ meeting, person, openItems, queuedFeedback }: UpcomingOneOnOne) {
  const waiting = [
    openItems > 0 && t("popup.openItems", openItems),
    queuedFeedback > 0 && t("popup.feedbackToGive", [String(queuedFeedback)]),
  ].filter(Boolean);
  return (
    <li className="upcoming-row" data-testid="upcoming-row">
      <div className="upcoming-who">
        <strong className="one-line" title={person.displayName}>
          {person.displayName}
        </strong>
        <div className="quiet">
          {formatStart(meeting.startsAt)}
          {waiting.length > 0 && ` · ${waiting.join(" · ")}`}
        </div>
      </div>
      <a href={calendarEventUrl(meeting)} target="_blank" rel="noreferrer">
        {t("popup.openPrep")}
        <span className="visually-hidden"> {t("popup.openPrepFor", [person.displayName])}</span>
      </a>
    </li>
  );
}

function SyncLine({ connection, state }: Pick<CalendarSettings, "connection" | "state">) {
  if (!connection) return null;
  if (state?.phase === "reconnect") {
    return (
      <p className="error" role="alert">
        {t("popup.signInAgain")}{" "}
        <button
          type="button"
          className="link"
          onClick={() =>
            void browser.tabs.create({ url: `${browser.runtime.getURL("/options.html")}#calendar` })
          }
        >
          {t("popup.reconnectInOptions")}
        </button>
      </p>
    );
  }
  if (state?.phase === "error") {
    return (
      <p className="quiet" role="status">
        {state.problem ? problemWords(state.problem) : (state.message ?? t("popup.unreachable"))}{" "}
        {t("popup.showingKnown")}
      </p>
    );
  }
  if (state?.phase === "syncing") return <p className="quiet">{t("popup.syncing")}</p>;
  return null;
}
