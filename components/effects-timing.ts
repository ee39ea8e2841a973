import { options } from "preact";

/**
 * Effects run in the task after a render, as React runs them, not after the next animation frame
 * as Preact would: a search typed, the Stats table's query or a prep's reads start from effects,
 * and would otherwise each wait up to a frame (35 ms where the browser throttles frames). Every
 * page imports this before it renders.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => {
  for (const callback of waiting.splice(0)) callback();
};
options.requestAnimationFrame = (callback) => {
  if (waiting.push(callback) === 1) channel.port2.postMessage(null);
};
