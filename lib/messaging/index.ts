export { isTabMessage } from "./content-guards";
export {
  FRAME_TOKEN,
  isPrepShowMessage,
  newFrameToken,
  PREP_SHOW,
  type PrepShowMessage,
} from "./frame-token";
export { createMessageRouter, type MessageRouterOptions, type Sender } from "./message-router";
export * from "./protocol";
