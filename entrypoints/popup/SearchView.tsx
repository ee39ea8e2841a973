import { useLiveQuery } from "dexie-react-hooks";
import { memo, useEffect, useId, useRef, useState } from "react";
import { browser } from "wxt/browser";
import { calendarEventUrl, dueAtFromDateInput, formatDay } from "@/components/dates";
import { t } from "@/components/i18n";
import { everyoneByName, prepDatabase, setActionItemDone } from "@/lib/db";
import {
  type DocumentKind,
  RESULTS_MAX,
  type SearchAnswer,
  type SearchFilters,
  type SearchKind,
  type SearchReadiness,
  type SearchResultRow,
  SearchSession,
  searchKinds,
  type TextPart,
} from "@/lib/search";

const KIND_LABELS: Record<SearchKind, () => string> = {
  note: () => t("popup.kindNotes"),
  item: () => t("popup.kindItems"),
  feedback: () => t("popup.kindFeedback"),
  plan: () => t("popup.kindPlans"),
};

const DOCUMENT_LABELS: Record<DocumentKind, () => string> = {
  note: () => t("popup.docNotes"),
  answer: () => t("popup.docAnswers"),
  agenda: () => t("popup.docAgenda"),
  action: () => t("popup.docAction"),
  feedback: () => t("popup.docFeedback"),
  plan: () => t("popup.docPlan"),
  person: () => t("popup.docPerson"),
};

/** One search per popup: the index is read once, when the tab first opens. */
let shared: SearchSession | undefined;
function searchSession(): SearchSession {
  shared ??= new SearchSession(prepDatabase());
  return shared;
}

function startOfDay(value: string): number | undefined {
  const end = dueAtFromDateInput(value);
  return end === undefined ? undefined : end - 86_400_000 + 1;
}

/** Search over everything written: notes, items, agenda, answers, feedback, plans and names. */
export function SearchView() {
  const session = searchSession();
  const [query, setQuery] = useState("");
  const [personId, setPersonId] = useState("");
  const [kind, setKind] = useState<SearchKind | "">("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [readiness, setReadiness] = useState<SearchReadiness>(session.readiness);
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<SearchAnswer & { query: string }>();
  const people = useLiveQuery(() => everyoneByName(prepDatabase()), []);
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    input.current?.focus();
    session.onUpdate = () => {
      setReadiness(session.readiness);
      setVersion((v) => v + 1);
    };
    return () => {
      session.onUpdate = undefined;
    };
  }, [session]);

  // `version` re-runs the query when the index takes in a write.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger
  useEffect(() => {
    const filters: SearchFilters = {
      ...(personId ? { personId } : {}),
      ...(kind ? { kind } : {}),
      ...(from && startOfDay(from) !== undefined ? { from: startOfDay(from) } : {}),
      ...(to && dueAtFromDateInput(to) !== undefined ? { to: dueAtFromDateInput(to) } : {}),
    };
    let current = true;
    const asked = query;
    const show = (found: SearchAnswer) => {
      if (current) setAnswer({ query: asked, ...found });
    };
    session.search(asked, filters, { firstScreen: show, wanted: () => current }).then(show, () => {
      if (current) setAnswer({ query: asked, groups: [], more: false, partial: false });
    });
    return () => {
      current = false;
    };
  }, [session, query, personId, kind, from, to, version]);

  const asked = query.trim();
  const filtered = personId || kind || from || to;
  return (
    <div className="pad search">
      <input
        ref={input}
        type="search"
        className="search-box"
        aria-label={t("popup.searchLabel")}
        placeholder={t("popup.searchPlaceholder")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="search-box"
      />
      <div className="search-filters">
        <label>
          <span className="visually-hidden">{t("popup.person")}</span>
          <select
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
            aria-label={t("popup.person")}
          >
            <option value="">{t("popup.everyone")}</option>
            {people?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t("popup.kind")}</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as SearchKind | "")}
            aria-label={t("popup.kind")}
          >
            <option value="">{t("popup.allKinds")}</option>
            {searchKinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]()}
              </option>
            ))}
          </select>
        </label>
        <span className="search-dates">
          <label htmlFor={`${ids}-from`} className="quiet">
            {t("popup.from")}
          </label>
          <input id={`${ids}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor={`${ids}-to`} className="quiet">
            {t("popup.to")}
          </label>
          <input id={`${ids}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </span>
      </div>
      {readiness === "building" && (
        <p className="quiet" role="status" data-testid="search-building">
          {t("popup.searchBuilding")}
        </p>
      )}
      {asked.length < 2 ? (
        <p className="quiet" data-testid="search-empty">
          {t("popup.searchEmptyBefore")} <kbd>/</kbd> {t("popup.searchEmptyAfter")}
        </p>
      ) : answer && answer.query === query && answer.groups.length === 0 && !answer.partial ? (
        <p className="quiet" role="status" data-testid="search-none" data-results-for={answer.query}>
          {filtered ? t("popup.noResultsFiltered", [asked]) : t("popup.noResults", [asked])}
        </p>
      ) : (
        <Results answer={answer} />
      )}
    </div>
  );
}

