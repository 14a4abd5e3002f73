import type { Kysely } from "kysely";
import { NotFoundError } from "../../services/errors.js";
import type {
  ActionBrief,
  ActionRecord,
  AttachmentRecord,
  Store,
  UpdateRecord,
} from "../../services/store.js";
import type { OrganisationRef } from "../../services/types.js";
import { attachmentsOfUpdates, recordActionUpdate } from "../action-updates.js";
import type { Schema } from "../schema.js";
import { inTransaction } from "../transaction.js";
import { translated } from "./errors.js";
import { dbId, iso, requireId, storeId, storeIdOrNull, toBuffer } from "./ids.js";
import { lockPlan } from "./locks.js";

type Scope = { planId?: number; actionId?: number };

function selectActions(db: Kysely<Schema>, partnershipId: number, scope: Scope) {
  let q = db
    .selectFrom("action")
    .innerJoin("section", "section.id", "action.sectionId")
    .innerJoin("plan", "plan.id", "action.planId")
    .select([
      "action.id",
      "action.planId",
      "section.name as section",
      "action.ref",
      "action.lead",
      "action.due",
      "action.dueText",
      "action.status",
      "action.statusText",
      "action.lastUpdate",
      "action.rowVersion",
      "action.withdrawnAt",
    ])
    .where("plan.partnershipId", "=", partnershipId);
  if (scope.planId !== undefined) q = q.where("action.planId", "=", scope.planId);
  if (scope.actionId !== undefined) q = q.where("action.id", "=", scope.actionId);
  return q.orderBy("action.planId").orderBy("action.position").orderBy("action.id");
}

/** Each action's organisations in order, by action key. */
async function loadOwners(
  db: Kysely<Schema>,
  partnershipId: number,
  scope: Scope,
): Promise<Map<number, OrganisationRef[]>> {
  let owners = db
    .selectFrom("actionOrganisation")
    .innerJoin("organisation", "organisation.id", "actionOrganisation.organisationId")
    .innerJoin("action", "action.id", "actionOrganisation.actionId")
    .innerJoin("plan", "plan.id", "action.planId")
    .select(["actionOrganisation.actionId", "organisation.id", "organisation.name"])
    .where("plan.partnershipId", "=", partnershipId);
  if (scope.planId !== undefined) owners = owners.where("action.planId", "=", scope.planId);
  if (scope.actionId !== undefined) owners = owners.where("action.id", "=", scope.actionId);
  const ownerRows = await owners
    .orderBy("actionOrganisation.actionId")
    .orderBy("actionOrganisation.position")
    .execute();
  const byAction = new Map<number, OrganisationRef[]>();
  for (const o of ownerRows) {
    const list = byAction.get(o.actionId);
    const ref = { id: storeId(o.id), name: o.name };
    if (list) list.push(ref);
    else byAction.set(o.actionId, [ref]);
  }
  return byAction;
}

type BriefRow = Awaited<ReturnType<ReturnType<typeof selectActions>["execute"]>>[number];

function toBrief(a: BriefRow, owners: Map<number, OrganisationRef[]>): ActionBrief {
  return {
    id: storeId(a.id),
    planId: storeId(a.planId),
    section: a.section,
    ref: a.ref,
    organisations: owners.get(a.id) ?? [],
    lead: a.lead,
    due: a.due,
    dueText: a.dueText,
    status: a.status,
    statusText: a.statusText,
    lastUpdate: a.lastUpdate,
    rowVersion: a.rowVersion,
    withdrawn: a.withdrawnAt !== null,
  };
}

/** Actions without their long texts: what lists of actions show. */
async function loadBriefs(db: Kysely<Schema>, partnershipId: number, scope: Scope): Promise<ActionBrief[]> {
  const [rows, owners] = await Promise.all([
    selectActions(db, partnershipId, scope).execute(),
    loadOwners(db, partnershipId, scope),
  ]);
  return rows.map((a) => toBrief(a, owners));
}

async function loadActions(db: Kysely<Schema>, partnershipId: number, scope: Scope): Promise<ActionRecord[]> {
  const rows = await selectActions(db, partnershipId, scope)
    .select(["action.finding", "action.actionText", "action.progress", "action.evidenceOfImpact"])
    .execute();
  if (rows.length === 0) return [];
  const owners = await loadOwners(db, partnershipId, scope);
  return rows.map((a) => ({
    ...toBrief(a, owners),
    finding: a.finding,
    action: a.actionText,
    progress: a.progress,
    evidenceOfImpact: a.evidenceOfImpact,
  }));
}

