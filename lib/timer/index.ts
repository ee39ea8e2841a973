export { RUNNING_TIMER_KEY, readRunningTimer, saveRunningTimer, watchRunningTimer } from "./stored";
export {
  actualMinutes,
  boxClock,
  extendBox,
  moveOn,
  type RunningTimer,
  runningTimerSchema,
  skipBox,
  startTimer,
  type TimeBoxPlan,
  type TimerBox,
  type TimerNow,
  timerBadgeText,
  timerNow,
  toRunningTimer,
} from "./timer";
