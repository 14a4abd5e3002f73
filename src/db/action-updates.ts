import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { FieldChanges } from "../domain/plan-diff.js";
import { STATUS_LABELS, type Status } from "../domain/status.js";
import { appendAudit } from "./audit.js";
import { laterDay } from "./days.js";
import { ConflictError, InvalidStateError, NotFoundError } from "./errors.js";
import { json } from "./json.js";
import type { Schema } from "./schema.js";
import { inTransaction } from "./transaction.js";

export interface NewAttachment {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface ActionUpdateInput {
  actionId: number;
  userId: number;
  /** The action's rowVersion when the person opened the form. */
  expectedRowVersion: number;
  status: Status;
  /** The status as written; when omitted, the label of a changed status, or the current text if unchanged. */
  statusText?: string;
  progress: string;
  /** Evidence of impact; left as it is when omitted. */
  evidence?: string;
  /**
   * Evidence given with this update, recorded in its history entry only; defaults to `evidence`. Lets an
   * update carry its own evidence without replacing the action's evidence of impact.
   */
  entryEvidence?: string;
  /** YYYY-MM-DD: the day the update is about. */
  occurredOn: string;
  attachments?: NewAttachment[];
  now?: Date;
}

export interface ActionUpdateResult {
  updateId: number;
  rowVersion: number;
  attachmentIds: number[];
  changes: FieldChanges;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records a person's update of an action: the action takes the new status, progress and evidence, and
 * the history gains an entry with what changed (an entry with no changes still records that the action
 * was reviewed on that day). Refuses with ConflictError when the action changed since the person read
 * it — their save never overwrites someone else's. Writes an audit entry in the same transaction.
 */
export async function recordActionUpdate(
  db: Kysely<Schema>,
  input: ActionUpdateInput,
): Promise<ActionUpdateResult> {
  if (!ISO_DAY.test(input.occurredOn)) throw new InvalidStateError(`Not a date: "${input.occurredOn}"`);
  const now = input.now ?? new Date();
  return inTransaction(db, async (trx) => {
    // The row lock makes a second concurrent save wait here, then see the new version and be refused.
    const before = await trx
      .selectFrom("action")
      .select([
        "id",
        "status",
        "statusText",
        "progress",
        "evidenceOfImpact",
        "lastUpdate",
        "rowVersion",
        "withdrawnAt",
      ])
      .where("id", "=", input.actionId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new NotFoundError("action", input.actionId);
    if (before.rowVersion !== input.expectedRowVersion) {
      throw new ConflictError(
        "This action was changed by someone else after you opened it. Your update has not been saved: reload the action, check their change and enter yours again.",
        "action",
        input.actionId,
        input.expectedRowVersion,
        before.rowVersion,
      );
    }
    if (before.withdrawnAt !== null) {
      throw new InvalidStateError("This action has been withdrawn from its plan and cannot be updated.");
    }

    const statusText =
      input.statusText ?? (input.status === before.status ? before.statusText : STATUS_LABELS[input.status]);
    const evidence = input.evidence ?? before.evidenceOfImpact;
    // Recording an older update must not make the action look less recently updated than it was.
    const lastUpdate = laterDay(input.occurredOn, before.lastUpdate);

    const changes: FieldChanges = {};
    if (input.status !== before.status) changes.status = { before: before.status, after: input.status };
    if (statusText !== before.statusText)
      changes.statusText = { before: before.statusText, after: statusText };
    if (input.progress !== before.progress)
      changes.progress = { before: before.progress, after: input.progress };
    if (evidence !== before.evidenceOfImpact) {
      changes.evidenceOfImpact = { before: before.evidenceOfImpact, after: evidence };
    }
    if (lastUpdate !== before.lastUpdate)
      changes.lastUpdate = { before: before.lastUpdate, after: lastUpdate };

    const updated = await trx
      .updateTable("action")
      .set({
        status: input.status,
        statusText,
        progress: input.progress,
        evidenceOfImpact: evidence,
        lastUpdate,
        rowVersion: before.rowVersion + 1,
        updatedAt: now,
      })
      .where("id", "=", input.actionId)
      .where("rowVersion", "=", input.expectedRowVersion)
      .returning("rowVersion")
      .executeTakeFirst();
    if (!updated) {
      throw new ConflictError(
        "This action was changed by someone else while you were saving. Reload it and enter your update again.",
        "action",
        input.actionId,
        input.expectedRowVersion,
        null,
      );
    }

    const { id: updateId } = await trx
      .insertInto("actionUpdate")
      .values({
        actionId: input.actionId,
        occurredOn: input.occurredOn,
        recordedAt: now,
        source: "user",
        planVersionId: null,
        userId: input.userId,
        status: input.status,
        statusText,
        progress: input.progress,
        evidence: input.entryEvidence ?? input.evidence ?? "",
        changes: json(changes),
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const attachmentIds: number[] = [];
    for (const file of input.attachments ?? []) {
      const { id } = await trx
        .insertInto("attachment")
        .values({
          actionUpdateId: updateId,
          fileName: file.fileName,
          contentType: file.contentType,
          sizeBytes: file.content.byteLength,
          content: file.content,
          sha256: createHash("sha256").update(file.content).digest("hex"),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      attachmentIds.push(id);
    }

    await appendAudit(trx, {
      userId: input.userId,
      action: "action.update",
      entity: "action",
      entityId: input.actionId,
      before: {
        status: before.status,
        progress: before.progress,
        evidenceOfImpact: before.evidenceOfImpact,
        lastUpdate: before.lastUpdate,
        rowVersion: before.rowVersion,
      },
      after: {
        status: input.status,
        progress: input.progress,
        evidenceOfImpact: evidence,
        lastUpdate,
        rowVersion: updated.rowVersion,
        updateId,
        attachments: (input.attachments ?? []).map((a, i) => ({
          id: attachmentIds[i],
          fileName: a.fileName,
          sizeBytes: a.content.byteLength,
        })),
      },
      at: now,
    });
    return { updateId, rowVersion: updated.rowVersion, attachmentIds, changes };
  });
}

export interface AttachmentContent {
  id: number;
  actionId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
}

export async function getAttachment(db: Kysely<Schema>, id: number): Promise<AttachmentContent | undefined> {
  const row = await db
    .selectFrom("attachment")
    .innerJoin("actionUpdate", "actionUpdate.id", "attachment.actionUpdateId")
    .select([
      "attachment.id",
      "actionUpdate.actionId",
      "attachment.fileName",
      "attachment.contentType",
      "attachment.sizeBytes",
      "attachment.sha256",
      "attachment.content",
    ])
    .where("attachment.id", "=", id)
    .executeTakeFirst();
  // node-postgres gives a Buffer, PGlite a Uint8Array; callers get the same type from both.
  return (
    row && {
      ...row,
      content: new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength),
    }
  );
}

/** The files attached to these history entries (metadata only, not the bytes), oldest first. */
export async function attachmentsOfUpdates(db: Kysely<Schema>, updateIds: readonly number[]) {
  if (updateIds.length === 0) return [];
  return db
    .selectFrom("attachment")
    .select(["id", "actionUpdateId", "fileName", "contentType", "sizeBytes"])
    .where("actionUpdateId", "in", updateIds)
    .orderBy("id")
    .execute();
}
