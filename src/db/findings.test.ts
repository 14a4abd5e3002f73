import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, parsedAction, parsedPlan, sha256Of } from "../../test/db-helpers.js";
import type { AssureDb } from "./database.js";
import { countOpenFindingsByDay, type FindingInput, listOpenFindings, syncPlanFindings } from "./findings.js";
import { storeImport } from "./import-store.js";
import { ensurePartnership } from "./organisations.js";
import { getPlan } from "./plans.js";

describe.each(databases)("findings on $name", (d) => {
  let adb: AssureDb;
  let partnershipId: number;
  let planId: number;
  let actionIds: number[];
  const finding = (actionId: number, kind: string, reason = "r"): FindingInput => ({
    actionId,
    kind,
    severity: "high",
    reason,
    question: "Please provide an update.",
    fingerprint: `${kind}:${actionId}`,
  });

  beforeAll(async () => {
    adb = await d.open();
    partnershipId = (await ensurePartnership(adb.db, "P")).id;
    const r = await storeImport(
      adb.db,
      parsedPlan([parsedAction({ ref: "1" }), parsedAction({ ref: "2" })]),
      {
        partnershipId,
        fileName: "f.docx",
        fileSha256: sha256Of("f"),
        importedBy: null,
      },
    );
    planId = r.planId;
    actionIds = (await getPlan(adb.db, planId))?.actions.map((a) => a.id) ?? [];
  });
  afterAll(async () => {
    await adb?.close();
  });

  it("raises, keeps and resolves findings with their history, answerable for any past day", async () => {
    const [a, b] = actionIds as [number, number];
    expect(
      await syncPlanFindings(adb.db, {
        planId,
        assessedOn: "2020-04-01",
        findings: [finding(a, "overdue"), finding(b, "stale")],
      }),
    ).toEqual({
      raised: 2,
      resolved: 0,
      kept: 0,
    });
    expect(
      await syncPlanFindings(adb.db, {
        planId,
        assessedOn: "2020-05-01",
        findings: [finding(a, "overdue", "now 30 days overdue")],
      }),
    ).toEqual({ raised: 0, resolved: 1, kept: 1 });
    expect(
      await syncPlanFindings(adb.db, { planId, assessedOn: "2020-06-01", findings: [finding(b, "stale")] }),
    ).toEqual({
      raised: 1,
      resolved: 1,
      kept: 0,
    });

    const kinds = async (openOn?: string) =>
      (await listOpenFindings(adb.db, { partnershipId, planId, ...(openOn ? { openOn } : {}) })).map(
        (f) => `${f.kind}:${f.actionId}`,
      );
    expect(await kinds()).toEqual([`stale:${b}`]);
    expect(await kinds("2020-04-15")).toEqual([`overdue:${a}`, `stale:${b}`]);
    expect(await kinds("2020-05-15")).toEqual([`overdue:${a}`]);
    expect(await kinds("2020-03-31")).toEqual([]);
    const overdue = await listOpenFindings(adb.db, { partnershipId, openOn: "2020-05-15" });
    expect(overdue[0]?.reason).toBe("now 30 days overdue");

    const events = await adb.db
      .selectFrom("findingEvent")
      .select(["event", "occurredOn"])
      .orderBy("id")
      .execute();
    expect(events.map((e) => `${e.event}@${e.occurredOn}`)).toEqual([
      "raised@2020-04-01",
      "raised@2020-04-01",
      "resolved@2020-05-01",
      "raised@2020-06-01",
      "resolved@2020-06-01",
    ]);
    expect(
      await countOpenFindingsByDay(adb.db, {
        partnershipId,
        days: ["2020-04-01", "2020-05-01", "2020-06-01"],
      }),
    ).toEqual([
      { day: "2020-04-01", open: 2 },
      { day: "2020-05-01", open: 1 },
      { day: "2020-06-01", open: 1 },
    ]);
  });
});
