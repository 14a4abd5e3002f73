import type { Kysely } from "kysely";
import type { RagKeyEntry, SourceKind, Warning } from "../domain/plan.js";
import type { FieldChanges } from "../domain/plan-diff.js";
import { STATUSES, type Status } from "../domain/status.js";
import { attachmentsOfUpdates } from "./action-updates.js";
import type { ActionRow, Schema, UpdateSource } from "./schema.js";
import { inTransaction } from "./transaction.js";

export type StatusCounts = Record<Status, number>;

function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export interface VersionSummary {
  id: number;
  versionNo: number;
  versionLabel: string | null;
  asOf: string | null;
  fileName: string;
  importedAt: Date;
  importedBy: number | null;
}

export interface PlanSummary {
  id: number;
  title: string;
  source: { id: number; kind: SourceKind; title: string } | null;
  reviewCadenceDays: number | null;
  createdAt: Date;
  withdrawnAt: Date | null;
  latestVersion: VersionSummary | null;
  /** Current (not withdrawn) actions. */
  actionCount: number;
  withdrawnCount: number;
  byStatus: StatusCounts;
}

/** The partnership's plans, oldest first, each with counts of its current actions by status. */
export async function listPlans(db: Kysely<Schema>, partnershipId: number): Promise<PlanSummary[]> {
  const plans = await db
    .selectFrom("plan")
    .leftJoin("source", "source.id", "plan.sourceId")
    .select([
      "plan.id",
      "plan.title",
      "plan.reviewCadenceDays",
      "plan.createdAt",
      "plan.withdrawnAt",
      "source.id as sourceId",
      "source.kind as sourceKind",
      "source.title as sourceTitle",
    ])
    .where("plan.partnershipId", "=", partnershipId)
    .orderBy("plan.id")
    .execute();
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.id);

  const versions = await db
    .selectFrom("planVersion")
    .select(["id", "planId", "versionNo", "versionLabel", "asOf", "fileName", "importedAt", "importedBy"])
    .distinctOn("planId")
    .where("planId", "in", ids)
    .orderBy("planId")
    .orderBy("versionNo", "desc")
    .execute();
  const latest = new Map(versions.map(({ planId, ...v }) => [planId, v]));

  const counts = await db
    .selectFrom("action")
    .select((eb) => [
      "planId",
      "status",
      eb.fn.countAll<number>().as("n"),
      eb.fn.countAll<number>().filterWhere("withdrawnAt", "is not", null).as("withdrawn"),
    ])
    .where("planId", "in", ids)
    .groupBy(["planId", "status"])
    .execute();

  return plans.map((p) => {
    const byStatus = emptyCounts();
    let actionCount = 0;
    let withdrawnCount = 0;
    for (const c of counts) {
      if (c.planId !== p.id) continue;
      const current = Number(c.n) - Number(c.withdrawn);
      byStatus[c.status] += current;
      actionCount += current;
      withdrawnCount += Number(c.withdrawn);
    }
    return {
      id: p.id,
      title: p.title,
      source:
        p.sourceId !== null && p.sourceKind !== null && p.sourceTitle !== null
          ? { id: p.sourceId, kind: p.sourceKind, title: p.sourceTitle }
          : null,
      reviewCadenceDays: p.reviewCadenceDays,
      createdAt: p.createdAt,
      withdrawnAt: p.withdrawnAt,
      latestVersion: latest.get(p.id) ?? null,
      actionCount,
      withdrawnCount,
      byStatus,
    };
  });
}

export interface ActionOwner {
  id: number;
  name: string;
  isPrimary: boolean;
}

export interface PlanAction extends ActionRow {
  sectionName: string;
  organisations: ActionOwner[];
}

export interface PlanDetail {
  id: number;
  partnershipId: number;
  title: string;
  reviewCadenceDays: number | null;
  /** The plan's own cadence, else the partnership's. */
  effectiveCadenceDays: number;
  createdAt: Date;
  withdrawnAt: Date | null;
  source: {
    id: number;
    kind: SourceKind;
    title: string;
    publishedOn: string | null;
    receivedOn: string | null;
  } | null;
  versions: VersionSummary[];
  latestVersion: (VersionSummary & { ragKey: RagKeyEntry[]; warnings: Warning[] }) | null;
  sections: {
    id: number;
    name: string;
    position: number;
    organisationId: number | null;
    organisationName: string | null;
  }[];
  /** In plan order, withdrawn ones included (see `withdrawnAt`). */
  actions: PlanAction[];
}

