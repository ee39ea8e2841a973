import { useEffect, useId, useState } from "react";
import { t } from "@/components/i18n";
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
import { useOrganisationPolicy } from "./managed";
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
  const { run, view: status } = useSaveStatus(t("options.settings.couldNotSave"));
  const policy = useOrganisationPolicy();

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
      <h2 id={`${id}-h`}>{t("options.settings.heading")}</h2>
      {isManaged(policy) ? (
        <p className="managed-line" data-testid="managed-policy">
          {t("options.settings.managedLine")}
        </p>
      ) : null}
      <LanguageChoice />
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t("options.settings.myEmail")}</label>
          <input
            id={`${id}-email`}
            type="email"
            value={email}
            placeholder={t("options.settings.myEmailPlaceholder")}
            onChange={(e) => setEmail(e.target.value)}
            onBlur={() => run(setMyEmail(email))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cadence`}>{t("options.settings.defaultCadence")}</label>
          <select
            id={`${id}-cadence`}
            value={cadence}
            onChange={(e) => {
              const days = Number(e.target.value);
              setCadence(days);
              void run(setDefaultCadence(days));
            }}
          >
            <option value={7}>{t("options.settings.weekly")}</option>
            <option value={14}>{t("options.settings.every2Weeks")}</option>
            <option value={28}>{t("options.settings.every4Weeks")}</option>
          </select>
        </div>
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-kw`}>{t("options.settings.keywords")}</label>
          <textarea
            id={`${id}-kw`}
            rows={3}
            value={keywords}
            placeholder={t("options.settings.keywordsPlaceholder")}
            onChange={(e) => setKeywords(e.target.value)}
            onBlur={() =>
              run(setDetectionSettings({ keywords: lines(keywords), exclusions: lines(exclusions) }))
            }
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ex`}>{t("options.settings.exclusions")}</label>
          <textarea
            id={`${id}-ex`}
            rows={3}
            value={exclusions}
            placeholder={t("options.settings.exclusionsPlaceholder")}
            onChange={(e) => setExclusions(e.target.value)}
            onBlur={() =>
              run(setDetectionSettings({ keywords: lines(keywords), exclusions: lines(exclusions) }))
            }
          />
        </div>
      </div>
      <fieldset className="field">
        <legend>{t("options.settings.badge")}</legend>
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
            {scope === "all" ? t("options.settings.badgeAll") : t("options.settings.badgeMine")}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-monthly`}>{t("options.settings.monthlyDeepDive")}</label>
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
            <option value="first-of-month">{t("options.settings.firstOfMonth")}</option>
            <option value="off">{t("options.settings.kindOff")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-career`}>{t("options.settings.careerConversation")}</label>
          <select
            id={`${id}-career`}
            value={rules.careerEvery}
            onChange={(e) => {
              const next = { ...rules, careerEvery: e.target.value === "off" ? "off" : "quarter" } as const;
              setRules(next);
              void run(setMeetingKindRules(next));
            }}
          >
            <option value="quarter">{t("options.settings.onceAQuarter")}</option>
            <option value="off">{t("options.settings.whenIChoose")}</option>
          </select>
        </div>
      </div>
      {policy.companyDomain ? (
        <p data-testid="managed-company-domain">
          {t("options.settings.companyDomain")} <strong>{policy.companyDomain}</strong> —{" "}
          <span className="managed-note">{t("options.settings.setByOrganisation")}</span>
          <br />
          <span className="quiet">{t("options.settings.companyDomainHelp")}</span>
        </p>
      ) : null}
      {policy.syncAllowed !== undefined ? (
        <p data-testid="managed-sync">
          {t("options.settings.sync")}{" "}
          <span className="managed-note">
            {policy.syncAllowed ? t("options.settings.syncAllowed") : t("options.settings.syncOff")}
          </span>
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-off`}>{t("options.settings.sidebarOff")}</label>
        <textarea
          id={`${id}-off`}
          rows={2}
          value={offFor}
          placeholder={t("options.settings.sidebarOffPlaceholder")}
          onChange={(e) => setOffFor(e.target.value)}
          onBlur={() => run(setSidebarOffFor(lines(offFor)))}
        />
      </div>
      {status}
    </section>
  );
}
