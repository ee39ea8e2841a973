import {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  Dexie,
  type Middleware,
  type Transaction,
} from "dexie";
import type { PrepDatabase } from "./database";
import type { Meeting, Person } from "./schema";
import { stamp, transactionHolds } from "./search-store";
import {
  type CadenceHistories,
  historiesFrom,
  MEETING_FIGURES,
  type MeetingFigures,
  meetingFigureFields,
  STATS_SNAPSHOT,
  type StatsSnapshot,
  statsHistoryStart,
  TEAM,
  usable,
} from "./stats-snapshot";

export {
  type CadenceHistories,
  MEETING_FIGURES,
  type MeetingFigures,
  meetingFigureFields,
  peekCadenceHistories,
  STATS_SNAPSHOT,
  type StatsSnapshot,
  statsHistoryStart,
  statsTables,
} from "./stats-snapshot";

export function figuresOf(meeting: Meeting): MeetingFigures {
  const figures: Partial<Record<keyof Meeting, unknown>> = {};
  for (const field of meetingFigureFields) {
    if (meeting[field] !== undefined) figures[field] = meeting[field];
  }
  return figures as MeetingFigures;
}

function sameFigures(a: MeetingFigures | undefined, b: MeetingFigures): boolean {
  return (
    a !== undefined &&
    meetingFigureFields.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]))
  );
}

/**
 * How long after a change the page that made it builds the snapshot again, so the next Stats open
 * finds it ready: a burst of writes (a sync, an import, a 1:1 being marked) builds it once.
 */
const REBUILD_AFTER_MS = 2_000;
/** Past this many meetings in one write, comparing each one's figures costs more than it saves. */
const COMPARED_MAX = 50;

/** The rows of an add or put that were written: a row the store refused is left out. */
function written(req: DBCoreMutateRequest, res: DBCoreMutateResponse): Meeting[] {
  if (req.type !== "add" && req.type !== "put") return [];
  const failed = res.failures ?? {};
  return (req.values as Meeting[]).filter((_, i) => failed[i] === undefined);
}

/**
 * Whoever writes a meeting or a person (sidebar, popup, import, restore, sync, merge, an upgrade),
 * the figures and the snapshot follow in the same transaction, so neither can disagree with the
 * rows once committed: both tables join every read-write transaction on meetings or people.
 * Saving notes leaves a meeting's figures as they were, so the snapshot stays good while the
 * manager types.
 */
export const statsFiguresTracking = (onCommitted: () => void): Middleware<DBCore> => ({
  stack: "dbcore",
  name: "statsFiguresTracking",
  create: (down) => {
    const markChanged = (trans: DBCoreMutateRequest["trans"]): Promise<unknown> => {
      // Not in an upgrade from before these tables: the one that adds them fills them afterwards.
      if (!transactionHolds(trans, STATS_SNAPSHOT)) return Promise.resolve();
      (trans as unknown as IDBTransaction).addEventListener?.("complete", onCommitted);
      return down
        .table(STATS_SNAPSHOT)
        .mutate({ type: "put", trans, values: [{ id: TEAM, stamp: stamp() } satisfies StatsSnapshot] });
    };
    // Chained with then() rather than awaited: Dexie's hooks below read the transaction from
    // the zone the call runs in. A then() callback keeps the zone it was set up in; the
    // continuation of a native await gets it back only while Dexie's echoes of it last, and
    // through several middlewares that await each other it was seen to be lost.
    const trackPeople = (table: DBCoreTable): DBCoreTable => ({
      ...table,
      mutate: (req) => table.mutate(req).then((res) => markChanged(req.trans).then(() => res)),
    });
    const trackMeetings = (table: DBCoreTable): DBCoreTable => ({
      ...table,
      mutate: (req) => {
        const trans = req.trans;
        if (!transactionHolds(trans, MEETING_FIGURES)) return table.mutate(req);
        const figures = down.table(MEETING_FIGURES);
        if (req.type === "add" || req.type === "put") {
          const keys = req.values.map((v: { id?: unknown }) => v?.id);
          const compare = req.values.length <= COMPARED_MAX && keys.every((k) => typeof k === "string");
          // Asked before the write, so it answers with the figures as they were.
          const before = compare ? figures.getMany({ trans, keys }) : Promise.resolve(undefined);
          return table.mutate(req).then((res) =>
            before.then((old: (MeetingFigures | undefined)[] | undefined) => {
              const values = written(req, res).map(figuresOf);
              const was = new Map(old?.flatMap((f) => (f ? [[f.id, f] as const] : [])));
              const changed = old ? values.filter((f) => !sameFigures(was.get(f.id), f)) : values;
              if (!changed.length) return res;
              return figures
                .mutate({ type: "put", trans, values: changed })
                .then(() => markChanged(trans))
                .then(() => res);
            }),
          );
        }
        return table.mutate(req).then((res) => {
          const write: DBCoreMutateRequest | undefined =
            req.type === "delete"
              ? req.keys.length
                ? { type: "delete", trans, keys: req.keys }
                : undefined
              : { type: "deleteRange", trans, range: req.range };
          if (!write) return res;
          return figures
            .mutate(write)
            .then(() => markChanged(trans))
            .then(() => res);
        });
      },
    });
    return {
      ...down,
      transaction: (stores, mode, options) => {
        if (mode !== "readwrite") return down.transaction(stores, mode, options);
        const meetings = stores.includes("meetings");
        if (!meetings && !stores.includes("people")) return down.transaction(stores, mode, options);
        const joining = [...(meetings ? [MEETING_FIGURES] : []), STATS_SNAPSHOT].filter(
          (s) => !stores.includes(s),
        );
        return down.transaction([...stores, ...joining], mode, options);
      },
      table: (name) => {
        const table = down.table(name);
        if (name === "meetings") return trackMeetings(table);
        if (name === "people") return trackPeople(table);
        return table;
      },
    };
  },
});

