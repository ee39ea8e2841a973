import { useEffect, useState } from "react";

/**
 * A value read once and again each time `watch` says it may have changed, as the newest read
 * found it; undefined until the first read answers. Reads overlap when changes come fast (a sync
 * run writing while the manager turns sync off), and an older one can answer last: its answer is
 * dropped, so the page never settles on what was true before the newest change.
 *
 * `read` and `watch` must keep their identity between renders (module-level functions).
 */
export function useWatchedRead<T>(
  read: () => Promise<T>,
  watch: (onChange: () => void) => () => void,
): T | undefined {
  const [value, setValue] = useState<{ of: T }>();
  useEffect(() => {
    let newest = 0;
    let stopped = false;
    const load = () => {
      const asked = ++newest;
      void read().then((found) => {
        if (!stopped && asked === newest) setValue({ of: found });
      });
    };
    load();
    const stopWatching = watch(load);
    return () => {
      stopped = true;
      stopWatching();
    };
  }, [read, watch]);
  return value?.of;
}
