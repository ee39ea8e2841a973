import "@/components/zod-jitless";
import "@/components/effects-timing";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { renderInLanguage } from "@/components/i18n";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import { openPrepDatabase, protectStorage } from "@/lib/db";
import "./popup.css";
import { PopupApp } from "./PopupApp";

keepBadgeCurrent();
// Opening the database takes about as long as the first render: they run side by side, and the
// form's list of people or the Stats table read it as soon as it is open. A failure to open is
// met again, and shown, by the first read.
openPrepDatabase().catch(() => {});
const root = document.getElementById("root");
const reactRoot = root ? createRoot(root) : undefined;
let renders = 0;
// The popup opens many times a day: it renders at once in the words it spoke last time, and
// starts again from scratch in the rare case they have changed since.
void renderInLanguage(() => reactRoot?.render(<PopupApp key={++renders} />));
// The popup opens daily: a good moment to ask again that the browser keep the notes when disk
// runs low, after the first paint so the form is not kept waiting.
requestIdleCallback(() => void protectStorage());
