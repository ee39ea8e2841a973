import { planWatch, type WatchPlan } from "@/lib/calendar-dom";
import type { Lifetime } from "./lifetime";

export interface PageWatch {
  /** Watches afresh when the whole page is watched for want of a grid, which may have arrived since. */
  refreshIfWhole(): void;
}

const watchOptions: MutationObserverInit = {
  childList: true,
  attributes: true,
  attributeFilter: ["aria-hidden", "style", "hidden", "data-eventid", "class", "data-viewfamily"],
};

/**
 * Tells `onChange` when the page changed anywhere an event can open. Everything but the grid is
 * observed, so its all-day churn never runs this script at all; `isOurs` says which nodes are
 * our own panels, whose style changes must not wake the watch, or placing them would loop.
 */
export function watchPage(
  life: Lifetime,
  isOurs: (node: Node) => boolean,
  onChange: () => void,
  /** changes that came while the watch was being moved, not delivered but still worth a look */
  onMissed: () => void,
): PageWatch {
  let plan: WatchPlan = { deep: [], shallow: [] };
  const isShallowChange = (r: MutationRecord) =>
    r.type === "childList" && plan.shallow.includes(r.target as Element);
  const watch = () => {
    // Disconnecting drops changes not yet delivered.
    const missed = observer.takeRecords().some((r) => !isOurs(r.target));
    observer.disconnect();
    plan = planWatch(document);
    for (const node of plan.deep) observer.observe(node, { ...watchOptions, subtree: true });
    for (const node of plan.shallow) observer.observe(node, watchOptions);
    if (missed) onMissed();
  };
  const observer = new MutationObserver((records) => {
    // Something was added or removed beside the grid (a dialog layer, a new view): watch it too.
    if (plan.quiet && (!plan.quiet.isConnected || records.some(isShallowChange))) watch();
    if (records.every((r) => isOurs(r.target))) return;
    onChange();
  });
  watch();
  life.onEnd(() => observer.disconnect());
  return {
    refreshIfWhole() {
      if (!plan.quiet) watch();
    },
  };
}
