import { useEffect, useState } from "react";
import { browser } from "wxt/browser";
import { t } from "@/components/i18n";
import { openPrepDatabase, prepDatabase } from "@/lib/db";
import {
  type ContextResponse,
  contextResponseSchema,
  type PrepEvent,
  type SidebarMessage,
} from "@/lib/messaging";
import { refusalError } from "@/lib/problem";
import { readDefaultCadence, readMeetingKindRules, setMyEmail } from "@/lib/settings";
import { openFirstPrep } from "./first-prep";
import { dismissSidebar, errorMessage, frame, nextShownKey } from "./frame";
import { type FirstPrep, PrepView } from "./PrepView";

type State =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "unidentified"; title: string }
  | { status: "choose"; candidates: Candidate[] }
  | ({ status: "ready" } & FirstPrep);

/** Settles either way, so starting it early never leaves an unhandled rejection behind. */
function early<T>(start: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return Promise.resolve()
    .then(start)
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
}

async function settled<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>,
): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** How long a refused ask waits for a later "you are shown" before the refusal is shown. */
const REFUSAL_SHOWN_AFTER_MS = 3000;

/**
 * Waits until the content script shows this frame, then asks the background for its event. A
 * refusal (a page posting a made-up key first) waits a moment for the real one before it stands.
 */
async function contextWhenShown(): Promise<ContextResponse | undefined> {
  let refused: ContextResponse | undefined;
  for (;;) {
    const key = await nextShownKey(refused ? REFUSAL_SHOWN_AFTER_MS : undefined);
    if (key === undefined) return refused;
    const message: SidebarMessage = { type: "prep:context", frame, key };
    const response = contextResponseSchema.safeParse(await browser.runtime.sendMessage(message));
    if (!response.success) return undefined;
    if (response.data.ok) return response.data;
    refused = response.data;
  }
}

// Started as this module loads, before React's first render: the frame's event from the
// background, the database connection and the two settings the prep needs do not wait on each other.
const starting = {
  context: early(() => contextWhenShown()),
  database: early(() => openPrepDatabase()),
  cadence: early(() => readDefaultCadence()),
  rules: early(() => readMeetingKindRules()),
};

/** Asks the background which event this frame belongs to, then opens that meeting's record. */
type Candidate = NonNullable<PrepEvent["candidates"]>[number];

async function loadFirstPrep(): Promise<FirstPrep | { unidentified: string } | { choose: Candidate[] }> {
  const response = await settled(starting.context);
  if (!response) throw new Error(t("sidebar.openInCalendar"));
  if (!response.ok) throw refusalError(response);
  const event = response.event;
  // Notes filed under a guess could be another event's: say so, and file nothing.
  if (event.unidentified) return { unidentified: event.title };
  // Two guests and no telling which is the manager: ask, rather than file notes under a guess.
  if (event.candidates && !event.counterpart.email) return { choose: event.candidates };
  await settled(starting.database);
  return openFirstPrep(prepDatabase(), event, {
    cadenceDays: await settled(starting.cadence),
    rules: await settled(starting.rules),
  });
}

export function SidebarApp() {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    loadFirstPrep().then(
      (first) => {
        if (cancelled) return;
        setState(
          "unidentified" in first
            ? { status: "unidentified", title: first.unidentified }
            : "choose" in first
              ? { status: "choose", candidates: first.choose }
              : { status: "ready", ...first },
        );
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: "error", message: errorMessage(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) dismissSidebar();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  if (state.status === "loading") return <p className="quiet pad">{t("sidebar.loading")}</p>;
  if (state.status === "error")
    return (
      <p className="error pad" role="alert">
        {state.message}
      </p>
    );
  if (state.status === "unidentified")
    return (
      <p className="pad" role="status" data-testid="unidentified-event">
        {t("sidebar.unidentified", [state.title])}
      </p>
    );
  if (state.status === "choose") return <ChooseCounterpart candidates={state.candidates} />;
  const { status: _, ...first } = state;
  // A new meeting is a new view: nothing ticked or shown once for one person carries to another.
  return <PrepView key={first.meeting.id} first={first} />;
}

const nameOf = (candidate: Candidate) =>
  candidate.displayName ?? candidate.email ?? t("sidebar.unnamedGuest");

/**
 * The page doesn't show which guest is the manager. Choosing the report records the other as the
 * manager's own address, once: the page then opens the prep for the report, and never asks again.
 */
function ChooseCounterpart({ candidates }: { candidates: Candidate[] }) {
  const [error, setError] = useState<string>();
  const choose = (report: Candidate) => {
    const me = candidates.find((c) => c !== report);
    if (!me?.email) {
      setError(t("sidebar.otherGuestNoEmail"));
      return;
    }
    setMyEmail(me.email).catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <section className="pad" aria-labelledby="choose-heading">
      <h1 id="choose-heading">{t("sidebar.chooseHeading")}</h1>
      <p>{t("sidebar.chooseExplain")}</p>
      <div className="action-form-row">
        {candidates.map((candidate) => (
          <button
            key={candidate.email ?? candidate.displayName}
            type="button"
            title={candidate.email}
            onClick={() => choose(candidate)}
          >
            {nameOf(candidate)}
          </button>
        ))}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