export async function getPlan(db: Kysely<Schema>, planId: number): Promise<PlanDetail | undefined> {
  const plan = await db
    .selectFrom("plan")
    .innerJoin("partnership", "partnership.id", "plan.partnershipId")
    .leftJoin("source", "source.id", "plan.sourceId")
    .select([
      "plan.id",
      "plan.partnershipId",
      "plan.title",
      "plan.reviewCadenceDays",
      "plan.createdAt",
      "plan.withdrawnAt",
      "partnership.reviewCadenceDays as partnershipCadence",
      "source.id as sourceId",
      "source.kind as sourceKind",
      "source.title as sourceTitle",
      "source.publishedOn",
      "source.receivedOn",
    ])
    .where("plan.id", "=", planId)
    .executeTakeFirst();
  if (!plan) return undefined;

  const versionRows = await db
    .selectFrom("planVersion")
    .select([
      "id",
      "versionNo",
      "versionLabel",
      "asOf",
      "fileName",
      "importedAt",
      "importedBy",
      "ragKey",
      "warnings",
    ])
    .where("planId", "=", planId)
    .orderBy("versionNo", "desc")
    .execute();
  const sections = await db
    .selectFrom("section")
    .leftJoin("organisation", "organisation.id", "section.organisationId")
    .select([
      "section.id",
      "section.name",
      "section.position",
      "section.organisationId",
      "organisation.name as organisationName",
    ])
    .where("section.planId", "=", planId)
    .orderBy("section.position")
    .orderBy("section.id")
    .execute();
  const actions = await db
    .selectFrom("action")
    .innerJoin("section", "section.id", "action.sectionId")
    .selectAll("action")
    .select("section.name as sectionName")
    .where("action.planId", "=", planId)
    .orderBy("action.position")
    .orderBy("action.id")
    .execute();
  const owners = await ownersOfPlan(db, planId);

  const [latestRow] = versionRows;
  return {
    id: plan.id,
    partnershipId: plan.partnershipId,
    title: plan.title,
    reviewCadenceDays: plan.reviewCadenceDays,
    effectiveCadenceDays: plan.reviewCadenceDays ?? plan.partnershipCadence,
    createdAt: plan.createdAt,
    withdrawnAt: plan.withdrawnAt,
    source:
      plan.sourceId !== null && plan.sourceKind !== null && plan.sourceTitle !== null
        ? {
            id: plan.sourceId,
            kind: plan.sourceKind,
            title: plan.sourceTitle,
            publishedOn: plan.publishedOn,
            receivedOn: plan.receivedOn,
          }
        : null,
    versions: versionRows.map(({ ragKey: _k, warnings: _w, ...v }) => v),
    latestVersion: latestRow ?? null,
    sections,
    actions: actions.map((a) => ({ ...a, organisations: owners.get(a.id) ?? [] })),
  };
}

async function ownersOfPlan(db: Kysely<Schema>, planId: number): Promise<Map<number, ActionOwner[]>> {
  const rows = await db
    .selectFrom("actionOrganisation")
    .innerJoin("action", "action.id", "actionOrganisation.actionId")
    .innerJoin("organisation", "organisation.id", "actionOrganisation.organisationId")
    .select([
      "actionOrganisation.actionId",
      "organisation.id",
      "organisation.name",
      "actionOrganisation.isPrimary",
    ])
    .where("action.planId", "=", planId)
    .orderBy("actionOrganisation.actionId")
    .orderBy("actionOrganisation.position")
    .execute();
  const map = new Map<number, ActionOwner[]>();
  for (const { actionId, ...owner } of rows) {
    const list = map.get(actionId) ?? [];
    list.push(owner);
    map.set(actionId, list);
  }
  return map;
}

