import { useEffect, useState } from "react";
import { browser } from "wxt/browser";
import { t } from "@/components/i18n";
import { prepDatabase, recordTimedMeeting } from "@/lib/db";
import type { PageMessage } from "@/lib/messaging";
import type { AgendaSectionTemplate } from "@/lib/templates";
import {
  actualMinutes,
  boxClock,
  extendBox,
  moveOn,
  type RunningTimer,
  readRunningTimer,
  saveRunningTimer,
  skipBox,
  startTimer,
  timerNow,
  watchRunningTimer,
} from "@/lib/timer";

/** The minutes a box can be given more, as buttons. */
const EXTENSIONS = [2, 5] as const;

interface Props {
  meetingId: string;
  personId: string;
  name: string;
  /** the agenda's sections with their time boxes, already fitted to the event's length */
  sections: readonly AgendaSectionTemplate[];
}

/** "4:59 left", "0:30 over": the box's clock, in the pages' language. */
function timeLeft(msLeft: number): string {
  const clock = boxClock(msLeft);
  return msLeft < 0 ? t("sidebar.minutesOver", [clock]) : t("sidebar.minutesLeft", [clock]);
}

/** The badge counts from the stored timer; this wakes a sleeping worker to read it. */
function refreshBadge() {
  const message: PageMessage = { type: "badge:refresh" };
  browser.runtime.sendMessage(message).catch(() => {});
}

/** Records what a timer measured: the meeting was held, and took these minutes per box. */
async function endTimer(timer: RunningTimer, now: number) {
  await recordTimedMeeting(prepDatabase(), timer.meetingId, actualMinutes(timer, now));
  await saveRunningTimer(undefined);
}

/**
 * Runs the 1:1's time boxes in order. Its state is kept by the extension as absolute times, so
 * closing the dialog or the tab and coming back shows the same box and time left.
 */
export function MeetingTimer({ meetingId, personId, name, sections }: Props) {
  const [timer, setTimer] = useState<RunningTimer | undefined | "loading">("loading");
  const [now, setNow] = useState(() => Date.now());
  const [askReplace, setAskReplace] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    readRunningTimer().then((t) => live && setTimer(t));
    const stop = watchRunningTimer((t) => setTimer(t));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const running = timer !== "loading" && timer?.meetingId === meetingId ? timer : undefined;
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  if (timer === "loading") return null;

  const save = (next: RunningTimer | undefined) => {
    saveRunningTimer(next).then(
      () => {
        setError(undefined);
        refreshBadge();
      },
      () => setError(t("sidebar.timerNotSaved")),
    );
  };
  const start = async () => {
    const at = Date.now();
    if (timer && timer.meetingId !== meetingId) await endTimer(timer, at);
    const plan = sections.map((s) => ({ section: s.key, title: s.title, minutes: s.minutes }));
    save(startTimer({ meetingId, personId, name }, plan, at));
    setAskReplace(false);
    setNow(at);
  };
  const failed = () => setError(t("common.couldNotSave"));

  if (!running) {
    const other = timer;
    return (
      <div className="meeting-timer">
        {askReplace && other ? (
          <div role="alertdialog" aria-label={t("sidebar.anotherRunning")}>
            <p>{t("sidebar.anotherRunningText", [other.name])}</p>
            <div className="meeting-timer-controls">
              <button type="button" className="primary" onClick={() => start().catch(failed)}>
                {t("sidebar.endAndStart")}
              </button>
              <button type="button" onClick={() => setAskReplace(false)}>
                {t("sidebar.keepRunning")}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => (other ? setAskReplace(true) : start().catch(failed))}
          >
            {t("sidebar.start")}
          </button>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }

  const current = timerNow(running, now);
  const timeUp = current !== undefined && current.msLeft <= 0;
  return (
    <div className="meeting-timer running" data-testid="meeting-timer">
      <ol className="meeting-timer-boxes" aria-label={t("sidebar.timeBoxes")}>
        {running.boxes.map((box, i) => (
          <li
            key={box.section}
            className={
              i === running.current
                ? timeUp
                  ? "current over"
                  : "current"
                : i < running.current
                  ? "done"
                  : ""
            }
            aria-current={i === running.current ? "step" : undefined}
          >
            <span className="meeting-timer-title">{box.title}</span>{" "}
            <span className="meeting-timer-minutes">
              {i === running.current && current
                ? timeLeft(current.msLeft)
                : box.skipped
                  ? t("sidebar.skipped")
                  : t("sidebar.minutes", [String(box.plannedMinutes + box.extraMinutes)])}
            </span>
          </li>
        ))}
      </ol>
      <p className="meeting-timer-alert" aria-live="polite">
        {timeUp && current ? t("sidebar.timeUp", [current.box.title]) : ""}
        {!current ? t("sidebar.allBoxesDone") : ""}
      </p>
      <div className="meeting-timer-controls">
        {current && (
          <>
            <button
              type="button"
              className={timeUp ? "primary" : undefined}
              onClick={() => save(moveOn(running, Date.now()))}
            >
              {current.isLast ? t("sidebar.finishBox") : t("sidebar.nextBox")}
            </button>
            {EXTENSIONS.map((minutes) => (
              <button
                key={minutes}
                type="button"
                aria-label={t("sidebar.extendBy", [String(minutes)])}
                onClick={() => save(extendBox(running, minutes))}
              >
                +{minutes} min
              </button>
            ))}
            <button type="button" onClick={() => save(skipBox(running, Date.now()))}>
              {t("sidebar.skip")}
            </button>
          </>
        )}
        <button
          type="button"
          className={current ? undefined : "primary"}
          onClick={() =>
            endTimer(running, Date.now()).then(() => {
              setError(undefined);
              refreshBadge();
            }, failed)
          }
        >
          {t("sidebar.end")}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
