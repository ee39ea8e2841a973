export { FRAME_TOKEN, isTabMessage, newFrameToken } from "./content-guards";
export { createPrepRouter, type PrepRouterOptions, type Sender } from "./prep-router";
export * from "./protocol";