export interface TimelineEntry {
  id: number;
  occurredOn: string;
  recordedAt: Date;
  source: UpdateSource;
  status: Status;
  statusText: string;
  progress: string;
  evidence: string;
  changes: FieldChanges;
  user: { id: number; name: string } | null;
  planVersion: { id: number; versionNo: number; versionLabel: string | null; fileName: string } | null;
  attachments: { id: number; fileName: string; contentType: string; sizeBytes: number }[];
}

export interface ActionDetail extends PlanAction {
  planTitle: string;
  partnershipId: number;
  /** Oldest first. */
  timeline: TimelineEntry[];
}

export async function getAction(db: Kysely<Schema>, actionId: number): Promise<ActionDetail | undefined> {
  const action = await db
    .selectFrom("action")
    .innerJoin("section", "section.id", "action.sectionId")
    .innerJoin("plan", "plan.id", "action.planId")
    .selectAll("action")
    .select(["section.name as sectionName", "plan.title as planTitle", "plan.partnershipId"])
    .where("action.id", "=", actionId)
    .executeTakeFirst();
  if (!action) return undefined;

  const organisations = await db
    .selectFrom("actionOrganisation")
    .innerJoin("organisation", "organisation.id", "actionOrganisation.organisationId")
    .select(["organisation.id", "organisation.name", "actionOrganisation.isPrimary"])
    .where("actionOrganisation.actionId", "=", actionId)
    .orderBy("actionOrganisation.position")
    .execute();
  const updates = await db
    .selectFrom("actionUpdate")
    .leftJoin("appUser", "appUser.id", "actionUpdate.userId")
    .leftJoin("planVersion", "planVersion.id", "actionUpdate.planVersionId")
    .select([
      "actionUpdate.id",
      "actionUpdate.occurredOn",
      "actionUpdate.recordedAt",
      "actionUpdate.source",
      "actionUpdate.status",
      "actionUpdate.statusText",
      "actionUpdate.progress",
      "actionUpdate.evidence",
      "actionUpdate.changes",
      "appUser.id as userId",
      "appUser.name as userName",
      "planVersion.id as versionId",
      "planVersion.versionNo",
      "planVersion.versionLabel",
      "planVersion.fileName",
    ])
    .where("actionUpdate.actionId", "=", actionId)
    .orderBy("actionUpdate.occurredOn")
    .orderBy("actionUpdate.recordedAt")
    .orderBy("actionUpdate.id")
    .execute();
  const attachments = await attachmentsOfUpdates(
    db,
    updates.map((u) => u.id),
  );

  return {
    ...action,
    organisations,
    timeline: updates.map((u) => ({
      id: u.id,
      occurredOn: u.occurredOn,
      recordedAt: u.recordedAt,
      source: u.source,
      status: u.status,
      statusText: u.statusText,
      progress: u.progress,
      evidence: u.evidence,
      changes: u.changes,
      user: u.userId !== null && u.userName !== null ? { id: u.userId, name: u.userName } : null,
      planVersion:
        u.versionId !== null && u.versionNo !== null && u.fileName !== null
          ? { id: u.versionId, versionNo: u.versionNo, versionLabel: u.versionLabel, fileName: u.fileName }
          : null,
      attachments: attachments
        .filter((a) => a.actionUpdateId === u.id)
        .map(({ actionUpdateId: _u, ...a }) => a),
    })),
  };
}

export interface OrganisationAction {
  id: number;
  planId: number;
  planTitle: string;
  ref: string;
  actionText: string;
  due: string | null;
  dueText: string;
  status: Status;
  lastUpdate: string | null;
  rowVersion: number;
}

