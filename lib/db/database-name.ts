/** The extension origin's one IndexedDB database, in a module of its own so reading it needs no Dexie. */
export const DATABASE_NAME = "one-on-one-prep";
