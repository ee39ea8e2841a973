import "@/components/zod-jitless";
import "@/components/effects-timing";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import "./welcome.css";
import { loadLanguage } from "@/components/i18n";
import { WelcomeApp } from "./WelcomeApp";

const root = document.getElementById("root");
// The page's words come first: it renders once, in the manager's language.
void loadLanguage().then(() => {
  if (root) createRoot(root).render(<WelcomeApp />);
});
