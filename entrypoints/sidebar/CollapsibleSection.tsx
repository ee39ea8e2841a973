import { type ReactNode, useState } from "react";

const storageKey = (id: string) => `sidebarSectionClosed:${id}`;

/**
 * A sidebar section the manager can fold away. It stays as they left it for every 1:1, so a guide
 * they know by heart doesn't push the notes down each time. Kept in this frame's localStorage:
 * a preference of this browser, not part of anyone's notes.
 */
export function CollapsibleSection({
  id,
  heading,
  className,
  testId,
  children,
}: {
  /** names the section in the remembered state; stable across releases */
  id: string;
  heading: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(() => readOpen(id));
  const headingId = `${id}-heading`;
  return (
    <details
      className={`section collapsible${className ? ` ${className}` : ""}`}
      open={open}
      data-testid={testId}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now === open) return;
        setOpen(now);
        writeOpen(id, now);
      }}
    >
      <summary>
        <h2 id={headingId}>{heading}</h2>
      </summary>
      <section aria-labelledby={headingId}>{children}</section>
    </details>
  );
}

function readOpen(id: string): boolean {
  try {
    return localStorage.getItem(storageKey(id)) !== "1";
  } catch {
    return true;
  }
}

function writeOpen(id: string, open: boolean) {
  try {
    if (open) localStorage.removeItem(storageKey(id));
    else localStorage.setItem(storageKey(id), "1");
  } catch {
    // Storage refused (a private window's quota): the section still folds for this view.
  }
}
