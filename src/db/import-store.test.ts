import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, parsedAction, parsedPlan, sha256Of } from "../../test/db-helpers.js";
import type { ParsedAction, ParsedPlan } from "../domain/plan.js";
import type { Status } from "../domain/status.js";
import type { AssureDb } from "./database.js";
import { NotFoundError } from "./errors.js";
import { previewImport, type StoreImportOptions, storeImport } from "./import-store.js";
import { addOrganisation, ensurePartnership, listOrganisations } from "./organisations.js";
import { getAction, getPlan, listPlans } from "./plans.js";
import type { Schema } from "./schema.js";

const TVP = "Thames Valley Police";
const MKC = "Milton Keynes Council";
const MKUH = "Milton Keynes University Hospital";

function planV1(): ParsedPlan {
  return parsedPlan([
    parsedAction({
      section: "Police",
      ref: "1",
      organisation: TVP,
      finding: "Risk not recognised",
      action: "Train officers in DA risk.",
    }),
    parsedAction({
      section: "Police",
      ref: "2",
      organisation: TVP,
      organisations: [TVP, MKC],
      finding: "Strategy meetings late",
      action: "Hold strategy meetings within 24 hours.",
      lastUpdate: null,
    }),
    parsedAction({
      section: "Health",
      ref: "3",
      organisation: "MKUHFT",
      finding: "Training levels",
      action: "Level 3 training for ED staff.",
      status: "minor-risk",
      statusText: "Amber",
    }),
    parsedAction({
      section: "Health",
      ref: "4",
      organisation: "MKUHFT",
      finding: "Audit",
      action: "Quarterly audit of referrals.",
    }),
  ]);
}

