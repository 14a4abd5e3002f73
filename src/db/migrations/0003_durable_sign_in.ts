import { type Kysely, sql } from "kysely";

/*
 * Failed sign-ins are counted in the database, so that every process behind a balancer sees the same
 * lockouts and a restart forgets none. Each installation counts its own partnership's attempts; rows are
 * short-lived (pruned once their window has passed), so the few from before this migration are dropped.
 */
const UP: string[] = [
  "delete from login_attempt",
  `alter table login_attempt
     add column partnership_id integer not null references partnership (id) on delete cascade`,
  "drop index if exists login_attempt_key_idx",
  "create index login_attempt_key_idx on login_attempt (partnership_id, key, at)",
  "create index login_attempt_at_idx on login_attempt (at)",
];

const DOWN: string[] = [
  "drop index if exists login_attempt_at_idx",
  "drop index if exists login_attempt_key_idx",
  "alter table login_attempt drop column if exists partnership_id",
  "create index login_attempt_key_idx on login_attempt (key, at)",
];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current Schema type.
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
