import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../test/db-helpers.js";
import type { AssureDb } from "./database.js";
import { ensurePartnership } from "./organisations.js";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(databases)("connections on $name", (d) => {
  let adb: AssureDb;
  beforeAll(async () => {
    adb = await d.open();
  });
  afterAll(async () => {
    await adb?.close();
  });

  it("keep a query from outside out of a transaction that is still open", async () => {
    // On one PGlite session, a query slipped between BEGIN and ROLLBACK would be rolled back with it.
    const failing = adb.db.transaction().execute(async (trx) => {
      await trx.insertInto("partnership").values({ name: "Inside the transaction" }).execute();
      await pause(150);
      throw new Error("abandon");
    });
    await pause(20);
    const outside = ensurePartnership(adb.db, "Outside the transaction");
    await expect(failing).rejects.toThrow("abandon");
    await outside;
    const names = (await adb.db.selectFrom("partnership").select("name").execute()).map((r) => r.name);
    expect(names).toContain("Outside the transaction");
    expect(names).not.toContain("Inside the transaction");
  });

  it("run concurrent transactions one after the other, each whole", async () => {
    const log: string[] = [];
    const tx = (name: string) =>
      adb.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 3; i++) {
          await trx
            .insertInto("partnership")
            .values({ name: `${name} ${i}` })
            .execute();
          const { rows } = await sql<{
            n: number;
          }>`select count(*) as n from partnership where name like ${`${name}%`}`.execute(trx);
          log.push(`${name}:${rows[0]?.n}`);
          await pause(5);
        }
      });
    await Promise.all([tx("A"), tx("B"), tx("C")]);
    for (const name of ["A", "B", "C"]) {
      expect(log.filter((l) => l.startsWith(`${name}:`))).toEqual([`${name}:1`, `${name}:2`, `${name}:3`]);
    }
    if (adb.kind === "pglite") {
      // One session: each transaction's three steps are contiguous in the log.
      const order = log.map((l) => l[0]).join("");
      expect(order).toMatch(/^(AAA|BBB|CCC){3}$/);
    }
  });

  it("support savepoints (nested rollback)", async () => {
    const trx = await adb.db.startTransaction().execute();
    await trx.insertInto("partnership").values({ name: "Kept" }).execute();
    const sp = await trx.savepoint("inner").execute();
    await sp.insertInto("partnership").values({ name: "Rolled back" }).execute();
    await sp.rollbackToSavepoint("inner").execute();
    const sp2 = await trx.savepoint("second").execute();
    await sp2.insertInto("partnership").values({ name: "Released" }).execute();
    await sp2.releaseSavepoint("second").execute();
    await trx.commit().execute();
    const names = (await adb.db.selectFrom("partnership").select("name").execute()).map((r) => r.name);
    expect(names).toContain("Kept");
    expect(names).toContain("Released");
    expect(names).not.toContain("Rolled back");
  });

  it("report a failed statement and keep working afterwards", async () => {
    await expect(sql`select * from no_such_table`.execute(adb.db)).rejects.toThrow(/no_such_table/);
    await expect(
      adb.db.transaction().execute(async (trx) => {
        await trx.insertInto("partnership").values({ name: "Half" }).execute();
        await sql`select 1/0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    const half = await adb.db.selectFrom("partnership").select("id").where("name", "=", "Half").execute();
    expect(half).toEqual([]);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(adb.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it("count affected rows", async () => {
    await ensurePartnership(adb.db, "Count me");
    const r = await adb.db
      .updateTable("partnership")
      .set({ reviewCadenceDays: 30 })
      .where("name", "like", "Count%")
      .executeTakeFirst();
    expect(r.numUpdatedRows).toBe(1n);
  });

  it("round-trip bytea", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const { rows } = await sql<{ b: Uint8Array }>`select ${bytes}::bytea as b`.execute(adb.db);
    expect([...(rows[0]?.b ?? [])]).toEqual([0, 1, 2, 250, 255]);
  });
});
