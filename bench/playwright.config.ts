import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: "*.bench.ts",
  globalSetup: "./global-setup.ts",
  // Timings need the machine to themselves: one browser at a time, nothing retried.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 10_000 },
  reporter: [["./reporter.ts"]],
  outputDir: "../test-results/bench",
  use: { trace: "off" },
});
