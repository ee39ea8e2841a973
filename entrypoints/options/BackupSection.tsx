import { useId, useState } from "react";
import { prepDatabase } from "@/lib/db";
import {
  BACKUP_MAX_CHARS,
  type BackupDocument,
  exportBackupText,
  type ImportPreview,
  importBackup,
  parseBackup,
  previewImport,
} from "@/lib/export";
import { download } from "./download";

type Stage =
  | { step: "idle" }
  | { step: "preview"; doc: BackupDocument; preview: ImportPreview; fileName: string }
  | { step: "done"; preview: ImportPreview };

/** Export everything to one JSON file; import one back with a preview, all or nothing. */
export function BackupSection() {
  const id = useId();
  const db = prepDatabase();
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const onExport = async () => {
    setError(undefined);
    try {
      download(
        `1-1-prep-backup-${new Date().toISOString().slice(0, 10)}.json`,
        await exportBackupText(db),
        "application/json",
      );
    } catch {
      setError("Couldn't export. Nothing was changed; try again.");
    }
  };

  const onFile = async (file: File | undefined) => {
    setError(undefined);
    setStage({ step: "idle" });
    if (!file) return;
    // Refuse a huge file before reading it into memory.
    if (file.size > BACKUP_MAX_CHARS * 4)
      return setError("This file is far too large to be a 1:1 Prep backup.");
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) return setError(parsed.error);
    try {
      setStage({
        step: "preview",
        doc: parsed.doc,
        preview: await previewImport(db, parsed.doc),
        fileName: file.name,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Couldn't read this backup.");
    }
  };

  const onImport = async () => {
    if (stage.step !== "preview") return;
    setBusy(true);
    try {
      setStage({ step: "done", preview: await importBackup(db, stage.doc) });
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
      <p>
        <button type="button" onClick={() => void onExport()}>
          Export everything (JSON)
        </button>
      </p>
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
          <p>
            {stage.step === "preview"
              ? `${stage.fileName}: this is what importing it will do.`
              : "Imported. This is what changed."}
          </p>
          <PreviewTable preview={stage.preview} />
          {stage.preview.merged.length > 0 && (
            <ul className="quiet">
              {stage.preview.merged.map((m) => (
                <li key={`${m.table}:${m.backupId}`}>
                  {m.label}: {m.rule}
                </li>
              ))}
            </ul>
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
    </section>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  return (
    <table className="preview-table">
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col">Added</th>
          <th scope="col">Updated</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(preview.counts).map(([table, counts]) => (
          <tr key={table}>
            <th scope="row">{table}</th>
            <td>{counts.added}</td>
            <td>{counts.updated}</td>
            <td>{counts.unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
