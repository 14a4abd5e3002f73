import type { Kysely } from "kysely";
import { loadConfig } from "../config.js";
import { migrateToLatest, openDatabase, type Partnership, type Schema } from "../db/index.js";
import { currentPartnership, DEFAULT_PARTNERSHIP_NAME } from "../setup/partnership.js";

export interface CliDatabase {
  db: Kysely<Schema>;
  partnership: Partnership;
}

/** Opens the configured database (migrated), runs fn, and always closes it. */
export async function withDatabase<T>(fn: (ctx: CliDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    const partnership = await currentPartnership(
      handle.db,
      config.partnershipName ?? DEFAULT_PARTNERSHIP_NAME,
    );
    return await fn({ db: handle.db, partnership });
  } finally {
    await handle.close();
  }
}
