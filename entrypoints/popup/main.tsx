import { createRoot } from "react-dom/client";
import "@/components/base.css";
import "./popup.css";
import { PopupApp } from "./PopupApp";

const root = document.getElementById("root");
if (root) createRoot(root).render(<PopupApp />);
