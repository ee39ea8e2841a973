import { storage } from "wxt/utils/storage";
import { type RunningTimer, toRunningTimer } from "./timer";

/**
 * The running 1:1 lives in the extension, not in the sidebar's frame, so closing the dialog or the
 * tab loses nothing. storage.local, not storage.session: Firefox gives the sidebar (a frame inside
 * Calendar's page) only the storage areas a content script has, and session isn't one of them; a
 * browser that restarts mid-meeting then still knows the minutes so far.
 */
export const RUNNING_TIMER_KEY = "runningTimer";
const timerItem = storage.defineItem<unknown>(`local:${RUNNING_TIMER_KEY}`);

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
