import "@/components/zod-jitless";
import "@/components/effects-timing";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { renderInLanguage } from "@/components/i18n";
import "./popup.css";
import { loadPopupData } from "./load-popup-data";
import { openingTab, PopupApp } from "./PopupApp";

const root = document.getElementById("root");
const reactRoot = root ? createRoot(root) : undefined;
let renders = 0;
// The popup opens many times a day: it renders at once in the words it spoke last time, and
// starts again from scratch in the rare case they have changed since.
void renderInLanguage(() => reactRoot?.render(<PopupApp key={++renders} />));
// The database's code (Dexie, lib/db) is a chunk of its own, loaded and set up right after the
// first render rather than before: the form is usable first, and the list of people or the Stats
// table read the database as soon as it is open. A chunk or database that fails is met again, and
// shown, by the first read. Opened on Stats, the table paints from the figures kept last time,
// read without Dexie, and the Stats tab loads the chunk after that paint rather than beside it.
if (openingTab() !== "stats")
  setTimeout(
    () =>
      void loadPopupData().then(
        (data) => data.startDatabase(),
        () => {},
      ),
  );
