import MiniSearch from "minisearch";
import {
  emptyHitRows,
  type PrepDatabase,
  readChangedRows,
  readSearchHitRows,
  readSearchIndexState,
  readSearchRows,
  readSearchShard,
  type SearchChange,
  type SearchedTable,
  type SearchHitRows,
  type SearchManifest,
  type SearchShard,
  saveSearchIndex,
  searchedTables,
  watchTables,
} from "@/lib/db";
import { documentIdsOfRow, type SearchDocument, searchDocuments } from "./documents";
import {
  byNewest,
  INDEX_FORMAT,
  indexOptions,
  newIndex,
  type SearchFilters,
  type SearchHit,
  scanDocuments,
  searchIndex,
  shardInRange,
  shardOf,
  shardOrder,
} from "./engine";
import { groupResults, rowsToRead, type SearchResultGroup, tableOfKind } from "./results";

/** More changes than this waiting and the index is built anew rather than caught up row by row. */
const CATCH_UP_MAX = 2000;
/**
 * Changes taken in before the shards they touched are saved. Until then they stay listed beside
 * the saved index, and the next page to search takes them in again, which costs far less than
 * writing a year's shard for every note typed while the popup is open.
 */
const SAVE_AFTER = 300;
/** How many results a query shows at most: the newest ones. */
export const RESULTS_MAX = 50;
/** About as many results as the popup shows without scrolling. */
const FIRST_SCREEN = 10;

export type SearchReadiness = "loading" | "building" | "ready";

/** The documents that answer a query, newest first. */
export interface SearchHits {
  hits: SearchHit[];
  /** more documents answer than are given: the manager can narrow the search */
  more: boolean;
  /** older years are still being read, so older results may follow */
  partial: boolean;
}

/** A query's results as the popup shows them. */
export interface SearchAnswer {
  groups: SearchResultGroup[];
  more: boolean;
  partial: boolean;
}

type Shard = MiniSearch<SearchDocument>;

/**
 * Search over one database for as long as a page keeps it open. The saved shards are read newest
 * year first, so queries are answered as soon as the first is in, and the index is caught up with
 * the writes since. When there is no saved index, or it is unreadable or too far behind, queries
 * read every document directly while a new index is built and saved.
 */
export class SearchSession {
  /** the shards read or built so far, by key */
  private shards = new Map<string, Shard>();
  /** the stamp of the saved shard each in `shards` grew from; none for a shard never saved */
  private shardStamps = new Map<string, string>();
  /** shards changed since they were saved */
  private dirty = new Set<string>();
  /** saved shards not read yet */
  private unread: string[] = [];
  /** the changes taken in since the last save, by id, with the stamp taken in */
  private takenIn = new Map<string, SearchChange>();
  private scanned: SearchDocument[] | undefined;
  /** resolves once queries can be answered: the first shard is in, or the rows are scanned */
  private answerable: Promise<void>;
  private markAnswerable: () => void = () => {};
  private usable: Promise<void>;
  private work: Promise<void> = Promise.resolve();
  private stopWatching: () => void;
  /**
   * Rows read for results, kept until the next write to any searched table: typing a word letter
   * by letter shows mostly the same newest results each time.
   */
  private cachedRows = emptyHitRows();
  /** raised with every write, so rows read while one happened are not kept */
  private rowsGeneration = 0;
  /** the stamp of the saved manifest the shards grew from; undefined when none was saved */
  private grewFrom: string | undefined;
  readiness: SearchReadiness = "loading";
  /** called when the answers may have changed: a shard came in, or the index took in a write */
  onUpdate: (() => void) | undefined;

  constructor(private readonly db: PrepDatabase) {
    this.answerable = new Promise((resolve) => {
      this.markAnswerable = resolve;
    });
    // From the start: cached rows go stale with any write, even one made while the index loads;
    // the index itself takes writes in once it is read, since the catch-up waits behind `work`.
    this.stopWatching = watchTables(
      [...searchedTables],
      () => {
        this.rowsGeneration++;
        this.cachedRows = emptyHitRows();
        this.work = this.work.then(() => this.catchUp()).catch(() => {});
      },
      db.name,
    );
    this.usable = this.open().finally(() => this.markAnswerable());
    this.work = this.usable.catch(() => {});
  }

