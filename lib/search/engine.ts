import MiniSearch, { type Options, type SearchResult } from "minisearch";
import { type DocumentKind, kindOfDocument, type SearchDocument, type SearchKind } from "./documents";
import { fold, termMatches, terms, typosAllowed, words } from "./text";

/**
 * The index's layout: fields, stored fields, tokenizer, folding and shards. A saved index of
 * another format is rebuilt rather than read, so raise it whenever any of them changes.
 */
export const INDEX_FORMAT = 2;

/** The shard of names and other texts without a date; searched before any year. */
export const UNDATED = "undated";

/**
 * Which shard a document sits in: the year of its date. Results are shown newest first, so a
 * query reads the newest years first and stops once it has enough, however many years there are.
 */
export function shardOf(doc: Pick<SearchDocument, "date">): string {
  return doc.date === undefined ? UNDATED : String(new Date(doc.date).getUTCFullYear());
}

/** Shards in the order a query reads them: names first, then the years, newest first. */
export function shardOrder(keys: Iterable<string>): string[] {
  const rank = (k: string) => (k === UNDATED ? Number.POSITIVE_INFINITY : Number(k) || 0);
  return [...keys].sort((a, b) => rank(b) - rank(a));
}

/** Whether a shard can hold a document the date filters let through. */
export function shardInRange(key: string, filters: SearchFilters): boolean {
  const year = Number(key);
  if (key === UNDATED || !Number.isInteger(year))
    return filters.from === undefined && filters.to === undefined;
  if (filters.from !== undefined && Date.UTC(year + 1, 0, 1) <= filters.from) return false;
  if (filters.to !== undefined && Date.UTC(year, 0, 1) > filters.to) return false;
  return true;
}

/** Newest first; texts without a date (names) before any dated one. */
export function byNewest(a: Pick<SearchDocument, "date">, b: Pick<SearchDocument, "date">): number {
  return (b.date ?? Number.POSITIVE_INFINITY) - (a.date ?? Number.POSITIVE_INFINITY);
}

export interface SearchFilters {
  personId?: string;
  kind?: SearchKind;
  /** inclusive, epoch ms */
  from?: number;
  /** inclusive, epoch ms */
  to?: number;
}

/** One document that answers the query. */
export interface SearchHit {
  id: string;
  kind: DocumentKind;
  rowId: string;
  personId: string;
  meetingId?: string;
  date?: number;
  /** the folded words of the document that answered, for marking them */
  found: string[];
  /** the query's folded terms, for marking words they begin */
  queryTerms: string[];
}

type Stored = Pick<SearchDocument, "kind" | "personId" | "meetingId" | "date">;

export const indexOptions: Options<SearchDocument> = {
  idField: "id",
  fields: ["text"],
  storeFields: ["kind", "personId", "meetingId", "date"],
  tokenize: (text) => words(text).map((w) => w.text),
  processTerm: (term) => fold(term) || null,
  searchOptions: {
    prefix: true,
    fuzzy: (term) => typosAllowed(term) || false,
    maxFuzzy: 2,
    combineWith: "AND",
  },
};

export function newIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch(indexOptions);
}

/** A query worth running: one letter alone would match nearly everything. */
export function queryTerms(query: string): string[] {
  const all = terms(query);
  return all.some((t) => t.length >= 2) ? all : [];
}

function rowIdOf(id: string): string {
  return id.slice(id.indexOf(":") + 1);
}

function passes(doc: Stored, filters: SearchFilters): boolean {
  if (filters.personId && doc.personId !== filters.personId) return false;
  if (filters.kind && kindOfDocument[doc.kind] !== filters.kind) return false;
  if (filters.from !== undefined || filters.to !== undefined) {
    if (doc.date === undefined) return false;
    if (filters.from !== undefined && doc.date < filters.from) return false;
    if (filters.to !== undefined && doc.date > filters.to) return false;
  }
  return true;
}

/** The newest `limit` documents that answer the query, through the index (or one shard of it). */
export function searchIndex(
  index: MiniSearch<SearchDocument>,
  query: string,
  filters: SearchFilters,
  limit: number,
): SearchHit[] {
  const asked = queryTerms(query);
  if (!asked.length || limit <= 0) return [];
  // A document the filters leave out is dropped while its terms are scored, not after: a query
  // for one person skips everyone else's postings.
  const results = index.search(asked.join(" "), {
    boostDocument: (_id, _term, stored) => (passes(stored as unknown as Stored, filters) ? 1 : 0),
  }) as (SearchResult & Stored)[];
  results.sort(byNewest);
  return results.slice(0, limit).map((r: SearchResult) => {
    const s = r as unknown as Stored & SearchResult;
    return {
      id: String(r.id),
      kind: s.kind,
      rowId: rowIdOf(String(r.id)),
      personId: s.personId,
      ...(s.meetingId ? { meetingId: s.meetingId } : {}),
      ...(s.date !== undefined ? { date: s.date } : {}),
      found: r.terms,
      queryTerms: asked,
    };
  });
}

/**
 * The same answers without an index, by reading every document (`docs` newest first): slower,
 * for while the index is being built. Every query term must begin a word of the document, or be
 * one with a typo.
 */
export function scanDocuments(
  docs: readonly SearchDocument[],
  query: string,
  filters: SearchFilters,
  limit: number,
): SearchHit[] {
  const asked = queryTerms(query);
  if (!asked.length) return [];
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    if (!passes(doc, filters)) continue;
    const docTerms = terms(doc.text);
    const found = new Set<string>();
    const all = asked.every((q) => {
      const matched = docTerms.filter((t) => termMatches(q, t));
      for (const t of matched) found.add(t);
      return matched.length > 0;
    });
    if (!all) continue;
    hits.push({
      id: doc.id,
      kind: doc.kind,
      rowId: doc.rowId,
      personId: doc.personId,
      ...(doc.meetingId ? { meetingId: doc.meetingId } : {}),
      ...(doc.date !== undefined ? { date: doc.date } : {}),
      found: [...found],
      queryTerms: asked,
    });
    if (hits.length >= limit) break;
  }
  return hits;
}
