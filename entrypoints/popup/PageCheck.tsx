import { useEffect, useId, useRef, useState } from "react";
import { browser } from "wxt/browser";
import { t } from "@/components/i18n";
import { type PageCheckResponse, pageCheckResponseSchema, type TabMessage } from "@/lib/messaging";
import { checkLines, pageReport, UNREADABLE_WARN_AT } from "./page-report";

const CALENDAR = "https://calendar.google.com/";

/** The Calendar tab the popup was opened over; opened as a page of its own, the one used last. */
async function calendarTabId(): Promise<number | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && active.url?.startsWith(CALENDAR)) return active.id;
  if (!(await browser.tabs.getCurrent())) return undefined;
  const tabs = await browser.tabs.query({ url: `${CALENDAR}*`, currentWindow: true });
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id;
}

type Answer = PageCheckResponse | "silent";

async function askPage(tabId: number): Promise<Answer> {
  const message: TabMessage = { type: "page:check" };
  // The top frame only: that is where the content script reads Calendar's page.
  const answer = await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  const parsed = pageCheckResponseSchema.safeParse(answer);
  return parsed.success ? parsed.data : "silent";
}

/** The Calendar tab under the popup, and how its page reads; nothing when there's none. */
export function useCalendarPage() {
  const [tabId, setTabId] = useState<number>();
  const [health, setHealth] = useState<Answer>();
  const [checkAsked, setCheckAsked] = useState(0);
  useEffect(() => {
    void calendarTabId()
      .then(async (id) => {
        if (id === undefined) return;
        setTabId(id);
        setHealth(await askPage(id));
      })
      .catch(() => {});
  }, []);
  const changed =
    health !== undefined && health !== "silent" && health.unreadableInARow >= UNREADABLE_WARN_AT;
  return { tabId, changed, setHealth, checkAsked, askCheck: () => setCheckAsked((n) => n + 1) };
}
type CalendarPage = ReturnType<typeof useCalendarPage>;

/** When event dialogs keep opening unread: Calendar's page changed under us. */
export function PageWarning({ page }: { page: CalendarPage }) {
  if (!page.changed) return null;
  return (
    <div className="page-warning" role="status" data-testid="page-warning">
      <p>
        {t("pageCheck.changed")}{" "}
        <button type="button" onClick={page.askCheck}>
          {t("pageCheck.check")}
        </button>
      </p>
    </div>
  );
}

/** "Check this page": what 1:1 Prep can read of the open event, masked, with a report to send us. */
export function PageCheck({ page }: { page: CalendarPage }) {
  const { tabId, setHealth, checkAsked } = page;
  const [check, setCheck] = useState<Answer>();
  const [copied, setCopied] = useState<string>();
  const report = useRef<HTMLTextAreaElement>(null);
  const section = useRef<HTMLElement>(null);
  const reportId = useId();

  const runCheck = async () => {
    if (tabId === undefined) return;
    setCopied(undefined);
    const answer = await askPage(tabId);
    setCheck(answer);
    if (answer !== "silent") setHealth(answer);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the warning asks for a check.
  useEffect(() => {
    if (checkAsked === 0) return;
    void runCheck().then(() => section.current?.scrollIntoView({ block: "nearest" }));
  }, [checkAsked]);
  if (tabId === undefined) return null;

  const text =
    check && check !== "silent"
      ? pageReport(check, { version: browser.runtime.getManifest().version, browser: navigator.userAgent })
      : "";
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t("pageCheck.copied"));
    } catch {
      report.current?.select();
      setCopied(t("pageCheck.notCopied"));
    }
  };

  return (
    <section ref={section} className="page-check" aria-label={t("pageCheck.region")}>
      {check === undefined ? (
        <button type="button" onClick={() => void runCheck()}>
          {t("pageCheck.check")}
        </button>
      ) : check === "silent" ? (
        <div role="status">
          <p className="error">{t("pageCheck.notRunning")}</p>
          <button type="button" onClick={() => void runCheck()}>
            {t("pageCheck.checkAgain")}
          </button>
        </div>
      ) : (
        <div data-testid="page-check">
          <h2>{t("pageCheck.heading")}</h2>
          <p className="quiet">
            {check.open === "none" ? `${t("pageCheck.openEvent")} ` : ""}
            {t("pageCheck.masked")}
          </p>
          <ul className="check-lines">
            {checkLines(check).map((line) => (
              <li key={line.label} data-ok={line.ok}>
                <span aria-hidden="true">{line.ok ? "✓" : "✗"}</span> <strong>{line.label}</strong>
                {line.ok ? "" : t("pageCheck.missing")}: {line.detail}
              </li>
            ))}
          </ul>
          <label htmlFor={reportId}>{t("pageCheck.report")}</label>
          <textarea id={reportId} ref={report} readOnly rows={6} value={text} />
          <div className="form-actions">
            <button type="button" onClick={() => void copy()}>
              {t("pageCheck.copy")}
            </button>
            <button type="button" onClick={() => void runCheck()}>
              {t("pageCheck.checkAgain")}
            </button>
          </div>
          {copied && <p role="status">{copied}</p>}
        </div>
      )}
    </section>
  );
}
