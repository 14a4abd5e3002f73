import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, parsedAction, parsedPlan, sha256Of } from "../../test/db-helpers.js";
import { getAttachment, recordActionUpdate } from "./action-updates.js";
import type { AssureDb } from "./database.js";
import { ConflictError, InvalidStateError, NotFoundError } from "./errors.js";
import { storeImport } from "./import-store.js";
import { ensurePartnership } from "./organisations.js";
import { getAction, getPlan } from "./plans.js";
import { createUser } from "./users.js";

describe.each(databases)("recordActionUpdate on $name", (d) => {
  let adb: AssureDb;
  let partnershipId: number;
  let userId: number;
  let otherUserId: number;

  async function freshAction(): Promise<number> {
    const r = await storeImport(adb.db, parsedPlan([parsedAction({ lastUpdate: "2020-01-20" })]), {
      partnershipId,
      fileName: "p.csv",
      fileSha256: sha256Of("p.csv"),
      importedBy: null,
    });
    const plan = await getPlan(adb.db, r.planId);
    return plan?.actions[0]?.id ?? -1;
  }

  beforeAll(async () => {
    adb = await d.open();
    partnershipId = (await ensurePartnership(adb.db, "Test partnership")).id;
    userId = (
      await createUser(adb.db, {
        partnershipId,
        email: "Lead@Police.example",
        name: "A Lead",
        role: "admin",
        passwordHash: "x",
      })
    ).id;
    otherUserId = (
      await createUser(adb.db, {
        partnershipId,
        email: "other@example.org",
        name: "Other",
        role: "admin",
        passwordHash: "x",
      })
    ).id;
  });
  afterAll(async () => {
    await adb?.close();
  });

  it("applies an update, records what changed, who and when, with attachments", async () => {
    const actionId = await freshAction();
    const pdf = new TextEncoder().encode("%PDF-1.4 evidence");
    const r = await recordActionUpdate(adb.db, {
      actionId,
      userId,
      expectedRowVersion: 1,
      status: "completed",
      progress: "All officers trained by 1 March.",
      evidence: "Audit of 20 cases shows risk recognised in 19.",
      occurredOn: "2020-03-02",
      attachments: [{ fileName: "audit.pdf", contentType: "application/pdf", content: pdf }],
    });
    expect(r.rowVersion).toBe(2);
    expect(r.changes).toMatchObject({
      status: { before: "on-track", after: "completed" },
      statusText: { before: "Green", after: "Completed" },
      lastUpdate: { before: "2020-01-20", after: "2020-03-02" },
    });
    const action = await getAction(adb.db, actionId);
    expect(action).toMatchObject({
      status: "completed",
      statusText: "Completed",
      progress: "All officers trained by 1 March.",
      evidenceOfImpact: "Audit of 20 cases shows risk recognised in 19.",
      lastUpdate: "2020-03-02",
      rowVersion: 2,
    });
    const last = action?.timeline.at(-1);
    expect(last).toMatchObject({
      source: "user",
      occurredOn: "2020-03-02",
      user: { id: userId, name: "A Lead" },
      planVersion: null,
    });
    expect(last?.attachments).toEqual([
      {
        id: r.attachmentIds[0],
        fileName: "audit.pdf",
        contentType: "application/pdf",
        sizeBytes: pdf.byteLength,
      },
    ]);
    const file = await getAttachment(adb.db, r.attachmentIds[0] ?? -1);
    expect(file?.content).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(file?.content)).toBe("%PDF-1.4 evidence");
    expect(file?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file?.actionId).toBe(actionId);

    const audit = await adb.db
      .selectFrom("auditLog")
      .selectAll()
      .where("action", "=", "action.update")
      .where("entityId", "=", String(actionId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ status: "on-track", rowVersion: 1 });
    expect(audit[0]?.after).toMatchObject({ status: "completed", rowVersion: 2 });
  });

  it("refuses a save based on an old version and keeps the other person's update", async () => {
    const actionId = await freshAction();
    const base = { actionId, status: "on-track" as const, occurredOn: "2020-03-01" };
    await recordActionUpdate(adb.db, {
      ...base,
      userId,
      expectedRowVersion: 1,
      progress: "First person's words",
    });
    const stale = recordActionUpdate(adb.db, {
      ...base,
      userId: otherUserId,
      expectedRowVersion: 1,
      progress: "Second person's words",
    });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    const action = await getAction(adb.db, actionId);
    expect(action?.progress).toBe("First person's words");
    expect(action?.timeline.filter((t) => t.source === "user")).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous saves win", async () => {
    const actionId = await freshAction();
    const save = (who: number, words: string) =>
      recordActionUpdate(adb.db, {
        actionId,
        userId: who,
        expectedRowVersion: 1,
        status: "minor-risk",
        progress: words,
        occurredOn: "2020-03-01",
      });
    const results = await Promise.allSettled([
      save(userId, "one"),
      save(otherUserId, "two"),
      save(userId, "three"),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    for (const r of lost) expect(r.status === "rejected" && r.reason).toBeInstanceOf(ConflictError);
    const action = await getAction(adb.db, actionId);
    expect(action?.rowVersion).toBe(2);
    expect(action?.timeline.filter((t) => t.source === "user")).toHaveLength(1);
  });

  it("refuses a save whose form predates a re-import that changed the action", async () => {
    const r = await storeImport(adb.db, parsedPlan([parsedAction({ ref: "R1" })], { title: "Re-imported" }), {
      partnershipId,
      fileName: "a.csv",
      fileSha256: sha256Of("a"),
      importedBy: null,
    });
    const actionId = (await getPlan(adb.db, r.planId))?.actions[0]?.id ?? -1;
    await storeImport(
      adb.db,
      parsedPlan([parsedAction({ ref: "R1", progress: "Changed in v2" })], { title: "Re-imported" }),
      {
        partnershipId,
        planId: r.planId,
        fileName: "b.csv",
        fileSha256: sha256Of("b"),
        importedBy: null,
      },
    );
    await expect(
      recordActionUpdate(adb.db, {
        actionId,
        userId,
        expectedRowVersion: 1,
        status: "on-track",
        progress: "x",
        occurredOn: "2020-05-01",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("does not move the date of last update backwards for a back-dated update", async () => {
    const actionId = await freshAction();
    const r = await recordActionUpdate(adb.db, {
      actionId,
      userId,
      expectedRowVersion: 1,
      status: "on-track",
      progress: "Reviewed; no change.",
      occurredOn: "2019-12-01",
    });
    const action = await getAction(adb.db, actionId);
    expect(action?.lastUpdate).toBe("2020-01-20");
    expect(r.changes.lastUpdate).toBeUndefined();
    expect(action?.evidenceOfImpact).toBe("");
  });

  it("refuses missing and withdrawn actions and bad dates", async () => {
    await expect(
      recordActionUpdate(adb.db, {
        actionId: 999999,
        userId,
        expectedRowVersion: 1,
        status: "on-track",
        progress: "",
        occurredOn: "2020-01-01",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const actionId = await freshAction();
    await expect(
      recordActionUpdate(adb.db, {
        actionId,
        userId,
        expectedRowVersion: 1,
        status: "on-track",
        progress: "",
        occurredOn: "1/2/2020",
      }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await adb.db
      .updateTable("action")
      .set({ withdrawnAt: new Date(), rowVersion: 2 })
      .where("id", "=", actionId)
      .execute();
    await expect(
      recordActionUpdate(adb.db, {
        actionId,
        userId,
        expectedRowVersion: 2,
        status: "on-track",
        progress: "",
        occurredOn: "2020-01-01",
      }),
    ).rejects.toBeInstanceOf(InvalidStateError);
  });
});
