/** One loader for the popup's database chunk, so every part waiting on it shares one load. */
export const loadPopupData = () => import("./popup-data");
