import type { Kysely } from "kysely";
import { summariseDiff } from "../../domain/plan-diff.js";
import { NotFoundError } from "../../services/errors.js";
import type { PlanRecord, PlanVersionRecord, Store } from "../../services/store.js";
import { previewImport, storeImport } from "../import-store.js";
import type { Schema } from "../schema.js";
import { inTransaction } from "../transaction.js";
import { translated } from "./errors.js";
import { dbId, iso, requireId, storeId, storeIdOrNull } from "./ids.js";
import { lockPlan } from "./locks.js";

async function loadPlans(db: Kysely<Schema>, partnershipId: number, planId?: number): Promise<PlanRecord[]> {
  let plans = db
    .selectFrom("plan")
    .innerJoin("partnership", "partnership.id", "plan.partnershipId")
    .leftJoin("source", "source.id", "plan.sourceId")
    .select([
      "plan.id",
      "plan.title",
      "plan.createdAt",
      "plan.reviewCadenceDays",
      "partnership.reviewCadenceDays as partnershipCadence",
      "source.kind as sourceKind",
      "source.title as sourceTitle",
    ])
    .where("plan.partnershipId", "=", partnershipId);
  if (planId !== undefined) plans = plans.where("plan.id", "=", planId);
  const rows = await plans.orderBy("plan.id").execute();
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);

  const versions = await db
    .selectFrom("planVersion")
    .select(["planId", "versionNo", "versionLabel", "asOf", "fileName", "importedAt", "ragKey"])
    .distinctOn("planId")
    .where("planId", "in", ids)
    .orderBy("planId")
    .orderBy("versionNo", "desc")
    .execute();
  const latest = new Map(versions.map((v) => [v.planId, v]));

  // The database keeps the sections of earlier versions for their withdrawn actions; the plan as it now
  // stands has the sections with a current action, and those that never had any (headings with no rows).
  const sections = await db
    .selectFrom("section")
    .leftJoin("organisation", "organisation.id", "section.organisationId")
    .select((eb) => [
      "section.planId",
      "section.name",
      "organisation.name as organisation",
      eb
        .exists(eb.selectFrom("action").select("action.id").whereRef("action.sectionId", "=", "section.id"))
        .as("hasActions"),
      eb
        .exists(
          eb
            .selectFrom("action")
            .select("action.id")
            .whereRef("action.sectionId", "=", "section.id")
            .where("action.withdrawnAt", "is", null),
        )
        .as("hasCurrent"),
    ])
    .where("section.planId", "in", ids)
    .orderBy("section.planId")
    .orderBy("section.position")
    .orderBy("section.id")
    .execute();

  return rows.map((p) => {
    const v = latest.get(p.id);
    return {
      id: storeId(p.id),
      title: p.title,
      sourceKind: p.sourceKind,
      sourceTitle: p.sourceTitle,
      versionLabel: v?.versionLabel ?? null,
      versionNumber: v?.versionNo ?? 0,
      asOf: v?.asOf ?? null,
      ragKey: v?.ragKey ?? [],
      reviewCadenceDays: p.reviewCadenceDays ?? p.partnershipCadence,
      fileName: v?.fileName ?? "",
      importedAt: iso(v?.importedAt ?? p.createdAt),
      sections: sections
        .filter((s) => s.planId === p.id && (Boolean(s.hasCurrent) || !s.hasActions))
        .map((s) => ({ name: s.name, organisation: s.organisation })),
    };
  });
}

export function plansStore(db: Kysely<Schema>, partnershipId: number): Store["plans"] {
  return {
    list: () => loadPlans(db, partnershipId),

    async get(planId) {
      const n = dbId(planId);
      if (n === null) return null;
      return (await loadPlans(db, partnershipId, n))[0] ?? null;
    },

    async versions(planId) {
      const n = dbId(planId);
      if (n === null) return [];
      const rows = await db
        .selectFrom("planVersion")
        .innerJoin("plan", "plan.id", "planVersion.planId")
        .select([
          "planVersion.id",
          "planVersion.planId",
          "planVersion.versionNo",
          "planVersion.versionLabel",
          "planVersion.fileName",
          "planVersion.importedAt",
          "planVersion.importedBy",
        ])
        .where("plan.partnershipId", "=", partnershipId)
        .where("planVersion.planId", "=", n)
        .orderBy("planVersion.versionNo", "desc")
        .execute();
      return rows.map(
        (v): PlanVersionRecord => ({
          id: storeId(v.id),
          planId: storeId(v.planId),
          number: v.versionNo,
          label: v.versionLabel,
          fileName: v.fileName,
          importedAt: iso(v.importedAt),
          importedById: storeIdOrNull(v.importedBy),
        }),
      );
    },

    async previewImport(planId, parsed) {
      const n = dbId(planId);
      if (n === null) throw new NotFoundError(`No plan with id ${planId}`);
      const preview = await translated(() => previewImport(db, parsed, { partnershipId, planId: n }));
      return summariseDiff(preview.entries);
    },

    async storeImport(input) {
      const planId = input.planId === null ? undefined : requireId(input.planId, "plan");
      return translated(() =>
        inTransaction(db, async (trx) => {
          if (planId !== undefined) await lockPlan(trx, planId);
          const stored = await storeImport(trx, input.parsed, {
            partnershipId,
            planId,
            fileName: input.fileName,
            fileSha256: input.fileSha256,
            importedBy: dbId(input.actorId),
            now: new Date(input.at),
          });
          return { planId: storeId(stored.planId), versionId: storeId(stored.versionId) };
        }),
      );
    },
  };
}
