export { isTabMessage } from "./content-guards";
export {
  DETECTOR_HELLO,
  type DetectorHello,
  type DetectorReply,
  type DetectorRequest,
  type EventCheck,
  isDetectorHello,
  NOTHING_TO_SHOW,
  parseDetectorReply,
  type Verdict,
} from "./detector-channel";
export {
  FRAME_TOKEN,
  isPrepShowMessage,
  newFrameToken,
  PREP_SHOW,
  type PrepShowMessage,
} from "./frame-token";
export { createMessageRouter, type MessageRouterOptions, type Sender } from "./message-router";
export * from "./page-replies";
export * from "./protocol";