/** Drawn again only when the answer changes, not with every letter typed. */
const Results = memo(function Results({
  answer,
}: {
  answer: (SearchAnswer & { query: string }) | undefined;
}) {
  return (
    <div className="search-results" aria-live="polite" data-results-for={answer?.query}>
      {answer?.groups.map((g) => (
        <section key={g.person.id} className="search-group" data-testid="search-group">
          <h2 className="one-line" title={g.person.displayName}>
            {g.person.displayName}
          </h2>
          <ul>
            {g.results.map((r) => (
              <ResultRow key={r.hit.id} row={r} />
            ))}
          </ul>
        </section>
      ))}
      {answer?.more && (
        <p className="quiet" data-testid="search-more">
          {t("popup.searchMore", [RESULTS_MAX])}
        </p>
      )}
      {answer?.partial && (
        <p className="quiet" role="status" data-testid="search-older">
          {t("popup.searchOlder")}
        </p>
      )}
    </div>
  );
});

function Marked({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        // The parts of one text never reorder, so their place is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

/** Where a result opens: the meeting in Calendar, its prep on a page of its own, or the person. */
function openUrl(row: SearchResultRow): string {
  if (row.meeting?.eid) return calendarEventUrl(row.meeting);
  if (row.meeting)
    return `${browser.runtime.getURL("/meeting.html")}?id=${encodeURIComponent(row.meeting.id)}`;
  return `${browser.runtime.getURL("/options.html")}#people`;
}

function ResultRow({ row }: { row: SearchResultRow }) {
  const { hit, actionItem } = row;
  const [error, setError] = useState<string>();
  const saved = actionItem?.doneAt !== undefined;
  // The tick shows at once; the result reads it back from the database a moment later.
  const [ticking, setTicking] = useState<boolean>();
  if (ticking !== undefined && ticking === saved) setTicking(undefined);
  const done = ticking ?? saved;
  const label = DOCUMENT_LABELS[hit.kind]();
  return (
    <li className={`search-result${done ? " done" : ""}`} data-testid="search-result">
      <div className="search-result-line">
        {actionItem && (
          <input
            type="checkbox"
            checked={done}
            aria-label={done ? t("popup.markNotDone") : t("popup.markDone")}
            onChange={(e) => {
              const next = e.target.checked;
              setTicking(next);
              setActionItemDone(prepDatabase(), actionItem.id, next).then(
                () => setError(undefined),
                () => {
                  setTicking(undefined);
                  setError(t("common.couldNotSave"));
                },
              );
            }}
          />
        )}
        <p className="search-snippet">
          <Marked parts={row.parts} />
        </p>
      </div>
      <p className="quiet search-meta">
        {label}
        {hit.date !== undefined && hit.kind !== "person" ? ` · ${formatDay(hit.date)}` : ""}
        {done ? ` · ${t("popup.done")}` : ""} ·{" "}
        <a href={openUrl(row)} target="_blank" rel="noreferrer">
          {row.meeting ? t("popup.openPrep") : t("popup.openPerson")}
          <span className="visually-hidden">: {label}</span>
        </a>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
