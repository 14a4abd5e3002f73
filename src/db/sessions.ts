import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { AppUser, Schema } from "./schema.js";

/** Stored under its hash: whoever reads the table cannot sign in with what they read. */
function sessionId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewSession {
  /** Give this to the browser (cookie); it is not stored. */
  token: string;
  csrfSecret: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<Schema>,
  opts: { userId: number; ttlSeconds: number; now?: Date },
): Promise<NewSession> {
  const now = opts.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const csrfSecret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + opts.ttlSeconds * 1000);
  await db
    .insertInto("userSession")
    .values({
      id: sessionId(token),
      userId: opts.userId,
      csrfSecret,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
    })
    .execute();
  return { token, csrfSecret, expiresAt };
}

export interface ActiveSession {
  userId: number;
  csrfSecret: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  user: AppUser;
}

/** The session of a token if it has not expired and its user is not disabled. */
export async function getSession(
  db: Kysely<Schema>,
  token: string,
  now: Date = new Date(),
): Promise<ActiveSession | null> {
  if (token === "") return null;
  const session = await db
    .selectFrom("userSession")
    .select(["userId", "csrfSecret", "createdAt", "expiresAt", "lastSeenAt"])
    .where("id", "=", sessionId(token))
    .where("expiresAt", ">", now)
    .executeTakeFirst();
  if (!session) return null;
  const user = await db
    .selectFrom("appUser")
    .selectAll()
    .where("id", "=", session.userId)
    .where("disabledAt", "is", null)
    .executeTakeFirst();
  return user ? { ...session, user } : null;
}

/** Records activity and, when given, slides the expiry. */
export async function touchSession(
  db: Kysely<Schema>,
  token: string,
  opts: { now?: Date; expiresAt?: Date } = {},
): Promise<void> {
  await db
    .updateTable("userSession")
    .set({ lastSeenAt: opts.now ?? new Date(), ...(opts.expiresAt ? { expiresAt: opts.expiresAt } : {}) })
    .where("id", "=", sessionId(token))
    .execute();
}

export async function deleteSession(db: Kysely<Schema>, token: string): Promise<void> {
  await db.deleteFrom("userSession").where("id", "=", sessionId(token)).execute();
}

/** Signs a user out everywhere (password change, account disabled). */
export async function deleteUserSessions(db: Kysely<Schema>, userId: number): Promise<void> {
  await db.deleteFrom("userSession").where("userId", "=", userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Schema>, now: Date = new Date()): Promise<number> {
  const r = await db.deleteFrom("userSession").where("expiresAt", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Failed sign-ins, each counted under every key given (e.g. the email address and the client address). */
export async function recordLoginAttempts(
  db: Kysely<Schema>,
  partnershipId: number,
  keys: readonly string[],
  at: Date = new Date(),
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto("loginAttempt")
    .values(keys.map((key) => ({ partnershipId, key, at })))
    .execute();
}

/** When the key's attempts after `after` were made, newest first, at most `limit` of them. */
export async function recentLoginAttempts(
  db: Kysely<Schema>,
  partnershipId: number,
  key: string,
  after: Date,
  limit: number,
): Promise<Date[]> {
  const rows = await db
    .selectFrom("loginAttempt")
    .select("at")
    .where("partnershipId", "=", partnershipId)
    .where("key", "=", key)
    .where("at", ">", after)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.at);
}

export async function countLoginAttempts(
  db: Kysely<Schema>,
  partnershipId: number,
  key: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom("loginAttempt")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("partnershipId", "=", partnershipId)
    .where("key", "=", key)
    .where("at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets the key's failed sign-ins and its lockout. */
export async function clearLoginAttempts(
  db: Kysely<Schema>,
  partnershipId: number,
  key: string,
): Promise<void> {
  await db
    .deleteFrom("loginAttempt")
    .where("partnershipId", "=", partnershipId)
    .where("key", "=", key)
    .execute();
  await db
    .deleteFrom("loginLockout")
    .where("partnershipId", "=", partnershipId)
    .where("key", "=", key)
    .execute();
}

/**
 * Prunes attempts made before `before`, and lockouts over by then (of one partnership, or of all when
 * none is given); says how many attempts.
 */
export async function deleteLoginAttemptsBefore(
  db: Kysely<Schema>,
  before: Date,
  partnershipId?: number,
): Promise<number> {
  let q = db.deleteFrom("loginAttempt").where("at", "<", before);
  if (partnershipId !== undefined) q = q.where("partnershipId", "=", partnershipId);
  const r = await q.executeTakeFirst();
  let lockouts = db.deleteFrom("loginLockout").where("lockedUntil", "<", before);
  if (partnershipId !== undefined) lockouts = lockouts.where("partnershipId", "=", partnershipId);
  await lockouts.execute();
  return Number(r.numDeletedRows);
}

/**
 * Claims the key's lockout that began at `beganAt`: inserts it, or takes over the key's last lockout if
 * that had ended by then, in one statement, so that of several writers at once exactly one claims it.
 */
export async function beginLoginLockout(
  db: Kysely<Schema>,
  partnershipId: number,
  key: string,
  beganAt: Date,
  lockedUntil: Date,
): Promise<boolean> {
  const row = await db
    .insertInto("loginLockout")
    .values({ partnershipId, key, beganAt, lockedUntil })
    .onConflict((oc) =>
      oc
        .columns(["partnershipId", "key"])
        .doUpdateSet((eb) => ({
          beganAt: eb.ref("excluded.beganAt"),
          lockedUntil: eb.ref("excluded.lockedUntil"),
        }))
        .where("loginLockout.lockedUntil", "<=", beganAt),
    )
    .returning("key")
    .executeTakeFirst();
  return row !== undefined;
}
