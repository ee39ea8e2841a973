/**
 * How the list of devices names this one: the browser and the system, read from the user agent.
 * Nothing the manager typed, and nothing that tells two of their computers apart beyond that.
 */
export function deviceLabel(userAgent: string): string {
  const browser = /Firefox\//.test(userAgent)
    ? "Firefox"
    : /Edg\//.test(userAgent)
      ? "Edge"
      : /OPR\//.test(userAgent)
        ? "Opera"
        : /Chrome\//.test(userAgent)
          ? "Chrome"
          : "Browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /CrOS/.test(userAgent)
      ? "ChromeOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : undefined;
  return system ? `${browser} · ${system}` : browser;
}
