import { Dexie, type EntityTable } from "dexie";

/** A copy of an automatic backup kept in the browser, so it restores in two clicks. */
interface BackupCopy {
  /** the file's name in Downloads, which is also how the manager sees it */
  file: string;
  at: number;
  /** size of the backup's text, before compression */
  bytes: number;
  gzip: ArrayBuffer;
}

export type BackupCopyInfo = Omit<BackupCopy, "gzip">;

/**
 * Its own database, apart from the manager's data: clearing or restoring the data never touches
 * the copies that restore it, and a copy is never part of a backup.
 */
class BackupCopiesDatabase extends Dexie {
  copies!: EntityTable<BackupCopy, "file">;
  constructor() {
    super("one-on-one-prep-backups");
    this.version(1).stores({ copies: "file, at" });
  }
}

let shared: BackupCopiesDatabase | undefined;
const copiesDb = () => {
  shared ??= new BackupCopiesDatabase();
  return shared;
};

async function gzip(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

async function gunzip(data: ArrayBuffer): Promise<string> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

/** Keeps the backup's text (compressed), then only the newest `keep` copies. */
export async function keepBackupCopy(
  copy: { file: string; at: number; text: string },
  keep: number,
): Promise<BackupCopyInfo> {
  const db = copiesDb();
  const info = { file: copy.file, at: copy.at, bytes: new Blob([copy.text]).size };
  await db.copies.put({ ...info, gzip: await gzip(copy.text) });
  const older = await db.copies.orderBy("at").reverse().offset(keep).primaryKeys();
  await db.copies.bulkDelete(older);
  return info;
}

/** The copies kept, newest first, without their contents. */
export async function backupCopies(): Promise<BackupCopyInfo[]> {
  const rows: BackupCopyInfo[] = [];
  await copiesDb()
    .copies.orderBy("at")
    .reverse()
    .each(({ gzip: _data, ...info }) => {
      rows.push(info);
    });
  return rows;
}

/** One copy's backup text; undefined when it is no longer kept. */
export async function readBackupCopy(file: string): Promise<string | undefined> {
  const copy = await copiesDb().copies.get(file);
  return copy ? gunzip(copy.gzip) : undefined;
}