  private setReadiness(r: SearchReadiness) {
    this.readiness = r;
    this.onUpdate?.();
  }

  private async open(): Promise<void> {
    const { manifest, changes } = await readSearchIndexState(this.db);
    if (manifest && usableAsSaved(manifest, changes) && (await this.readShards(manifest))) {
      this.setReadiness("ready");
      await this.catchUp();
      return;
    }
    await this.rebuild();
  }

  /**
   * Reads the manifest's shards, newest first, answering from each as it comes in. False when one
   * is missing or unreadable, or was saved again since the manifest was read.
   */
  private async readShards(manifest: SearchManifest): Promise<boolean> {
    const listed = new Map(manifest.shards.map((s) => [s.key, s]));
    this.unread = shardOrder(listed.keys());
    this.grewFrom = manifest.stamp;
    if (!this.unread.length) this.markAnswerable();
    while (this.unread.length) {
      const key = this.unread[0] as string;
      const shard = await readSearchShard(this.db, key);
      const index = shard?.stamp === listed.get(key)?.stamp && shard ? await parseShard(shard) : undefined;
      if (!index) {
        this.shards.clear();
        this.shardStamps.clear();
        this.unread = [];
        return false;
      }
      this.shards.set(key, index);
      this.shardStamps.set(key, shard?.stamp as string);
      this.unread.shift();
      this.markAnswerable();
      this.onUpdate?.();
    }
    return true;
  }

  /** Reads every row, answers by scanning them at once, and builds and saves the index behind. */
  private async rebuild(): Promise<void> {
    this.setReadiness("building");
    const rows = await readSearchRows(this.db);
    const docs = searchDocuments(rows);
    this.scanned = [...docs].sort(byNewest);
    this.markAnswerable();
    const built = (async () => {
      const shards = await buildShards(docs);
      this.shards = shards;
      this.shardStamps.clear();
      this.dirty = new Set(shards.keys());
      this.unread = [];
      this.takenIn = new Map(rows.changes.map((c) => [c.id, c]));
      this.grewFrom = rows.indexStamp;
      this.scanned = undefined;
      this.setReadiness("ready");
      await this.save();
      // Writes made while it was being built.
      await this.catchUp();
    })();
    this.work = built.catch((error: unknown) =>
      console.warn("1:1 Prep could not build its search index.", error),
    );
  }

  /** Takes the writes not yet in the index into it, and saves the shards they touched now and then. */
  private async catchUp(): Promise<void> {
    if (this.scanned || this.unread.length) return;
    const { manifest, changes } = await readSearchIndexState(this.db);
    if (manifest?.stamp !== this.grewFrom) {
      // Another page saved the index since, with changes it has let go of: start from its shards.
      if (!manifest || !usableAsSaved(manifest, changes) || !(await this.takeSavedShards(manifest))) {
        await this.rebuild();
        await this.work;
        return;
      }
    }
    if (changes.length > CATCH_UP_MAX || changes.some(isEverything)) {
      await this.rebuild();
      await this.work;
      return;
    }
    const fresh = changes.filter((c) => this.takenIn.get(c.id)?.stamp !== c.stamp);
    if (fresh.length) {
      const rows = await readChangedRows(this.db, fresh);
      const changed = new Set(fresh.map((c) => `${c.table}\u0000${c.key}`));
      for (const c of fresh) {
        if (c.table === "*") continue;
        for (const id of documentIdsOfRow(c.table, c.key))
          for (const [key, shard] of this.shards)
            if (shard.has(id)) {
              shard.discard(id);
              this.dirty.add(key);
            }
      }
      for (const doc of searchDocuments(rows)) {
        if (!changed.has(`${tableOfKind[doc.kind]}\u0000${doc.rowId}`)) continue;
        const key = shardOf(doc);
        let shard = this.shards.get(key);
        if (!shard) {
          shard = newIndex();
          this.shards.set(key, shard);
        }
        shard.add(doc);
        this.dirty.add(key);
      }
      for (const c of fresh) this.takenIn.set(c.id, c);
      this.onUpdate?.();
    }
    if (this.takenIn.size >= SAVE_AFTER) await this.save();
  }

