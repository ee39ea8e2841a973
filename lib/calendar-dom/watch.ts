import { queryFirst } from "./query";
import { selectors } from "./selectors";

/**
 * Which parts of the page to observe for an event opening. Calendar's grid (chips and day
 * columns) changes all day long, and an event never opens inside it, so the grid is left out:
 * `deep` nodes are observed with their whole subtree, `shallow` nodes (the grid's ancestors) only
 * for their own children and attributes, which still shows a dialog layer, or a new grid, added
 * beside the old one. Without a recognisable grid the whole document is observed.
 */
export interface WatchPlan {
  deep: Node[];
  shallow: Element[];
  /** the part left out; once it leaves the document the plan is stale */
  quiet?: Element;
}

export function planWatch(doc: Document): WatchPlan {
  const whole: WatchPlan = { deep: [doc.documentElement], shallow: [] };
  try {
    const grid = queryFirst(doc, selectors.busyGrid);
    if (!grid || !doc.body?.contains(grid)) return whole;
    // A dialog inside the grid would go unseen; then the grid is not the quiet part we know.
    if (queryFirst(grid, selectors.detailsDialog)) return whole;
    const deep: Node[] = [];
    const shallow: Element[] = [];
    for (let node: Element = grid; node !== doc.documentElement; ) {
      const parent: Element | null = node.parentElement;
      if (!parent) return whole;
      shallow.push(parent);
      for (const sibling of parent.children) if (sibling !== node) deep.push(sibling);
      node = parent;
    }
    return { deep, shallow, quiet: grid };
  } catch {
    return whole;
  }
}
