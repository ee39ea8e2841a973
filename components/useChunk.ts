import { useEffect, useState } from "react";

/**
 * A module in a chunk of its own, once it has loaded; undefined until then. React's `lazy` under
 * `Suspense` holds a part it reveals back until 300 ms after its fallback showed (React batches
 * reveals so), which made Search take 0.4 s to open on an empty database; drawn from this, a
 * part shows the moment its code is there. A chunk that fails to load throws from the render, to
 * the nearest error boundary, as `lazy` would.
 *
 * `load` must keep its identity between renders (a module-level function).
 */
export function useChunk<T>(load: () => Promise<T>): T | undefined {
  const [loaded, setLoaded] = useState<{ module: T } | { error: unknown }>();
  useEffect(() => {
    let live = true;
    load().then(
      (module) => live && setLoaded({ module }),
      (error: unknown) => live && setLoaded({ error }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (loaded && "error" in loaded) throw loaded.error;
  return loaded?.module;
}
