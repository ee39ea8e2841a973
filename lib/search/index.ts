export {
  type DocumentKind,
  documentIdsOfRow,
  feedbackText,
  type SearchDocument,
  type SearchKind,
  searchDocuments,
  searchKinds,
} from "./documents";
export {
  INDEX_FORMAT,
  newIndex,
  queryTerms,
  type SearchFilters,
  type SearchHit,
  scanDocuments,
  searchIndex,
  shardInRange,
  shardOf,
  shardOrder,
  UNDATED,
} from "./engine";
export { groupResults, type SearchResultGroup, type SearchResultRow } from "./results";
export {
  RESULTS_MAX,
  rebuildSearchIndex,
  rebuildSearchIndexSoon,
  type SearchAnswer,
  type SearchHits,
  type SearchReadiness,
  SearchSession,
} from "./session";
export {
  fold,
  highlight,
  matcher,
  snippet,
  type TextPart,
  termMatches,
  terms,
  typosAllowed,
  type WordMatch,
  withinEdits,
  words,
} from "./text";
