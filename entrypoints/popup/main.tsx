import "@/components/zod-jitless";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { loadLanguage } from "@/components/i18n";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import { protectStorage } from "@/lib/db";
import "./popup.css";
import { PopupApp } from "./PopupApp";

keepBadgeCurrent();
const root = document.getElementById("root");
// The popup renders once, in the manager's language.
void loadLanguage().then(() => {
  if (root) createRoot(root).render(<PopupApp />);
});
// The popup opens daily: a good moment to ask again that the browser keep the notes when disk
// runs low, after the first paint so the form is not kept waiting.
requestIdleCallback(() => void protectStorage());
