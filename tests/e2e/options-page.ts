import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

/** The places of the options page, as its side navigation names them. */
export type OptionsPlace =
  | "People"
  | "Templates"
  | "Google Calendar"
  | "Sync across devices"
  | "Backup and import"
  | "Settings";

/** The side navigation's link to a place. */
export function optionsLink(options: Page, place: OptionsPlace) {
  return options.getByRole("navigation", { name: "Options" }).getByRole("link", { name: place, exact: true });
}

/** Goes to another place of an open options page, as the manager would: through its side navigation. */
export async function showOptionsPlace(options: Page, place: OptionsPlace) {
  await optionsLink(options, place).click();
}

/** Exports a backup from an open options page into `file`, and returns what it holds. */
export async function exportTo(
  options: Page,
  file: string,
  button = "Export everything (JSON)",
): Promise<string> {
  const downloading = options.waitForEvent("download");
  await options.getByRole("button", { name: button }).click();
  await (await downloading).saveAs(file);
  return readFileSync(file, "utf8");
}
