import "@/components/zod-jitless";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import "./welcome.css";
import { WelcomeApp } from "./WelcomeApp";

const root = document.getElementById("root");
if (root) createRoot(root).render(<WelcomeApp />);
