import { type ReactNode, useEffect, useRef, useState } from "react";
import { t } from "@/components/i18n";
import { BackupSection } from "./BackupSection";
import { CalendarSection } from "./CalendarSection";
import { DeleteEverything } from "./DeleteEverything";
import { OverridesSection } from "./OverridesSection";
import { PeopleSection } from "./PeopleSection";
import { SettingsSection } from "./SettingsSection";
import { SyncSection } from "./SyncSection";
import { TemplatesSection } from "./TemplatesSection";

interface Place {
  /** the URL hash that opens it, so a link or a reload lands here */
  hash: string;
  label: () => string;
  /** older or likelier words for the same place, as links may carry them */
  aliases: readonly string[];
  view: ReactNode;
}

/** Most used first: the people and the templates are what a manager comes back for. */
const places: readonly Place[] = [
  {
    hash: "people",
    label: () => t("options.places.people"),
    aliases: ["person", "merge"],
    view: <PeopleSection />,
  },
  {
    hash: "templates",
    label: () => t("options.places.templates"),
    aliases: ["questions"],
    view: <TemplatesSection />,
  },
  {
    hash: "calendar",
    label: () => t("options.places.calendar"),
    aliases: ["calendar-api", "reminders"],
    view: <CalendarSection />,
  },
  {
    hash: "sync",
    label: () => t("options.places.sync"),
    aliases: ["devices", "drive"],
    view: <SyncSection />,
  },
  {
    hash: "backup",
    label: () => t("options.places.backup"),
    aliases: ["backups", "import", "export", "delete"],
    view: (
      <>
        <BackupSection />
        {/* Beside the backup on purpose: the way back from deleting everything is importing one. */}
        <DeleteEverything />
      </>
    ),
  },
  {
    hash: "settings",
    label: () => t("options.places.settings"),
    aliases: ["detection", "overrides", "choices"],
    view: (
      <>
        <SettingsSection />
        <OverridesSection />
      </>
    ),
  },
];

const first = places[0]?.hash ?? "people";

function placeIn(hash: string): string {
  const wanted = decodeURIComponent(hash.replace(/^#/, "")).toLowerCase();
  return places.find((p) => p.hash === wanted || p.aliases.includes(wanted))?.hash ?? first;
}

function openPlace(panel: HTMLElement | undefined) {
  if (!panel) return;
  panel.focus({ preventScroll: true });
  if (panel.getBoundingClientRect().top < 0) window.scrollTo({ top: 0 });
}

/**
 * One place at a time, chosen in the side navigation. Every place stays mounted, only hidden, so a
 * half-reviewed import or the undo of a merge is still there on coming back.
 */
export function OptionsApp() {
  const [shown, setShown] = useState(() => placeIn(location.hash));
  const panels = useRef(new Map<string, HTMLElement>());
  const moved = useRef(false);

  useEffect(() => {
    const follow = () => {
      moved.current = true;
      setShown(placeIn(location.hash));
    };
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  useEffect(() => {
    // Focus follows a choice in the navigation (not the first load), so the next Tab is in the
    // place just opened. A place opened from far down a long one starts at the top of the page.
    if (moved.current) openPlace(panels.current.get(shown));
    moved.current = false;
  }, [shown]);

  return (
    <div className="options">
      <header className="options-header">
        <h1>{t("options.title")}</h1>
        <p className="quiet">
          {t("options.storedHere")} <a href="#backup">{t("options.backItUp")}</a> {t("options.toMoveIt")}
        </p>
      </header>
      <div className="options-layout">
        <nav className="options-nav" aria-label={t("options.navigation")}>
          <ul>
            {places.map((place) => (
              <li key={place.hash}>
                <a
                  href={`#${place.hash}`}
                  aria-current={place.hash === shown ? "page" : undefined}
                  onClick={() => {
                    // The same hash again fires no hashchange; still take the reader there.
                    if (place.hash === shown) openPlace(panels.current.get(shown));
                  }}
                >
                  {place.label()}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="options-main">
          {places.map((place) => (
            <section
              key={place.hash}
              id={`${place.hash}-panel`}
              className="options-panel"
              data-testid={`options-${place.hash}`}
              aria-label={place.label()}
              tabIndex={-1}
              hidden={place.hash !== shown}
              ref={(element) => {
                if (element) panels.current.set(place.hash, element);
                else panels.current.delete(place.hash);
              }}
            >
              {place.view}
            </section>
          ))}
        </main>
      </div>
    </div>
  );
}