/** Current actions an organisation owns (alone or with others), soonest due first, undated last. */
export async function listOrganisationActions(
  db: Kysely<Schema>,
  organisationId: number,
): Promise<OrganisationAction[]> {
  return db
    .selectFrom("action")
    .innerJoin("actionOrganisation", "actionOrganisation.actionId", "action.id")
    .innerJoin("plan", "plan.id", "action.planId")
    .select([
      "action.id",
      "action.planId",
      "plan.title as planTitle",
      "action.ref",
      "action.actionText",
      "action.due",
      "action.dueText",
      "action.status",
      "action.lastUpdate",
      "action.rowVersion",
    ])
    .where("actionOrganisation.organisationId", "=", organisationId)
    .where("action.withdrawnAt", "is", null)
    .where("plan.withdrawnAt", "is", null)
    .orderBy("action.due", (ob) => ob.asc().nullsLast())
    .orderBy("action.planId")
    .orderBy("action.position")
    .execute();
}

/** Whether an organisation owns the action (one of its owners); the rule for an agency editor's updates. */
export async function organisationOwnsAction(
  db: Kysely<Schema>,
  organisationId: number,
  actionId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom("actionOrganisation")
    .select("actionId")
    .where("actionId", "=", actionId)
    .where("organisationId", "=", organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface PlanChanges {
  title?: string;
  /** null: follow the partnership's cadence. */
  reviewCadenceDays?: number | null;
  sourceKind?: SourceKind;
  sourceTitle?: string;
  publishedOn?: string | null;
  receivedOn?: string | null;
  /** Set to withdraw the whole plan (it is kept), null to restore it. */
  withdrawnAt?: Date | null;
}

/** Changes a plan's metadata and its source; returns both before and after, for the audit log. */
export async function updatePlan(
  db: Kysely<Schema>,
  planId: number,
  changes: PlanChanges,
): Promise<{ before: PlanDetail; after: PlanDetail } | undefined> {
  return inTransaction(db, async (trx) => {
    const before = await getPlan(trx, planId);
    if (!before) return undefined;
    const plan: { title?: string; reviewCadenceDays?: number | null; withdrawnAt?: Date | null } = {};
    if (changes.title !== undefined) plan.title = changes.title.trim();
    if (changes.reviewCadenceDays !== undefined) plan.reviewCadenceDays = changes.reviewCadenceDays;
    if (changes.withdrawnAt !== undefined) plan.withdrawnAt = changes.withdrawnAt;
    if (Object.keys(plan).length > 0)
      await trx.updateTable("plan").set(plan).where("id", "=", planId).execute();

    const source: {
      kind?: SourceKind;
      title?: string;
      publishedOn?: string | null;
      receivedOn?: string | null;
    } = {};
    if (changes.sourceKind !== undefined) source.kind = changes.sourceKind;
    if (changes.sourceTitle !== undefined) source.title = changes.sourceTitle.trim();
    if (changes.publishedOn !== undefined) source.publishedOn = changes.publishedOn;
    if (changes.receivedOn !== undefined) source.receivedOn = changes.receivedOn;
    if (Object.keys(source).length > 0) {
      if (before.source) {
        await trx.updateTable("source").set(source).where("id", "=", before.source.id).execute();
      } else {
        const { id } = await trx
          .insertInto("source")
          .values({
            partnershipId: before.partnershipId,
            kind: source.kind ?? "other",
            title: source.title ?? before.title,
            publishedOn: source.publishedOn ?? null,
            receivedOn: source.receivedOn ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx.updateTable("plan").set({ sourceId: id }).where("id", "=", planId).execute();
      }
    }
    const after = await getPlan(trx, planId);
    return after && { before, after };
  });
}

/** Earlier imports of the same file (by SHA-256) in a partnership, newest first: "already imported as…". */
export async function findImportsOfFile(
  db: Kysely<Schema>,
  partnershipId: number,
  fileSha256: string,
): Promise<{ planId: number; planTitle: string; versionId: number; versionNo: number; importedAt: Date }[]> {
  return db
    .selectFrom("planVersion")
    .innerJoin("plan", "plan.id", "planVersion.planId")
    .select([
      "plan.id as planId",
      "plan.title as planTitle",
      "planVersion.id as versionId",
      "planVersion.versionNo",
      "planVersion.importedAt",
    ])
    .where("plan.partnershipId", "=", partnershipId)
    .where("planVersion.fileSha256", "=", fileSha256.toLowerCase())
    .orderBy("planVersion.importedAt", "desc")
    .orderBy("planVersion.id", "desc")
    .execute();
}
