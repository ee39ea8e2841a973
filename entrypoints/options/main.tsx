import "@/components/zod-jitless";
import "@/components/effects-timing";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { loadLanguage } from "@/components/i18n";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import "./options.css";
import { OptionsApp } from "./OptionsApp";

keepBadgeCurrent();
const root = document.getElementById("root");
void loadLanguage().then(() => {
  if (root) createRoot(root).render(<OptionsApp />);
});
