import type * as PopupData from "./popup-data";

export type { PopupData };

let loaded: typeof PopupData | undefined;

/** One loader for the popup's database chunk, so every part waiting on it shares one load. */
export const loadPopupData = () =>
  import("./popup-data").then((data) => {
    loaded = data;
    return data;
  });

/** The database chunk, when it has loaded. */
export const popupDataLoaded = () => loaded;
