import fc from "fast-check";
import { expect, test } from "./extension";
import { actionItem, dayAt, meeting, person, seedDatabase } from "./seed";

const types = ["prep:open", "prep:close", "prep:context", "prep:dismiss", "badge:refresh"];

/** Messages as an extension page can send them (JSON), each wrong in some way. */
const malformed = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      type: fc.oneof(fc.constantFrom(...types), fc.string(), fc.jsonValue({ maxDepth: 1 })),
      frame: fc.oneof(fc.string({ maxLength: 80 }), fc.jsonValue({ maxDepth: 1 })),
      meetingId: fc.oneof(fc.string({ maxLength: 100 }), fc.integer()),
      notes: fc.oneof(fc.string(), fc.constant("n".repeat(200_001))),
      editedAt: fc.oneof(fc.integer(), fc.double(), fc.string()),
      event: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  ),
  // Own "__proto__" keys, as JSON.parse makes them.
  fc
    .constantFrom(...types)
    .map((type) =>
      JSON.parse(`{"__proto__":{"type":"${type}"},"constructor":{"prototype":{"type":"${type}"}}}`),
    ),
);

/** The part of the extension API these pages use, typed for evaluate callbacks. */
interface Chrome {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    action: { getBadgeText(details: object): Promise<string> };
  };
}

test("500 malformed messages from an extension page leave the background answering and the badge counting", async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const messages = fc.sample(malformed, { numRuns: 500, seed: 20261013 });
  const popup = await openExtensionPage("popup.html");
  const outcome = await popup.evaluate(async (batch) => {
    const answers = await Promise.all(
      batch.map(async (message) => {
        try {
          return { answer: await (globalThis as unknown as Chrome).chrome.runtime.sendMessage(message) };
        } catch (error) {
          return { failure: String(error) };
        }
      }),
    );
    return {
      answered: answers.filter((a) => "answer" in a && a.answer != null).map((a) => JSON.stringify(a)),
      failures: [...new Set(answers.flatMap((a) => ("failure" in a ? [a.failure] : [])))],
    };
  }, messages);
  // From a popup, only a well-formed badge refresh gets an answer, and it is always just "ok"; the
  // rest get none (undefined, or null once it has crossed the message channel).
  for (const answer of outcome.answered) expect(answer).toBe('{"answer":{"ok":true}}');
  // No answer is a normal outcome; a crashed or gone listener is not.
  for (const failure of outcome.failures) expect(failure).toMatch(/message port closed|No response/i);

  // Still answering: the badge counts a newly overdue item.
  await seedDatabase(popup, {
    people: [person("dana", "Dana Park")],
    meetings: [meeting("d1", "dana", dayAt(-7))],
    actionItems: [actionItem("Send Dana the offsite agenda", "dana", "d1", { dueAt: dayAt(-1) })],
  });
  const refresh = () =>
    (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: "badge:refresh" });
  expect(await popup.evaluate(refresh)).toEqual({ ok: true });
  await expect
    .poll(() =>
      serviceWorker.evaluate(() => (globalThis as unknown as Chrome).chrome.action.getBadgeText({})),
    )
    .toBe("1");
});
