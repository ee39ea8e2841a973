import { config } from "zod/mini";

/**
 * Extension pages forbid eval. Unless told otherwise, zod probes `new Function` when it builds
 * its first object schema (to compile fast parsers); the probe fails, but the browser still
 * reports a CSP violation for it on every page load. Schemas are built while their modules load,
 * so each page imports this before anything else. `zod` and `zod/mini` share this setting.
 */
config({ jitless: true });
