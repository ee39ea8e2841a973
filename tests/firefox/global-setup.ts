import { existsSync } from "node:fs";
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from "./firefox";

export default function globalSetup() {
  if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`))
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}; run "npm run build" first.`);
  if (!existsSync(FIREFOX_PATH))
    throw new Error(`No Firefox at ${FIREFOX_PATH}: install firefox-esr, or set FIREFOX_PATH.`);
}
