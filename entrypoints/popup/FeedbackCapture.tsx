import { type FormEvent, type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { z } from "zod/mini";
import { FEEDBACK_DRAFT_KEY } from "@/components/feedback-draft";
import { languageInUse, t } from "@/components/i18n";
import { type PersonChoice, PersonPicker } from "@/components/PersonPicker";
import { useChunk } from "@/components/useChunk";
import { isSbiComplete, type SbiDraft, type SbiField, sbiFields } from "@/lib/feedback";
import { loadPopupData } from "./load-popup-data";
import { useDatabaseQuery } from "./useDatabaseQuery";

// The form is usable before the lint and the example sentences have loaded; they show the moment
// they are there. Without them (a chunk that failed to load) the form still saves.
const loadSbiHelp = () =>
  import("./sbi-help").catch((error: unknown) => {
    console.warn("1:1 Prep could not load the feedback hints.", error);
    return undefined;
  });

const draftSchema = z.object({
  person: z.optional(
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("existing"), personId: z.string().check(z.maxLength(64)) }),
      z.object({ kind: z.literal("new"), displayName: z.string().check(z.maxLength(200)) }),
    ]),
  ),
  newEmail: z._default(z.string().check(z.maxLength(320)), ""),
  situation: z._default(z.string().check(z.maxLength(5000)), ""),
  behavior: z._default(z.string().check(z.maxLength(5000)), ""),
  impact: z._default(z.string().check(z.maxLength(5000)), ""),
  request: z._default(z.string().check(z.maxLength(5000)), ""),
  // No default: praise filed as redirecting (or the reverse) because nobody chose is worse than
  // being asked.
  valence: z.optional(z.enum(["reinforcing", "redirecting"])),
});
type Draft = z.infer<typeof draftSchema>;
const emptyDraft: Draft = draftSchema.parse({});

/** The draft lives in this page's own storage, so closing the popup mid-sentence loses nothing. */
function loadDraft(): Draft {
  try {
    const parsed = draftSchema.safeParse(JSON.parse(localStorage.getItem(FEEDBACK_DRAFT_KEY) ?? "{}"));
    return parsed.success ? parsed.data : emptyDraft;
  } catch {
    return emptyDraft;
  }
}

const LABELS: Record<SbiField, () => string> = {
  situation: () => t("popup.situation"),
  behavior: () => t("popup.behavior"),
  impact: () => t("popup.impact"),
  request: () => t("popup.request"),
};

export function FeedbackCapture() {
  const id = useId();
  const [now] = useState(Date.now);
  // The database's code loads after the form's first render: the form is usable before the people
  // have loaded, and the list fills in when they have.
  const people = useDatabaseQuery((data) => data.peopleFor(now), [now]);
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  /** "Missing" warnings wait for a save attempt: an empty field is not yet a mistake. */
  const [triedToSave, setTriedToSave] = useState(false);

  useEffect(() => {
    if (draft === emptyDraft) localStorage.removeItem(FEEDBACK_DRAFT_KEY);
    else localStorage.setItem(FEEDBACK_DRAFT_KEY, JSON.stringify(draft));
  }, [draft]);

  const help = useChunk(loadSbiHelp);
  const findings = useMemo(
    () =>
      (help?.sbiLint(draft, languageInUse()) ?? []).filter(
        (f) => triedToSave || f.severity !== "warn" || !f.code.endsWith("-missing"),
      ),
    [help, draft, triedToSave],
  );
  const examples = help?.sbiExamplesFor(languageInUse())[draft.valence ?? "redirecting"];

  const update = (changes: Partial<Draft>) => {
    setSaved(undefined);
    setDraft((d) => ({ ...d, ...changes }));
  };

  const save = async () => {
    setTriedToSave(true);
    if (!draft.person) return setError(t("popup.chooseWho"));
    if (!draft.valence) return setError(t("popup.chooseKind"));
    if (!isSbiComplete(draft)) return setError(t("popup.fillSbi"));
    try {
      const data = await loadPopupData();
      let email: string | undefined;
      if (draft.person.kind === "new" && draft.newEmail.trim()) {
        email = data.readEmail(draft.newEmail);
        if (email === undefined) return setError(t("popup.badEmail"));
      }
      const sbi: SbiDraft = { ...draft, valence: draft.valence };
      const person = await data.queueFeedback(draft.person, email, sbi);
      if (!person) return setError(t("popup.personGone"));
      setDraft(emptyDraft);
      setTriedToSave(false);
      setError(undefined);
      setSaved(t("popup.queued", [person.displayName]));
    } catch {
      setError(t("popup.feedbackNotSaved"));
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  // Enter saves (Shift+Enter starts a new line); Ctrl/Cmd+Enter saves from anywhere in the form.
  const onKeyDown = (e: KeyboardEvent) => {
    const inTextarea = e.target instanceof HTMLTextAreaElement;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey || (inTextarea && !e.shiftKey))) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <form
      className="pad"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      aria-label={t("popup.captureForm")}
    >
      <PersonPicker
        // The form is usable at once; the list fills in when the people have loaded.
        people={people}
        value={draft.person}
        onChange={(person: PersonChoice | undefined) => update({ person })}
        label={t("popup.whoFor")}
      />
      {draft.person?.kind === "new" && (
        <div className="field">
          <label htmlFor={`${id}-email`}>{t("popup.theirEmail")}</label>
          <input
            id={`${id}-email`}
            type="email"
            value={draft.newEmail}
            maxLength={320}
            onChange={(e) => update({ newEmail: e.target.value })}
          />
        </div>
      )}
      <fieldset className="valence">
        <legend>{t("popup.kind")}</legend>
        {(["reinforcing", "redirecting"] as const).map((v) => (
          <label key={v}>
            <input
              type="radio"
              name={`${id}-valence`}
              value={v}
              checked={draft.valence === v}
              onChange={() => update({ valence: v })}
            />{" "}
            {v === "reinforcing" ? t("popup.reinforcing") : t("popup.redirecting")}
          </label>
        ))}
      </fieldset>
      {sbiFields.map((field) => {
        const own = findings.filter((f) => f.field === field);
        return (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{LABELS[field]()}</label>
            <textarea
              id={`${id}-${field}`}
              rows={2}
              maxLength={5000}
              placeholder={examples?.[field]}
              value={draft[field]}
              aria-describedby={own.length ? `${id}-${field}-lint` : undefined}
              onChange={(e) => update({ [field]: e.target.value })}
            />
            {own.length > 0 && (
              <div id={`${id}-${field}-lint`}>
                {own.map((f) => (
                  <p key={f.code} className={`finding ${f.severity}`} data-finding={f.code}>
                    {f.message}
                  </p>
                ))}
              </div>
            )}
          </div>
        );
      })}
      <div className="form-actions">
        <span className="quiet">{t("popup.enterToSave")}</span>
        <button type="submit">{t("popup.save")}</button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="success" aria-live="polite">
        {saved}
      </p>
    </form>
  );
}
