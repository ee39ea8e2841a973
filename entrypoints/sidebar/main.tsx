import "@/components/zod-jitless";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import { SidebarApp } from "./SidebarApp";

keepBadgeCurrent();
const root = document.getElementById("root");
if (root) createRoot(root).render(<SidebarApp />);
