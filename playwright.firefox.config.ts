import { defineConfig } from "@playwright/test";

/** Firefox, driven by puppeteer-core over WebDriver BiDi: Playwright's own Firefox can't load an extension. */
export default defineConfig({
  testDir: "tests/firefox",
  globalSetup: "./tests/firefox/global-setup.ts",
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  // A flaky test is a bug to find, not to retry.
  retries: 0,
});
