import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { ActionItemRow } from "@/components/ActionItemRow";
import { calendarEventUrl, formatDay } from "@/components/dates";
import { Sparkline } from "@/components/Sparkline";
import { CADENCE_WINDOW_WEEKS, followThrough, overdueItems, teamSummary, timedMeetings } from "@/lib/cadence";
import {
  type ActionItem,
  actionItemsDueBetween,
  cadenceHistories,
  type Meeting,
  openItemsDueBefore,
  type Person,
  prepDatabase,
  setPersonCadence,
} from "@/lib/db";

const DAY = 86_400_000;
/** Covers the 12-week cadence window and the 90-day happiness and follow-through windows. */
const HISTORY_DAYS = 100;
const CADENCES = [
  { days: 7, label: "weekly" },
  { days: 14, label: "every 2 weeks" },
  { days: 28, label: "every 4 weeks" },
];

interface CadenceData {
  people: Person[];
  meetingsByPerson: Map<string, Meeting[]>;
  lastMeeting: Map<string, Meeting>;
}

async function loadCadence(now: number): Promise<CadenceData> {
  const { people, meetingsByPerson } = await cadenceHistories(prepDatabase(), now - HISTORY_DAYS * DAY);
  const lastMeeting = new Map<string, Meeting>();
  for (const [personId, meetings] of meetingsByPerson) {
    const last = meetings.filter((m) => m.startsAt <= now).at(-1);
    if (last) lastMeeting.set(personId, last);
  }
  return { people, meetingsByPerson, lastMeeting };
}

interface ActionData {
  dueRecently: ActionItem[];
  overdue: ActionItem[];
}

async function loadActions(now: number): Promise<ActionData> {
  const db = prepDatabase();
  const [dueRecently, openDue] = await Promise.all([
    actionItemsDueBetween(db, now - HISTORY_DAYS * DAY, now),
    openItemsDueBefore(db, now),
  ]);
  return { dueRecently, overdue: overdueItems(openDue, now, "all") };
}

const percent = (share: number | undefined) => (share === undefined ? "–" : `${Math.round(share * 100)}%`);

/** Cadence per person, the team at a glance, follow-through, and what is overdue. */
export function StatsView() {
  const [now] = useState(Date.now);
  // The cadence table comes first; the action items (thousands of rows due in the window, for
  // follow-through) are read once it shows, so they do not hold it back.
  const data = useLiveQuery(() => loadCadence(now), [now]);
  const cadenceShown = data !== undefined;
  const actions = useLiveQuery(() => (cadenceShown ? loadActions(now) : undefined), [now, cadenceShown]);
  // Ticked items stay listed (ticked) while the popup is open, so a slip can be undone.
  const [ticked, setTicked] = useState<ActionItem[]>([]);
  if (!data) return <p className="pad quiet">Loading…</p>;

  if (data.people.length === 0) {
    return (
      <p className="pad quiet">Your cadence shows here once you have opened a 1:1 in Google Calendar.</p>
    );
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
        <h2 id="team-heading">Team</h2>
        <p className="stat-line" data-testid="team-within-cadence">
          {percent(summary.shareWithinCadence)} of people seen within their cadence this month (
          {summary.withinCadenceThisMonth} of {summary.people})
        </p>
        {summary.averageHappiness !== undefined && (
          <p className="stat-line">Average happiness: {summary.averageHappiness.toFixed(1)} / 10</p>
        )}
        {follow ? (
          <p className="stat-line" data-testid="follow-through">
            Follow-through: {percent(follow.rate)} of my action items done on time (last 90 days,{" "}
            {follow.doneOnTime} of {follow.due}){" "}
            <Sparkline
              values={follow.trend.map((w) => w.rate)}
              max={1}
              label="Weekly follow-through, last 13 weeks"
              format={(rate) => `(${percent(rate)} in the one week with items due)`}
            />
          </p>
        ) : (
          <p className="stat-line quiet">Follow-through: loading…</p>
        )}
      </section>

      <section aria-labelledby="cadence-heading" className="stats-block">
        <h2 id="cadence-heading">Cadence (last {CADENCE_WINDOW_WEEKS} weeks)</h2>
        <table className="cadence-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Last 1:1</th>
              <th scope="col">Held</th>
              <th scope="col">Longest gap</th>
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
                      aria-label={`Cadence with ${name}`}
                      value={stats.cadenceDays}
                      onChange={(e) =>
                        void setPersonCadence(prepDatabase(), stats.personId, Number(e.target.value))
                      }
                    >
                      {[
                        ...CADENCES,
                        ...(CADENCES.some((c) => c.days === stats.cadenceDays)
                          ? []
                          : [{ days: stats.cadenceDays, label: `every ${stats.cadenceDays} days` }]),
                      ].map((c) => (
                        <option key={c.days} value={c.days}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                  </th>
                  <td>
                    {stats.lastHeldAt === undefined ? "never" : formatDay(stats.lastHeldAt, now)}
                    {stats.daysSince !== undefined && <div className="quiet">{stats.daysSince} days ago</div>}
                    {stats.overdue && <div className="error">past cadence</div>}
                  </td>
                  <td>
                    {stats.held12w} of {stats.expected12w} ({percent(stats.consistency)})
                    {(stats.skipped > 0 || stats.cancelled > 0) && (
                      <div className="quiet">
                        {stats.skipped} skipped, {stats.cancelled} cancelled
                      </div>
                    )}
                    <div
                      className="quiet"
                      data-testid={`timed-${name}`}
                      title="Of the 1:1s run with the timer: the share of minutes on their items, and actual against planned length"
                    >
                      {timed.averageActualMinutes === undefined || timed.averagePlannedMinutes === undefined
                        ? "Timed: —"
                        : `Timed: ${percent(timed.theirItemsShare)} theirs, ${Math.round(timed.averageActualMinutes)} of ${Math.round(timed.averagePlannedMinutes)} min`}
                    </div>
                  </td>
                  <td>{stats.longestGapDays === undefined ? "–" : `${stats.longestGapDays} days`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="quiet">Missed 1:1s tell people they are a low priority: keep the rhythm.</p>
      </section>

      <section aria-labelledby="overdue-heading" className="stats-block">
        <h2 id="overdue-heading">Overdue action items{actions ? ` (${overdue.length})` : ""}</h2>
        {!actions ? (
          <p className="quiet">Loading…</p>
        ) : listed.length === 0 ? (
          <p className="quiet">Nothing overdue. Doing what you say you will builds trust.</p>
        ) : (
          [...byPerson].map(([personId, items]) => {
            const last = data.lastMeeting.get(personId);
            return (
              <div key={personId} className="overdue-person">
                <h3>
                  <span className="one-line" title={names.get(personId) ?? "Unknown person"}>
                    {names.get(personId) ?? "Unknown person"}
                  </span>
                  {last?.eid && (
                    <>
                      {" · "}
                      <a href={calendarEventUrl(last)} target="_blank" rel="noreferrer">
                        open last 1:1
                      </a>
                    </>
                  )}
                </h3>
                <ul className="items">
                  {items.map((item) => (
                    <ActionItemRow
                      key={item.id}
                      item={ticked.find((t) => t.id === item.id) ?? item}
                      theirName={names.get(personId) ?? "Unknown person"}
                      overdue
                      onToggled={(updated) =>
                        setTicked((list) => [...list.filter((t) => t.id !== updated.id), updated])
                      }
                    />
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </section>
    </div>
  );
}
