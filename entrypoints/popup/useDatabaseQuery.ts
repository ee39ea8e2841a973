import { type DependencyList, useEffect, useState } from "react";
import { loadPopupData, type PopupData } from "./load-popup-data";

/**
 * What `query` reads from the database, kept current as it changes, as dexie-react-hooks'
 * `useLiveQuery` keeps it; undefined until the database chunk has loaded and the first read is
 * in. No query (undefined) loads and reads nothing yet. A failed read, or a database chunk that
 * failed to load, throws from the render to the nearest error boundary, as `useLiveQuery` does.
 */
export function useDatabaseQuery<T>(
  query: ((data: typeof PopupData) => Promise<T>) | undefined,
  deps: DependencyList,
): T | undefined {
  const [result, setResult] = useState<{ value: T } | { error: unknown }>();
  useEffect(() => {
    if (!query) return;
    let live = true;
    let unsubscribe: (() => void) | undefined;
    loadPopupData().then(
      (data) => {
        if (!live) return;
        unsubscribe = data.watchQuery(
          () => query(data),
          (value) => setResult({ value }),
          (error) => setResult({ error }),
        );
      },
      (error: unknown) => live && setResult({ error }),
    );
    return () => {
      live = false;
      unsubscribe?.();
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` stand for `query`, as in useLiveQuery.
  }, deps);
  if (result && "error" in result) throw result.error;
  return result?.value;
}