  /** Replaces the shards that another page saved since with its, and forgets what was taken in. */
  private async takeSavedShards(manifest: SearchManifest): Promise<boolean> {
    const listed = new Map(manifest.shards.map((s) => [s.key, s]));
    const next = new Map<string, Shard>();
    const stamps = new Map<string, string>();
    for (const [key, entry] of listed) {
      const own = this.shards.get(key);
      if (own && !this.dirty.has(key) && this.shardStamps.get(key) === entry.stamp) {
        next.set(key, own);
      } else {
        const shard = await readSearchShard(this.db, key);
        const index = shard?.stamp === entry.stamp && shard ? await parseShard(shard) : undefined;
        if (!index) return false;
        next.set(key, index);
      }
      stamps.set(key, entry.stamp);
    }
    this.shards = next;
    this.shardStamps = stamps;
    this.dirty.clear();
    this.takenIn.clear();
    this.grewFrom = manifest.stamp;
    return true;
  }

  private async save() {
    const stamp = crypto.randomUUID();
    const shards: Omit<SearchShard, "id">[] = [];
    const listed: SearchManifest["shards"] = [];
    for (const [key, index] of this.shards) {
      if (index.documentCount === 0) continue;
      const shardStamp = this.dirty.has(key) ? stamp : this.shardStamps.get(key);
      if (shardStamp === undefined) continue;
      if (shardStamp === stamp)
        shards.push({ key, stamp, json: JSON.stringify(index), documentCount: index.documentCount });
      listed.push({ key, stamp: shardStamp, documentCount: index.documentCount });
    }
    const manifest = { format: INDEX_FORMAT, stamp, builtAt: Date.now(), shards: listed };
    if (!(await saveSearchIndex(this.db, manifest, shards, [...this.takenIn.values()], this.grewFrom)))
      return;
    this.grewFrom = stamp;
    for (const s of shards) this.shardStamps.set(s.key, stamp);
    this.dirty.clear();
    this.takenIn.clear();
  }

  /** Resolves once every shard is read, or the rows can be scanned. */
  async whenUsable(): Promise<void> {
    await this.usable;
  }

  /** Resolves once everything started so far (reading, building, catching up, saving) is done. */
  async settled(): Promise<void> {
    await this.usable;
    let seen: Promise<void>;
    do {
      seen = this.work;
      await seen;
    } while (seen !== this.work);
  }

  /** The newest documents that answer the query, from the shards read so far. */
  async hits(query: string, filters: SearchFilters = {}, limit = RESULTS_MAX): Promise<SearchHits> {
    await this.answerable;
    if (this.scanned) {
      const hits = scanDocuments(this.scanned, query, filters, limit + 1);
      return { hits: hits.slice(0, limit), more: hits.length > limit, partial: false };
    }
    const hits: SearchHit[] = [];
    for (const key of shardOrder(this.shards.keys())) {
      const shard = this.shards.get(key);
      if (shard && shardInRange(key, filters))
        hits.push(...searchIndex(shard, query, filters, limit + 1 - hits.length));
      // Every shard after this one is older than any hit so far.
      if (hits.length > limit) return { hits: hits.slice(0, limit), more: true, partial: false };
    }
    return { hits, more: false, partial: this.unread.some((key) => shardInRange(key, filters)) };
  }

  /**
   * The results as the popup shows them: by person, newest first, with the rows as they are now.
   * `firstScreen`, when given, gets the first few results as soon as their rows are read, so a
   * page can show what fits on screen while the rest are read; `wanted` says whether the answer
   * is still awaited, so a search that newer typing replaced stops before reading any rows.
   */
  async search(
    query: string,
    filters: SearchFilters = {},
    {
      firstScreen,
      wanted = () => true,
    }: { firstScreen?: (answer: SearchAnswer) => void; wanted?: () => boolean } = {},
  ): Promise<SearchAnswer> {
    const { hits, more, partial } = await this.hits(query, filters);
    if (!hits.length || !wanted()) return { groups: [], more, partial };
    if (!firstScreen || hits.length <= FIRST_SCREEN) {
      const groups = groupResults(hits, await this.rowsFor(hits));
      return { groups, more, partial };
    }
    const first = hits.slice(0, FIRST_SCREEN);
    const firstRows = await this.rowsFor(first);
    // The rest are older than every result on screen, so they only ever go below them.
    if (!wanted()) return { groups: [], more, partial };
    firstScreen({ groups: groupResults(first, firstRows), more: false, partial });
    const rest = await this.rowsFor(hits.slice(FIRST_SCREEN));
    return { groups: groupResults(hits, joinHitRows(firstRows, rest)), more, partial };
  }

