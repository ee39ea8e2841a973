import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { languageInUse, t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";
import { purposeLabel } from "@/components/question-purposes";
import { type QuestionPurpose, questionLint, questionPurposes } from "@/lib/questions";
import {
  applyTemplateOverrides,
  defaultTemplatesFor,
  type GuidePromptOverride,
  type OwnQuestion,
  readTemplateOverrides,
  setTemplateOverrides,
  TEMPLATE_LIMITS,
  type TemplateOverrides,
  updateTemplateOverrides,
  type WeeklySectionOverride,
  watchTemplateOverrides,
} from "@/lib/settings";
import { type AgendaSection, type ConversationGuide, plannedMinutes } from "@/lib/templates";

type Part = "weekly" | "monthly" | "career" | "questions" | "all";

interface Status {
  /** Where the change was made, so the note shows beside it rather than at the far end of the page. */
  part: Part;
  error: boolean;
  text: string;
  /** What the overrides were before a reset, for its Undo. */
  undo?: TemplateOverrides;
}

type Change = (current: TemplateOverrides) => TemplateOverrides;

const partStyle = { border: "1px solid var(--line)", borderRadius: 6, margin: "12px 0", padding: "8px 12px" };
/** A group inside a part: named by its legend, without a second frame. */
const plainGroup = { border: 0, padding: 0, margin: "0 0 8px", minWidth: 0 };

/**
 * The weekly, monthly and career templates and the user's own questions. Users change the
 * wording and time boxes, not the structure: sections and prompts keep their ids, so notes
 * and answers from earlier 1:1s still line up with them. A field left empty goes back to its
 * default. Each edit saves when the field is left, and the sidebar follows at once.
 */
export function TemplatesSection() {
  const id = useId();
  const [overrides, setOverrides] = useState<TemplateOverrides>();
  const [status, setStatus] = useState<Status>();

  useEffect(() => {
    void readTemplateOverrides().then(setOverrides);
    return watchTemplateOverrides(setOverrides);
  }, []);

  if (!overrides) return null;
  // The defaults in the pages' language: what a field shows until it is edited, and what it goes back to.
  const defaultTemplates = defaultTemplatesFor(languageInUse());
  const effective = applyTemplateOverrides(defaultTemplates, overrides);

  /** Rejects when the write fails, so a field keeps what was typed. */
  const save = (part: Part, change: Change, reset?: string): Promise<void> => {
    let before: TemplateOverrides = {};
    return updateTemplateOverrides((current) => {
      before = current;
      return change(current);
    }).then(
      (next) => {
        setOverrides(next);
        setStatus(
          reset
            ? { part, error: false, text: reset, undo: before }
            : { part, error: false, text: t("templates.saved") },
        );
      },
      (error: unknown) => {
        setStatus({
          part,
          error: true,
          text: problemText(error, t("templates.couldNotSave")),
        });
        throw error;
      },
    );
  };
  const reset = (part: Part, what: string, change: Change) =>
    save(part, change, t("templates.resetDone", [what])).catch(() => {});
  const undo = (part: Part, previous: TemplateOverrides) =>
    setTemplateOverrides(previous).then(
      (next) => {
        setOverrides(next);
        setStatus({ part, error: false, text: t("templates.restored") });
      },
      () => setStatus({ part, error: true, text: t("templates.couldNotUndo") }),
    );
  const note = (part: Part) =>
    status?.part === part && (
      <p className={status.error ? "error" : "saved-note"} role={status.error ? "alert" : "status"}>
        {status.text}
        {status.undo && (
          <>
            {" "}
            <button type="button" className="link" onClick={() => status.undo && undo(part, status.undo)}>
              {t("templates.undo")}
            </button>
          </>
        )}
      </p>
    );

  return (
    <section aria-labelledby={`${id}-h`} data-testid="templates">
      <h2 id={`${id}-h`}>{t("templates.heading")}</h2>
      <p className="quiet">{t("templates.intro")}</p>

      <fieldset style={partStyle}>
        <legend>{t("templates.weekly")}</legend>
        {defaultTemplates.weekly.sections.map((section, i) => {
          const current = effective.weekly.sections[i] ?? section;
          const set = (field: keyof WeeklySectionOverride, value: string | number | null | undefined) =>
            save("weekly", (o) => withWeekly(o, section.key, field, value));
          return (
            <fieldset key={section.key} className="row" style={plainGroup}>
              <legend style={{ fontWeight: 600, padding: "8px 0 2px" }}>{section.title}</legend>
              <TextField
                label={t("templates.title")}
                context={section.title}
                value={current.title}
                fallback={section.title}
                maxLength={TEMPLATE_LIMITS.title}
                onCommit={(text) => set("title", text === section.title ? undefined : text || undefined)}
              />
              <MinutesField
                context={section.title}
                value={current.minutes}
                fallback={section.minutes}
                onCommit={(minutes) =>
                  set("minutes", minutes === section.minutes ? undefined : (minutes ?? null))
                }
              />
              <TextField
                label={t("templates.prompt")}
                context={section.title}
                value={current.prompt}
                fallback={section.prompt}
                maxLength={TEMPLATE_LIMITS.prompt}
                wide
                onCommit={(text) => set("prompt", text === section.prompt ? undefined : text || undefined)}
              />
            </fieldset>
          );
        })}
        <WeeklyTotal minutes={plannedMinutes(effective.weekly)} />
        <button
          type="button"
          onClick={() => reset("weekly", t("templates.weekly"), (o) => ({ ...o, weekly: undefined }))}
        >
          {t("templates.resetWeekly")}
        </button>
        {note("weekly")}
      </fieldset>

      {([effective.monthly, effective.career] as const).map((guide) => {
        const part = guide.kind;
        const defaults = part === "monthly" ? defaultTemplates.monthly : defaultTemplates.career;
        return (
          <GuideFields
            key={part}
            guide={guide}
            defaults={defaults}
            onCommit={(promptId, field, text) => save(part, (o) => withPrompt(o, promptId, field, text))}
            onReset={() => reset(part, defaults.title, (o) => withoutPrompts(o, promptIdsOf(defaults)))}
          >
            {note(part)}
          </GuideFields>
        );
      })}

      <OwnQuestions
        questions={overrides.questions ?? []}
        onChange={(change) => save("questions", (o) => ({ ...o, questions: change(o.questions ?? []) }))}
        onReset={() =>
          reset("questions", t("templates.yourQuestions"), (o) => ({ ...o, questions: undefined }))
        }
      >
        {note("questions")}
      </OwnQuestions>

      <p>
        <button type="button" onClick={() => reset("all", t("templates.allTemplates"), () => ({}))}>
          {t("templates.resetAll")}
        </button>
      </p>
      {note("all")}
    </section>
  );
}

function GuideFields({
  guide,
  defaults,
  onCommit,
  onReset,
  children,
}: {
  guide: ConversationGuide;
  defaults: ConversationGuide;
  onCommit: (promptId: string, field: keyof GuidePromptOverride, text: string | undefined) => Promise<void>;
  onReset: () => void;
  children?: ReactNode;
}) {
  return (
    <fieldset style={partStyle}>
      <legend>{defaults.title}</legend>
      {defaults.sections.map((section, s) => (
        <div key={section.key}>
          <h3>{section.title}</h3>
          {section.prompts.map((prompt, p) => {
            const current = guide.sections[s]?.prompts[p] ?? prompt;
            const context = `${section.title}:`;
            return (
              <div key={prompt.id} className="row">
                <TextField
                  label={
                    prompt.kind === "score"
                      ? t("templates.questionScore", [String(p + 1)])
                      : t("templates.question", [String(p + 1)])
                  }
                  context={context}
                  value={current.text}
                  fallback={prompt.text}
                  maxLength={TEMPLATE_LIMITS.prompt}
                  onCommit={(text) =>
                    onCommit(prompt.id, "text", text === prompt.text ? undefined : text || undefined)
                  }
                />
                <TextField
                  label={t("templates.hint", [String(p + 1)])}
                  context={context}
                  value={current.hint ?? ""}
                  fallback={prompt.hint ?? ""}
                  maxLength={TEMPLATE_LIMITS.prompt}
                  onCommit={(text) =>
                    onCommit(prompt.id, "hint", text === prompt.hint ? undefined : text || undefined)
                  }
                />
              </div>
            );
          })}
        </div>
      ))}
      <button type="button" onClick={onReset}>
        {t("templates.resetGuide", [defaults.title])}
      </button>
      {children}
    </fieldset>
  );
}

interface FieldProps<T> {
  /** Shown; `context` before it is read out too, so every field has a name of its own. */
  label: string;
  context: string;
  value: T;
  fallback: T;
  onCommit: (value: T) => Promise<void>;
}

/**
 * Holds what is typed until the field is left, then saves it once. The typed text stays on
 * screen until the save lands (or fails), so nothing jumps back in between.
 */
function useDraft(onCommit: (text: string) => Promise<void> | undefined) {
  const [draft, setDraft] = useState<string>();
  const commit = (text = draft) => {
    if (text === undefined) return;
    const saving = onCommit(text);
    if (!saving) return;
    saving.then(
      () => setDraft(undefined),
      () => {},
    );
  };
  return { draft, setDraft, commit };
}

function TextField({
  label,
  context,
  value,
  fallback,
  maxLength,
  wide,
  onCommit,
}: FieldProps<string> & { maxLength: number; wide?: boolean }) {
  const id = useId();
  const { draft, setDraft, commit } = useDraft((typed) => {
    const text = typed.trim();
    if (text === value || (text === "" && value === fallback)) {
      setDraft(undefined);
      return undefined;
    }
    return onCommit(text);
  });
  const changed = value !== fallback && fallback !== "";
  return (
    <div className="field" style={wide ? { flexBasis: "100%" } : undefined}>
      <Label id={id} context={context}>
        {label}
      </Label>
      <input
        id={id}
        type="text"
        value={draft ?? value}
        maxLength={maxLength}
        placeholder={fallback}
        aria-describedby={changed ? `${id}-default` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
      {changed && (
        <span id={`${id}-default`} className="quiet">
          {t("templates.default", [fallback])}
        </span>
      )}
    </div>
  );
}

/** Most 1:1s are booked for half an hour. */
const USUAL_MINUTES = 30;

/** The time boxes' sum, and a word when it won't fit the usual half hour. */
function WeeklyTotal({ minutes }: { minutes: number }) {
  return (
    <p data-testid="weekly-total" aria-live="polite">
      {t("templates.total", [String(minutes)])}{" "}
      {minutes > USUAL_MINUTES ? (
        <span className="error">{t("templates.tooLong", [String(USUAL_MINUTES)])}</span>
      ) : minutes < USUAL_MINUTES ? (
        <span className="quiet">
          {t("templates.unboxed", [String(USUAL_MINUTES), String(USUAL_MINUTES - minutes)])}
        </span>
      ) : (
        <span className="quiet">{t("templates.fits", [String(USUAL_MINUTES)])}</span>
      )}
    </p>
  );
}

/** Whole minutes, 0–120; empty means "if time": the section gets what is left. */
function MinutesField({ context, value, fallback, onCommit }: Omit<FieldProps<number | undefined>, "label">) {
  const id = useId();
  const [error, setError] = useState<string>();
  const { draft, setDraft, commit } = useDraft((typed) => {
    const text = typed.trim();
    const minutes = text === "" ? undefined : Number(text);
    if (minutes !== undefined && !(Number.isInteger(minutes) && minutes >= 0 && minutes <= 120)) {
      setError(t("templates.minutesError", [String(TEMPLATE_LIMITS.minutes)]));
      return undefined;
    }
    setError(undefined);
    if (minutes === value) {
      setDraft(undefined);
      return undefined;
    }
    return onCommit(minutes);
  });
  const changed = value !== fallback;
  return (
    <div className="field" style={{ flex: "0 0 9em" }}>
      <Label id={id} context={context}>
        {t("templates.minutes")}
      </Label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={TEMPLATE_LIMITS.minutes}
        step={1}
        value={draft ?? value ?? ""}
        placeholder={t("templates.ifTime")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : changed ? `${id}-default` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
      {changed && (
        <span id={`${id}-default`} className="quiet">
          {t("templates.default", [
            fallback === undefined ? t("templates.ifTime") : t("templates.minutesValue", [String(fallback)]),
          ])}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A visible label whose context (the section it belongs to) is read out but not repeated on screen. */
function Label({ id, context, children }: { id: string; context: string; children: ReactNode }) {
  return (
    <label htmlFor={id}>
      <span className="visually-hidden">{context} </span>
      {children}
    </label>
  );
}

/**
 * The user's own questions, added to the bank and rotated with it. Closed or leading ones are
 * still saved (the user may have a reason) but say so, with an open rewrite where there is one.
 */
function OwnQuestions({
  questions,
  onChange,
  onReset,
  children,
}: {
  questions: readonly OwnQuestion[];
  /** Rejects when the write fails; the status note says so. */
  onChange: (change: (current: OwnQuestion[]) => OwnQuestion[]) => Promise<void>;
  onReset: () => void;
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [purpose, setPurpose] = useState<QuestionPurpose>("context");
  const full = questions.length >= TEMPLATE_LIMITS.questions;

  const add = (e: FormEvent) => {
    e.preventDefault();
    const question = text.trim();
    if (!question || full) return;
    const added: OwnQuestion = { id: `custom.${crypto.randomUUID()}`, purpose, text: question };
    onChange((current) => [...current, added]).then(
      () => setText(""),
      () => {},
    );
  };
  const edit = (questionId: string, patch: Partial<OwnQuestion>) =>
    onChange((current) => current.map((q) => (q.id === questionId ? { ...q, ...patch } : q)));

  return (
    <fieldset style={partStyle}>
      <legend>{t("templates.ownHeading")}</legend>
      <p className="quiet">{t("templates.ownIntro")}</p>
      {questions.length > 0 && (
        <ol className="items" data-testid="own-questions">
          {questions.map((q, i) => (
            <OwnQuestionRow
              key={q.id}
              question={q}
              index={i}
              onEdit={(patch) => edit(q.id, patch)}
              onRemove={() => onChange((current) => current.filter((c) => c.id !== q.id)).catch(() => {})}
            />
          ))}
        </ol>
      )}
      <form className="row" onSubmit={add}>
        <div className="field">
          <label htmlFor={`${id}-new`}>{t("templates.newQuestion")}</label>
          <input
            id={`${id}-new`}
            type="text"
            value={text}
            maxLength={TEMPLATE_LIMITS.question}
            placeholder={t("sidebar.ownQuestionPlaceholder")}
            aria-describedby={questionLint(text, languageInUse()).ok ? undefined : `${id}-new-lint`}
            onChange={(e) => setText(e.target.value)}
          />
          <LintNote id={`${id}-new-lint`} text={text} onRewrite={setText} />
        </div>
        <div className="field" style={{ flex: "0 0 auto" }}>
          <label htmlFor={`${id}-purpose`}>{t("templates.purpose")}</label>
          <select
            id={`${id}-purpose`}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as QuestionPurpose)}
          >
            <PurposeOptions />
          </select>
        </div>
        <div className="field" style={{ flex: "0 0 auto", alignSelf: "center" }}>
          <button type="submit" disabled={full}>
            {t("templates.addQuestion")}
          </button>
        </div>
      </form>
      {full && <p className="quiet">{t("templates.most", [String(TEMPLATE_LIMITS.questions)])}</p>}
      <button type="button" onClick={onReset}>
        {t("templates.resetQuestions")}
      </button>
      {children}
    </fieldset>
  );
}

function OwnQuestionRow({
  question,
  index,
  onEdit,
  onRemove,
}: {
  question: OwnQuestion;
  index: number;
  onEdit: (patch: Partial<OwnQuestion>) => Promise<void>;
  onRemove: () => void;
}) {
  const id = useId();
  // An emptied question is put back rather than deleted: removing is the Remove button's job.
  const { draft, setDraft, commit } = useDraft((typed) => {
    const text = typed.trim();
    if (text === "" || text === question.text) {
      setDraft(undefined);
      return undefined;
    }
    return onEdit({ text });
  });
  const shown = draft ?? question.text;
  return (
    <li className="item" style={{ display: "block" }}>
      <div className="row">
        <div className="field">
          <label htmlFor={id} className="visually-hidden">
            Your question {index + 1}
          </label>
          <input
            id={id}
            type="text"
            value={shown}
            maxLength={TEMPLATE_LIMITS.question}
            aria-describedby={questionLint(shown, languageInUse()).ok ? undefined : `${id}-lint`}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => commit()}
            onKeyDown={(e) => {
              if (e.key === "Enter") commit();
            }}
          />
          <LintNote
            id={`${id}-lint`}
            text={shown}
            onRewrite={(rewrite) => {
              setDraft(rewrite);
              commit(rewrite);
            }}
          />
        </div>
        <select
          aria-label={t("templates.purposeOf", [String(index + 1)])}
          value={question.purpose}
          onChange={(e) => onEdit({ purpose: e.target.value as QuestionPurpose }).catch(() => {})}
        >
          <PurposeOptions />
        </select>
        <button
          type="button"
          aria-label={t("templates.removeQuestion", [String(index + 1), question.text])}
          onClick={onRemove}
        >
          {t("common.remove")}
        </button>
      </div>
    </li>
  );
}

function LintNote({ id, text, onRewrite }: { id: string; text: string; onRewrite: (text: string) => void }) {
  const lint = questionLint(text, languageInUse());
  if (lint.ok) return null;
  return (
    <p id={id} className="finding warn" data-lint={lint.code}>
      {lint.message} {lint.hint}
      {lint.rewrite && (
        <>
          {" "}
          <button type="button" className="link" onClick={() => onRewrite(lint.rewrite ?? "")}>
            {t("sidebar.useSuggestion")}
          </button>
        </>
      )}
    </p>
  );
}

function PurposeOptions() {
  return (
    <>
      {questionPurposes.map((p) => (
        <option key={p} value={p}>
          {purposeLabel(p)}
        </option>
      ))}
    </>
  );
}

function withWeekly(
  overrides: TemplateOverrides,
  key: AgendaSection,
  field: keyof WeeklySectionOverride,
  value: string | number | null | undefined,
): TemplateOverrides {
  const section: Record<string, unknown> = { ...overrides.weekly?.[key] };
  if (value === undefined) delete section[field];
  else section[field] = value;
  return { ...overrides, weekly: { ...overrides.weekly, [key]: section } };
}

function withPrompt(
  overrides: TemplateOverrides,
  promptId: string,
  field: keyof GuidePromptOverride,
  text: string | undefined,
): TemplateOverrides {
  const prompt: GuidePromptOverride = { ...overrides.prompts?.[promptId] };
  if (text === undefined) delete prompt[field];
  else prompt[field] = text;
  return { ...overrides, prompts: { ...overrides.prompts, [promptId]: prompt } };
}

function withoutPrompts(overrides: TemplateOverrides, ids: ReadonlySet<string>): TemplateOverrides {
  const prompts = Object.fromEntries(Object.entries(overrides.prompts ?? {}).filter(([id]) => !ids.has(id)));
  return { ...overrides, prompts };
}

function promptIdsOf(guide: ConversationGuide): Set<string> {
  return new Set(guide.sections.flatMap((s) => s.prompts.map((p) => p.id)));
}
