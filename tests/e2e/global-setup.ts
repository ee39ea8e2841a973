import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_PATH, EXTENSION_DIR } from "./paths";

/**
 * Playwright's default --disable-features list turns off ThirdPartyStoragePartitioning, and with
 * it Chromium refuses IndexedDB to our extension frame on calendar.google.com although real
 * Chrome allows it. Read the exact default from a plain launch so the extension runs can drop
 * it and add the same list back without that one feature.
 */
export default async function globalSetup() {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No built extension in ${EXTENSION_DIR}; run "npm run build" first.`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--enable-automation"],
  });
  try {
    const session = await browser.newBrowserCDPSession();
    const { arguments: args } = (await session.send("Browser.getBrowserCommandLine")) as {
      arguments: string[];
    };
    const disabled = args.find((a) => a.startsWith("--disable-features="));
    if (disabled) process.env.PREP_E2E_DEFAULT_DISABLE_FEATURES = disabled;
  } finally {
    await browser.close();
  }
}
