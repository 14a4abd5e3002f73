import type { Kysely } from "kysely";
import { json } from "./json.js";
import type { AuditLogRow, Schema } from "./schema.js";

export interface AuditEntry {
  userId: number | null;
  /** The partnership it belongs to (0004); without one, an entry is read as its user's, or everyone's. */
  partnershipId?: number | null;
  /** What was done, e.g. "action.update", "plan.import", "user.create". */
  action: string;
  /** The kind of thing it was done to, e.g. "action", "plan", "user". */
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

/** Appends to the audit log. The table refuses updates and deletes, so an entry once written stays. */
export async function appendAudit(db: Kysely<Schema>, entry: AuditEntry): Promise<number> {
  const row = await db
    .insertInto("auditLog")
    .values({
      userId: entry.userId,
      ...(entry.partnershipId != null ? { partnershipId: entry.partnershipId } : {}),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : json(entry.before),
      after: entry.after === undefined ? null : json(entry.after),
      ...(entry.at ? { at: entry.at } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string | number;
  userId?: number;
  /** Entries with an id below this, for paging backwards. */
  beforeId?: number;
  limit?: number;
}

export interface AuditListEntry extends AuditLogRow {
  userName: string | null;
  userEmail: string | null;
}

/** Newest first. */
export async function listAudit(db: Kysely<Schema>, query: AuditQuery = {}): Promise<AuditListEntry[]> {
  let q = db
    .selectFrom("auditLog")
    .leftJoin("appUser", "appUser.id", "auditLog.userId")
    .selectAll("auditLog")
    .select(["appUser.name as userName", "appUser.email as userEmail"])
    .orderBy("auditLog.id", "desc")
    .limit(Math.min(Math.max(query.limit ?? 100, 1), 1000));
  if (query.entity !== undefined) q = q.where("auditLog.entity", "=", query.entity);
  if (query.entityId !== undefined) q = q.where("auditLog.entityId", "=", String(query.entityId));
  if (query.userId !== undefined) q = q.where("auditLog.userId", "=", query.userId);
  if (query.beforeId !== undefined) q = q.where("auditLog.id", "<", query.beforeId);
  return q.execute();
}
