import { useId, useState } from "react";
import { t } from "@/components/i18n";
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
      setExported(t("backup.exported", [name, formatBytes(bytes)]));
    } catch {
      setError(t("backup.exportFailed"));
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
      setError(e instanceof Error ? e.message : t("backup.unreadable"));
    }
  };

  const onFile = async (file: File | undefined) => {
    setError(undefined);
    setStage({ step: "idle" });
    if (!file) return;
    // Refuse a huge file before reading it into memory.
    if (file.size > BACKUP_MAX_CHARS * 4) return setError(t("backup.tooLarge"));
    await preview(await file.text(), file.name);
  };

  const onRestore = async (copy: BackupCopyInfo) => {
    setError(undefined);
    setStage({ step: "idle" });
    const text = await readBackupCopy(copy.file).catch(() => undefined);
    if (text === undefined) return setError(t("backup.noLongerKept"));
    await preview(text, copy.file.split("/").at(-1) ?? copy.file);
  };

  const onImport = async () => {
    if (stage.step !== "preview") return;
    setBusy(true);
    try {
      setStage({ step: "done", outcome: await importBackup(db, stage.doc, stage.choices) });
    } catch (e) {
      setError(t("backup.nothingImported", [e instanceof Error ? e.message : t("backup.importFailed")]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("backup.heading")}</h2>
      <StorageStatus />
      <p>
        <button type="button" onClick={() => void onExport()}>
          {t("backup.exportAll")}
        </button>
      </p>
      {exported && (
        <p className="saved-note" role="status">
          {exported}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t("backup.importLabel")}</label>
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
              ? t("backup.previewOf", [stage.fileName])
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
                {t("backup.import")}
              </button>{" "}
              <button type="button" onClick={() => setStage({ step: "idle" })}>
                {t("common.cancel")}
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
    applied.mine > 0 ? t("backup.keptYours", [String(applied.mine)]) : "",
    applied.backup > 0 ? t("backup.tookBackups", [String(applied.backup)]) : "",
    applied.both > 0 ? t("backup.keptBoth", [String(applied.both)]) : "",
  ].filter(Boolean);
  return parts.length > 0 ? t("backup.importedDiffered", [parts.join(", ")]) : t("backup.imported");
}
