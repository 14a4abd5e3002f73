import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirInUseError } from "./data-dir-lock.js";
import { openDatabase } from "./database.js";
import { migrateToLatest } from "./migrate.js";
import { ensurePartnership, listPartnerships } from "./organisations.js";

describe("openDatabase with an embedded data directory", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("keeps data across restarts and migrates only once", async () => {
    const dir = await mkdtemp(join(tmpdir(), "assure-db-"));
    dirs.push(dir);
    const dataDir = join(dir, "nested", "pg");
    const first = await openDatabase({ kind: "pglite", dataDir });
    expect(first.kind).toBe("pglite");
    expect((await migrateToLatest(first.db)).length).toBeGreaterThan(0);
    await ensurePartnership(first.db, "Persisted partnership");
    await first.close();

    const second = await openDatabase({ kind: "pglite", dataDir });
    // A second opener of the same directory (another process, or this one) is refused while it is open.
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    expect(await migrateToLatest(second.db)).toEqual([]);
    expect((await listPartnerships(second.db)).map((p) => p.name)).toEqual(["Persisted partnership"]);
    await second.close();
  });

  it("takes over a lock left by a process that has ended", async () => {
    const dir = await mkdtemp(join(tmpdir(), "assure-db-"));
    dirs.push(dir);
    const dataDir = join(dir, "pg");
    // A pid far above any real one stands for a process that crashed without removing its lock.
    await writeFile(`${dataDir}.lock`, "2147483646");
    const adb = await openDatabase({ kind: "pglite", dataDir });
    expect(await readFile(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await adb.close();
    await expect(readFile(`${dataDir}.lock`, "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("lets a transaction in flight finish before closing", async () => {
    const adb = await openDatabase({ kind: "pglite-memory" });
    await migrateToLatest(adb.db);
    let finished = false;
    const tx = adb.db.transaction().execute(async (trx) => {
      await new Promise((r) => setTimeout(r, 50));
      await trx.insertInto("partnership").values({ name: "late" }).execute();
      finished = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    await adb.close();
    await tx;
    expect(finished).toBe(true);
  });
});
