import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../test/db-helpers.js";
import { SOURCE_KINDS } from "../domain/plan.js";
import { STATUSES } from "../domain/status.js";
import type { AssureDb } from "./database.js";
import { migrateDownToEmpty, migrateToLatest } from "./migrate.js";
import { ROLES_0001, SOURCE_KINDS_0001, STATUSES_0001 } from "./migrations/0001_initial.js";
import { MIGRATIONS } from "./migrations/index.js";
import { USER_ROLES } from "./schema.js";

const TABLES = [
  "action",
  "action_organisation",
  "action_update",
  "app_user",
  "attachment",
  "audit_log",
  "challenge",
  "finding",
  "finding_event",
  "login_attempt",
  "login_lockout",
  "organisation",
  "organisation_alias",
  "partnership",
  "plan",
  "plan_version",
  "section",
  "source",
  "staged_upload",
  "user_session",
];

async function tables(adb: AssureDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(adb.db);
  return rows.map((r) => r.name);
}

describe("migration vocabularies", () => {
  it("match the domain's, so a change there comes with a migration", () => {
    expect([...STATUSES_0001]).toEqual([...STATUSES]);
    expect([...SOURCE_KINDS_0001]).toEqual([...SOURCE_KINDS]);
    expect([...ROLES_0001]).toEqual([...USER_ROLES]);
  });
});

describe.each(databases)("migrations on $name", (d) => {
  let adb: AssureDb;
  beforeAll(async () => {
    adb = await d.open({ migrate: false });
  });
  afterAll(async () => {
    await adb?.close();
  });

  it("build the schema from an empty database, once", async () => {
    expect(await tables(adb)).toEqual([]);
    expect(await migrateToLatest(adb.db)).toEqual(Object.keys(MIGRATIONS));
    expect(await tables(adb)).toEqual(TABLES);
    expect(await migrateToLatest(adb.db)).toEqual([]);
  });

  it("undo to empty and apply again", async () => {
    await migrateDownToEmpty(adb.db);
    expect(await tables(adb)).toEqual([]);
    await migrateToLatest(adb.db);
    expect(await tables(adb)).toEqual(TABLES);
  });

  it("return dates as YYYY-MM-DD text and timestamps as Dates", async () => {
    const { rows } = await sql<{ d: unknown; t: unknown; n: unknown }>`
      select date '2020-03-31' as d, timestamptz '2020-03-31T23:30:00Z' as t, count(*) as n
      from (values (1), (2)) v(x)`.execute(adb.db);
    expect(rows[0]?.d).toBe("2020-03-31");
    expect(rows[0]?.t).toBeInstanceOf(Date);
    expect(rows[0]?.t).toEqual(new Date("2020-03-31T23:30:00.000Z"));
    expect(rows[0]?.n).toBe(2);
  });
});
