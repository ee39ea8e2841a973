import { useState } from "react";
import { formatStart } from "@/components/dates";
import { languageInUse, t } from "@/components/i18n";
import {
  dismissOtherVersion,
  foldInOtherVersion,
  type Meeting,
  type OtherVersion,
  prepDatabase,
} from "@/lib/db";
import { guidePrompt } from "@/lib/templates";
import { errorMessage } from "./frame";

function whereFrom(version: OtherVersion): string {
  const prompt = version.promptId
    ? (guidePrompt(version.promptId, languageInUse())?.text ?? version.promptId)
    : undefined;
  if (version.from === "backup")
    return prompt === undefined
      ? t("sidebar.otherVersionBackupNotes")
      : t("sidebar.otherVersionBackupAnswer", [prompt]);
  if (version.from === "device")
    return prompt === undefined
      ? t("sidebar.otherVersionDeviceNotes")
      : t("sidebar.otherVersionDeviceAnswer", [prompt]);
  return prompt === undefined
    ? t("sidebar.otherVersionTabNotes")
    : t("sidebar.otherVersionTabAnswer", [prompt]);
}

/**
 * Text that two edits wrote over the same words at once, or a backup brought in beside what was
 * here. Nothing was chosen for the manager: both versions stay until they fold this one in or let
 * it go, in every view of the meeting.
 */
export function OtherVersions({ meeting }: { meeting: Meeting }) {
  const [error, setError] = useState<string>();
  const versions = meeting.otherVersions ?? [];
  if (versions.length === 0) return null;
  const act = (work: Promise<unknown>) =>
    work.then(
      () => setError(undefined),
      (e: unknown) => setError(errorMessage(e)),
    );
  return (
    <div className="other-versions" role="alert" data-testid="other-versions">
      {versions.map((version) => (
        <div
          key={`${version.savedAt}:${version.text.length}:${version.promptId ?? ""}`}
          className="other-version"
        >
          <p>
            <strong>{whereFrom(version)}.</strong> {t("sidebar.bothKept", [formatStart(version.savedAt)])}
          </p>
          <p className="text-version">{version.text}</p>
          <p className="row">
            <button
              type="button"
              onClick={() =>
                void act(foldInOtherVersion(prepDatabase(), meeting.id, version.savedAt, version.text))
              }
            >
              {version.promptId ? t("sidebar.addBelowAnswer") : t("sidebar.addBelowNotes")}
            </button>
            <button
              type="button"
              onClick={() =>
                void act(dismissOtherVersion(prepDatabase(), meeting.id, version.savedAt, version.text))
              }
            >
              {t("sidebar.letItGo")}
            </button>
          </p>
        </div>
      ))}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
