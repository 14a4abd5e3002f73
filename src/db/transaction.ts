import type { Kysely, Transaction } from "kysely";
import type { Schema } from "./schema.js";

/**
 * Runs `fn` in a transaction, joining the caller's if `db` already is one (Kysely cannot nest them), so
 * repository functions compose: a caller may wrap several of them in one transaction of its own.
 */
export function inTransaction<T>(db: Kysely<Schema>, fn: (trx: Kysely<Schema>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Schema>);
  return db.transaction().execute(fn);
}
