import { type Kysely, type MigrationResult, Migrator, NO_MIGRATIONS } from "kysely";
import { MIGRATIONS } from "./migrations/index.js";

export class MigrationError extends Error {
  override name = "MigrationError";
}

function migrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
  });
}

/** Brings the schema up to date; names of the migrations applied now (empty when already current). */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  return settle(error, results);
}

/** Undo every migration. For tests and for an operator starting again; not used by the service. */
export async function migrateDownToEmpty<DB>(db: Kysely<DB>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateTo(NO_MIGRATIONS);
  return settle(error, results);
}

function settle(error: unknown, results: MigrationResult[] | undefined): string[] {
  const failed = results?.find((r) => r.status === "Error");
  if (error !== undefined || failed) {
    const detail = error instanceof Error ? error.message : String(error ?? "unknown error");
    throw new MigrationError(
      `Database migration ${failed ? `"${failed.migrationName}" ` : ""}failed: ${detail}`,
      error instanceof Error ? { cause: error } : undefined,
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
