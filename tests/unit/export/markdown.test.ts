import { format } from "date-fns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrepDatabase } from "@/lib/db";
import { escapeMarkdown, personToMarkdown } from "@/lib/export";
import { at, sampleRows, writeRows } from "./sample";

let db: PrepDatabase;
let n = 0;
beforeEach(async () => {
  db = new PrepDatabase(`markdown-${++n}`);
  await writeRows(db, sampleRows());
});
afterEach(async () => {
  await db.delete();
});

const NOW = at(25);
const day = (ms: number) => format(ms, "EEE d MMM yyyy");
const dayAndTime = (ms: number) => format(ms, "EEE d MMM yyyy, HH:mm");

describe("personToMarkdown", () => {
  it("reads as a document: name, email and cadence, then every section", async () => {
    const md = await personToMarkdown(db, "p-priya", NOW);
    expect(
      md.startsWith("# Priya Raman\n\n- Email: priya@example.com\n- Cadence: a 1:1 every 7 days\n"),
    ).toBe(true);
    const headings = md.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual(["## Meetings", "## Action items", "## Feedback", "## Growth plans"]);
  });

  it("lists meetings newest first, with kind, status, happiness, notes and answers by prompt", async () => {
    const md = await personToMarkdown(db, "p-priya", NOW);
    const monthly = md.indexOf(`### ${dayAndTime(at(10))} · Monthly deep dive · held`);
    const weekly = md.indexOf(`### ${dayAndTime(at(3))} · Weekly 1:1 · held`);
    expect(monthly).toBeGreaterThan(-1);
    expect(weekly).toBeGreaterThan(monthly);
    expect(md).toContain("- Happiness: 7/10");
    expect(md).toContain("**What would make it a 10?**\n\nFewer context switches.");
    expect(md).toContain("- Event: Priya / Alex");
    // Each line of the notes stays a line.
    expect(md).toContain("**Notes**\n\nOffsite budget is stuck.\\\nShe wants the API review.");
  });

  it("puts open action items first, with owner, due date and done date", async () => {
    const md = await personToMarkdown(db, "p-priya", NOW);
    const open = md.indexOf("### Open");
    const done = md.indexOf("### Done");
    expect(open).toBeGreaterThan(-1);
    expect(done).toBeGreaterThan(open);
    expect(md).toContain(
      `- [ ] Ask finance\\\n  owner: you · due ${day(at(6))} (overdue) · agreed ${day(at(3))}`,
    );
    expect(md).toContain(`- [x] Draft the plan\\\n  owner: Priya Raman · done ${day(at(8))}`);
  });

  it("shows feedback in SBI form with its valence and when it was given", async () => {
    const md = await personToMarkdown(db, "p-priya", NOW);
    expect(md).toContain(`### Reinforcing, given ${day(at(3))}`);
    expect(md).toContain("- **Situation:** In the incident review");
    expect(md).toContain("- **Behavior:** you walked through the timeline");
    expect(md).toContain("- **Impact:** we found the cause fast");
    expect(md).toContain("- **Request:** Keep doing it.");
  });

  it("shows growth plans with their checkpoints", async () => {
    const md = await personToMarkdown(db, "p-priya", NOW);
    expect(md).toContain("### 2026-Q4\n\n- **Goal:** Lead the API review\n- **Support:** Pairing\n");
    expect(md).not.toContain("**Evidence:**");
    expect(md).toContain(`  - ${day(at(30))}, open: First review`);
  });

  it("says so when a section is empty, and shows a person without email", async () => {
    const md = await personToMarkdown(db, "p-jordan", NOW);
    expect(md).toContain("- Email: none");
    expect(md).toContain("- Cadence: a 1:1 every 14 days");
    expect(md).toContain("No feedback written.");
    expect(md).toContain("No growth plans.");
    // Past, and never marked skipped or cancelled: it happened.
    expect(md).toContain(`### ${dayAndTime(at(12))} · Ad hoc 1:1 · held`);
    expect(md).not.toContain("· planned");
  });

  it("only shows the person asked for", async () => {
    const md = await personToMarkdown(db, "p-jordan", NOW);
    expect(md).not.toContain("Priya");
    expect(md).not.toContain("Offsite");
  });

  it("refuses a person who isn't there", async () => {
    await expect(personToMarkdown(db, "p-ghost", NOW)).rejects.toThrow("no longer in 1:1 Prep");
  });

  it("escapes hostile text so it renders as text", async () => {
    await db.people.update("p-priya", { displayName: "<script>alert('name')</script>" });
    await db.meetings.update("m-1", {
      notes: "# heading\n<script>alert(1)</script>\n[link](javascript:alert(1))\n| a | b |\n`code`",
      title: "<img src=x onerror=alert(1)>",
    });
    const md = await personToMarkdown(db, "p-priya", NOW);
    expect(md).toContain("# \\<script\\>alert('name')\\</script\\>\n");
    expect(md).toContain(
      "\\# heading\\\n\\<script\\>alert(1)\\</script\\>\\\n\\[link\\](javascript:alert(1))",
    );
    expect(md).toContain("\\| a \\| b \\|\\\n\\`code\\`");
    expect(md).toContain("- Event: \\<img src=x onerror=alert(1)\\>");
    expect(md).not.toMatch(/(^|[^\\])<(script|img)/m);
    expect(md).not.toMatch(/(^|[^\\])\[link/m);
  });
});

describe("escapeMarkdown", () => {
  it.each([
    ["# not a heading", "\\# not a heading"],
    ["## also not", "\\## also not"],
    ["> not a quote", "\\> not a quote"],
    ["- not a list", "\\- not a list"],
    ["+ not a list", "\\+ not a list"],
    ["* not a list", "\\* not a list"],
    ["1. not a list", "1\\. not a list"],
    ["2) not a list", "2\\) not a list"],
    ["===", "\\==="],
    ["---", "\\---"],
    ["*not emphasis* _nor this_", "\\*not emphasis\\* \\_nor this\\_"],
    ["~~not struck~~", "\\~\\~not struck\\~\\~"],
    ["![image](https://x.test/a.png)", "!\\[image\\](https://x.test/a.png)"],
    ["<b>bold</b> &amp;", "\\<b\\>bold\\</b\\> \\&amp;"],
    ["a \\ backslash", "a \\\\ backslash"],
    ["costs $5 and $6", "costs \\$5 and \\$6"],
    ["line one\nline two", "line one\\\nline two"],
    ["para one\n\npara two", "para one\n\npara two"],
    ["    indented code?", "\u00a0\u00a0\u00a0\u00a0indented code?"],
    ["plain words, 3.5 times. Fine!", "plain words, 3.5 times. Fine!"],
  ])("%j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("indents continuation lines to stay in a list item", () => {
    expect(escapeMarkdown("one\ntwo\n\nthree", "  ")).toBe("one\\\n  two\n\n  three");
  });
});
