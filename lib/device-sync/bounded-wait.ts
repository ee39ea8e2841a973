/**
 * Waits for `work` at most `ms`, then goes on whatever it did: for the steps turning sync off
 * asks of Google, which must never hold the manager's click up when offline or slow. Its failure
 * is not waited on either; the work itself goes on in the background.
 */
export async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    work.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
