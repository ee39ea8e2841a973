import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const EXTENSION_DIR = `${ROOT}${process.env.PREP_OUT_DIR ?? ".output"}/chrome-mv3`;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
