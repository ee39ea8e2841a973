import "@/components/zod-jitless";
import "@/components/effects-timing";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { loadLanguage } from "@/components/i18n";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import { SidebarApp } from "./SidebarApp";

keepBadgeCurrent();
const root = document.getElementById("root");
// SidebarApp's import has already started reading the event and the database; the words load
// beside them, and the prep renders once, in the manager's language.
void loadLanguage().then(() => {
  if (root) createRoot(root).render(<SidebarApp />);
});
