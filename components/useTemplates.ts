import { useSyncExternalStore } from "react";
import {
  applyTemplateOverrides,
  defaultTemplates,
  readTemplateOverrides,
  type TemplateSet,
  watchTemplateOverrides,
} from "@/lib/settings";

export interface Templates extends TemplateSet {
  /** False until the stored edits have been read; until then the defaults stand in. */
  ready: boolean;
}

/*
 * One copy per page, shared by every section that shows a template: the sidebar's agenda,
 * guide and questions read storage once between them and always agree.
 */
let current: Templates = { ...defaultTemplates, ready: false };
const listeners = new Set<() => void>();
let stopWatching: (() => void) | undefined;
/** Bumped by each change seen, so a first read that answers late cannot undo a newer edit. */
let version = 0;

function publish(next: Templates) {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!stopWatching) {
    stopWatching = watchTemplateOverrides((overrides) => {
      version++;
      publish({ ...applyTemplateOverrides(defaultTemplates, overrides), ready: true });
    });
    const asked = version;
    readTemplateOverrides().then(
      (overrides) => {
        if (version === asked)
          publish({ ...applyTemplateOverrides(defaultTemplates, overrides), ready: true });
      },
      () => {
        if (version === asked) publish({ ...defaultTemplates, ready: true });
      },
    );
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopWatching?.();
      stopWatching = undefined;
    }
  };
}

const snapshot = () => current;

/**
 * The user's templates (defaults plus their edits in options), following every change as it
 * is saved. Shows the defaults while storage is read, so a section never waits on it to appear.
 */
export function useTemplates(): Templates {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
