import { useEffect, useState } from "react";
import { cadenceWords } from "@/components/cadence-words";
import { calendarEventUrl, formatDay } from "@/components/dates";
import { localeInUse, t } from "@/components/i18n";
import { Sparkline } from "@/components/Sparkline";
import { CADENCE_WINDOW_WEEKS, followThrough, teamSummary, timedMeetings } from "@/lib/cadence";
import {
  type ActionItem,
  type CadenceHistories,
  DATABASE_NAME,
  type MeetingFigures,
  type Person,
  peekCadenceHistories,
  statsHistoryStart,
} from "@/lib/db";
import { loadPopupData, popupDataLoaded } from "./load-popup-data";
import { useDatabaseQuery } from "./useDatabaseQuery";

const CADENCES = [7, 14, 28];

interface CadenceData {
  people: Person[];
  meetingsByPerson: Map<string, MeetingFigures[]>;
  lastMeeting: Map<string, MeetingFigures>;
}

function cadenceData({ people, meetingsByPerson }: CadenceHistories, now: number): CadenceData {
  const lastMeeting = new Map<string, MeetingFigures>();
  for (const [personId, meetings] of meetingsByPerson) {
    const last = meetings.filter((m) => m.startsAt <= now).at(-1);
    if (last) lastMeeting.set(personId, last);
  }
  return { people, meetingsByPerson, lastMeeting };
}

const percent = (share: number | undefined) => (share === undefined ? "–" : `${Math.round(share * 100)}%`);

