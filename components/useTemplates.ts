import { useSyncExternalStore } from "react";
import {
  applyTemplateOverrides,
  defaultTemplatesFor,
  readTemplateOverrides,
  type TemplateSet,
  watchTemplateOverrides,
} from "@/lib/settings";
import { languageInUse } from "./i18n";

export interface Templates extends TemplateSet {
  /** False until the stored edits have been read; until then the defaults stand in. */
  ready: boolean;
}

/*
 * One copy per page, shared by every section that shows a template: the sidebar's agenda,
 * guide and questions read storage once between them and always agree.
 */
let current: Templates | undefined;
const listeners = new Set<() => void>();
let stopWatching: (() => void) | undefined;
/** Bumped by each change seen, so a first read that answers late cannot undo a newer edit. */
let version = 0;

/**
 * The defaults in the language the page speaks, asked for each time rather than at load, which
 * comes before the page has read the language picked in options. Only the user's own edits are
 * stored, so a template they never touched follows the language and one they edited stays theirs.
 */
const defaults = () => defaultTemplatesFor(languageInUse());

function publish(next: Templates) {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!stopWatching) {
    stopWatching = watchTemplateOverrides((overrides) => {
      version++;
      publish({ ...applyTemplateOverrides(defaults(), overrides), ready: true });
    });
    const asked = version;
    readTemplateOverrides().then(
      (overrides) => {
        if (version === asked) publish({ ...applyTemplateOverrides(defaults(), overrides), ready: true });
      },
      () => {
        if (version === asked) publish({ ...defaults(), ready: true });
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

const snapshot = (): Templates => {
  current ??= { ...defaults(), ready: false };
  return current;
};

/**
 * The user's templates (defaults plus their edits in options), following every change as it
 * is saved. Shows the defaults while storage is read, so a section never waits on it to appear.
 */
export function useTemplates(): Templates {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
