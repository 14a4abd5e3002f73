import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.js";
import { lockDataDir } from "./data-dir-lock.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Schema } from "./schema.js";

export interface AssureDb {
  db: Kysely<Schema>;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export type DatabaseTarget = Config["database"] | { kind: "pglite-memory" };

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * Dates stay 'YYYY-MM-DD' text: turning them into JS Dates at local midnight shifts them a day in some
 * time zones. int8 (count(*), sums) comes back as a number; no Assure count gets near 2^53.
 */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (format !== "binary" && oid === DATE_OID) return (value: string) => value;
    if (format !== "binary" && oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

// PGlite already returns int8 as a number when it fits.
const pgliteParsers = { [DATE_OID]: (value: string) => value };

function kysely(dialect: ConstructorParameters<typeof Kysely<Schema>>[0]["dialect"]): Kysely<Schema> {
  // Nested JSON (rag_key, changes, audit before/after) keeps its own keys; only column names are mapped.
  return new Kysely<Schema>({ dialect, plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
}

/** Opens (without migrating) the database the configuration names. */
export async function openDatabase(target: DatabaseTarget): Promise<AssureDb> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, types: pgTypes, max: 10 });
    // An idle client losing its server must not crash the process; the next query reports the failure.
    pool.on("error", (err) => {
      console.error(`PostgreSQL connection error: ${err.message}`);
    });
    const db = kysely(new PostgresDialect({ pool }));
    return { db, kind: "postgres", close: () => db.destroy() };
  }

  if (target.kind === "pglite-memory") {
    const db = kysely(new PGliteDialect({ pglite: await PGlite.create({ parsers: pgliteParsers }) }));
    return { db, kind: "pglite", close: () => db.destroy() };
  }

  await mkdir(dirname(target.dataDir), { recursive: true });
  const unlock = lockDataDir(target.dataDir);
  try {
    await mkdir(target.dataDir, { recursive: true });
    const pglite = await PGlite.create({ dataDir: target.dataDir, parsers: pgliteParsers });
    const db = kysely(new PGliteDialect({ pglite }));
    return {
      db,
      kind: "pglite",
      close: async () => {
        try {
          await db.destroy();
        } finally {
          unlock();
        }
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
