import { audit, ensure, hashSecret, newSecret, type ServiceContext } from "./context.js";
import type { SessionPolicy } from "./deps.js";
import { TooManyAttemptsError } from "./errors.js";
import {
  addressKey,
  type LockoutInForce,
  LoginThrottle,
  type LoginThrottlePolicy,
} from "./login-throttle.js";
import type { PasswordHasher } from "./passwords.js";
import { canHoldApiToken } from "./permissions.js";
import type { UserRecord } from "./store.js";
import type { AuthService, User } from "./types.js";
import { toUser } from "./views.js";

export const API_TOKEN_PREFIX = "assure_";

/** Expired sessions and spent failed sign-ins are pruned at most this often (per process). */
const HOUSEKEEPING_INTERVAL_MS = 60 * 1000;

/**
 * A session that ended unseen (idle, or past its lifetime) is unusable at once, but its row is kept this
 * long after its absolute expiry, so that the person coming back the next morning is told why they were
 * signed out rather than just sent to sign in.
 */
const ENDED_SESSION_KEPT_MS = 24 * 60 * 60 * 1000;

export interface AuthPolicies {
  sessions: SessionPolicy;
  loginThrottle: LoginThrottlePolicy;
}

export function createAuthService(
  ctx: ServiceContext,
  passwords: PasswordHasher,
  policies: AuthPolicies,
): AuthService {
  const { store } = ctx;
  const { sessions: policy } = policies;
  const throttle = new LoginThrottle(policies.loginThrottle, ctx.now);
  // Verifying against a real hash when the email is unknown keeps both answers equally slow.
  let dummyHash: Promise<string> | null = null;
  let lastHousekeeping = Number.NEGATIVE_INFINITY;

  async function userOf(record: UserRecord | null): Promise<User | null> {
    if (!record || record.disabled) return null;
    return toUser(record, await store.organisations.list());
  }

  /** Rows that can no longer mean anything go: long-ended sessions and failed sign-ins past the window. */
  async function housekeeping(): Promise<void> {
    const now = ctx.now().getTime();
    if (now - lastHousekeeping < HOUSEKEEPING_INTERVAL_MS && now >= lastHousekeeping) return;
    lastHousekeeping = now;
    await store.sessions.deleteExpired(new Date(now - ENDED_SESSION_KEPT_MS).toISOString());
    await throttle.prune(store);
  }

  /**
   * Writes a lockout to the audit log, once: the first failure to find it in force claims it, and the
   * entry is written in the same transaction. The entry names the account whose email address was typed
   * (its id and address), or says there is none, without keeping what was typed then, which may be a
   * password typed into the wrong box; and the client address (an IPv6 one by its /64). Never a password.
   */
  async function auditLockout(
    lockout: LockoutInForce,
    account: UserRecord | null,
    address: string | null | undefined,
  ): Promise<void> {
    const clientAddress = addressKey(address)?.replace(/^ip:/, "") ?? null;
    const entity =
      lockout.scope === "address"
        ? { type: "client-address", id: clientAddress }
        : account
          ? { type: "user", id: account.id }
          : { type: "email-address", id: null };
    await store.transaction(async (tx) => {
      if (!(await throttle.begin(tx, lockout))) return;
      await audit(tx, ctx, null, "session.lockout", entity, null, {
        lockedOut: lockout.scope === "address" ? "client address" : "email address",
        account: account !== null,
        email: account?.email ?? null,
        clientAddress,
        failures: lockout.failures,
        withinMinutes: lockout.windowMinutes,
        until: lockout.until,
      });
    });
  }

  const service: AuthService = {
    sessionPolicy: { idleMs: policy.idleMs, absoluteMs: policy.absoluteMs },

    async signIn(email, password, client = {}) {
      await housekeeping();
      const lockout = await throttle.check(store, email, client.address);
      if (lockout) throw new TooManyAttemptsError(lockout.scope, lockout.retryAfterSeconds);

      const record = await store.users.byEmail(email.trim());
      let user: User | null = null;
      if (!record) {
        dummyHash ??= passwords.hash(newSecret());
        await passwords.verify(await dummyHash, password);
      } else if ((await passwords.verify(record.passwordHash, password)) && !record.disabled) {
        user = await userOf(record);
      }
      if (!user) {
        for (const lockout of await throttle.fail(store, email, client.address)) {
          await auditLockout(lockout, record, client.address);
        }
        return null;
      }
      const signedIn = user;
      // A brand-new random token at every sign-in: nothing the browser held before is ever reused.
      const sessionToken = newSecret();
      const now = ctx.now();
      await store.transaction(async (tx) => {
        await tx.sessions.create({
          tokenHash: hashSecret(sessionToken),
          userId: signedIn.id,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + policy.absoluteMs).toISOString(),
        });
        await throttle.succeed(tx, email);
        await audit(tx, ctx, signedIn, "session.sign-in", { type: "user", id: signedIn.id }, null, null);
      });
      return { user: signedIn, sessionToken };
    },

    async resumeSession(sessionToken) {
      if (!sessionToken) return { status: "none" };
      await housekeeping();
      const tokenHash = hashSecret(sessionToken);
      const session = await store.sessions.find(tokenHash);
      if (!session) return { status: "none" };
      const now = ctx.now();
      const at = now.getTime();
      // Whichever came first ended it: a session left overnight went idle long before its lifetime ran out.
      const idleAt = Date.parse(session.lastSeenAt) + policy.idleMs;
      const expiresAt = Date.parse(session.expiresAt);
      if (at >= Math.min(idleAt, expiresAt)) {
        await store.sessions.delete(tokenHash);
        return { status: idleAt <= expiresAt ? "idle" : "expired" };
      }
      const user = await userOf(await store.users.byId(session.userId));
      if (!user) return { status: "none" };
      if (at - Date.parse(session.lastSeenAt) >= policy.touchIntervalMs) {
        await store.sessions.touch(tokenHash, now.toISOString());
      }
      return { status: "active", user };
    },

    async sessionUser(sessionToken) {
      const state = await service.resumeSession(sessionToken);
      return state.status === "active" ? state.user : null;
    },

    async signOut(sessionToken) {
      if (!sessionToken) return;
      const tokenHash = hashSecret(sessionToken);
      const session = await store.sessions.find(tokenHash);
      await store.transaction(async (tx) => {
        await tx.sessions.delete(tokenHash);
        if (session) {
          await tx.audit.append({
            at: ctx.now().toISOString(),
            actorId: session.userId,
            action: "session.sign-out",
            entityType: "user",
            entityId: session.userId,
            before: null,
            after: null,
          });
        }
      });
    },

    async apiTokenUser(token) {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      return userOf(await store.users.byApiTokenHash(hashSecret(token)));
    },

    async issueApiToken(actor) {
      ensure(canHoldApiToken(actor));
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      await store.transaction(async (tx) => {
        await tx.users.setApiTokenHash(actor.id, hashSecret(token));
        await audit(tx, ctx, actor, "user.api-token-issue", { type: "user", id: actor.id }, null, null);
      });
      return token;
    },

    async revokeApiToken(actor) {
      await store.transaction(async (tx) => {
        await tx.users.setApiTokenHash(actor.id, null);
        await audit(tx, ctx, actor, "user.api-token-revoke", { type: "user", id: actor.id }, null, null);
      });
    },

    async hasApiToken(actor) {
      return !!(await store.users.byId(actor.id))?.apiTokenHash;
    },
  };
  return service;
}
