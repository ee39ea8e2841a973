export {
  BACKUP_FORMAT,
  BACKUP_MAX_CHARS,
  BACKUP_VERSION,
  type BackupDocument,
  type BackupTable,
  backupSchema,
  backupTables,
} from "./backup-format";
export { deleteEverything, deletePerson } from "./delete";
export { exportAll, exportBackupText, serializeBackup } from "./export-backup";
export {
  BackupImportError,
  type ImportCounts,
  type ImportMerge,
  type ImportPreview,
  importBackup,
  previewImport,
} from "./import-backup";
export { escapeMarkdown, personToMarkdown } from "./markdown";
export { mergePeople } from "./merge-people";
export { type ParsedBackup, parseBackup } from "./parse-backup";