async function countRows(
  adb: AssureDb,
  table: keyof Schema,
  partnershipScoped?: { planId: number },
): Promise<number> {
  let q = adb.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
  // biome-ignore lint/suspicious/noExplicitAny: table-generic counting in a test.
  if (partnershipScoped) q = (q as any).where("planId", "=", partnershipScoped.planId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function countAll(adb: AssureDb) {
  const tables: (keyof Schema)[] = [
    "source",
    "plan",
    "planVersion",
    "section",
    "organisation",
    "action",
    "actionOrganisation",
    "actionUpdate",
    "auditLog",
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await countRows(adb, t);
  return out;
}

describe.each(databases)("storeImport on $name", (d) => {
  let adb: AssureDb;
  let partnershipId: number;
  const opts = (extra: Partial<StoreImportOptions> = {}): StoreImportOptions => ({
    partnershipId,
    fileName: "jtai-plan.docx",
    fileSha256: sha256Of("jtai-plan.docx"),
    importedBy: null,
    now: new Date("2020-04-01T09:00:00Z"),
    ...extra,
  });

  beforeAll(async () => {
    adb = await d.open();
    partnershipId = (await ensurePartnership(adb.db, "Milton Keynes Together")).id;
    await addOrganisation(adb.db, { partnershipId, name: TVP, aliases: ["TVP"] });
    await addOrganisation(adb.db, { partnershipId, name: MKUH, aliases: ["MKUHFT", "MKUHT"] });
  });
  afterAll(async () => {
    await adb?.close();
  });

  it("stores a new plan with its source, version, sections, owners and first history", async () => {
    const parsed = planV1();
    const result = await storeImport(adb.db, parsed, opts());
    expect(result).toMatchObject({
      versionNo: 1,
      added: 4,
      changed: 0,
      unchanged: 0,
      withdrawn: 0,
      reinstated: 0,
    });
    expect(result.createdOrganisations).toEqual([MKC]);

    const plan = await getPlan(adb.db, result.planId);
    expect(plan?.title).toBe("JTAI action plan");
    expect(plan?.source).toMatchObject({ kind: "jtai", title: "Joint targeted area inspection, 2019" });
    expect(plan?.effectiveCadenceDays).toBe(90);
    expect(plan?.latestVersion).toMatchObject({
      id: result.versionId,
      versionNo: 1,
      versionLabel: "FINAL",
      asOf: "2020-03-26",
      fileName: "jtai-plan.docx",
      ragKey: parsed.plan.ragKey,
      warnings: parsed.warnings,
    });
    expect(plan?.sections.map((s) => [s.name, s.organisationName])).toEqual([
      ["Police", TVP],
      ["Health", MKUH],
    ]);
    expect(
      plan?.actions.map((a) => [a.ref, a.sectionName, a.organisations.map((o) => [o.name, o.isPrimary])]),
    ).toEqual([
      ["1", "Police", [[TVP, true]]],
      [
        "2",
        "Police",
        [
          [TVP, true],
          [MKC, false],
        ],
      ],
      ["3", "Health", [[MKUH, true]]],
      ["4", "Health", [[MKUH, true]]],
    ]);
    const three = plan?.actions[2];
    expect(three).toMatchObject({
      finding: "Training levels",
      actionText: "Level 3 training for ED staff.",
      due: "2020-03-31",
      dueText: "End March 2020",
      status: "minor-risk",
      statusText: "Amber",
      progress: "Training plan agreed.\n- 40 staff trained",
      lastUpdate: "2020-01-20",
      withdrawnAt: null,
      rowVersion: 1,
    });

    // An action without its own date of last update is dated by the plan's as-of date.
    const two = await getAction(adb.db, plan?.actions[1]?.id ?? -1);
    expect(two?.timeline).toHaveLength(1);
    expect(two?.timeline[0]).toMatchObject({
      occurredOn: "2020-03-26",
      source: "import",
      status: "on-track",
      changes: {},
      planVersion: { id: result.versionId, versionNo: 1, fileName: "jtai-plan.docx" },
    });
    const one = await getAction(adb.db, plan?.actions[0]?.id ?? -1);
    expect(one?.timeline[0]?.occurredOn).toBe("2020-01-20");

    const orgs = await listOrganisations(adb.db, partnershipId);
    expect(orgs.find((o) => o.name === MKC)?.note).toMatch(/Created by the import of "jtai-plan.docx"/);
    expect(orgs.find((o) => o.name === TVP)?.note).toBeNull();

    const listed = await listPlans(adb.db, partnershipId);
    const summary = listed.find((p) => p.id === result.planId);
    expect(summary?.actionCount).toBe(4);
    expect(summary?.byStatus["on-track"]).toBe(3);
    expect(summary?.byStatus["minor-risk"]).toBe(1);
    expect(summary?.latestVersion?.versionNo).toBe(1);

    const audit = await adb.db
      .selectFrom("auditLog")
      .selectAll()
      .where("entity", "=", "plan")
      .where("entityId", "=", String(result.planId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe("plan.import");
  });

  it("dates history by the import day in England when neither action nor plan gives a date", async () => {
    const parsed = parsedPlan([parsedAction({ lastUpdate: null, ref: "Z1" })], {
      asOf: null,
      title: "Undated",
    });
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    const r = await storeImport(adb.db, parsed, opts({ now: new Date("2021-06-30T23:30:00Z") }));
    const plan = await getPlan(adb.db, r.planId);
    const action = await getAction(adb.db, plan?.actions[0]?.id ?? -1);
    expect(action?.timeline[0]?.occurredOn).toBe("2021-07-01");
  });

  it("stores a later version as history: changed fields, new actions, withdrawn ones kept", async () => {
    const first = await storeImport(adb.db, planV1(), opts());
    const before = await getPlan(adb.db, first.planId);
    const byRef = (ref: string) => before?.actions.find((a) => a.ref === ref);

    const v2 = planV1();
    v2.plan.asOf = "2020-06-30";
    v2.plan.version = "v2";
    const [one, two, three] = v2.actions as [ParsedAction, ParsedAction, ParsedAction, ParsedAction];
    v2.actions = [
      one,
      {
        ...two,
        status: "completed",
        statusText: "Blue",
        progress: "Meetings now held within 24 hours.",
        lastUpdate: "2020-06-15",
      },
      { ...three, organisation: "MKUHT", organisations: ["MKUHT"] },
      parsedAction({
        section: "Education",
        ref: "5",
        organisation: MKC,
        finding: "Schools",
        action: "Brief DSLs.",
      }),
    ];

    const preview = await previewImport(adb.db, v2, { partnershipId, planId: first.planId });
    const result = await storeImport(
      adb.db,
      v2,
      opts({ planId: first.planId, fileName: "v2.xlsx", now: new Date("2020-07-01T10:00:00Z") }),
    );
    expect(result).toMatchObject({
      planId: first.planId,
      versionNo: 2,
      added: 1,
      changed: 1,
      unchanged: 2,
      withdrawn: 1,
      reinstated: 0,
    });
    expect(result.createdOrganisations).toEqual([]);
    expect(preview).toMatchObject({
      added: 1,
      changed: 1,
      unchanged: 2,
      withdrawn: 1,
      reinstated: 0,
      newOrganisations: [],
    });

    const after = await getPlan(adb.db, first.planId);
    expect(after?.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    expect(after?.actions).toHaveLength(5);

    // Changed: new values, one new history entry with before/after, row version bumped.
    const changed = await getAction(adb.db, byRef("2")?.id ?? -1);
    expect(changed).toMatchObject({
      status: "completed",
      statusText: "Blue",
      lastUpdate: "2020-06-15",
      rowVersion: 2,
    });
    expect(changed?.timeline).toHaveLength(2);
    expect(changed?.timeline[1]).toMatchObject({
      occurredOn: "2020-06-15",
      source: "import",
      status: "completed",
      planVersion: { versionNo: 2, fileName: "v2.xlsx" },
      changes: {
        status: { before: "on-track", after: "completed" },
        statusText: { before: "Green", after: "Blue" },
        progress: {
          before: "Training plan agreed.\n- 40 staff trained",
          after: "Meetings now held within 24 hours.",
        },
        lastUpdate: { before: null, after: "2020-06-15" },
      },
    });

    // Unchanged, including one whose owner is written by another alias of the same trust: no new entry.
    for (const ref of ["1", "3"]) {
      const a = await getAction(adb.db, byRef(ref)?.id ?? -1);
      expect(a?.timeline).toHaveLength(1);
      expect(a?.rowVersion).toBe(1);
    }

    // Missing from v2: withdrawn, never deleted, with an entry saying so.
    const gone = await getAction(adb.db, byRef("4")?.id ?? -1);
    expect(gone?.withdrawnAt).toEqual(new Date("2020-07-01T10:00:00Z"));
    expect(gone?.rowVersion).toBe(2);
    expect(gone?.timeline).toHaveLength(2);
    expect(gone?.timeline[1]).toMatchObject({
      occurredOn: "2020-06-30",
      changes: { withdrawn: { before: false, after: true } },
      status: "on-track",
    });

    // New: added with its own first entry, in a new section.
    const added = after?.actions.find((a) => a.ref === "5");
    expect(added?.sectionName).toBe("Education");
    expect((await getAction(adb.db, added?.id ?? -1))?.timeline).toHaveLength(1);

    const summary = (await listPlans(adb.db, partnershipId)).find((p) => p.id === first.planId);
    expect(summary).toMatchObject({ actionCount: 4, withdrawnCount: 1 });
    expect(summary?.byStatus.completed).toBe(1);

    // v3 brings action 4 back: reinstated, not duplicated.
    const v3 = {
      ...v2,
      plan: { ...v2.plan, asOf: "2020-09-30" },
      actions: [...v2.actions, planV1().actions[3] as ParsedAction],
    };
    const third = await storeImport(
      adb.db,
      v3,
      opts({ planId: first.planId, fileName: "v3.xlsx", now: new Date("2020-10-01T10:00:00Z") }),
    );
    expect(third).toMatchObject({
      versionNo: 3,
      added: 0,
      changed: 0,
      unchanged: 4,
      withdrawn: 0,
      reinstated: 1,
    });
    const back = await getAction(adb.db, byRef("4")?.id ?? -1);
    expect(back?.withdrawnAt).toBeNull();
    expect(back?.timeline.at(-1)).toMatchObject({
      occurredOn: "2020-09-30",
      changes: { withdrawn: { before: true, after: false } },
    });
    expect((await getPlan(adb.db, first.planId))?.actions).toHaveLength(5);
  });

  it("writes nothing when a new plan fails half-way", async () => {
    const before = await countAll(adb);
    const parsed = planV1();
    parsed.actions.push(
      parsedAction({
        section: "New section",
        ref: "99",
        organisation: "Brand New Trust",
        status: "bogus" as Status,
      }),
    );
    await expect(storeImport(adb.db, parsed, opts())).rejects.toThrow(/check constraint|violates/);
    expect(await countAll(adb)).toEqual(before);
    const orgs = await listOrganisations(adb.db, partnershipId);
    expect(orgs.map((o) => o.name)).not.toContain("Brand New Trust");
  });

  it("leaves the previous version intact when a new version fails half-way", async () => {
    const first = await storeImport(adb.db, planV1(), opts());
    const planBefore = await getPlan(adb.db, first.planId);
    const before = await countAll(adb);
    const v2 = planV1();
    v2.actions = [
      { ...(v2.actions[0] as ParsedAction), progress: "Changed progress" },
      { ...(v2.actions[1] as ParsedAction), due: "2020-02-30" },
    ];
    await expect(storeImport(adb.db, v2, opts({ planId: first.planId }))).rejects.toThrow();
    expect(await countAll(adb)).toEqual(before);
    expect(await getPlan(adb.db, first.planId)).toEqual(planBefore);
  });

  it("previews without writing and agrees with what the store then does", async () => {
    const before = await countAll(adb);
    const parsed = parsedPlan([
      parsedAction({ organisation: "Someone New", ref: "P1" }),
      parsedAction({ ref: "P2", organisation: "TVP" }),
    ]);
    const preview = await previewImport(adb.db, parsed, { partnershipId });
    expect(preview).toMatchObject({ planId: null, added: 2, newOrganisations: ["Someone New"] });
    expect(preview.entries.map((e) => e.kind)).toEqual(["added", "added"]);
    expect(await countAll(adb)).toEqual(before);
    const stored = await storeImport(adb.db, parsed, opts());
    expect(stored.createdOrganisations).toEqual(["Someone New"]);
    const again = await previewImport(adb.db, parsed, { partnershipId, planId: stored.planId });
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 2, withdrawn: 0, newOrganisations: [] });
  });

  it("refuses a version of a plan that is not the partnership's", async () => {
    const other = await ensurePartnership(adb.db, "Elsewhere");
    const mine = await storeImport(adb.db, planV1(), opts());
    await expect(
      storeImport(adb.db, planV1(), opts({ partnershipId: other.id, planId: mine.planId })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      previewImport(adb.db, planV1(), { partnershipId: other.id, planId: mine.planId }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stores a large plan in batches with every action tied to its own row", async () => {
    const actions = Array.from({ length: 1234 }, (_, i) =>
      parsedAction({
        section: `Section ${i % 7}`,
        ref: String(i + 1),
        finding: `Finding ${i}`,
        action: `Action number ${i}`,
      }),
    );
    const r = await storeImport(adb.db, parsedPlan(actions, { title: "Large" }), opts());
    expect(r.added).toBe(1234);
    const plan = await getPlan(adb.db, r.planId);
    expect(plan?.actions).toHaveLength(1234);
    for (const a of plan?.actions ?? []) expect(a.actionText).toBe(`Action number ${Number(a.ref) - 1}`);
    const updates = await adb.db
      .selectFrom("actionUpdate")
      .innerJoin("action", "action.id", "actionUpdate.actionId")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action.planId", "=", r.planId)
      .executeTakeFirstOrThrow();
    expect(Number(updates.n)).toBe(1234);
  });

  it("keeps concurrent imports apart: each whole, a failing one leaves nothing", async () => {
    const before = await countAll(adb);
    const plan = (title: string, n: number) =>
      parsedPlan(
        Array.from({ length: n }, (_, i) =>
          parsedAction({ ref: `${title}-${i}`, action: `${title} action ${i}` }),
        ),
        { title },
      );
    const bad = plan("Bad", 30);
    (bad.actions[29] as ParsedAction).status = "nonsense" as Status;
    const results = await Promise.allSettled([
      storeImport(adb.db, plan("Alpha", 40), opts()),
      storeImport(adb.db, bad, opts()),
      storeImport(adb.db, plan("Beta", 25), opts()),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    for (const [i, n] of [
      [0, 40],
      [2, 25],
    ] as const) {
      const r = results[i];
      if (r?.status !== "fulfilled") throw new Error("expected success");
      const p = await getPlan(adb.db, r.value.planId);
      expect(p?.actions).toHaveLength(n);
    }
    const after = await countAll(adb);
    expect(after.plan).toBe((before.plan ?? 0) + 2);
    expect(after.action).toBe((before.action ?? 0) + 65);
    expect(after.actionUpdate).toBe((before.actionUpdate ?? 0) + 65);
  });

  it("creates an organisation two concurrent imports both name only once", async () => {
    const plan = (title: string) =>
      parsedPlan(
        [
          parsedAction({ ref: "1", organisation: "Zeta Community Trust" }),
          parsedAction({ ref: "2", organisation: "Alpha Housing" }),
        ],
        { title },
      );
    const [x, y] = await Promise.all([
      storeImport(adb.db, plan("X"), opts()),
      storeImport(adb.db, plan("Y"), opts()),
    ]);
    expect([...x.createdOrganisations, ...y.createdOrganisations].sort()).toEqual([
      "Alpha Housing",
      "Zeta Community Trust",
    ]);
    const orgs = (await listOrganisations(adb.db, partnershipId)).filter((o) =>
      /Zeta|Alpha Housing/.test(o.name),
    );
    expect(orgs).toHaveLength(2);
    const owners = async (planId: number) =>
      (await getPlan(adb.db, planId))?.actions.map((a) => a.organisations[0]?.id).sort();
    expect(await owners(x.planId)).toEqual(await owners(y.planId));
  });

  it("numbers concurrent versions of the same plan one after another", async () => {
    const first = await storeImport(adb.db, planV1(), opts());
    const v = (progress: string) => {
      const p = planV1();
      p.actions = p.actions.map((a) => ({ ...a, progress }));
      return p;
    };
    const results = await Promise.all([
      storeImport(adb.db, v("second"), opts({ planId: first.planId })),
      storeImport(adb.db, v("third"), opts({ planId: first.planId })),
    ]);
    expect(results.map((r) => r.versionNo).sort()).toEqual([2, 3]);
    const plan = await getPlan(adb.db, first.planId);
    expect(plan?.versions.map((x) => x.versionNo)).toEqual([3, 2, 1]);
    const action = await getAction(adb.db, plan?.actions[0]?.id ?? -1);
    expect(action?.timeline).toHaveLength(3);
    expect(action?.rowVersion).toBe(3);
  });
});
