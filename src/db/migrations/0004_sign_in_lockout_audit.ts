import { type Kysely, sql } from "kysely";

/*
 * Sign-in lockouts go to the audit log, once each. A lockout is claimed in login_lockout (one row per
 * partnership and key, taken over only once the last lockout of that key has ended), so that of several
 * processes seeing the same lockout begin, one writes it. Audit entries now say whose partnership they
 * belong to: an entry with no user (a lockout, the first admin's creation) was everyone's, and a
 * lockout's email and client address must be seen only by its own partnership's admins. Entries from
 * before keep their old reading (by their user, or everyone's when they have none).
 */
const UP: string[] = [
  `create table login_lockout (
    partnership_id integer not null references partnership (id) on delete cascade,
    key text not null,
    began_at timestamptz not null,
    locked_until timestamptz not null,
    primary key (partnership_id, key)
  )`,
  "create index login_lockout_until_idx on login_lockout (locked_until)",
  "alter table audit_log add column partnership_id integer references partnership (id)",
  "create index audit_log_partnership_idx on audit_log (partnership_id)",
];

const DOWN: string[] = [
  "drop index if exists audit_log_partnership_idx",
  "alter table audit_log drop column if exists partnership_id",
  "drop table if exists login_lockout",
];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current Schema type.
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
