export { DATABASE_NAME, PrepDatabase, prepDatabase } from "./database";
export * from "./repositories";
export * from "./schema";
