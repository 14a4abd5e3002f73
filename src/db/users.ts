import type { Kysely } from "kysely";
import { InvalidStateError } from "./errors.js";
import type { AppUser, Schema, UserRole } from "./schema.js";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  partnershipId: number;
  email: string;
  name: string;
  role: UserRole;
  /** Required for an editor: the organisation whose actions they may update. */
  organisationId?: number | null;
  /** Already hashed (argon2); this layer never sees a password. */
  passwordHash: string;
}

export async function createUser(db: Kysely<Schema>, user: NewUser): Promise<AppUser> {
  const email = normaliseEmail(user.email);
  if (user.role === "editor" && (user.organisationId ?? null) === null) {
    throw new InvalidStateError("An agency editor must belong to an organisation");
  }
  const existing = await findUserByEmail(db, email);
  if (existing) throw new InvalidStateError(`There is already a user with the email address ${email}`);
  return db
    .insertInto("appUser")
    .values({
      partnershipId: user.partnershipId,
      email,
      name: user.name.trim(),
      role: user.role,
      organisationId: user.organisationId ?? null,
      passwordHash: user.passwordHash,
      apiTokenHash: null,
      disabledAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Kysely<Schema>, email: string): Promise<AppUser | undefined> {
  return db.selectFrom("appUser").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Kysely<Schema>, id: number): Promise<AppUser | undefined> {
  return db.selectFrom("appUser").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Looks up an enabled user by the SHA-256 of their API token. */
export async function findUserByApiTokenHash(
  db: Kysely<Schema>,
  tokenHash: string,
): Promise<AppUser | undefined> {
  return db
    .selectFrom("appUser")
    .selectAll()
    .where("apiTokenHash", "=", tokenHash)
    .where("disabledAt", "is", null)
    .executeTakeFirst();
}

export async function listUsers(db: Kysely<Schema>, partnershipId: number): Promise<AppUser[]> {
  return db
    .selectFrom("appUser")
    .selectAll()
    .where("partnershipId", "=", partnershipId)
    .orderBy("email")
    .execute();
}

export interface UserChanges {
  name?: string;
  role?: UserRole;
  organisationId?: number | null;
  passwordHash?: string;
  apiTokenHash?: string | null;
  disabledAt?: Date | null;
}

/** Changes a user; returns the user as it was and as it is, for the audit log. */
export async function updateUser(
  db: Kysely<Schema>,
  id: number,
  changes: UserChanges,
): Promise<{ before: AppUser; after: AppUser } | undefined> {
  const before = await findUserById(db, id);
  if (!before) return undefined;
  const role = changes.role ?? before.role;
  const organisationId =
    changes.organisationId === undefined ? before.organisationId : changes.organisationId;
  if (role === "editor" && organisationId === null) {
    throw new InvalidStateError("An agency editor must belong to an organisation");
  }
  const after = await db
    .updateTable("appUser")
    .set({ ...changes, ...(changes.name !== undefined ? { name: changes.name.trim() } : {}) })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before, after };
}

export async function countUsers(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom("appUser")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
