import type { Meeting, Person } from "./schema";

/*
 * What the Stats tab reads of its kept snapshot, with no Dexie: the popup opened on Stats paints
 * from it before the database code has loaded.
 */

export const MEETING_FIGURES = "meetingFigures";
export const STATS_SNAPSHOT = "statsSnapshot";
/** Tables derived from the others for the Stats tab: no backup or sync carries them. */
export const statsTables = [MEETING_FIGURES, STATS_SNAPSHOT] as const;

/**
 * What the cadence statistics need of a meeting, without its words: when it was, whether it took
 * place, the happiness reading, the time boxes it was run to, and the link back to its event.
 */
export const meetingFigureFields = [
  "id",
  "personId",
  "startsAt",
  "status",
  "endsAt",
  "happiness",
  "timedBoxes",
  "eid",
] as const satisfies readonly (keyof Meeting)[];
export type MeetingFigures = Pick<Meeting, "id" | "personId" | "startsAt" | "status"> &
  Partial<Pick<Meeting, (typeof meetingFigureFields)[number]>>;

/** The team's people and meeting figures over a window, as the Stats tab reads them. */
export interface CadenceHistories {
  /** people not archived */
  people: Person[];
  /** per person, in time order: the latest meeting before `from`, then every one since */
  meetingsByPerson: Map<string, MeetingFigures[]>;
}

/**
 * Everything the Stats tab reads, kept in one row: each open reads it in one go rather than
 * hundreds of meetings one row at a time. `stamp` changes with every write that changes what it
 * holds (a person, a meeting's figures); the row holds data only once it has been built since.
 */
export interface StatsSnapshot {
  id: typeof TEAM;
  stamp: string;
  /** the start of the window it holds: each person's latest meeting before it, and all since */
  from?: number;
  /** the people not archived */
  people?: Person[];
  /** in time order */
  meetings?: MeetingFigures[];
}
export const TEAM = "team";
const DAY_MS = 86_400_000;
/** How far back the Stats tab reads: the 12-week cadence window, the 90-day happiness and follow-through windows. */
const STATS_HISTORY_DAYS = 100;

/** Where the Stats tab's history starts when it is opened at `now`, and the one its snapshot is built for. */
export function statsHistoryStart(now: number): number {
  return now - STATS_HISTORY_DAYS * DAY_MS;
}
/** A snapshot serves windows starting up to this long after its own, then is built again. */
const SNAPSHOT_SLACK_MS = 14 * DAY_MS;

export function usable(
  snapshot: StatsSnapshot | undefined,
  from: number,
): snapshot is Required<StatsSnapshot> {
  return (
    snapshot !== undefined &&
    typeof snapshot.from === "number" &&
    snapshot.from <= from &&
    from - snapshot.from <= SNAPSHOT_SLACK_MS &&
    Array.isArray(snapshot.people) &&
    Array.isArray(snapshot.meetings)
  );
}

/** The window from `from` out of a snapshot that holds one starting at or before it. */
export function historiesFrom(people: Person[], meetings: MeetingFigures[], from: number): CadenceHistories {
  const meetingsByPerson = new Map<string, MeetingFigures[]>(people.map((p) => [p.id, []]));
  const latestBefore = new Map<string, MeetingFigures>();
  for (const m of meetings) {
    if (m.startsAt < from) latestBefore.set(m.personId, m);
    else meetingsByPerson.get(m.personId)?.push(m);
  }
  for (const [personId, latest] of latestBefore) meetingsByPerson.get(personId)?.unshift(latest);
  return { people, meetingsByPerson };
}

/**
 * The Stats tab's first paint: the snapshot read straight from IndexedDB, while Dexie is still
 * opening the database (its schema checks alone take longer than this read). Only a database that
 * already has the snapshot's table is read: it is never created or upgraded from here, and the
 * connection closes as soon as the row is in hand. Undefined when no usable snapshot is there;
 * the live read through Dexie follows either way and has the last word.
 */
export function peekCadenceHistories(
  databaseName: string,
  from: number,
): Promise<CadenceHistories | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(databaseName);
    } catch {
      resolve(undefined);
      return;
    }
    // Asked for no version, an existing database opens as it is; this fires only when there is
    // none yet, and creating it, with its tables, is Dexie's to do.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const idb = request.result;
      idb.onversionchange = () => idb.close();
      const done = (histories?: CadenceHistories) => {
        idb.close();
        resolve(histories);
      };
      if (!idb.objectStoreNames.contains(STATS_SNAPSHOT)) return done();
      try {
        const get = idb.transaction(STATS_SNAPSHOT, "readonly").objectStore(STATS_SNAPSHOT).get(TEAM);
        get.onsuccess = () => {
          const snapshot = get.result as StatsSnapshot | undefined;
          done(usable(snapshot, from) ? historiesFrom(snapshot.people, snapshot.meetings, from) : undefined);
        };
        get.onerror = () => done();
      } catch {
        done();
      }
    };
  });
}
