import { useEffect, useId, useState } from "react";
import {
  type BadgeScope,
  type DetectionState,
  isManaged,
  readBadgeScope,
  readDefaultCadence,
  readDetectionState,
  readMeetingKindRules,
  setBadgeScope,
  setDefaultCadence,
  setDetectionSettings,
  setMeetingKindRules,
  setMyEmail,
  setSidebarOffFor,
  watchDetectionState,
} from "@/lib/settings";
import type { MeetingKindRules } from "@/lib/templates";
import { LanguageChoice } from "./LanguageChoice";
import { useManagedPolicy } from "./managed";
import { useSaveStatus } from "./status";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Small settings; each saves as soon as it changes, and detection picks them up at once. */
export function SettingsSection() {
  const id = useId();
  const [detection, setDetection] = useState<DetectionState>();
  const [badgeScope, setScope] = useState<BadgeScope>();
  const [cadence, setCadence] = useState<number>();
  const [rules, setRules] = useState<MeetingKindRules>();
  const [email, setEmail] = useState("");
  const [keywords, setKeywords] = useState("");
  const [exclusions, setExclusions] = useState("");
  const [offFor, setOffFor] = useState("");
  const { run, view: status } = useSaveStatus("Couldn't save that setting.");
  const policy = useManagedPolicy();

  useEffect(() => {
    const adopt = (state: DetectionState) => {
      setDetection(state);
      setEmail(state.myEmail ?? "");
      setKeywords(state.settings.keywords.join("\n"));
      setExclusions(state.settings.exclusions.join("\n"));
      setOffFor(state.sidebarOffFor.join("\n"));
    };
    void readDetectionState().then(adopt);
    void readBadgeScope().then(setScope);
    void readDefaultCadence().then(setCadence);
    void readMeetingKindRules().then(setRules);
    return watchDetectionState(adopt);
  }, []);

  if (!detection || !badgeScope || !cadence || !rules || !policy) return null;

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Settings</h2>
      {isManaged(policy) ? (
        <p className="managed-line" data-testid="managed-policy">
          Your organisation set some of these settings; only your IT can change them.
        </p>
      ) : null}
      <LanguageChoice />
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-email`}>My email</label>
          <input
            id={`${id}-email`}
            type="email"
            value={email}
            placeholder="Read from Google Calendar when it can be"
            onChange={(e) => setEmail(e.target.value)}
            onBlur={() => run(setMyEmail(email))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cadence`}>Default cadence for new people</label>
          <select
            id={`${id}-cadence`}
            value={cadence}
            onChange={(e) => {
              const days = Number(e.target.value);
              setCadence(days);
              void run(setDefaultCadence(days));
            }}
          >
            <option value={7}>weekly</option>
            <option value={14}>every 2 weeks</option>
            <option value={28}>every 4 weeks</option>
          </select>
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-kw`}>Also treat titles with these words as 1:1s (one per line)</label>
          <textarea
            id={`${id}-kw`}
            rows={3}
            value={keywords}
            placeholder="mentoring"
            onChange={(e) => setKeywords(e.target.value)}
            onBlur={() =>
              run(setDetectionSettings({ keywords: lines(keywords), exclusions: lines(exclusions) }))
            }
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ex`}>Never treat titles with these words as 1:1s (one per line)</label>
          <textarea
            id={`${id}-ex`}
            rows={3}
            value={exclusions}
            placeholder="standup"
            onChange={(e) => setExclusions(e.target.value)}
            onBlur={() =>
              run(setDetectionSettings({ keywords: lines(keywords), exclusions: lines(exclusions) }))
            }
          />
        </div>
      </div>
      <fieldset className="field">
        <legend>The toolbar badge counts overdue action items</legend>
        {(["all", "mine"] as const).map((scope) => (
          <label key={scope}>
            <input
              type="radio"
              name={`${id}-badge`}
              checked={badgeScope === scope}
              onChange={() => {
                setScope(scope);
                void run(setBadgeScope(scope));
              }}
            />{" "}
            {scope === "all" ? "all of them" : "only mine"}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-monthly`}>Monthly deep dive</label>
          <select
            id={`${id}-monthly`}
            value={rules.monthlyDeepDive}
            onChange={(e) => {
              const next = {
                ...rules,
                monthlyDeepDive: e.target.value === "off" ? "off" : "first-of-month",
              } as const;
              setRules(next);
              void run(setMeetingKindRules(next));
            }}
          >
            <option value="first-of-month">the first 1:1 of each month</option>
            <option value="off">off</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-career`}>Career conversation</label>
          <select
            id={`${id}-career`}
            value={rules.careerEvery}
            onChange={(e) => {
              const next = { ...rules, careerEvery: e.target.value === "off" ? "off" : "quarter" } as const;
              setRules(next);
              void run(setMeetingKindRules(next));
            }}
          >
            <option value="quarter">once a quarter</option>
            <option value="off">only when I choose it</option>
          </select>
        </div>
      </div>
      {policy.companyDomain ? (
        <p data-testid="managed-company-domain">
          Company domain: <strong>{policy.companyDomain}</strong> —{" "}
          <span className="managed-note">set by your organisation</span>
          <br />
          <span className="quiet">
            Guests with an address there count as colleagues when Calendar doesn't show your own address.
          </span>
        </p>
      ) : null}
      {policy.syncAllowed !== undefined ? (
        <p data-testid="managed-sync">
          Sync across devices:{" "}
          <span className="managed-note">
            {policy.syncAllowed ? "allowed by your organisation" : "turned off by your organisation"}
          </span>
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-off`}>
          Keep the sidebar off for these Calendar accounts (one email per line)
        </label>
        <textarea
          id={`${id}-off`}
          rows={2}
          value={offFor}
          placeholder="personal@example.com"
          onChange={(e) => setOffFor(e.target.value)}
          onBlur={() => run(setSidebarOffFor(lines(offFor)))}
        />
      </div>
      {status}
    </section>
  );
}
