import type { PageCheckResponse } from "@/lib/messaging";

/** Dialogs in a row that can't be read before the popup says Calendar changed its page. */
export const UNREADABLE_WARN_AT = 3;

export interface CheckLine {
  label: string;
  ok: boolean;
  detail: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the check shows, line by line: the parts of the open event 1:1 Prep could read. */
export function checkLines(check: PageCheckResponse): CheckLine[] {
  const guests =
    check.guests === "unread"
      ? { ok: false, detail: "not read" }
      : {
          ok: true,
          detail:
            check.guests.length === 0
              ? "none"
              : `${plural(check.guests.length, "guest", "guests")}: ${check.guests
                  .map((g) => {
                    const who = [g.name, g.email && `<${g.email}>`].filter(Boolean).join(" ") || "unnamed";
                    const marks = [g.you && "you", g.organizer && "organizer"].filter(Boolean).join(", ");
                    return marks ? `${who} (${marks})` : who;
                  })
                  .join("; ")}`,
        };
  const open = check.open !== "none";
  return [
    {
      label: "Event",
      ok: open,
      detail:
        check.open === "dialog"
          ? "details dialog found"
          : check.open === "edit"
            ? "edit page found"
            : "none open",
    },
    {
      label: "Title",
      ok: check.title.found,
      detail: check.title.found ? plural(check.title.length, "character", "characters") : "not found",
    },
    { label: "Time", ok: check.time, detail: check.time ? "read" : "not read" },
    { label: "Guests", ...guests },
    { label: "Event id", ok: check.eventId, detail: check.eventId ? "read" : "not read" },
    { label: "Your email", ok: check.you !== undefined, detail: check.you ?? "not shown on the page" },
    ...(check.decision
      ? [
          {
            label: "Decision",
            ok: true,
            detail: `${check.decision.oneOnOne ? "a 1:1" : "not a 1:1"}: ${check.decision.reason}`,
          },
        ]
      : []),
  ];
}

/** The plain-text report the manager can send us: the check, the hooks, and nothing personal. */
export function pageReport(check: PageCheckResponse, about: { version: string; browser: string }): string {
  const hooks = Object.entries(check.hooks)
    .map(([key, index]) => `${key}: ${index < 0 ? "missing" : index === 0 ? "ok" : `fallback ${index}`}`)
    .join(", ");
  return [
    `1:1 Prep ${about.version}: page check`,
    `Browser: ${about.browser}`,
    `Page: ${check.path || "unknown"}`,
    ...checkLines(check).map((line) => `${line.label}: ${line.ok ? "" : "✗ "}${line.detail}`),
    `Event dialogs not read in a row: ${check.unreadableInARow}`,
    `Hooks: ${hooks || "none checked"}`,
  ].join("\n");
}
