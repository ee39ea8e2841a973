export { DATABASE_NAME, PrepDatabase, prepDatabase, watchTables } from "./database";
export * from "./repositories";
export * from "./schema";
