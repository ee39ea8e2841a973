import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { browser } from "wxt/browser";
import { calendarEventUrl, formatStart } from "@/components/dates";
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
      <h2 id="upcoming-heading">Next {UPCOMING_DAYS} days</h2>
      <SyncLine {...calendar} />
      {upcoming.length === 0 ? (
        <p className="quiet" data-testid="upcoming-empty">
          {calendar.connection
            ? "No 1:1s in the next 7 days."
            : "No 1:1s known for the next 7 days. Open one in Google Calendar, or connect the Calendar API in options to see them all here."}
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
    openItems > 0 && `${openItems} open ${openItems === 1 ? "item" : "items"}`,
    queuedFeedback > 0 && `${queuedFeedback} feedback to give`,
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
        Open prep<span className="visually-hidden"> for the 1:1 with {person.displayName}</span>
      </a>
    </li>
  );
}

function SyncLine({ connection, state }: Pick<CalendarSettings, "connection" | "state">) {
  if (!connection) return null;
  if (state?.phase === "reconnect") {
    return (
      <p className="error" role="alert">
        Google Calendar needs you to sign in again.{" "}
        <button
          type="button"
          className="link"
          onClick={() =>
            void browser.tabs.create({ url: `${browser.runtime.getURL("/options.html")}#calendar` })
          }
        >
          Reconnect in options
        </button>
      </p>
    );
  }
  if (state?.phase === "error") {
    return (
      <p className="quiet" role="status">
        {state.message ?? "Google Calendar could not be reached."} Showing what was known before.
      </p>
    );
  }
  if (state?.phase === "syncing") return <p className="quiet">Syncing with Google Calendar…</p>;
  return null;
}
