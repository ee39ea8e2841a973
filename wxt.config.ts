import { fileURLToPath } from "node:url";
import { defineConfig } from "wxt";
import { storeSafeVendorCode } from "./build/store-safe-vendor-code";

const ownLib = fileURLToPath(new URL("./lib/", import.meta.url));

const CALENDAR_API_HOSTS = ["https://www.googleapis.com/*", "https://oauth2.googleapis.com/*"];

export default defineConfig({
  // A separate output folder lets several builds (and their end-to-end runs) sit side by side.
  outDir: process.env.PREP_OUT_DIR ?? ".output",
  // Every module says what it imports. Auto-imports would also hand `lib/` the pages' i18n
  // wherever a local happens to be named `t`, and tie the pure modules to the pages in a cycle.
  imports: false,
  modules: ["@wxt-dev/module-react", "@wxt-dev/webextension-polyfill", "@wxt-dev/i18n/module"],
  // React's Fast Refresh hooks into react-dom, which the pages don't run (see `resolve.alias`):
  // in development a changed component reloads its page instead.
  react: { vite: { refreshExclude: /./ } },
  hooks: {
    // The popup opens many times a day and is timed from the click. Built on its own, its first
    // screen loads as one file (its database code and other tabs follow as chunks of its own),
    // where built beside the other pages it shares twenty chunks with them, each a separate load
    // from the extension's package.
    "entrypoints:grouped"(_wxt, groups) {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.findIndex((entrypoint) => entrypoint.name === "popup");
        if (popup < 0) continue;
        groups.push(group.splice(popup, 1));
        return;
      }
    },
    // The pages and the background use the polyfill's `browser`. The content script runs on every
    // Calendar page load and calls only APIs that return promises natively in Chrome and Firefox
    // (storage, runtime messaging, getURL), so it keeps WXT's own `browser` and stays small.
    "vite:build:extendConfig"(entrypoints, config) {
      if (entrypoints.some((e) => e.name === "popup")) {
        // Everything the popup's first screen runs, in the one file its page loads. Left to the
        // automatic split, the code it shares with its later chunks (zod's core, which the
        // database code also uses) went to a file of its own, loaded beside it.
        const rolldownOptions = config.build?.rolldownOptions ?? {};
        const output = Array.isArray(rolldownOptions.output) ? {} : (rolldownOptions.output ?? {});
        config.build = {
          ...config.build,
          rolldownOptions: {
            ...rolldownOptions,
            output: { ...output, codeSplitting: { groups: [{ name: "popup", tags: ["$initial"] }] } },
          },
        };
        return;
      }
      if (!entrypoints.every((e) => e.type === "content-script")) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve = { ...config.resolve, alias: alias.filter((a) => a.find !== "wxt/browser") };
      } else if (alias && "wxt/browser" in alias) {
        const { "wxt/browser": _polyfill, ...rest } = alias as Record<string, string>;
        config.resolve = { ...config.resolve, alias: rest };
      }
    },
  },
  vite: () => ({
    plugins: [storeSafeVendorCode()],
    resolve: {
      // The pages are written against React's API and run on Preact's: the same components in a
      // twentieth of the code, which is what the popup and the sidebar wait for before their
      // first paint (react-dom alone was two fifths of the popup's script).
      alias: [
        { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
        { find: /^react\/jsx-runtime$/, replacement: "preact/jsx-runtime" },
        { find: /^react\/jsx-dev-runtime$/, replacement: "preact/jsx-dev-runtime" },
        { find: /^react-dom$/, replacement: "preact/compat" },
        { find: /^react$/, replacement: "preact/compat" },
      ],
    },
    build: {
      rollupOptions: {
        // Modules in lib/ do nothing when imported, so whatever an entrypoint does not use
        // (zod schemas in the content script, for one) can be dropped from its bundle.
        treeshake: { moduleSideEffects: (id: string) => !id.startsWith(ownLib) },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: "1:1 Prep",
    description: "__MSG_extensionDescription__",
    default_locale: "en",
    // Firefox cannot ask for `identity` later, and it shows no install prompt for it, so there it is
    // declared up front; it only lets the extension open Google's sign-in page when asked to.
    // unlimitedStorage: years of notes must never be evicted under storage pressure. offscreen
    // (Chrome only, no prompt): the worker has no DOM to hand an automatic backup to downloads.
    permissions:
      browser === "firefox"
        ? ["storage", "unlimitedStorage", "alarms", "identity"]
        : ["storage", "unlimitedStorage", "alarms", "offscreen"],
    host_permissions: ["https://calendar.google.com/*"],
    // Asked for only when the manager connects the Calendar API, turns reminders on, or turns
    // automatic backups on. Firefox's MV2 manifest has no optional_host_permissions: hosts go
    // with the rest there.
    ...(browser === "firefox"
      ? { optional_permissions: ["notifications", "downloads", ...CALENDAR_API_HOSTS] }
      : {
          optional_permissions: ["identity", "notifications", "downloads"],
          optional_host_permissions: CALENDAR_API_HOSTS,
        }),
    // What a company's IT can set for every manager. Chrome reads this schema; Firefox has no
    // such key (its schema rejects it) and takes the same values from the "3rdparty" section of
    // its enterprise policies.json without one.
    ...(browser === "firefox" ? {} : { storage: { managed_schema: "managed-schema.json" } }),
    action: { default_title: "1:1 Prep" },
    commands: {
      [browser === "firefox" ? "_execute_browser_action" : "_execute_action"]: {
        suggested_key: { default: "Alt+Shift+1" },
        description: "Open 1:1 Prep to capture feedback",
      },
      "open-search": {
        suggested_key: { default: "Alt+Shift+2" },
        description: "Search your 1:1 notes, items and feedback",
      },
    },
    // The frames Calendar's page holds: the prep, and the detector that decides which events get one.
    web_accessible_resources:
      browser === "firefox"
        ? ["sidebar.html", "detector.html"]
        : [{ resources: ["sidebar.html", "detector.html"], matches: ["https://calendar.google.com/*"] }],
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "one-on-one-prep@example.org",
              // data_collection_permissions is understood from Firefox 140 (142 on Android).
              strict_min_version: "140.0",
              // Nothing is collected or transmitted: everything stays in the extension's storage.
              data_collection_permissions: { required: ["none"] },
            },
            gecko_android: { strict_min_version: "142.0" },
          },
        }
      : {}),
  }),
});