  /** The rows of these hits as they are now: from the cache, and what it lacks read. */
  private async rowsFor(hits: readonly SearchHit[]): Promise<SearchHitRows> {
    const keys = rowsToRead(hits);
    const cached = this.cachedRows;
    const generation = this.rowsGeneration;
    const missing = Object.fromEntries(
      searchedTables.map((t) => [t, keys[t].filter((k) => !cached[t].has(k))]),
    ) as { [T in SearchedTable]: string[] };
    const read = await readSearchHitRows(this.db, missing);
    // A write came in while reading: what was cached may be older than it, so read them all now.
    if (generation !== this.rowsGeneration) return readSearchHitRows(this.db, keys);
    const rows = emptyHitRows();
    for (const t of searchedTables) {
      const into = rows[t] as Map<string, unknown>;
      const keep = cached[t] as Map<string, unknown>;
      for (const [k, row] of read[t]) keep.set(k, row);
      for (const k of keys[t]) if (keep.has(k)) into.set(k, keep.get(k));
    }
    return rows;
  }

  close() {
    this.stopWatching();
  }
}

function joinHitRows(a: SearchHitRows, b: SearchHitRows): SearchHitRows {
  const join = <T>(x: Map<string, T>, y: Map<string, T>) => new Map([...x, ...y]);
  return {
    people: join(a.people, b.people),
    meetings: join(a.meetings, b.meetings),
    agendaItems: join(a.agendaItems, b.agendaItems),
    actionItems: join(a.actionItems, b.actionItems),
    feedback: join(a.feedback, b.feedback),
    growthPlans: join(a.growthPlans, b.growthPlans),
  };
}

function isEverything(c: SearchChange): boolean {
  return c.table === "*";
}

/** A saved index worth reading: this format, and not so far behind that building anew is quicker. */
function usableAsSaved(manifest: SearchManifest, changes: readonly SearchChange[]): boolean {
  return manifest.format === INDEX_FORMAT && changes.length <= CATCH_UP_MAX && !changes.some(isEverything);
}

async function parseShard(shard: SearchShard): Promise<Shard | undefined> {
  try {
    return await MiniSearch.loadJSONAsync(shard.json, indexOptions);
  } catch {
    return undefined;
  }
}

async function buildShards(docs: readonly SearchDocument[]): Promise<Map<string, Shard>> {
  const byShard = new Map<string, SearchDocument[]>();
  for (const doc of docs) {
    const key = shardOf(doc);
    const list = byShard.get(key) ?? [];
    list.push(doc);
    byShard.set(key, list);
  }
  const shards = new Map<string, Shard>();
  for (const key of shardOrder(byShard.keys())) {
    const index = newIndex();
    await index.addAllAsync(byShard.get(key) ?? [], { chunkSize: 2000 });
    shards.set(key, index);
  }
  return shards;
}

/** Builds the index anew from every row and saves it, as after an import or a restore. */
export async function rebuildSearchIndex(db: PrepDatabase): Promise<void> {
  const rows = await readSearchRows(db);
  const shards = await buildShards(searchDocuments(rows));
  const stamp = crypto.randomUUID();
  const saved = [...shards].map(([key, index]) => ({
    key,
    stamp,
    json: JSON.stringify(index),
    documentCount: index.documentCount,
  }));
  const manifest = {
    format: INDEX_FORMAT,
    stamp,
    builtAt: Date.now(),
    shards: saved.map(({ key, documentCount }) => ({ key, stamp, documentCount })),
  };
  await saveSearchIndex(db, manifest, saved, rows.changes, rows.indexStamp);
}

/**
 * Starts that rebuild without making the caller wait: should the page close first, the import
 * left the index marked for a rebuild, and the next search does it.
 */
export function rebuildSearchIndexSoon(db: PrepDatabase): Promise<void> {
  return rebuildSearchIndex(db).catch((error: unknown) => {
    if (error instanceof Error && error.name === "DatabaseClosedError") return;
    console.warn("1:1 Prep could not rebuild its search index.", error);
  });
}
