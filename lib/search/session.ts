import MiniSearch from "minisearch";
import {
  type PrepDatabase,
  readChangedRows,
  readSearchHitRows,
  readSearchIndexState,
  readSearchRows,
  type SearchChange,
  type StoredSearchIndex,
  saveSearchIndex,
  searchedTables,
  watchTables,
} from "@/lib/db";
import { documentIdsOfRow, type SearchDocument, searchDocuments } from "./documents";
import {
  INDEX_FORMAT,
  indexOptions,
  newIndex,
  type SearchFilters,
  scanDocuments,
  searchIndex,
} from "./engine";
import { groupResults, rowsToRead, type SearchResultGroup, tableOfKind } from "./results";

/** More changes than this waiting and the index is built anew rather than caught up row by row. */
const CATCH_UP_MAX = 2000;
/** How many results a query shows at most. */
export const RESULTS_MAX = 100;

export type SearchReadiness = "loading" | "building" | "ready";

/**
 * Search over one database for as long as a page keeps it open. The saved index is read and
 * caught up with the writes since; when there is none, or it is unreadable or too far behind,
 * queries read every document directly while a new index is built and saved.
 */
export class SearchSession {
  private index: MiniSearch<SearchDocument> | undefined;
  private scanned: SearchDocument[] | undefined;
  private usable: Promise<void>;
  private work: Promise<void> = Promise.resolve();
  private stopWatching: (() => void) | undefined;
  /** the stamp of the saved index that `index` grew from; undefined when none was saved */
  private grewFrom: string | undefined;
  readiness: SearchReadiness = "loading";
  /** called when the answers may have changed: the index became ready, or took in a write */
  onUpdate: (() => void) | undefined;

  constructor(private readonly db: PrepDatabase) {
    this.usable = this.open();
    this.work = this.usable.catch(() => {});
  }

  private setReadiness(r: SearchReadiness) {
    this.readiness = r;
    this.onUpdate?.();
  }

  private async open(): Promise<void> {
    const { stored, changes } = await readSearchIndexState(this.db);
    if (stored && usableAsSaved(stored, changes) && (await this.load(stored))) {
      this.setReadiness("ready");
      this.watch();
      if (changes.length) await this.catchUp();
      return;
    }
    await this.rebuild();
    this.watch();
  }

  private async load(stored: StoredSearchIndex): Promise<boolean> {
    try {
      this.index = await MiniSearch.loadJSONAsync(stored.json, indexOptions);
      this.grewFrom = stored.stamp;
      return true;
    } catch {
      this.index = undefined;
      return false;
    }
  }

  /** Reads every row, answers by scanning them at once, and builds and saves the index behind. */
  private async rebuild(): Promise<void> {
    this.setReadiness("building");
    const rows = await readSearchRows(this.db);
    const docs = searchDocuments(rows);
    this.scanned = [...docs].sort((a, b) => (b.date ?? 0) - (a.date ?? 0));
    const built = (async () => {
      const index = newIndex();
      await index.addAllAsync(docs, { chunkSize: 2000 });
      this.index = index;
      this.grewFrom = rows.indexStamp;
      this.scanned = undefined;
      this.setReadiness("ready");
      await this.save(rows.changes);
      // Writes made while it was being built.
      await this.catchUp();
    })();
    this.work = built.catch((error: unknown) =>
      console.warn("1:1 Prep could not build its search index.", error),
    );
  }

  private watch() {
    this.stopWatching ??= watchTables(
      [...searchedTables],
      () => {
        this.work = this.work.then(() => this.catchUp()).catch(() => {});
      },
      this.db.name,
    );
  }

  /** Takes the writes since the index was saved into it, and saves it. */
  private async catchUp(): Promise<void> {
    const index = this.index;
    if (!index) return;
    const { stored, changes } = await readSearchIndexState(this.db);
    // Another page saved the index since, with changes it has let go of: start from its index.
    if (stored?.stamp !== this.grewFrom && stored && usableAsSaved(stored, changes)) {
      if (!(await this.load(stored))) this.index = index;
    }
    if (!changes.length) return;
    if (stored?.stamp !== this.grewFrom || changes.length > CATCH_UP_MAX || changes.some(isEverything)) {
      this.index = undefined;
      await this.rebuild();
      await this.work;
      return;
    }
    const current = this.index ?? index;
    const rows = await readChangedRows(this.db, changes);
    const changed = new Set(changes.map((c) => `${c.table}\u0000${c.key}`));
    for (const c of changes) {
      if (c.table === "*") continue;
      for (const id of documentIdsOfRow(c.table, c.key)) if (current.has(id)) current.discard(id);
    }
    for (const doc of searchDocuments(rows))
      if (changed.has(`${tableOfKind[doc.kind]}\u0000${doc.rowId}`)) current.add(doc);
    this.onUpdate?.();
    await this.save(changes);
  }

  private async save(takenIn: readonly SearchChange[]) {
    const index = this.index;
    if (!index) return;
    const saved = savedIndex(index);
    if (await saveSearchIndex(this.db, saved, takenIn, this.grewFrom)) this.grewFrom = saved.stamp;
  }

  /** Resolves once the index, or a scan of the rows, can answer. */
  async whenUsable(): Promise<void> {
    await this.usable;
  }

  /** Resolves once everything started so far (building, catching up, saving) is done. */
  async settled(): Promise<void> {
    await this.usable;
    let seen: Promise<void>;
    do {
      seen = this.work;
      await seen;
    } while (seen !== this.work);
  }

  /** The documents that answer the query, best first. */
  async hits(query: string, filters: SearchFilters = {}, limit = RESULTS_MAX) {
    await this.usable;
    if (this.index) return searchIndex(this.index, query, filters, limit);
    return scanDocuments(this.scanned ?? [], query, filters, limit);
  }

  /** The results as the popup shows them: by person, newest first, with the rows as they are now. */
  async search(query: string, filters: SearchFilters = {}): Promise<SearchResultGroup[]> {
    const hits = await this.hits(query, filters);
    if (!hits.length) return [];
    return groupResults(hits, await readSearchHitRows(this.db, rowsToRead(hits)));
  }

  close() {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }
}

function isEverything(c: SearchChange): boolean {
  return c.table === "*";
}

/** A saved index worth loading: this format, and not so far behind that building anew is quicker. */
function usableAsSaved(stored: StoredSearchIndex, changes: readonly SearchChange[]): boolean {
  return stored.format === INDEX_FORMAT && changes.length <= CATCH_UP_MAX && !changes.some(isEverything);
}

function savedIndex(index: MiniSearch<SearchDocument>): Omit<StoredSearchIndex, "id"> {
  return {
    format: INDEX_FORMAT,
    json: JSON.stringify(index),
    documentCount: index.documentCount,
    builtAt: Date.now(),
    stamp: crypto.randomUUID(),
  };
}

/** Builds the index anew from every row and saves it, as after an import or a restore. */
export async function rebuildSearchIndex(db: PrepDatabase): Promise<void> {
  const rows = await readSearchRows(db);
  const index = newIndex();
  await index.addAllAsync(searchDocuments(rows), { chunkSize: 2000 });
  await saveSearchIndex(db, savedIndex(index), rows.changes, rows.indexStamp);
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