/**
 * Builds the snapshot again a little after each committed change, in the page that made it; a
 * page that closes first leaves it to the next Stats open. Returns what to call on each change.
 */
export function snapshotRebuilder(db: PrepDatabase): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = Dexie.ignoreTransaction(() =>
      setTimeout(() => {
        cadenceHistories(db, statsHistoryStart(Date.now())).catch(quietWhenClosed);
      }, REBUILD_AFTER_MS),
    );
  };
}

function quietWhenClosed(error: unknown) {
  // A page that closes meanwhile leaves it for the next open to build.
  if ((error as { name?: unknown } | null)?.name === "DatabaseClosedError") return;
  console.warn("1:1 Prep could not keep the Stats figures for next time.", error);
}

/** Version 6's upgrade: the figures of every meeting already stored. */
export async function fillMeetingFigures(tx: Transaction): Promise<void> {
  const figures = tx.table(MEETING_FIGURES);
  await figures.clear();
  // In slices, so years of notes are never all in memory at once.
  const SLICE = 500;
  let last: string | undefined;
  for (;;) {
    const slice = (await (last === undefined
      ? tx.table("meetings").orderBy(":id")
      : tx.table("meetings").where(":id").above(last)
    )
      .limit(SLICE)
      .toArray()) as Meeting[];
    if (slice.length === 0) return;
    await figures.bulkPut(slice.map(figuresOf));
    last = slice[slice.length - 1]?.id;
    if (slice.length < SLICE) return;
  }
}

/** Reads the window from the tables themselves: the people not archived, and their meetings' figures. */
async function readWindow(db: PrepDatabase, from: number) {
  const people = (await db.people.toArray()).filter((p) => p.archivedAt === undefined);
  const [recent, before] = await Promise.all([
    db.meetingFigures.where("startsAt").between(from, Dexie.maxKey, true, true).toArray(),
    Promise.all(
      people.map((p) =>
        db.meetingFigures
          .where("[personId+startsAt]")
          .between([p.id, Dexie.minKey], [p.id, from], true, false)
          .last(),
      ),
    ),
  ]);
  const earlier = before.filter((m): m is MeetingFigures => m !== undefined);
  return { people, meetings: [...earlier.sort((a, b) => a.startsAt - b.startsAt), ...recent] };
}

/**
 * What the cadence statistics need for the whole team without reading years of history, or any
 * notes: each person's latest meeting before `from` (they were already known when the window
 * began) and every meeting since. Read from the snapshot when it is current; otherwise from the
 * tables, and the snapshot is built again afterwards for the next open.
 */
export async function cadenceHistories(db: PrepDatabase, from: number): Promise<CadenceHistories> {
  const read = await db.transaction("r", [db.statsSnapshot, db.people, db.meetingFigures], async () => {
    const snapshot = await db.statsSnapshot.get(TEAM);
    if (usable(snapshot, from)) return { snapshot };
    const built = await readWindow(db, from);
    return { stamp: snapshot?.stamp, built };
  });
  if (read.snapshot) return historiesFrom(read.snapshot.people, read.snapshot.meetings, from);
  const { stamp, built } = read;
  // Outside whatever read this is part of (a live query may not write), and after it.
  Dexie.ignoreTransaction(() =>
    setTimeout(() => {
      saveSnapshot(db, stamp, { from, ...built }).catch(quietWhenClosed);
    }),
  );
  return historiesFrom(built.people, built.meetings, from);
}

/**
 * Keeps what was read, unless a write came in since: then the stamp differs, and the next open
 * reads the tables again rather than keep figures that are already behind.
 */
export async function saveSnapshot(
  db: PrepDatabase,
  stampRead: string | undefined,
  built: Pick<Required<StatsSnapshot>, "from" | "people" | "meetings">,
): Promise<boolean> {
  return db.transaction("rw", db.statsSnapshot, async () => {
    const now = await db.statsSnapshot.get(TEAM);
    if (now?.stamp !== stampRead) return false;
    await db.statsSnapshot.put({ id: TEAM, stamp: stampRead ?? stamp(), ...built });
    return true;
  });
}
