import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
    setupFiles: ["tests/unit/setup.ts"],
    restoreMocks: true,
    // Each file shares its worker's loaded modules instead of loading them again: a quarter of the
    // time. The setup file gives each file an empty IndexedDB and each test a reset browser.
    isolate: false,
    // A ceiling for a hung test, not a speed check: the property tests run dozens of database
    // round trips and take several seconds on a busy two-core machine.
    testTimeout: 30_000,
  },
});
