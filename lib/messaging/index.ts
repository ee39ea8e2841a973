export { FRAME_TOKEN, isTabMessage, newFrameToken } from "./content-guards";
export { createMessageRouter, type MessageRouterOptions, type Sender } from "./message-router";
export * from "./protocol";
