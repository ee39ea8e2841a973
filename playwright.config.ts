import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  // Two test files at a time, each in a browser of its own: most of a test's time is spent
  // waiting (a browser starting, a sync round, a debounce), so two share the two cores well.
  workers: 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  // A flaky test is a bug to find, not to retry.
  retries: 0,
  use: { trace: "off" },
});
