import type { Plugin } from "vite";

/**
 * Two pieces of vendor code the stores' reviewers flag, and that 1:1 Prep never runs, replaced at
 * build time so the packages carry no eval and no HTML-from-string at all:
 *
 * - zod's probe for whether `new Function` may run. Every page and the background set zod to
 *   `jitless` first thing, so the probe's answer is "no" anyway.
 * - Preact's `dangerouslySetInnerHTML`, which this code base never uses (Biome forbids it).
 *   Using it now throws instead of writing a string into the page as HTML.
 *
 * Each replacement must find its code: when an upgrade changes it, the build fails here rather
 * than shipping the flagged code again.
 */
const REPLACEMENTS: { module: RegExp; find: RegExp; replace: string; count: number }[] = [
  {
    module: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: "return false;",
    count: 1,
  },
  {
    module: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    find: /\([\w$]+\.innerHTML=[\w$]+\.__html\)/g,
    replace: '(() => { throw Error("1:1 Prep never sets HTML from a string."); })()',
    count: 1,
  },
];

export function storeSafeVendorCode(): Plugin {
  return {
    name: "store-safe-vendor-code",
    enforce: "pre",
    transform(code, id) {
      const replacement = REPLACEMENTS.find((r) => r.module.test(id));
      if (!replacement) return null;
      const found = code.match(new RegExp(replacement.find.source, "g"))?.length ?? 0;
      if (found !== replacement.count)
        this.error(`expected ${replacement.count} of ${replacement.find} in ${id}, found ${found}`);
      return { code: code.replace(replacement.find, replacement.replace), map: null };
    },
  };
}
