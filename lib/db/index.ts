export * from "./agenda";
export { type BackupCopyInfo, backupCopies, keepBackupCopy, readBackupCopy } from "./backup-copies";
export {
  BACKUP_CHUNK_ROWS,
  BACKUP_ROW_VERSION,
  type BackupReadProgress,
  type BackupRows,
  type BackupTable,
  backupTables,
  type PersonRecord,
  personRecord,
  readBackupChunks,
  readBackupRows,
} from "./backup-rows";
export * from "./calendar-events";
export {
  DATABASE_NAME,
  openPrepDatabase,
  PrepDatabase,
  prepDatabase,
  prepDatabaseSetUp,
  watchQuery,
  watchTables,
} from "./database";
export { deleteEverything, deletePerson } from "./delete";
export { protectStorage, type StorageState, storageState } from "./durability";
export * from "./growth-plans";
export {
  type ImportChoice,
  type ImportCounts,
  type ImportDifference,
  type ImportMerge,
  type ImportOutcome,
  type ImportPreview,
  type ImportProgress,
  ImportRefused,
  type ImportRowAbout,
  type ImportTextChange,
  importRows,
  previewImportRows,
} from "./import-rows";
export {
  applyRuleKind,
  happinessReadings,
  questionsAskedWith,
  recordTimedMeeting,
  saveAnswer,
  setHappiness,
  setMeetingKind,
  setMeetingStatus,
  setQuestionAsked,
} from "./meeting-content";
export { type MergedPeople, type MergePreview, mergePeople, previewMerge } from "./merge-people";
export { type MergedText, mergeEdit } from "./merge-text";
export { type MergeUndo, MergeUndoRefused, undoMerge } from "./merge-undo";
export * from "./repositories";
export * from "./sample";
export { type SampleContent, sampleContentFor } from "./sample-content";
export * from "./schema";
export {
  emptyHitRows,
  markSearchIndexStale,
  pendingSearchChanges,
  readChangedRows,
  readSearchHitRows,
  readSearchIndexState,
  readSearchRows,
  readSearchShard,
  type SearchChange,
  type SearchedTable,
  type SearchHitRows,
  type SearchManifest,
  type SearchRows,
  type SearchShard,
  type StoredSearchIndex,
  saveSearchIndex,
  searchedTables,
  searchIndexTables,
} from "./search-store";
export {
  type CadenceHistories,
  cadenceHistories,
  figuresOf,
  type MeetingFigures,
  peekCadenceHistories,
  statsHistoryStart,
  statsTables,
} from "./stats-figures";
export {
  confirmBatch,
  confirmFirstSnapshot,
  type DriveGrant,
  type FirstSnapshot,
  type Ingested,
  ingest,
  type KnownDevices,
  keepDriveGrant,
  keepUploadFileId,
  noteKeyFile,
  noteKnownDevices,
  noteSnapshot,
  type OutgoingBatch,
  readAllVersions,
  readDriveGrant,
  readKnownDevices,
  readStoredKeyFile,
  readSyncKey,
  readSyncState,
  readSyncStatusRow,
  replaceStoredKeyFile,
  type SyncState,
  stampLocalChanges,
  startSyncing,
  stopSyncing,
  syncedTables,
  syncStateTables,
  takeBatch,
  takeFirstSnapshot,
  waitingChanges,
  writeSyncStatusRow,
} from "./sync-store";
export {
  ANSWER_MAX,
  discardUnsavedEdit,
  dismissOtherVersion,
  foldInOtherVersion,
  keepEditsLeftBehind,
  keepUnsavedEdit,
  NOTES_MAX,
  recoverUnsavedEdits,
  saveMeetingNotes,
  saveText,
  type TextEdit,
} from "./text-edits";
