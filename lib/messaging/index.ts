export { isTabMessage } from "./content-guards";
export { FRAME_TOKEN, newFrameToken } from "./frame-token";
export { createMessageRouter, type MessageRouterOptions, type Sender } from "./message-router";
export * from "./protocol";
