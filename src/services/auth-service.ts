import { audit, ensure, hashSecret, newSecret, type ServiceContext } from "./context.js";
import type { PasswordHasher } from "./passwords.js";
import { canHoldApiToken } from "./permissions.js";
import type { UserRecord } from "./store.js";
import type { AuthService, User } from "./types.js";
import { toUser } from "./views.js";

export const API_TOKEN_PREFIX = "assure_";

export function createAuthService(
  ctx: ServiceContext,
  passwords: PasswordHasher,
  sessionTtlMs: number,
): AuthService {
  const { store } = ctx;
  // Verifying against a real hash when the email is unknown keeps both answers equally slow.
  let dummyHash: Promise<string> | null = null;

  async function userOf(record: UserRecord | null): Promise<User | null> {
    if (!record || record.disabled) return null;
    return toUser(record, await store.organisations.list());
  }

  return {
    async signIn(email, password) {
      const record = await store.users.byEmail(email.trim());
      if (!record) {
        dummyHash ??= passwords.hash(newSecret());
        await passwords.verify(await dummyHash, password);
        return null;
      }
      if (!(await passwords.verify(record.passwordHash, password)) || record.disabled) return null;
      const user = await userOf(record);
      if (!user) return null;
      // A brand-new random token at every sign-in: nothing the browser held before is ever reused.
      const sessionToken = newSecret();
      const expiresAt = new Date(ctx.now().getTime() + sessionTtlMs).toISOString();
      await store.transaction(async (tx) => {
        await tx.sessions.create({ tokenHash: hashSecret(sessionToken), userId: user.id, expiresAt });
        await audit(tx, ctx, user, "session.sign-in", { type: "user", id: user.id }, null, null);
      });
      return { user, sessionToken };
    },

    async sessionUser(sessionToken) {
      if (!sessionToken) return null;
      const tokenHash = hashSecret(sessionToken);
      const session = await store.sessions.find(tokenHash);
      if (!session) return null;
      if (session.expiresAt <= ctx.now().toISOString()) {
        await store.sessions.delete(tokenHash);
        return null;
      }
      return userOf(await store.users.byId(session.userId));
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
}
