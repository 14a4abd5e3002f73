import type { Kysely } from "kysely";
import type { Store } from "../../services/store.js";
import type { AuditEntry } from "../../services/types.js";
import { appendAudit } from "../audit.js";
import type { Schema } from "../schema.js";
import { dbId, iso, storeId, storeIdOrNull } from "./ids.js";

export function auditStore(db: Kysely<Schema>, partnershipId: number): Store["audit"] {
  // Entries name their partnership (0004). Older ones do not: they are the partnership's whose user it
  // was, and those with no user (the system's) are everyone's.
  const scoped = () =>
    db
      .selectFrom("auditLog")
      .leftJoin("appUser", "appUser.id", "auditLog.userId")
      .where((eb) =>
        eb.or([
          eb("auditLog.partnershipId", "=", partnershipId),
          eb.and([
            eb("auditLog.partnershipId", "is", null),
            eb.or([eb("auditLog.userId", "is", null), eb("appUser.partnershipId", "=", partnershipId)]),
          ]),
        ]),
      );

  return {
    async append(entry) {
      await appendAudit(db, {
        userId: dbId(entry.actorId),
        partnershipId,
        action: entry.action,
        entity: entry.entityType,
        entityId: entry.entityId,
        before: entry.before,
        after: entry.after,
        at: new Date(entry.at),
      });
    },

    async list(offset, limit) {
      const rows = await scoped()
        .selectAll("auditLog")
        .select("appUser.name as actorName")
        .orderBy("auditLog.id", "desc")
        .offset(Math.max(0, Math.floor(offset)))
        .limit(Math.max(0, Math.floor(limit)))
        .execute();
      const { total } = await scoped()
        .select((eb) => eb.fn.countAll<number>().as("total"))
        .executeTakeFirstOrThrow();
      const entries = rows.map(
        (e): AuditEntry => ({
          id: storeId(e.id),
          at: iso(e.at),
          actorId: storeIdOrNull(e.userId),
          actorName: e.actorName,
          action: e.action,
          entityType: e.entity,
          entityId: e.entityId,
          before: e.before ?? null,
          after: e.after ?? null,
        }),
      );
      return { entries, total: Number(total) };
    },
  };
}
