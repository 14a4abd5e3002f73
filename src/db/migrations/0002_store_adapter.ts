import { type Kysely, sql } from "kysely";

/*
 * What the web service's Store needs beyond 0001: findings keep the section, ref and organisation they were
 * raised about (a finding about the plan as a whole has no action to take them from), challenges record
 * who settled them and when, and uploaded plans wait in the database for the admin to confirm them.
 */
const UP: string[] = [
  `alter table finding
     add column section text not null default '',
     add column ref text not null default '',
     add column organisation text`,

  `alter table challenge
     add column resolved_by integer references app_user (id),
     add column resolved_at timestamptz,
     add constraint challenge_resolved_check check ((status = 'open') = (resolved_at is null))`,

  // Bytes of a file between upload and confirmation; removed once imported, discarded or expired.
  `create table staged_upload (
    id text primary key check (btrim(id) <> ''),
    user_id integer not null references app_user (id) on delete cascade,
    file_name text not null,
    content bytea not null,
    created_at timestamptz not null default now()
  )`,
  "create index staged_upload_created_idx on staged_upload (created_at)",
  "create index staged_upload_user_idx on staged_upload (user_id)",
];

const DOWN: string[] = [
  "drop table if exists staged_upload",
  `alter table challenge
     drop constraint if exists challenge_resolved_check,
     drop column if exists resolved_by,
     drop column if exists resolved_at`,
  `alter table finding
     drop column if exists section,
     drop column if exists ref,
     drop column if exists organisation`,
];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current Schema type.
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current Schema type.
export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
