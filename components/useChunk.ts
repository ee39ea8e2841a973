import { useEffect, useState } from "react";

/** Chunks already loaded, by their loader: a part drawn again shows at once, not a frame later. */
const loadedChunks = new WeakMap<() => Promise<unknown>, unknown>();

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
  const [loaded, setLoaded] = useState<{ module: T } | { error: unknown } | undefined>(() =>
    loadedChunks.has(load) ? { module: loadedChunks.get(load) as T } : undefined,
  );
  const known = loaded !== undefined;
  useEffect(() => {
    if (known) return;
    let live = true;
    load().then(
      (module) => {
        loadedChunks.set(load, module);
        if (live) setLoaded({ module });
      },
      (error: unknown) => live && setLoaded({ error }),
    );
    return () => {
      live = false;
    };
  }, [load, known]);
  if (loaded && "error" in loaded) throw loaded.error;
  return loaded?.module;
}