export function actionsStore(db: Kysely<Schema>, partnershipId: number): Store["actions"] {
  return {
    async listByPlan(planId) {
      const n = dbId(planId);
      return n === null ? [] : loadActions(db, partnershipId, { planId: n });
    },

    listAll: () => loadActions(db, partnershipId, {}),

    async briefsByPlan(planId) {
      const n = dbId(planId);
      return n === null ? [] : loadBriefs(db, partnershipId, { planId: n });
    },

    async get(actionId) {
      const n = dbId(actionId);
      if (n === null) return null;
      return (await loadActions(db, partnershipId, { actionId: n }))[0] ?? null;
    },

    async history(actionId) {
      const n = dbId(actionId);
      if (n === null) return [];
      const updates = await db
        .selectFrom("actionUpdate")
        .innerJoin("action", "action.id", "actionUpdate.actionId")
        .innerJoin("plan", "plan.id", "action.planId")
        .leftJoin("planVersion", "planVersion.id", "actionUpdate.planVersionId")
        .select([
          "actionUpdate.id",
          "actionUpdate.actionId",
          "actionUpdate.recordedAt",
          "actionUpdate.occurredOn",
          "actionUpdate.source",
          "actionUpdate.userId",
          "planVersion.fileName",
          "actionUpdate.status",
          "actionUpdate.statusText",
          "actionUpdate.progress",
          "actionUpdate.evidence",
        ])
        .where("plan.partnershipId", "=", partnershipId)
        .where("actionUpdate.actionId", "=", n)
        // Newest first; entries recorded in the same instant, the later-recorded first.
        .orderBy("actionUpdate.recordedAt", "desc")
        .orderBy("actionUpdate.id", "desc")
        .execute();
      if (updates.length === 0) return [];
      const files = await attachmentsOfUpdates(
        db,
        updates.map((u) => u.id),
      );
      return updates.map(
        (u): UpdateRecord => ({
          id: storeId(u.id),
          actionId: storeId(u.actionId),
          recordedAt: iso(u.recordedAt),
          effectiveDate: u.occurredOn,
          source: u.source,
          // An import is the plan's word, not the importer's: who imported it is in the plan's versions.
          actorId: u.source === "user" ? storeIdOrNull(u.userId) : null,
          importFileName: u.source === "import" ? u.fileName : null,
          status: u.status,
          statusText: u.statusText,
          progress: u.progress,
          evidence: u.evidence,
          attachments: files
            .filter((f) => f.actionUpdateId === u.id)
            .map(
              (f): AttachmentRecord => ({
                id: storeId(f.id),
                fileName: f.fileName,
                mediaType: f.contentType,
                size: f.sizeBytes,
              }),
            ),
        }),
      );
    },

    async recordUpdate(input) {
      const actionId = requireId(input.actionId, "action");
      const userId = requireId(input.actorId, "user");
      return translated(() =>
        inTransaction(db, async (trx) => {
          const action = await trx
            .selectFrom("action")
            .innerJoin("plan", "plan.id", "action.planId")
            .select("action.planId")
            .where("action.id", "=", actionId)
            .where("plan.partnershipId", "=", partnershipId)
            .executeTakeFirst();
          if (!action) throw new NotFoundError(`No action with id ${input.actionId}`);
          await lockPlan(trx, action.planId);
          const result = await recordActionUpdate(trx, {
            actionId,
            userId,
            expectedRowVersion: input.expectedRowVersion,
            status: input.status,
            statusText: input.statusText,
            progress: input.progress,
            // The update's evidence goes in its history entry; the plan's "evidence of impact" stays as
            // the plan (or a later version of it) says.
            entryEvidence: input.evidence,
            occurredOn: input.effectiveDate,
            attachments: input.attachments.map((f) => ({
              fileName: f.fileName,
              contentType: f.mediaType,
              content: f.bytes,
            })),
            now: new Date(input.recordedAt),
          });
          return { rowVersion: result.rowVersion, updateId: storeId(result.updateId) };
        }),
      );
    },

    async attachment(attachmentId) {
      const n = dbId(attachmentId);
      if (n === null) return null;
      const row = await db
        .selectFrom("attachment")
        .innerJoin("actionUpdate", "actionUpdate.id", "attachment.actionUpdateId")
        .innerJoin("action", "action.id", "actionUpdate.actionId")
        .innerJoin("plan", "plan.id", "action.planId")
        .select([
          "attachment.id",
          "actionUpdate.actionId",
          "attachment.fileName",
          "attachment.contentType",
          "attachment.sizeBytes",
          "attachment.content",
        ])
        .where("attachment.id", "=", n)
        .where("plan.partnershipId", "=", partnershipId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: storeId(row.id),
        actionId: storeId(row.actionId),
        fileName: row.fileName,
        mediaType: row.contentType,
        size: row.sizeBytes,
        bytes: toBuffer(row.content),
      };
    },
  };
}
