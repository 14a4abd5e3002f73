import type { Kysely } from "kysely";
import { NotFoundError } from "../../services/errors.js";
import type { FindingBrief, FindingRecord, RaisedFinding, Store } from "../../services/store.js";
import { isFindingKind, type Severity } from "../../services/types.js";
import { syncPlanFindings } from "../findings.js";
import type { Schema } from "../schema.js";
import { inTransaction } from "../transaction.js";
import { translated } from "./errors.js";
import { dbId, requireId, storeId, storeIdOrNull } from "./ids.js";
import { lockPlan } from "./locks.js";

const SEVERITIES: readonly string[] = ["high", "medium", "low"] satisfies Severity[];

function isSeverity(value: string): value is Severity {
  return SEVERITIES.includes(value);
}

/**
 * "The same finding" across recomputations: the same kind about the same action, or, for a finding
 * about no one action, the same kind at the same place in the plan.
 */
export function fingerprint(f: Pick<RaisedFinding, "actionId" | "kind" | "section" | "ref">): string {
  return f.actionId !== null
    ? JSON.stringify(["action", f.actionId, f.kind])
    : JSON.stringify(["place", f.section, f.ref, f.kind]);
}

export function findingsStore(db: Kysely<Schema>, partnershipId: number): Store["findings"] {
  return {
    async list(filter) {
      let q = db
        .selectFrom("finding")
        .innerJoin("plan", "plan.id", "finding.planId")
        .selectAll("finding")
        .where("plan.partnershipId", "=", partnershipId);
      if (filter.planId !== undefined) {
        const n = dbId(filter.planId);
        if (n === null) return [];
        q = q.where("finding.planId", "=", n);
      }
      if (filter.actionId !== undefined) {
        const n = dbId(filter.actionId);
        if (n === null) return [];
        q = q.where("finding.actionId", "=", n);
      }
      if (filter.openOnly) q = q.where("finding.resolvedOn", "is", null);
      const rows = await q.orderBy("finding.id").execute();
      const records: FindingRecord[] = [];
      for (const f of rows) {
        const kind = f.kind;
        const severity = f.severity;
        // Only the Store writes findings, with the services' kinds; anything else is not theirs to show.
        if (!isFindingKind(kind) || !isSeverity(severity)) continue;
        records.push({
          id: storeId(f.id),
          planId: storeId(f.planId),
          actionId: storeIdOrNull(f.actionId),
          kind,
          severity,
          section: f.section,
          organisation: f.organisation,
          ref: f.ref,
          reason: f.reason,
          question: f.question,
          raisedOn: f.raisedOn,
          resolvedOn: f.resolvedOn,
        });
      }
      return records;
    },

    async briefs(filter) {
      let q = db
        .selectFrom("finding")
        .innerJoin("plan", "plan.id", "finding.planId")
        .select([
          "finding.id",
          "finding.planId",
          "finding.actionId",
          "finding.kind",
          "finding.severity",
          "finding.resolvedOn",
        ])
        .where("plan.partnershipId", "=", partnershipId);
      if (filter.planId !== undefined) {
        const n = dbId(filter.planId);
        if (n === null) return [];
        q = q.where("finding.planId", "=", n);
      }
      if (filter.openOnly) q = q.where("finding.resolvedOn", "is", null);
      const rows = await q.orderBy("finding.id").execute();
      const briefs: FindingBrief[] = [];
      for (const f of rows) {
        const kind = f.kind;
        // The same findings as list() gives: anything not written with the services' kinds is left out.
        if (!isFindingKind(kind) || !isSeverity(f.severity)) continue;
        briefs.push({
          id: storeId(f.id),
          planId: storeId(f.planId),
          actionId: storeIdOrNull(f.actionId),
          kind,
          resolvedOn: f.resolvedOn,
        });
      }
      return briefs;
    },

    async sync(planId, raised, on) {
      const n = requireId(planId, "plan");
      const findings = raised.map((r) => ({
        actionId: r.actionId === null ? null : requireId(r.actionId, "action"),
        kind: r.kind,
        severity: r.severity,
        reason: r.reason,
        question: r.question,
        fingerprint: fingerprint(r),
        section: r.section,
        ref: r.ref,
        organisation: r.organisation,
      }));
      await translated(() =>
        inTransaction(db, async (trx) => {
          const plan = await trx
            .selectFrom("plan")
            .select("id")
            .where("id", "=", n)
            .where("partnershipId", "=", partnershipId)
            .executeTakeFirst();
          if (!plan) throw new NotFoundError(`No plan with id ${planId}`);
          await lockPlan(trx, n);
          await syncPlanFindings(trx, { planId: n, assessedOn: on, findings });
        }),
      );
    },
  };
}
