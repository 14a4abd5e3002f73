import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { ConflictError, NotFoundError } from "../../services/errors.js";
import type { Store, UserRecord } from "../../services/store.js";
import type { AppUser, Schema } from "../schema.js";
import { deleteUserSessions } from "../sessions.js";
import { createUser, findUserByEmail } from "../users.js";
import { translated } from "./errors.js";
import { dbId, iso, requireId, storeId, storeIdOrNull } from "./ids.js";

function userRecord(u: AppUser): UserRecord {
  return {
    id: storeId(u.id),
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: storeIdOrNull(u.organisationId),
    disabled: u.disabledAt !== null,
    createdAt: iso(u.createdAt),
    passwordHash: u.passwordHash,
    apiTokenHash: u.apiTokenHash,
  };
}

export function usersStore(db: Kysely<Schema>, partnershipId: number): Store["users"] {
  const users = () => db.selectFrom("appUser").selectAll().where("partnershipId", "=", partnershipId);

  async function change(id: string, set: { disabledAt?: Date | null; apiTokenHash?: string | null }) {
    const n = dbId(id);
    const r =
      n === null
        ? undefined
        : await db
            .updateTable("appUser")
            .set(set)
            .where("id", "=", n)
            .where("partnershipId", "=", partnershipId)
            .executeTakeFirst();
    if (!r || r.numUpdatedRows === 0n) throw new NotFoundError(`No user with id ${id}`);
  }

  return {
    async byId(id) {
      const n = dbId(id);
      const u = n === null ? undefined : await users().where("id", "=", n).executeTakeFirst();
      return u ? userRecord(u) : null;
    },
    async byEmail(email) {
      const u = await findUserByEmail(db, email);
      return u && u.partnershipId === partnershipId ? userRecord(u) : null;
    },
    async byApiTokenHash(hash) {
      const u = await users().where("apiTokenHash", "=", hash).executeTakeFirst();
      return u ? userRecord(u) : null;
    },
    async list() {
      return (await users().orderBy("id").execute()).map(userRecord);
    },
    async names() {
      const rows = await db
        .selectFrom("appUser")
        .select(["id", "name"])
        .where("partnershipId", "=", partnershipId)
        .execute();
      return new Map(rows.map((r) => [storeId(r.id), r.name]));
    },
    async create(input) {
      // Email addresses are unique across the whole database, not only the partnership.
      if (await findUserByEmail(db, input.email)) {
        throw new ConflictError(`A user with the email ${input.email} already exists`);
      }
      let organisationId: number | null = null;
      if (input.organisationId !== null) {
        organisationId = requireId(input.organisationId, "organisation");
        const org = await db
          .selectFrom("organisation")
          .select("id")
          .where("id", "=", organisationId)
          .where("partnershipId", "=", partnershipId)
          .executeTakeFirst();
        if (!org) throw new NotFoundError(`No organisation with id ${input.organisationId}`);
      }
      const created = await translated(() =>
        createUser(db, {
          partnershipId,
          email: input.email,
          name: input.name,
          role: input.role,
          organisationId,
          passwordHash: input.passwordHash,
        }),
      );
      return userRecord(created);
    },
    async setDisabled(id, disabled) {
      const n = dbId(id);
      const current = n === null ? undefined : await users().where("id", "=", n).executeTakeFirst();
      if (!current) throw new NotFoundError(`No user with id ${id}`);
      // Disabling again keeps the moment it first happened.
      await change(id, { disabledAt: disabled ? (current.disabledAt ?? new Date()) : null });
    },
    async setApiTokenHash(id, hash) {
      await change(id, { apiTokenHash: hash });
    },
  };
}

export function sessionsStore(db: Kysely<Schema>, partnershipId: number): Store["sessions"] {
  const ofPartnership = () =>
    db.selectFrom("appUser").select("id").where("partnershipId", "=", partnershipId);
  return {
    async create(input) {
      const userId = requireId(input.userId, "user");
      const createdAt = new Date(input.createdAt);
      await translated(() =>
        db
          .insertInto("userSession")
          .values({
            id: input.tokenHash,
            userId,
            // The services protect forms with their own CSRF tokens; the column asks for a secret regardless.
            csrfSecret: randomBytes(32).toString("base64url"),
            createdAt,
            lastSeenAt: createdAt,
            expiresAt: new Date(input.expiresAt),
          })
          .execute(),
      );
    },
    async find(tokenHash) {
      const s = await db
        .selectFrom("userSession")
        .innerJoin("appUser", "appUser.id", "userSession.userId")
        .select([
          "userSession.userId",
          "userSession.createdAt",
          "userSession.lastSeenAt",
          "userSession.expiresAt",
        ])
        .where("userSession.id", "=", tokenHash)
        .where("appUser.partnershipId", "=", partnershipId)
        .executeTakeFirst();
      return s
        ? {
            userId: storeId(s.userId),
            createdAt: iso(s.createdAt),
            lastSeenAt: iso(s.lastSeenAt),
            expiresAt: iso(s.expiresAt),
          }
        : null;
    },
    async touch(tokenHash, at) {
      const when = new Date(at);
      // Only forwards: a slower process recording an earlier request must not make the session look idle.
      await db
        .updateTable("userSession")
        .set({ lastSeenAt: when })
        .where("id", "=", tokenHash)
        .where("lastSeenAt", "<", when)
        .where("userId", "in", ofPartnership())
        .execute();
    },
    async delete(tokenHash) {
      await db.deleteFrom("userSession").where("id", "=", tokenHash).execute();
    },
    async deleteForUser(userId) {
      const n = dbId(userId);
      if (n !== null) await deleteUserSessions(db, n);
    },
    async deleteExpired(now) {
      const r = await db
        .deleteFrom("userSession")
        .where("expiresAt", "<=", new Date(now))
        .where("userId", "in", ofPartnership())
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
