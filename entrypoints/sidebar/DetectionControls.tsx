import { useState } from "react";
import type { PrepEvent } from "@/lib/messaging";
import { setDetectionOverride } from "@/lib/settings";

/** Lets the manager correct the detector for the whole series; the choice is remembered. */
export function DetectionControls({ event }: { event: PrepEvent }) {
  const [error, setError] = useState<string>();
  const series = event.recurring ? "this series" : "this event";
  const set = (value: boolean | undefined) =>
    setDetectionOverride(event.seriesId, value).catch(() =>
      setError("Couldn't save that choice. Try again."),
    );

  return (
    <footer className="section detection">
      {event.override === true ? (
        <p>
          You marked {series} as a 1:1.{" "}
          <button type="button" className="link" onClick={() => set(undefined)}>
            Let detection decide
          </button>
        </p>
      ) : event.override === false ? (
        <p>
          You marked {series} as not a 1:1.{" "}
          <button type="button" className="link" onClick={() => set(true)}>
            Always show prep for {series}
          </button>{" "}
          <button type="button" className="link" onClick={() => set(undefined)}>
            Let detection decide
          </button>
        </p>
      ) : event.detected ? (
        <p>
          <button type="button" className="link" onClick={() => set(false)}>
            Not a 1:1? Hide prep for {series}
          </button>
        </p>
      ) : (
        <p>
          Not detected as a 1:1.{" "}
          <button type="button" className="link" onClick={() => set(true)}>
            Always show prep for {series}
          </button>
        </p>
      )}
      <details>
        <summary>Why this shows</summary>
        <p className="quiet">{event.reason}</p>
      </details>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </footer>
  );
}
