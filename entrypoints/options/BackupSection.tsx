import { useId, useState } from "react";
import { type BackupCopyInfo, prepDatabase, readBackupCopy } from "@/lib/db";
import {
  BACKUP_MAX_CHARS,
  type BackupDocument,
  type BackupOutcome,
  type BackupPreview,
  exportBackupText,
  importBackup,
  parseBackup,
  previewImport,
} from "@/lib/export";
import { AutoBackupSection, formatBytes, StorageStatus } from "./AutoBackupSection";
import { download } from "./download";
import { type ImportChoicesState, ImportPreviewView } from "./ImportPreviewView";

type Stage =
  | { step: "idle" }
  | {
      step: "preview";
      doc: BackupDocument;
      preview: BackupPreview;
      fileName: string;
      choices: ImportChoicesState;
    }
  | { step: "done"; outcome: BackupOutcome };

/** Export everything to one JSON file; import one back with a preview, all or nothing. */
export function BackupSection() {
  const id = useId();
  const db = prepDatabase();
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const [exported, setExported] = useState<string>();

  const onExport = async () => {
    setError(undefined);
    setExported(undefined);
    try {
      const name = `1-1-prep-backup-${new Date().toISOString().slice(0, 10)}.json`;
      const bytes = download(name, await exportBackupText(db), "application/json");
      setExported(`Saved ${name} (${formatBytes(bytes)}) to your downloads.`);
    } catch {
      setError("Couldn't export. Nothing was changed; try again.");
    }
  };

  const preview = async (text: string, fileName: string) => {
    const parsed = parseBackup(text);
    if (!parsed.ok) return setError(parsed.error);
    try {
      setStage({
        step: "preview",
        doc: parsed.doc,
        preview: await previewImport(db, parsed.doc),
        fileName,
        choices: { rows: {}, settings: new Set() },
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Couldn't read this backup.");
    }
  };

  const onFile = async (file: File | undefined) => {
    setError(undefined);
    setStage({ step: "idle" });
    if (!file) return;
    // Refuse a huge file before reading it into memory.
    if (file.size > BACKUP_MAX_CHARS * 4)
      return setError("This file is far too large to be a 1:1 Prep backup.");
    await preview(await file.text(), file.name);
  };

  const onRestore = async (copy: BackupCopyInfo) => {
    setError(undefined);
    setStage({ step: "idle" });
    const text = await readBackupCopy(copy.file).catch(() => undefined);
    if (text === undefined)
      return setError("That backup is no longer kept here. Import its file from Downloads.");
    await preview(text, copy.file.split("/").at(-1) ?? copy.file);
  };

  const onImport = async () => {
    if (stage.step !== "preview") return;
    setBusy(true);
    try {
      setStage({ step: "done", outcome: await importBackup(db, stage.doc, stage.choices) });
    } catch (e) {
      setError(
        `Nothing was imported: ${e instanceof Error ? e.message : "the import failed"}. Your data is as it was before.`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Backup</h2>
      <StorageStatus />
      <p>
        <button type="button" onClick={() => void onExport()}>
          Export everything (JSON)
        </button>
      </p>
      {exported && (
        <p className="saved-note" role="status">
          {exported}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>Import a backup</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      {stage.step !== "idle" && (
        <div data-testid="import-preview">
          <p role="status">
            {stage.step === "preview"
              ? `${stage.fileName}: this is what importing it will do.`
              : importedSummary(stage.outcome)}
          </p>
          {stage.step === "preview" ? (
            <ImportPreviewView
              preview={stage.preview}
              choices={stage.choices}
              onChoices={(choices) => setStage({ ...stage, choices })}
            />
          ) : (
            <ImportPreviewView preview={stage.outcome} />
          )}
          {stage.step === "preview" && (
            <p>
              <button type="button" disabled={busy} onClick={() => void onImport()}>
                Import
              </button>{" "}
              <button type="button" onClick={() => setStage({ step: "idle" })}>
                Cancel
              </button>
            </p>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <AutoBackupSection onRestore={(copy) => void onRestore(copy)} />
    </section>
  );
}

function importedSummary({ applied }: BackupOutcome): string {
  const parts = [
    applied.mine > 0 ? `kept yours in ${applied.mine}` : "",
    applied.backup > 0 ? `took the backup's in ${applied.backup}` : "",
    applied.both > 0 ? `kept both in ${applied.both}` : "",
  ].filter(Boolean);
  return `Imported.${parts.length > 0 ? ` Of the records that differed, it ${parts.join(", ")}.` : ""}`;
}
