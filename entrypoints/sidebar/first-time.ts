import { useEffect, useState } from "react";

/**
 * True the first time something is shown for a person in this browser, and for as long as that
 * view stays open; false on every later open. Advice repeated on every 1:1 turns into noise.
 */
export function useFirstTimeFor(what: string, personId: string): boolean {
  const key = `shown:${what}:${personId}`;
  const [first] = useState(() => {
    try {
      return localStorage.getItem(key) !== "1";
    } catch {
      return false;
    }
  });
  useEffect(() => {
    if (!first) return;
    try {
      localStorage.setItem(key, "1");
    } catch {
      // Storage refused: the advice may show again next time, which is harmless.
    }
  }, [first, key]);
  return first;
}
