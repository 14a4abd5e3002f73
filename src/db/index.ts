/** The data layer's public surface; import from here rather than from the files behind it. */
export * from "./action-updates.js";
export * from "./audit.js";
export * from "./data-dir-lock.js";
export * from "./database.js";
export * from "./days.js";
export * from "./errors.js";
export * from "./findings.js";
export * from "./import-store.js";
export * from "./json.js";
export * from "./migrate.js";
export * from "./organisations.js";
export * from "./plan-snapshot.js";
export * from "./plans.js";
export * from "./schema.js";
export * from "./sessions.js";
export * from "./transaction.js";
export * from "./users.js";
