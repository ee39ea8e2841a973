import { useState } from "react";
import { formatStart } from "@/components/dates";
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
  const field = version.promptId
    ? `your answer to "${guidePrompt(version.promptId)?.text ?? version.promptId}"`
    : "these notes";
  if (version.from === "backup") return `A backup you imported had another version of ${field}`;
  const changed = version.promptId ? "was also changed" : "were also changed";
  return `${field[0]?.toUpperCase()}${field.slice(1)} ${changed} in another tab or window at the same time`;
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
            <strong>{whereFrom(version)}.</strong> Both versions are kept: yours is in the field, the other is
            here ({formatStart(version.savedAt)}).
          </p>
          <p className="text-version">{version.text}</p>
          <p className="row">
            <button
              type="button"
              onClick={() =>
                void act(foldInOtherVersion(prepDatabase(), meeting.id, version.savedAt, version.text))
              }
            >
              {version.promptId ? "Add it below my answer" : "Add it below my notes"}
            </button>
            <button
              type="button"
              onClick={() =>
                void act(dismissOtherVersion(prepDatabase(), meeting.id, version.savedAt, version.text))
              }
            >
              Let it go
            </button>
          </p>
        </div>
      ))}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
