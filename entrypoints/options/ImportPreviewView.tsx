import { useId, useState } from "react";
import { t } from "@/components/i18n";
import type { BackupTable } from "@/lib/db";
import type { BackupPreview, ImportChoice, ImportDifference } from "@/lib/export";
import type { BackupSettingKey } from "@/lib/settings";

const tableNames: Record<BackupTable, () => string> = {
  people: () => t("importing.people"),
  meetings: () => t("importing.meetings"),
  agendaItems: () => t("importing.agendaItems"),
  actionItems: () => t("importing.actionItems"),
  feedback: () => t("importing.feedback"),
  growthPlans: () => t("importing.growthPlans"),
  questionsAsked: () => t("importing.questionsAsked"),
};

const choiceNames: Record<ImportChoice, () => string> = {
  mine: () => t("importing.keepMine"),
  backup: () => t("importing.takeBackups"),
  both: () => t("importing.keepBoth"),
};

const mergeRules: Record<BackupPreview["merged"][number]["rule"], (label: string) => string> = {
  "merged by email": (label) => t("importing.mergedByEmail", [label]),
  "merged by calendar event": (label) => t("importing.mergedByEvent", [label]),
};

/** Differences are listed this many at a time: a backup from long ago can differ in thousands of rows. */
const PAGE = 50;

export interface ImportChoicesState {
  rows: Record<string, ImportChoice>;
  settings: Set<BackupSettingKey>;
}

interface Props {
  preview: BackupPreview;
  /** absent once imported: the figures are then what happened */
  choices?: ImportChoicesState;
  onChoices?: (next: ImportChoicesState) => void;
}

/** What an import will do: counts per kind of record, and every row that differs, both versions side by side. */
export function ImportPreviewView({ preview, choices, onChoices }: Props) {
  const [shown, setShown] = useState(PAGE);
  const { differences, settings } = preview;
  const choose = (key: string, choice: ImportChoice) =>
    choices && onChoices?.({ ...choices, rows: { ...choices.rows, [key]: choice } });
  const chooseAll = (pick: (d: ImportDifference) => ImportChoice) =>
    choices &&
    onChoices?.({
      ...choices,
      rows: Object.fromEntries(differences.map((d) => [d.key, pick(d)])),
    });
  return (
    <>
      <table className="preview-table">
        <thead>
          <tr>
            <th scope="col">{t("importing.records")}</th>
            <th scope="col">{t("importing.new")}</th>
            <th scope="col">{t("importing.different")}</th>
            <th scope="col">{t("importing.same")}</th>
          </tr>
        </thead>
        <tbody>
          {(Object.entries(preview.counts) as [BackupTable, BackupPreview["counts"][BackupTable]][]).map(
            ([table, counts]) => (
              <tr key={table}>
                <th scope="row">{tableNames[table]()}</th>
                <td>{counts.added}</td>
                <td>{counts.updated}</td>
                <td>{counts.unchanged}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {preview.merged.length > 0 && (
        <ul className="quiet">
          {preview.merged.map((m) => (
            <li key={`${m.table}:${m.backupId}`}>{mergeRules[m.rule](m.label)}</li>
          ))}
        </ul>
      )}
      {(settings.added.length > 0 || settings.differing.length > 0) && (
        <div className="import-settings">
          {settings.added.length > 0 && (
            <p>{t("importing.settingsAdded", [String(settings.added.length)])}</p>
          )}
          {settings.differing.map((s) => (
            <label key={s.key} className="check">
              <input
                type="checkbox"
                disabled={!choices}
                checked={choices?.settings.has(s.key) ?? false}
                onChange={(e) => {
                  if (!choices) return;
                  const next = new Set(choices.settings);
                  if (e.target.checked) next.add(s.key);
                  else next.delete(s.key);
                  onChoices?.({ ...choices, settings: next });
                }}
              />{" "}
              {t("importing.takeSetting", [s.label])}
            </label>
          ))}
        </div>
      )}
      {differences.length > 0 && (
        <section className="differences" aria-label={t("importing.recordsDiffer")}>
          <h3>{t("importing.differHeading", differences.length)}</h3>
          <p className="quiet">{t("importing.nothingOverwritten")}</p>
          {choices && (
            <p className="row">
              <button type="button" onClick={() => chooseAll(() => "mine")}>
                {t("importing.keepMineAll")}
              </button>
              <button type="button" onClick={() => chooseAll(() => "backup")}>
                {t("importing.takeBackupsAll")}
              </button>
              <button type="button" onClick={() => chooseAll((d) => d.suggested)}>
                {t("importing.backToSuggestions")}
              </button>
            </p>
          )}
          <ol className="difference-list">
            {differences.slice(0, shown).map((d) => (
              <Difference
                key={d.key}
                difference={d}
                choice={choices?.rows[d.key] ?? d.suggested}
                onChoose={choices ? (c) => choose(d.key, c) : undefined}
              />
            ))}
          </ol>
          {differences.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              {t("importing.showMore", [String(Math.min(PAGE, differences.length - shown))])}
            </button>
          )}
        </section>
      )}
    </>
  );
}

function Difference({
  difference: d,
  choice,
  onChoose,
}: {
  difference: ImportDifference;
  choice: ImportChoice;
  onChoose?: (choice: ImportChoice) => void;
}) {
  const id = useId();
  return (
    <li className="difference" data-testid="import-difference">
      <p>
        <strong>{d.person}</strong> · {d.label}
        {d.fields.length > 0 && (
          <span className="quiet"> · {t("importing.alsoDiffers", [d.fields.join(", ")])}</span>
        )}
      </p>
      {d.texts.map((text) => (
        <div key={text.label} className="side-by-side">
          <figure>
            <figcaption>{t("importing.yours", [text.label])}</figcaption>
            <p className="text-version">
              {text.mine || <span className="quiet">{t("importing.empty")}</span>}
            </p>
          </figure>
          <figure>
            <figcaption>{t("importing.backups", [text.label])}</figcaption>
            <p className="text-version">
              {text.backup || <span className="quiet">{t("importing.empty")}</span>}
            </p>
          </figure>
        </div>
      ))}
      <fieldset className="row">
        <legend className="visually-hidden">
          {d.person}, {d.label}
        </legend>
        {d.choices.map((c) => (
          <label key={c} className="check">
            <input
              type="radio"
              name={id}
              value={c}
              checked={choice === c}
              disabled={!onChoose}
              onChange={() => onChoose?.(c)}
            />{" "}
            {choiceNames[c]()}
            {c === d.suggested ? t("importing.suggested") : ""}
          </label>
        ))}
      </fieldset>
    </li>
  );
}
