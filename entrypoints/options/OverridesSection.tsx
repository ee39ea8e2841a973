import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import { t } from "@/components/i18n";
import { latestMeetingOfSeries, prepDatabase } from "@/lib/db";
import {
  type DetectionOverrides,
  readDetectionState,
  setDetectionOverride,
  watchDetectionState,
} from "@/lib/settings";

/** The "this is / is not a 1:1" choices made from the sidebar, each one undoable. */
export function OverridesSection() {
  const [overrides, setOverrides] = useState<DetectionOverrides>();
  useEffect(() => {
    void readDetectionState().then((s) => setOverrides(s.overrides));
    return watchDetectionState((s) => setOverrides(s.overrides));
  }, []);
  const ids = Object.keys(overrides ?? {});
  const titles = useLiveQuery(async () => {
    const db = prepDatabase();
    const found = new Map<string, string>();
    for (const seriesId of ids) {
      const meeting = await latestMeetingOfSeries(db, seriesId);
      if (meeting?.title) found.set(seriesId, meeting.title);
    }
    return found;
  }, [ids.join("\n")]);
  if (!overrides) return null;

  return (
    <section aria-labelledby="overrides-h">
      <h2 id="overrides-h">{t("options.overrides.heading")}</h2>
      {ids.length === 0 ? (
        <p className="quiet">{t("options.overrides.none")}</p>
      ) : (
        <ul className="items" data-testid="overrides">
          {ids.map((seriesId) => (
            <li key={seriesId} className="item">
              <span>
                <strong>{titles?.get(seriesId) ?? t("options.overrides.notOpened")}</strong>:{" "}
                {overrides[seriesId] ? t("options.overrides.always") : t("options.overrides.never")}
              </span>{" "}
              <button type="button" onClick={() => void setDetectionOverride(seriesId, undefined)}>
                {t("options.overrides.undo")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
