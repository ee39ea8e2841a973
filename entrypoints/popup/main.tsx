import "@/components/zod-jitless";
import "@/components/effects-timing";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { renderInLanguage } from "@/components/i18n";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import { openPrepDatabase, protectStorage } from "@/lib/db";
import "./popup.css";
import { openingTab, PopupApp } from "./PopupApp";

keepBadgeCurrent();
const root = document.getElementById("root");
const reactRoot = root ? createRoot(root) : undefined;
let renders = 0;
// The popup opens many times a day: it renders at once in the words it spoke last time, and
// starts again from scratch in the rare case they have changed since.
void renderInLanguage(() => reactRoot?.render(<PopupApp key={++renders} />));
// Setting up the database takes about as long as the first render, so it comes right after it
// rather than before: the form is usable first, and the list of people or the Stats table read
// the database as soon as it is open. A failure to open is met again, and shown, by the first read.
// Opened on Stats, the table paints from the figures kept last time, read without Dexie, and
// Dexie is set up after that paint rather than competing with it.
if (openingTab() !== "stats") setTimeout(() => void openPrepDatabase().catch(() => {}));
// The popup opens daily: a good moment to ask again that the browser keep the notes when disk
// runs low, after the first paint so the form is not kept waiting.
requestIdleCallback(() => void protectStorage());
