import type { CalendarSelector } from "./selectors";

type Root = ParentNode | null | undefined;

/** First element matching the current hook, else the first fallback that matches. */
export function queryFirst(root: Root, selector: CalendarSelector): HTMLElement | null {
  if (!root) return null;
  for (const css of selector.css) {
    const found = root.querySelector<HTMLElement>(css);
    if (found) return found;
  }
  return null;
}

/** All elements of the first alternative that matches anything. */
export function queryAll(root: Root, selector: CalendarSelector): HTMLElement[] {
  if (!root) return [];
  for (const css of selector.css) {
    const found = root.querySelectorAll<HTMLElement>(css);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/**
 * Page text is untrusted and may be huge: read it as text only, collapse whitespace and cap it
 * so later regexes stay cheap.
 */
export function cleanText(raw: string | null | undefined, maxLength: number): string {
  if (!raw) return "";
  return raw
    .slice(0, maxLength * 4)
    .replace(/[\p{Cc}\s]+/gu, " ")
    .trim()
    .slice(0, maxLength);
}

export function textOf(element: Element | null | undefined, maxLength: number): string {
  return cleanText(element?.textContent, maxLength);
}

/**
 * The element's text nodes as lines. textContent would glue "4:30pm" and "Weekly" together when
 * they sit in sibling blocks.
 */
export function linesOf(element: Element | null | undefined, maxLength: number): string[] {
  if (!element) return [];
  const lines: string[] = [];
  let budget = maxLength;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && budget > 0; node = walker.nextNode()) {
    const line = cleanText(node.nodeValue, budget);
    if (line) {
      lines.push(line);
      budget -= line.length;
    }
  }
  return lines;
}
