import { Component, type ErrorInfo, type ReactNode } from "react";
import { t } from "@/components/i18n";

interface Props {
  /** the section's name as the manager reads it, for the message that replaces it */
  name: string;
  children: ReactNode;
}

/**
 * One section of a page that fails to draw takes only itself down: without this, React unmounts
 * the whole page, and a fault in the timer or the guide would hide the notes being typed.
 */
export class SectionBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`1:1 Prep could not show ${this.props.name}.`, error, info.componentStack);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="error section" role="alert" data-testid="section-failed">
        {t("sidebar.sectionFailed", [this.props.name])}
      </p>
    );
  }
}
