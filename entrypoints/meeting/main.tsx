import "@/components/zod-jitless";
import "@/components/effects-timing";
import { createRoot } from "react-dom/client";
import "@/components/base.css";
import { loadLanguage } from "@/components/i18n";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import { MeetingPage } from "./MeetingPage";
import "./meeting.css";

keepBadgeCurrent();
const root = document.getElementById("root");
void loadLanguage().then(() => {
  if (root)
    createRoot(root).render(<MeetingPage meetingId={new URLSearchParams(location.search).get("id") ?? ""} />);
});
