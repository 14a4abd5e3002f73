import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, parsedAction, parsedPlan, sha256Of } from "../../test/db-helpers.js";
import type { AssureDb } from "./database.js";
import { storeImport } from "./import-store.js";
import { addOrganisation, ensurePartnership } from "./organisations.js";
import {
  findImportsOfFile,
  getPlan,
  listOrganisationActions,
  organisationOwnsAction,
  updatePlan,
} from "./plans.js";

describe.each(databases)("plan queries on $name", (d) => {
  let adb: AssureDb;
  let partnershipId: number;
  beforeAll(async () => {
    adb = await d.open();
    partnershipId = (await ensurePartnership(adb.db, "P")).id;
  });
  afterAll(async () => {
    await adb?.close();
  });

  it("lists an organisation's current actions soonest due first, shared ones included", async () => {
    const police = await addOrganisation(adb.db, { partnershipId, name: "Police" });
    const council = await addOrganisation(adb.db, { partnershipId, name: "Council" });
    const r = await storeImport(
      adb.db,
      parsedPlan([
        parsedAction({ ref: "a", organisation: "Police", due: "2020-09-30" }),
        parsedAction({
          ref: "b",
          organisation: "Council",
          organisations: ["Council", "Police"],
          due: "2020-05-31",
        }),
        parsedAction({ ref: "c", organisation: "Police", due: null }),
        parsedAction({ ref: "d", organisation: "Council", due: "2020-01-31" }),
      ]),
      { partnershipId, fileName: "x.docx", fileSha256: sha256Of("x"), importedBy: null },
    );
    expect((await listOrganisationActions(adb.db, police)).map((a) => a.ref)).toEqual(["b", "a", "c"]);
    expect((await listOrganisationActions(adb.db, council)).map((a) => a.ref)).toEqual(["d", "b"]);
    const plan = await getPlan(adb.db, r.planId);
    const d = plan?.actions.find((a) => a.ref === "d")?.id ?? -1;
    const b = plan?.actions.find((a) => a.ref === "b")?.id ?? -1;
    expect(await organisationOwnsAction(adb.db, police, d)).toBe(false);
    expect(await organisationOwnsAction(adb.db, police, b)).toBe(true);
    expect(await findImportsOfFile(adb.db, partnershipId, sha256Of("x").toUpperCase())).toMatchObject([
      { planId: r.planId, versionNo: 1 },
    ]);
    expect(await findImportsOfFile(adb.db, partnershipId, sha256Of("y"))).toEqual([]);
  });

  it("changes a plan's metadata and source, reporting before and after", async () => {
    const r = await storeImport(adb.db, parsedPlan([parsedAction()], { source: null }), {
      partnershipId,
      fileName: "y.docx",
      fileSha256: sha256Of("y"),
      importedBy: null,
      sourceKind: "sar",
    });
    expect((await getPlan(adb.db, r.planId))?.source).toMatchObject({
      kind: "sar",
      title: "JTAI action plan",
    });
    const changed = await updatePlan(adb.db, r.planId, {
      title: "SAR Adult B action plan",
      reviewCadenceDays: 30,
      sourceTitle: "Safeguarding adults review: Adult B",
      publishedOn: "2020-02-14",
    });
    expect(changed?.before.effectiveCadenceDays).toBe(90);
    expect(changed?.after).toMatchObject({
      title: "SAR Adult B action plan",
      reviewCadenceDays: 30,
      effectiveCadenceDays: 30,
      source: { kind: "sar", title: "Safeguarding adults review: Adult B", publishedOn: "2020-02-14" },
    });
    expect(await updatePlan(adb.db, 999999, { title: "x" })).toBeUndefined();
  });
});
