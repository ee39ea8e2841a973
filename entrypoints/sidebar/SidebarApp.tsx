import { useEffect, useState } from "react";
import { browser } from "wxt/browser";
import { applyRuleKind, findOrCreateMeeting, findOrCreatePerson, meetingsOf, prepDatabase } from "@/lib/db";
import { contextResponseSchema, type PrepEvent, type SidebarMessage } from "@/lib/messaging";
import { readDefaultCadence, readMeetingKindRules } from "@/lib/settings";
import { chooseMeetingKind } from "@/lib/templates";
import { PrepView } from "./PrepView";

type State =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; event: PrepEvent; personId: string; meetingId: string };

const frame = location.hash.slice(1);

export function dismissSidebar() {
  const message: SidebarMessage = { type: "prep:dismiss", frame };
  browser.runtime.sendMessage(message).catch(() => {});
}

/** The frame is going away with an edit unwritten: the background outlives it and writes it. */
export function flushNotes(meetingId: string, edit: { notes: string; editedAt: number }) {
  const message: SidebarMessage = { type: "notes:flush", frame, meetingId, ...edit };
  browser.runtime.sendMessage(message).catch(() => {});
}

/** Asks the background which event this frame belongs to, then opens that meeting's record. */
export function SidebarApp() {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const message: SidebarMessage = { type: "prep:context", frame };
      const response = contextResponseSchema.safeParse(await browser.runtime.sendMessage(message));
      if (!response.success) throw new Error("Open the event in Google Calendar to see its prep.");
      if (!response.data.ok) throw new Error(response.data.error);
      const event = response.data.event;
      const db = prepDatabase();
      const person = await findOrCreatePerson(db, {
        email: event.counterpart.email,
        displayName: event.counterpart.displayName ?? event.title,
        cadenceDays: await readDefaultCadence(),
      });
      const meeting = await findOrCreateMeeting(db, {
        personId: person.id,
        eventInstanceId: event.eventInstanceId,
        seriesId: event.seriesId,
        eid: event.eid,
        title: event.title,
        startsAt: event.startsAt,
      });
      // Monthly deep dive and career talk come round on their own, unless the manager chose a kind.
      const earlier = (await meetingsOf(db, person.id)).filter((m) => m.startsAt < meeting.startsAt);
      const rules = await readMeetingKindRules();
      await applyRuleKind(
        db,
        meeting.id,
        chooseMeetingKind({ startsAt: meeting.startsAt, previousMeetings: earlier, rules }),
      );
      if (!cancelled) setState({ status: "ready", event, personId: person.id, meetingId: meeting.id });
    })().catch((error: unknown) => {
      if (!cancelled) setState({ status: "error", message: errorMessage(error) });
    });
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

  if (state.status === "loading") return <p className="quiet pad">Loading prep…</p>;
  if (state.status === "error")
    return (
      <p className="error pad" role="alert">
        {state.message}
      </p>
    );
  return <PrepView event={state.event} personId={state.personId} meetingId={state.meetingId} />;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong.";
}
