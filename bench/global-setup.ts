import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import e2eGlobalSetup from "../tests/e2e/global-setup";
import { CHROMIUM_PATH, EXTENSION_DIR, ROOT } from "../tests/e2e/paths";

/**
 * Builds the Chrome extension when there is none yet (PREP_OUT_DIR is honoured by wxt.config.ts),
 * then finds the flags the extension browsers need, as the end-to-end tests do.
 */
export default async function globalSetup() {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    console.log(`No extension in ${EXTENSION_DIR}; building it first.`);
    execSync("npm run build:chrome", { cwd: ROOT, stdio: "inherit", env: process.env });
  }
  await e2eGlobalSetup();
  // For the machine facts the reporter prints, which runs in this process.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox"] });
  process.env.PREP_BENCH_CHROMIUM = `Chromium ${browser.version()}`;
  await browser.close();
}
