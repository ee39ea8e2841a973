export {
  AUTO_BACKUP_FOLDER,
  autoBackupFileName,
  autoBackupIsDue,
  autoBackupsToRemove,
  type BackupDownloads,
  makeAutoBackup,
  runAutoBackup,
} from "./auto-backup";
export { browserBackupDownloads } from "./backup-downloads";
export {
  BACKUP_FORMAT,
  BACKUP_MAX_CHARS,
  BACKUP_VERSION,
  type BackupDocument,
  type BackupTable,
  backupSchema,
  backupTables,
} from "./backup-format";
export {
  type ExportProgress,
  exportAll,
  exportBackupBlob,
  exportBackupParts,
  exportBackupText,
  serializeBackup,
} from "./export-backup";
export {
  BackupImportError,
  type BackupOutcome,
  type BackupPreview,
  type ImportChoice,
  type ImportChoices,
  type ImportCounts,
  type ImportDifference,
  type ImportMerge,
  type ImportProgress,
  importBackup,
  previewImport,
} from "./import-backup";
export { escapeMarkdown, personToMarkdown } from "./markdown";
export { type ParsedBackup, parseBackup } from "./parse-backup";
