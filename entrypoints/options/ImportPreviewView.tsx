import { useId, useState } from "react";
import { languageInUse, localeInUse, t } from "@/components/i18n";
import type { BackupTable, ImportRowAbout, ImportTextChange } from "@/lib/db";
import type { BackupPreview, ImportChoice, ImportDifference } from "@/lib/export";
import type { BackupSettingKey } from "@/lib/settings";
import { guidePrompt } from "@/lib/templates";

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

const settingNames: Record<BackupSettingKey, () => string> = {
  myEmail: () => t("importing.settingMyEmail"),
  detectionSettings: () => t("importing.settingDetectionSettings"),
  detectionOverrides: () => t("importing.settingDetectionOverrides"),
  sidebarOffFor: () => t("importing.settingSidebarOffFor"),
  badgeScope: () => t("importing.settingBadgeScope"),
  defaultCadenceDays: () => t("importing.settingDefaultCadenceDays"),
  meetingKindRules: () => t("importing.settingMeetingKindRules"),
  templates: () => t("importing.settingTemplates"),
  reminderMinutes: () => t("importing.settingReminderMinutes"),
  autoBackup: () => t("importing.settingAutoBackup"),
};

/** The texts a row can differ in, by field. */
const textNames: Record<string, () => string> = {
  displayName: () => t("importing.textName"),
  notes: () => t("importing.textNotes"),
  text: () => t("importing.textAgendaItem"),
  situation: () => t("importing.textSituation"),
  behavior: () => t("importing.textBehavior"),
  impact: () => t("importing.textImpact"),
  request: () => t("importing.textRequest"),
  goal: () => t("importing.textGoal"),
  support: () => t("importing.textSupport"),
  evidence: () => t("importing.textEvidence"),
};

/** Other fields that can differ, by the name the import gives them. */
const fieldNames: Record<string, () => string> = {
  email: () => t("importing.fieldEmail"),
  cadence: () => t("importing.fieldCadence"),
  archived: () => t("importing.fieldArchived"),
  time: () => t("importing.fieldTime"),
  kind: () => t("importing.fieldKind"),
  status: () => t("importing.fieldStatus"),
  happiness: () => t("importing.fieldHappiness"),
  "event title": () => t("importing.fieldEventTitle"),
  "calendar event": () => t("importing.fieldCalendarEvent"),
  person: () => t("importing.fieldPerson"),
  meeting: () => t("importing.fieldMeeting"),
  "agenda part": () => t("importing.fieldAgendaPart"),
  order: () => t("importing.fieldOrder"),
  discussed: () => t("importing.fieldDiscussed"),
  owner: () => t("importing.fieldOwner"),
  "due date": () => t("importing.fieldDueDate"),
  done: () => t("importing.fieldDone"),
  created: () => t("importing.fieldCreated"),
  "kind of feedback": () => t("importing.fieldFeedbackKind"),
  delivered: () => t("importing.fieldDelivered"),
  quarter: () => t("importing.fieldQuarter"),
  checkpoints: () => t("importing.fieldCheckpoints"),
  question: () => t("importing.fieldQuestion"),
  asked: () => t("importing.fieldAsked"),
  "last edit": () => t("importing.fieldLastEdit"),
  "other versions": () => t("importing.fieldOtherVersions"),
};

/** What a differing row is, in the manager's language; their own words stay as they typed them. */
export function rowName({ table, day, text, quarter }: ImportRowAbout): string {
  const date =
    day === undefined ? "" : new Date(day).toLocaleDateString(localeInUse(), { dateStyle: "medium" });
  switch (table) {
    case "people":
      return text || t("importing.rowNoName");
    case "meetings":
      return text ? t("importing.rowMeetingTitled", [date, text]) : t("importing.rowMeeting", [date]);
    case "agendaItems":
      return t("importing.rowAgendaItem", [text ?? ""]);
    case "actionItems":
      return t("importing.rowActionItem", [text ?? ""]);
    case "feedback":
      return t("importing.rowFeedback", [text ?? ""]);
    case "growthPlans":
      return t("importing.rowGrowthPlan", [quarter ?? ""]);
    case "questionsAsked":
      return t("importing.rowQuestionAsked", [date]);
  }
}

function textName(change: ImportTextChange, table: BackupTable): string {
  if (change.field === "answer") {
    const id = change.promptId ?? "";
    return t("importing.textAnswer", [guidePrompt(id, languageInUse())?.text ?? id]);
  }
  if (change.field === "text" && table === "actionItems") return t("importing.textActionItem");
  return textNames[change.field]?.() ?? change.label;
}

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
              {t("importing.takeSetting", [settingNames[s.key]?.() ?? s.label])}
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
        <strong>{d.person}</strong> · {rowName(d.about)}
        {d.fields.length > 0 && (
          <span className="quiet">
            {" "}
            · {t("importing.alsoDiffers", [d.fields.map((f) => fieldNames[f]?.() ?? f).join(", ")])}
          </span>
        )}
      </p>
      {d.texts.map((text) => (
        <div key={text.label} className="side-by-side">
          <figure>
            <figcaption>{t("importing.yours", [textName(text, d.table)])}</figcaption>
            <p className="text-version">
              {text.mine || <span className="quiet">{t("importing.empty")}</span>}
            </p>
          </figure>
          <figure>
            <figcaption>{t("importing.backups", [textName(text, d.table)])}</figcaption>
            <p className="text-version">
              {text.backup || <span className="quiet">{t("importing.empty")}</span>}
            </p>
          </figure>
        </div>
      ))}
      <fieldset className="row">
        <legend className="visually-hidden">
          {d.person}, {rowName(d.about)}
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
