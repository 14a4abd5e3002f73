import type { Kysely } from "kysely";
import { laterDay } from "./days.js";
import type { FindingRow, Schema } from "./schema.js";
import { inTransaction } from "./transaction.js";

export interface FindingInput {
  actionId: number | null;
  kind: string;
  severity: string;
  reason: string;
  question: string;
  /** The same finding recomputed later must carry the same fingerprint (e.g. kind + action id). */
  fingerprint: string;
  /** Where in the plan it was raised, as shown with it; refreshed while it stays open. */
  section?: string;
  ref?: string;
  organisation?: string | null;
}

export interface FindingSync {
  raised: number;
  resolved: number;
  /** Open before and still open. */
  kept: number;
}

/**
 * Replaces the open findings of a plan with a fresh assessment made on `assessedOn`: new ones are raised,
 * ones no longer found are resolved, ones still found stay open (their wording refreshed) with their
 * original raised date. Each raise and resolve is recorded as an event, so what was open on any past day
 * can be answered.
 */
export async function syncPlanFindings(
  db: Kysely<Schema>,
  opts: { planId: number; assessedOn: string; findings: FindingInput[]; now?: Date },
): Promise<FindingSync> {
  const now = opts.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const open = await trx
      .selectFrom("finding")
      .selectAll()
      .where("planId", "=", opts.planId)
      .where("resolvedOn", "is", null)
      .forUpdate()
      .execute();
    const openByPrint = new Map(open.map((f) => [f.fingerprint, f]));
    const incoming = new Map(opts.findings.map((f) => [f.fingerprint, f]));
    const result: FindingSync = { raised: 0, resolved: 0, kept: 0 };

    for (const f of incoming.values()) {
      const existing = openByPrint.get(f.fingerprint);
      if (existing) {
        result.kept++;
        const place = {
          section: f.section ?? existing.section,
          ref: f.ref ?? existing.ref,
          organisation: f.organisation === undefined ? existing.organisation : f.organisation,
        };
        if (
          existing.reason !== f.reason ||
          existing.question !== f.question ||
          existing.severity !== f.severity ||
          existing.actionId !== f.actionId ||
          existing.kind !== f.kind ||
          existing.section !== place.section ||
          existing.ref !== place.ref ||
          existing.organisation !== place.organisation
        ) {
          await trx
            .updateTable("finding")
            .set({
              reason: f.reason,
              question: f.question,
              severity: f.severity,
              actionId: f.actionId,
              kind: f.kind,
              ...place,
            })
            .where("id", "=", existing.id)
            .execute();
        }
        continue;
      }
      const { id } = await trx
        .insertInto("finding")
        .values({ ...f, planId: opts.planId, raisedOn: opts.assessedOn, resolvedOn: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("findingEvent")
        .values({ findingId: id, event: "raised", occurredOn: opts.assessedOn, at: now })
        .execute();
      result.raised++;
    }

    for (const f of open) {
      if (incoming.has(f.fingerprint)) continue;
      // An assessment dated before the finding was raised cannot resolve it earlier than that.
      const on = laterDay(opts.assessedOn, f.raisedOn);
      await trx.updateTable("finding").set({ resolvedOn: on }).where("id", "=", f.id).execute();
      await trx
        .insertInto("findingEvent")
        .values({ findingId: f.id, event: "resolved", occurredOn: on, at: now })
        .execute();
      result.resolved++;
    }
    return result;
  });
}

export interface FindingQuery {
  partnershipId: number;
  planId?: number;
  actionId?: number;
  kind?: string;
  /** Findings open on that day (raised on or before it, not resolved by it); default: open now. */
  openOn?: string;
}

/** Findings open at a moment — today's, or those that stood on the day of a past Assurance meeting. */
export async function listOpenFindings(db: Kysely<Schema>, query: FindingQuery): Promise<FindingRow[]> {
  let q = db
    .selectFrom("finding")
    .innerJoin("plan", "plan.id", "finding.planId")
    .selectAll("finding")
    .where("plan.partnershipId", "=", query.partnershipId);
  if (query.openOn === undefined) {
    q = q.where("finding.resolvedOn", "is", null);
  } else {
    const on = query.openOn;
    q = q
      .where("finding.raisedOn", "<=", on)
      .where((eb) => eb.or([eb("finding.resolvedOn", "is", null), eb("finding.resolvedOn", ">", on)]));
  }
  if (query.planId !== undefined) q = q.where("finding.planId", "=", query.planId);
  if (query.actionId !== undefined) q = q.where("finding.actionId", "=", query.actionId);
  if (query.kind !== undefined) q = q.where("finding.kind", "=", query.kind);
  return q
    .orderBy("finding.planId")
    .orderBy("finding.actionId")
    .orderBy("finding.kind")
    .orderBy("finding.id")
    .execute();
}

/** Open findings per day over a range, for the "open findings over time" chart. */
export async function countOpenFindingsByDay(
  db: Kysely<Schema>,
  opts: { partnershipId: number; days: string[] },
): Promise<{ day: string; open: number }[]> {
  const rows = await db
    .selectFrom("finding")
    .innerJoin("plan", "plan.id", "finding.planId")
    .select(["finding.raisedOn", "finding.resolvedOn"])
    .where("plan.partnershipId", "=", opts.partnershipId)
    .execute();
  return opts.days.map((day) => ({
    day,
    open: rows.filter((r) => r.raisedOn <= day && (r.resolvedOn === null || r.resolvedOn > day)).length,
  }));
}
