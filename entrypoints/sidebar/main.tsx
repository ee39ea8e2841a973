import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { SidebarApp } from "./SidebarApp";

const root = document.getElementById("root");
if (root) createRoot(root).render(<SidebarApp />);
