import "@/components/zod-jitless";
import "@/components/effects-timing";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { keepEditsInThisPage } from "@/components/edit-guard";
import { loadLanguage } from "@/components/i18n";
import "./sample.css";
import { SampleWeek } from "./SampleWeek";

// Before anything is typed: the sample's edits stay out of the background's hands.
keepEditsInThisPage();
const root = document.getElementById("root");
void loadLanguage().then(() => {
  if (root) createRoot(root).render(<SampleWeek />);
});
