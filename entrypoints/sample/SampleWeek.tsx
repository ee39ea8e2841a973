import { useEffect, useState } from "react";
import { CALENDAR_WEEK_URL, formatDay } from "@/components/dates";
import { languageInUse, t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";
import {
  deleteSample,
  openSampleDatabase,
  prepDatabase,
  SAMPLE_PERSON,
  SAMPLE_SERIES_ID,
  sampleContentFor,
  sampleEventInstance,
} from "@/lib/db";
import type { PrepEvent } from "@/lib/messaging";
import { openFirstPrep } from "../sidebar/first-prep";
import { type FirstPrep, PrepView } from "../sidebar/PrepView";

/** Today's sample 1:1, as the content script would describe it from Calendar's page. */
function sampleEvent(now: number, title: string): PrepEvent {
  const { eventInstanceId, startsAt } = sampleEventInstance(now);
  return {
    eventInstanceId,
    seriesId: SAMPLE_SERIES_ID,
    title,
    startsAt,
    endsAt: startsAt + 30 * 60_000,
    recurring: true,
    counterpart: { ...SAMPLE_PERSON },
    detected: true,
    reason: "Title says 1:1",
    because: { code: "marker" },
  };
}

async function openSample(): Promise<FirstPrep> {
  const now = Date.now();
  const language = languageInUse();
  const db = await openSampleDatabase(now, language);
  // Always the everyday weekly 1:1, whatever day the sample is opened on; the kind can still be switched.
  return openFirstPrep(db, sampleEvent(now, sampleContentFor(language).title), {
    cadenceDays: 7,
    rules: { monthlyDeepDive: "off", careerEvery: "off" },
  });
}

/**
 * A sample week with one 1:1, and its prep beside it as it would be in Google Calendar: the real
 * sidebar, on a database of the sample's own, so trying it out leaves the manager's notes as
 * they were.
 */
export function SampleWeek() {
  const [first, setFirst] = useState<FirstPrep>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    openSample().then(setFirst, (failure: unknown) =>
      setError(problemText(failure, t("pages.sampleFailed"))),
    );
  }, []);

  const startOver = async () => {
    await deleteSample(prepDatabase());
    location.reload();
  };

  return (
    <div className="sample">
      <header className="sample-banner">
        <p>
          <strong>{t("pages.sampleIs")}</strong> {t("pages.sampleTry")}
        </p>
        <div className="sample-actions">
          <button type="button" onClick={() => void startOver()}>
            {t("pages.startOver")}
          </button>
          <a className="button primary" href={CALENDAR_WEEK_URL}>
            {t("pages.openCalendar")}
          </a>
        </div>
      </header>
      <div className="sample-stage">
        <section className="sample-event" aria-label={t("pages.sampleEvent")}>
          <p className="sample-calendar-label">Google Calendar</p>
          <h1>{sampleContentFor(languageInUse()).title}</h1>
          {first?.meeting && (
            <p className="quiet">{t("pages.sampleWhen", [formatDay(first.meeting.startsAt)])}</p>
          )}
          <h2>{t("pages.twoGuests")}</h2>
          <ul>
            <li>{t("pages.youOrganizer")}</li>
            <li>{SAMPLE_PERSON.displayName}</li>
          </ul>
          <p className="quiet">{t("pages.sampleExplain")}</p>
        </section>
        <div className="sample-sidebar">
          {error ? (
            <p className="error pad" role="alert">
              {error}
            </p>
          ) : first ? (
            <PrepView first={first} sample />
          ) : (
            <p className="quiet pad">{t("pages.sampleLoading")}</p>
          )}
        </div>
      </div>
    </div>
  );
}
