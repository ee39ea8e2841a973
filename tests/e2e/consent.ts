import type { Page, Worker } from "@playwright/test";

/**
 * Stand-ins for the browser's own consent screens, which a headless browser cannot click
 * through: the optional-permission prompt and Google's sign-in window. Everything after them is
 * the extension's own code. The browser may expose the APIs as `chrome`, `browser` or both.
 */

type Target = Page | Worker;

type Arg = string | boolean;

function run<A extends Arg>(target: Target, fn: (arg: A) => void, arg: A): Promise<void> {
  const call = fn as (arg: Arg) => void;
  return "mainFrame" in target ? target.evaluate(call, arg) : target.evaluate(call, arg);
}

/** The permission prompt answers `granted`; removing a permission succeeds. */
export function answerPermissionPrompt(target: Target, granted: boolean): Promise<void> {
  return run(
    target,
    (answer: boolean) => {
      const g = globalThis as unknown as Record<"chrome" | "browser", Record<string, unknown> | undefined>;
      for (const api of [g.chrome, g.browser]) {
        if (api)
          api.permissions = {
            ...(api.permissions as object),
            request: async () => answer,
            remove: async () => true,
          };
      }
    },
    granted,
  );
}

/** Google's sign-in window hands back `accessToken`, as `launchWebAuthFlow` would after consent. */
export function answerGoogleSignIn(target: Target, accessToken: string): Promise<void> {
  return run(
    target,
    (token: string) => {
      const g = globalThis as unknown as Record<"chrome" | "browser", Record<string, unknown> | undefined>;
      for (const api of [g.chrome, g.browser]) {
        if (!api) continue;
        api.identity = {
          getRedirectURL: () => "https://prep.chromiumapp.org/",
          launchWebAuthFlow: async ({ url }: { url: string }) => {
            // Google grants what the sign-in asked for, and lists it.
            const asked = new URL(url).searchParams;
            const state = asked.get("state") ?? "";
            const scope = encodeURIComponent(asked.get("scope") ?? "");
            return `https://prep.chromiumapp.org/#access_token=${token}&token_type=Bearer&expires_in=3600&scope=${scope}&state=${state}`;
          },
        };
      }
    },
    accessToken,
  );
}

/**
 * Google's sign-in window answers the URL it was opened on with `answer(url)`, worked out in the
 * test: a code flow's code, which the test's fake token endpoint then exchanges.
 */
export async function answerGoogleSignInWith(page: Page, answer: (url: string) => string): Promise<void> {
  await page.exposeFunction("__googleSignIn", answer);
  await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> &
      Record<"chrome" | "browser", Record<string, unknown> | undefined>;
    const signIn = g.__googleSignIn as (url: string) => Promise<string>;
    for (const api of [g.chrome, g.browser]) {
      if (!api) continue;
      api.identity = {
        getRedirectURL: () => "https://prep.chromiumapp.org/",
        launchWebAuthFlow: async ({ url }: { url: string }) => signIn(url),
      };
    }
  });
}

/**
 * In the background, every sign-in window the extension tries to open is recorded in
 * `globalThis.__signInWindows` and refused, as a browser with nobody at it would.
 */
export function recordSignInWindows(worker: Worker): Promise<void> {
  return worker.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> &
      Record<"chrome" | "browser", Record<string, unknown> | undefined>;
    const opened: string[] = [];
    g.__signInWindows = opened;
    for (const api of [g.chrome, g.browser]) {
      if (!api) continue;
      api.identity = {
        getRedirectURL: () => "https://prep.chromiumapp.org/",
        launchWebAuthFlow: async ({ url }: { url: string }) => {
          opened.push(url);
          throw new Error("User interaction required.");
        },
      };
    }
  });
}

/** Notifications are recorded in the worker instead of shown; `clickNotification` clicks one. */
export function recordNotifications(worker: Worker): Promise<void> {
  return worker.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> &
      Record<"chrome" | "browser", Record<string, unknown> | undefined>;
    const shown: unknown[] = [];
    g.__shown = shown;
    for (const api of [g.chrome, g.browser]) {
      if (!api) continue;
      api.notifications = {
        create: async (id: string, options: { title: string; message: string }) => {
          shown.push({ id, title: options.title, message: options.message });
          return id;
        },
        clear: async () => true,
        onClicked: {
          addListener: (listener: (id: string) => void) => {
            g.__click = listener;
          },
        },
      };
    }
  });
}

export interface ShownNotification {
  id: string;
  title: string;
  message: string;
}

export function shownNotifications(worker: Worker): Promise<ShownNotification[]> {
  return worker.evaluate(() => (globalThis as unknown as { __shown: ShownNotification[] }).__shown);
}

export function clickNotification(worker: Worker, id: string): Promise<void> {
  return worker.evaluate(
    (which) => (globalThis as unknown as { __click: (id: string) => void }).__click(which),
    id,
  );
}

/**
 * The downloads permission granted and the Downloads folder recorded in the worker: each file the
 * extension saves is read from its blob URL (as the browser would) and kept in
 * `globalThis.__downloads`, removals in `__removedDownloads`.
 */
export function recordDownloads(worker: Worker): Promise<void> {
  return worker.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> &
      Record<"chrome" | "browser", Record<string, unknown> | undefined>;
    const saved: { id: number; filename: string; text: string }[] = [];
    const removed: number[] = [];
    g.__downloads = saved;
    g.__removedDownloads = removed;
    let next = 1;
    // Chrome's APIs answer by promise and by callback; the polyfill uses the callback.
    const both =
      <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
      (...args: [...A, ((result: R) => void)?]) => {
        const callback = typeof args.at(-1) === "function" ? (args.pop() as (result: R) => void) : undefined;
        const result = work(...(args as unknown as A));
        if (callback) void result.then(callback);
        return result;
      };
    const downloads = {
      download: both(async (options: { url: string; filename: string }) => {
        const text = await (await fetch(options.url)).text();
        const id = next++;
        saved.push({ id, filename: options.filename, text });
        return id;
      }),
      search: both(async (query: { id?: number }) =>
        saved
          .filter((d) => query.id === undefined || d.id === query.id)
          .map((d) => ({ id: d.id, state: "complete" })),
      ),
      removeFile: both(async (id: number) => {
        removed.push(id);
      }),
      erase: both(async () => []),
      onChanged: { addListener() {}, removeListener() {}, hasListener: () => false },
    };
    for (const api of [g.chrome, g.browser]) if (api) api.downloads = downloads;
  });
}