/** Cadence per person, the team at a glance, follow-through, and what is overdue. */
export function StatsView({ onShown }: { onShown?: () => void } = {}) {
  const [now] = useState(Date.now);
  // Opened straight on Stats, the database's code loads and Dexie is set up only after the first
  // table has painted; come to from another tab, it is already there and the live read starts at once.
  const [peekSettled, setPeekSettled] = useState(() => popupDataLoaded()?.prepDatabaseSetUp() ?? false);
  const live = useDatabaseQuery(
    peekSettled ? async (data) => cadenceData(await data.cadenceFrom(now), now) : undefined,
    [now, peekSettled],
  );
  // Shown until the live read (which waits for Dexie to open the database) arrives and replaces it.
  // Started with the first render rather than in an effect, which waits for the first paint; not
  // read at all where Dexie is already set up, as the live read is then as quick.
  const [peek] = useState(() =>
    peekSettled ? Promise.resolve(undefined) : peekCadenceHistories(DATABASE_NAME, statsHistoryStart(now)),
  );
  const [early, setEarly] = useState<CadenceData>();
  useEffect(() => {
    let current = true;
    void peek.then((histories) => {
      if (!current) return;
      if (histories) setEarly(cadenceData(histories, now));
      // Dexie is set up once the table has painted, so it doesn't hold the paint back; the
      // timeout stands in for the frame in a tab the browser doesn't paint.
      let settled = false;
      const settle = () => {
        if (settled || !current) return;
        settled = true;
        setPeekSettled(true);
      };
      requestAnimationFrame(() => setTimeout(settle));
      setTimeout(settle, 200);
    });
    return () => {
      current = false;
    };
  }, [peek, now]);
  const data = live ?? early;
  const cadenceShown = data !== undefined;
  useEffect(() => {
    if (cadenceShown) onShown?.();
  }, [cadenceShown, onShown]);
  // The cadence table comes first; the action items (thousands of rows due in the window, for
  // follow-through) are read once it shows, so they do not hold it back.
  const actions = useDatabaseQuery(cadenceShown ? (data) => data.actionsAt(now) : undefined, [
    now,
    cadenceShown,
  ]);
  // Drawn from the database chunk, which the action items above are read through.
  const ActionItemRow = popupDataLoaded()?.ActionItemRow;
  // Ticked items stay listed (ticked) while the popup is open, so a slip can be undone.
  const [ticked, setTicked] = useState<ActionItem[]>([]);
  if (!data) return <p className="pad quiet">{t("popup.loading")}</p>;

  if (data.people.length === 0) {
    return <p className="pad quiet">{t("popup.cadenceEmpty")}</p>;
  }

  const summary = teamSummary(data.people, data.meetingsByPerson, now);
  const follow = actions && followThrough(actions.dueRecently, now);
  const overdue = actions?.overdue ?? [];
  const names = new Map(data.people.map((p) => [p.id, p.displayName]));
  const listed = [...overdue, ...ticked.filter((t) => !overdue.some((o) => o.id === t.id))];
  const byPerson = new Map<string, ActionItem[]>();
  for (const item of listed) byPerson.set(item.personId, [...(byPerson.get(item.personId) ?? []), item]);

  return (
    <div className="pad">
      <section aria-labelledby="team-heading" className="stats-block">
        <h2 id="team-heading">{t("popup.team")}</h2>
        <p className="stat-line" data-testid="team-within-cadence">
          {t("popup.withinCadence", [
            percent(summary.shareWithinCadence),
            String(summary.withinCadenceThisMonth),
            String(summary.people),
          ])}
        </p>
        {summary.averageHappiness !== undefined && (
          <p className="stat-line">
            {t("popup.averageHappiness", [
              summary.averageHappiness.toLocaleString(localeInUse(), {
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
              }),
            ])}
          </p>
        )}
        {follow ? (
          <p className="stat-line" data-testid="follow-through">
            {t("popup.followThrough", [percent(follow.rate), String(follow.doneOnTime), String(follow.due)])}{" "}
            <Sparkline
              values={follow.trend.map((w) => w.rate)}
              max={1}
              label={t("popup.weeklyFollowThrough")}
              format={(rate) => t("popup.oneWeekWithItems", [percent(rate)])}
            />
          </p>
        ) : (
          <p className="stat-line quiet">{t("popup.followThroughLoading")}</p>
        )}
      </section>

      <section aria-labelledby="cadence-heading" className="stats-block">
        <h2 id="cadence-heading">{t("popup.cadenceHeading", [String(CADENCE_WINDOW_WEEKS)])}</h2>
        <table className="cadence-table">
          <thead>
            <tr>
              <th scope="col">{t("popup.person")}</th>
              <th scope="col">{t("popup.lastOneOnOne")}</th>
              <th scope="col">{t("popup.held")}</th>
              <th scope="col">{t("popup.longestGap")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.perPerson.map((stats) => {
              const name = names.get(stats.personId) ?? "";
              const timed = timedMeetings(data.meetingsByPerson.get(stats.personId) ?? []);
              return (
                <tr
                  key={stats.personId}
                  className={stats.overdue ? "past-cadence" : undefined}
                  data-testid={`cadence-${name}`}
                >
                  <th scope="row">
                    <span className="one-line" title={name}>
                      {name}
                    </span>
                    <select
                      aria-label={t("popup.cadenceWith", [name])}
                      value={stats.cadenceDays}
                      onChange={(e) => {
                        const days = Number(e.target.value);
                        void loadPopupData().then((data) => data.setCadence(stats.personId, days));
                      }}
                    >
                      {[
                        ...CADENCES,
                        ...(CADENCES.includes(stats.cadenceDays) ? [] : [stats.cadenceDays]),
                      ].map((days) => (
                        <option key={days} value={days}>
                          {cadenceWords(days)}
                        </option>
                      ))}
                    </select>
                  </th>
                  <td>
                    {stats.lastHeldAt === undefined ? t("popup.never") : formatDay(stats.lastHeldAt, now)}
                    {stats.daysSince !== undefined && (
                      <div className="quiet">{t("popup.daysAgo", stats.daysSince)}</div>
                    )}
                    {stats.overdue && <div className="error">{t("popup.pastCadence")}</div>}
                  </td>
                  <td>
                    {t("popup.heldOf", [
                      String(stats.held12w),
                      String(stats.expected12w),
                      percent(stats.consistency),
                    ])}
                    {(stats.skipped > 0 || stats.cancelled > 0) && (
                      <div className="quiet">
                        {t("popup.skippedCancelled", [String(stats.skipped), String(stats.cancelled)])}
                      </div>
                    )}
                    <div className="quiet" data-testid={`timed-${name}`} title={t("popup.timedTitle")}>
                      {timed.averageActualMinutes === undefined || timed.averagePlannedMinutes === undefined
                        ? t("popup.timedNone")
                        : t("popup.timed", [
                            percent(timed.theirItemsShare),
                            String(Math.round(timed.averageActualMinutes)),
                            String(Math.round(timed.averagePlannedMinutes)),
                          ])}
                    </div>
                  </td>
                  <td>{stats.longestGapDays === undefined ? "–" : t("popup.days", stats.longestGapDays)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="quiet">{t("popup.keepRhythm")}</p>
      </section>

      <section aria-labelledby="overdue-heading" className="stats-block">
        <h2 id="overdue-heading">
          {actions ? t("popup.overdueHeadingCount", [String(overdue.length)]) : t("popup.overdueHeading")}
        </h2>
        {!actions ? (
          <p className="quiet">{t("popup.loading")}</p>
        ) : listed.length === 0 ? (
          <p className="quiet">{t("popup.nothingOverdue")}</p>
        ) : (
          [...byPerson].map(([personId, items]) => {
            const last = data.lastMeeting.get(personId);
            return (
              <div key={personId} className="overdue-person">
                <h3>
                  <span className="one-line" title={names.get(personId) ?? t("popup.unknownPerson")}>
                    {names.get(personId) ?? t("popup.unknownPerson")}
                  </span>
                  {last?.eid && (
                    <>
                      {" · "}
                      <a href={calendarEventUrl(last)} target="_blank" rel="noreferrer">
                        {t("popup.openLast")}
                      </a>
                    </>
                  )}
                </h3>
                <ul className="items">
                  {items.map(
                    (item) =>
                      ActionItemRow && (
                        <ActionItemRow
                          key={item.id}
                          item={ticked.find((t) => t.id === item.id) ?? item}
                          theirName={names.get(personId) ?? t("popup.unknownPerson")}
                          overdue
                          onToggled={(updated) =>
                            setTicked((list) => [...list.filter((t) => t.id !== updated.id), updated])
                          }
                        />
                      ),
                  )}
                </ul>
              </div>
            );
          })
        )}
      </section>
    </div>
  );
}
