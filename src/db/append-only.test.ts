import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, parsedAction, parsedPlan, sha256Of } from "../../test/db-helpers.js";
import { appendAudit } from "./audit.js";
import type { AssureDb } from "./database.js";
import { storeImport } from "./import-store.js";
import { ensurePartnership } from "./organisations.js";

describe.each(databases)("append-only history on $name", (d) => {
  let adb: AssureDb;
  beforeAll(async () => {
    adb = await d.open();
    const p = await ensurePartnership(adb.db, "Milton Keynes");
    await storeImport(adb.db, parsedPlan([parsedAction()]), {
      partnershipId: p.id,
      fileName: "plan.docx",
      fileSha256: sha256Of("plan"),
      importedBy: null,
    });
    await appendAudit(adb.db, {
      userId: null,
      action: "test",
      entity: "thing",
      entityId: 1,
      after: { a: 1 },
    });
  });
  afterAll(async () => {
    await adb?.close();
  });

  it.each(["action_update", "audit_log"])(
    "%s accepts inserts but refuses update, delete and truncate",
    async (table) => {
      const count = async () =>
        Number(
          (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(adb.db)).rows[0]
            ?.n,
        );
      const before = await count();
      expect(before).toBeGreaterThan(0);
      const column = table === "audit_log" ? "action" : "progress";
      await expect(
        sql`update ${sql.table(table)} set ${sql.ref(column)} = 'rewritten'`.execute(adb.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`delete from ${sql.table(table)}`.execute(adb.db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate ${sql.table(table)} cascade`.execute(adb.db)).rejects.toThrow(/append-only/);
      expect(await count()).toBe(before);
      const { rows } = await sql<{
        n: number;
      }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = 'rewritten'`.execute(
        adb.db,
      );
      expect(rows[0]?.n).toBe(0);
    },
  );

  it("refuses through the query builder too", async () => {
    await expect(adb.db.deleteFrom("actionUpdate").execute()).rejects.toThrow(/append-only/);
    await expect(adb.db.deleteFrom("auditLog").execute()).rejects.toThrow(/append-only/);
  });
});
