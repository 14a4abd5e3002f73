import type { Kysely } from "kysely";
import { NotFoundError } from "../../services/errors.js";
import type { ChallengeRecord, Store } from "../../services/store.js";
import {
  type ChallengeEntry,
  createChallenge,
  getChallenge,
  listChallenges,
  resolveChallenge,
} from "../challenges.js";
import type { Schema } from "../schema.js";
import { translated } from "./errors.js";
import { dbId, iso, isoOrNull, requireId, storeId, storeIdOrNull } from "./ids.js";

function challengeRecord(c: ChallengeEntry): ChallengeRecord {
  return {
    id: storeId(c.id),
    actionId: storeId(c.actionId),
    findingId: storeIdOrNull(c.findingId),
    text: c.text,
    raisedById: storeId(c.raisedBy),
    raisedAt: iso(c.createdAt),
    state: c.status,
    note: c.answer ?? "",
    resolvedById: storeIdOrNull(c.resolvedBy),
    resolvedAt: isoOrNull(c.resolvedAt),
  };
}

export function challengesStore(db: Kysely<Schema>, partnershipId: number): Store["challenges"] {
  return {
    async list(filter) {
      let actionId: number | undefined;
      if (filter.actionId !== undefined) {
        const n = dbId(filter.actionId);
        if (n === null) return [];
        actionId = n;
      }
      const rows = await listChallenges(db, { partnershipId, actionId, status: filter.state });
      return rows.map(challengeRecord);
    },

    async get(id) {
      const n = dbId(id);
      const c = n === null ? undefined : await getChallenge(db, partnershipId, n);
      return c ? challengeRecord(c) : null;
    },

    async create(input) {
      const actionId = requireId(input.actionId, "action");
      const action = await db
        .selectFrom("action")
        .innerJoin("plan", "plan.id", "action.planId")
        .select("action.id")
        .where("action.id", "=", actionId)
        .where("plan.partnershipId", "=", partnershipId)
        .executeTakeFirst();
      if (!action) throw new NotFoundError(`No action with id ${input.actionId}`);
      const created = await translated(() =>
        createChallenge(db, {
          actionId,
          findingId: input.findingId === null ? null : requireId(input.findingId, "finding"),
          raisedBy: requireId(input.raisedById, "user"),
          text: input.text,
          at: new Date(input.raisedAt),
        }),
      );
      return challengeRecord(created);
    },

    async resolve(id, input) {
      const n = requireId(id, "challenge");
      const resolved = await translated(() =>
        resolveChallenge(db, partnershipId, n, {
          status: input.state,
          answer: input.note,
          resolvedBy: requireId(input.resolvedById, "user"),
          at: new Date(input.resolvedAt),
        }),
      );
      if (!resolved) throw new NotFoundError(`No challenge with id ${id}`);
      return challengeRecord(resolved);
    },
  };
}
