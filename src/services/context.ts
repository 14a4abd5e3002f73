import { createHash, randomBytes } from "node:crypto";
import { ForbiddenError } from "./errors.js";
import type { Store } from "./store.js";
import type { User } from "./types.js";

/** What every service shares: the store, the clock and the audit trail. */
export interface ServiceContext {
  store: Store;
  now(): Date;
  /** YYYY-MM-DD of now, in UTC. */
  today(): string;
}

export function createContext(store: Store, now: () => Date = () => new Date()): ServiceContext {
  return { store, now, today: () => now().toISOString().slice(0, 10) };
}

/** Appends to the append-only audit log; callers run it inside the same transaction as the change. */
export async function audit(
  store: Store,
  ctx: ServiceContext,
  actor: User | null,
  action: string,
  entity: { type: string; id: string | null },
  before: unknown,
  after: unknown,
): Promise<void> {
  await store.audit.append({
    at: ctx.now().toISOString(),
    actorId: actor?.id ?? null,
    action,
    entityType: entity.type,
    entityId: entity.id,
    before: before ?? null,
    after: after ?? null,
  });
}

export function ensure(allowed: boolean, message?: string): void {
  if (!allowed) throw new ForbiddenError(message);
}

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Secrets (session and API tokens) are stored only as their SHA-256. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
