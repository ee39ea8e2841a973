import { storage } from "wxt/utils/storage";
import { type RunningTimer, toRunningTimer } from "./timer";

/**
 * The running 1:1 lives in the extension, not in the sidebar's frame, so closing the dialog or the
 * tab loses nothing. storage.session: it belongs to this browser session only (Chrome MV3, and
 * Firefox's MV2 build from Firefox 115, which the manifest requires).
 */
export const RUNNING_TIMER_KEY = "runningTimer";
const timerItem = storage.defineItem<unknown>(`session:${RUNNING_TIMER_KEY}`);

export async function readRunningTimer(): Promise<RunningTimer | undefined> {
  return toRunningTimer(await timerItem.getValue());
}

export async function saveRunningTimer(timer: RunningTimer | undefined): Promise<void> {
  if (timer === undefined) await timerItem.removeValue();
  else await timerItem.setValue(timer);
}

export function watchRunningTimer(onChange: (timer: RunningTimer | undefined) => void): () => void {
  return timerItem.watch((value) => onChange(toRunningTimer(value)));
}
