import { useId, useState } from "react";
import { t } from "@/components/i18n";
import { problemText, problemWords } from "@/components/problem-words";
import { type BackupCopyInfo, prepDatabase, readBackupCopy } from "@/lib/db";
import {
  BACKUP_MAX_CHARS,
  type BackupDocument,
  type BackupOutcome,
  type BackupPreview,
  type ExportProgress,
  exportBackupBlob,
  type ImportProgress,
  importBackup,
  parseBackup,
  previewImport,
} from "@/lib/export";
import { AutoBackupSection, formatBytes, StorageStatus } from "./AutoBackupSection";
import { download } from "./download";
import { type ImportChoicesState, ImportPreviewView } from "./ImportPreviewView";
import { formatCount, formatTimeLeft, timeLeft } from "./progress";

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
  const [exporting, setExporting] = useState<ExportProgress>();
  const [importing, setImporting] = useState<ImportProgress & { startedAt: number }>();

  const onExport = async () => {
    setError(undefined);
    setExported(undefined);
    setExporting({ read: 0 });
    try {
      const name = `1-1-prep-backup-${new Date().toISOString().slice(0, 10)}.json`;
      const file = await exportBackupBlob(db, Date.now(), undefined, { onProgress: setExporting });
      const bytes = download(name, file, "application/json");
      setExported(t("backup.exported", [name, formatBytes(bytes)]));
    } catch {
      setError(t("backup.exportFailed"));
    } finally {
      setExporting(undefined);
    }
  };

  const preview = async (text: string, fileName: string) => {
    const parsed = parseBackup(text);
    if (!parsed.ok) return setError(problemWords(parsed.problem));
    try {
      setStage({
        step: "preview",
        doc: parsed.doc,
        preview: await previewImport(db, parsed.doc),
        fileName,
        choices: { rows: {}, settings: new Set() },
      });
    } catch (e) {
      setError(problemText(e, t("backup.unreadable")));
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
    let startedAt = performance.now();
    setImporting({ written: 0, total: 0, startedAt });
    try {
      const outcome = await importBackup(db, stage.doc, stage.choices, Date.now(), (progress) => {
        // The time left goes by the pace of writing, not of the check against the notes before it.
        if (progress.written === 0) startedAt = performance.now();
        setImporting({ ...progress, startedAt });
      });
      setStage({ step: "done", outcome });
    } catch (e) {
      setError(t("backup.nothingImported", [problemText(e, t("backup.importFailed"))]));
    } finally {
      setBusy(false);
      setImporting(undefined);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("backup.heading")}</h2>
      <StorageStatus />
      <p>
        <button type="button" disabled={exporting !== undefined} onClick={() => void onExport()}>
          {t("backup.exportAll")}
        </button>
      </p>
      {exporting && (
        <ProgressLine
          label={t("backup.exportProgress")}
          // No end to show: the tables are not counted before the export, which would make it
          // take longer, and at five years of notes it takes seconds.
          done={exporting.read}
          total={0}
          text={
            exporting.read ? t("backup.exportingRows", [formatCount(exporting.read)]) : t("backup.exporting")
          }
        />
      )}
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
          {importing && (
            <ProgressLine
              label={t("backup.importProgress")}
              done={importing.written}
              total={importing.total}
              text={importProgressText(importing)}
            />
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
        <p className="error" role="alert" data-testid="backup-problem">
          {error}
        </p>
      )}
      <AutoBackupSection onRestore={(copy) => void onRestore(copy)} />
    </section>
  );
}

/** Rows written so far and, once there is a pace to go by, about how long the rest takes. */
/** A bar with what it counts beside it; until the total is known, a bar that says "busy". */
function ProgressLine({
  label,
  done,
  total,
  text,
}: {
  label: string;
  done: number;
  total: number;
  text: string;
}) {
  return (
    <div className="progress-line">
      <progress aria-label={label} max={total || undefined} value={total ? done : undefined} />
      <span>{text}</span>
    </div>
  );
}

function importProgressText({ written, total, startedAt }: ImportProgress & { startedAt: number }): string {
  if (total === 0) return t("backup.checking");
  const [done, all] = [formatCount(written), formatCount(total)];
  const left = timeLeft(written, total, performance.now() - startedAt);
  return left === undefined
    ? t("backup.importingRows", [done, all])
    : t("backup.importingRowsLeft", [done, all, formatTimeLeft(left)]);
}

function importedSummary({ applied }: BackupOutcome): string {
  const parts = [
    applied.mine > 0 ? t("backup.keptYours", [String(applied.mine)]) : "",
    applied.backup > 0 ? t("backup.tookBackups", [String(applied.backup)]) : "",
    applied.both > 0 ? t("backup.keptBoth", [String(applied.both)]) : "",
  ].filter(Boolean);
  return parts.length > 0 ? t("backup.importedDiffered", [parts.join(", ")]) : t("backup.imported");
}
