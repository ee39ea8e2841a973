import { useState } from "react";
import { t } from "@/components/i18n";
import type { PrepEvent } from "@/lib/messaging";
import { setDetectionOverride } from "@/lib/settings";
import { detectionReason } from "./detection-reason";

/** Lets the manager correct the detector for the whole series; the choice is remembered. */
export function DetectionControls({ event }: { event: PrepEvent }) {
  const [error, setError] = useState<string>();
  const series = event.recurring ? t("sidebar.thisSeries") : t("sidebar.thisEvent");
  const set = (value: boolean | undefined) =>
    setDetectionOverride(event.seriesId, value).catch(() => setError(t("sidebar.choiceNotSaved")));

  return (
    <footer className="section detection">
      {event.override === true ? (
        <p>
          {t("sidebar.markedAsOneOnOne", [series])}{" "}
          <button type="button" className="link" onClick={() => set(undefined)}>
            {t("sidebar.letDetectionDecide")}
          </button>
        </p>
      ) : event.override === false ? (
        <p>
          {t("sidebar.markedNotOneOnOne", [series])}{" "}
          <button type="button" className="link" onClick={() => set(true)}>
            {t("sidebar.alwaysShow", [series])}
          </button>{" "}
          <button type="button" className="link" onClick={() => set(undefined)}>
            {t("sidebar.letDetectionDecide")}
          </button>
        </p>
      ) : event.detected ? (
        <p>
          <button type="button" className="link" onClick={() => set(false)}>
            {t("sidebar.notOneOnOne", [series])}
          </button>
        </p>
      ) : (
        <p>
          {t("sidebar.notDetected")}{" "}
          <button type="button" className="link" onClick={() => set(true)}>
            {t("sidebar.alwaysShow", [series])}
          </button>
        </p>
      )}
      <details>
        <summary>{t("sidebar.whyShows")}</summary>
        <p className="quiet" data-testid="detection-reason">
          {detectionReason(event)}
        </p>
      </details>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </footer>
  );
}
