import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  // One browser with the extension per test file; two cores cannot run more in parallel.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  // A flaky test is a bug to find, not to retry.
  retries: 0,
  use: { trace: "off" },
});
