import { isIP } from "node:net";
import type { Store } from "./store.js";

/**
 * Brakes on guessing passwords, kept in the database (Store.loginAttempts) so that every process behind a
 * balancer counts the same failures and a restart forgets none. Failures are counted per email address
 * (whether or not it belongs to anyone, so a lockout says nothing about which accounts exist) and per
 * client address. Once either has `max…` failures inside the window, sign-in is refused without looking
 * at the password until the oldest of those failures leaves the window. A successful sign-in clears its
 * email address's count, not the client address's: one good account must not reset the count for
 * guessing at others. Each lockout is written to the audit log when it begins, once however many processes
 * see it begin (`begin`, claimed in the database), never again for the attempts it refuses.
 */
export interface LoginThrottlePolicy {
  /** Failed sign-ins allowed for one email address within the window. */
  maxFailuresPerUser: number;
  /** Failed sign-ins allowed from one client address (an IPv6 /64) within the window, for any emails. */
  maxFailuresPerAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  maxFailuresPerUser: 5,
  maxFailuresPerAddress: 20,
  windowMs: 15 * 60 * 1000,
};

export interface Lockout {
  scope: "user" | "address";
  retryAfterSeconds: number;
}

/** A lockout in force, with what the audit log says of it. */
export interface LockoutInForce extends Lockout {
  /** What is locked out: "user:<email>" or "ip:<address>" (see userKey, addressKey). */
  key: string;
  /** The failed sign-ins that locked it, and the window they were counted in. */
  failures: number;
  windowMinutes: number;
  /** When it was found in force, and when it ends if no further failures are counted meanwhile. */
  at: string;
  until: string;
}

/** The email address as sign-in compares it; long input is cut so that no key is unbounded. */
export function normaliseEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase().slice(0, 320);
}

export function userKey(email: string): string {
  return `user:${normaliseEmail(email)}`;
}

function ipv4Groups(ip: string): number[] {
  return ip.split(".").map(Number);
}

/** The eight 16-bit groups of an IPv6 address (isIP already said it is one). */
function ipv6Groups(address: string): number[] {
  let s = address.split("%")[0] ?? "";
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)?.[1];
  if (v4) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Groups(v4);
    s = `${s.slice(0, -v4.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = s.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => Number.parseInt(g, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The client address as counted: IPv4 as it is (an IPv4-mapped IPv6 address too), IPv6 by its /64, since
 * one client usually holds a whole /64. Null when there is no usable address.
 */
export function addressKey(ip: string | null | undefined): string | null {
  const address = (ip ?? "").trim();
  const kind = isIP(address.split("%")[0] ?? "");
  if (kind === 4) return `ip:${address}`;
  if (kind !== 6) return null;
  const g = ipv6Groups(address);
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
  if (mapped) {
    const hi = g[6] ?? 0;
    const lo = g[7] ?? 0;
    return `ip:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return `ip:${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(":")}::/64`;
}

export class LoginThrottle {
  constructor(
    private readonly policy: LoginThrottlePolicy,
    private readonly now: () => Date,
  ) {}

  private limits(email: string, address: string | null | undefined) {
    const limits: { key: string; max: number; scope: Lockout["scope"] }[] = [
      { key: userKey(email), max: this.policy.maxFailuresPerUser, scope: "user" },
    ];
    const ip = addressKey(address);
    if (ip) limits.push({ key: ip, max: this.policy.maxFailuresPerAddress, scope: "address" });
    return limits;
  }

  /** The lockout of one key in force at `now`, if it has `max` failures inside the window. */
  private async lockoutOf(
    store: Store,
    { key, max, scope }: { key: string; max: number; scope: Lockout["scope"] },
    now: number,
  ): Promise<LockoutInForce | null> {
    if (max <= 0) return null;
    const after = new Date(now - this.policy.windowMs).toISOString();
    const recent = await store.loginAttempts.recent(key, after, max);
    const oldest = recent[max - 1];
    if (recent.length < max || oldest === undefined) return null;
    const until = Date.parse(oldest) + this.policy.windowMs;
    return {
      scope,
      key,
      retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
      failures: max,
      windowMinutes: Math.round(this.policy.windowMs / 60_000),
      at: new Date(now).toISOString(),
      until: new Date(until).toISOString(),
    };
  }

  /** The lockout in force for this email address or client address, the longer one if both are. */
  async check(store: Store, email: string, address?: string | null): Promise<Lockout | null> {
    const now = this.now().getTime();
    let worst: Lockout | null = null;
    for (const limit of this.limits(email, address)) {
      const lockout = await this.lockoutOf(store, limit, now);
      if (lockout && (!worst || lockout.retryAfterSeconds > worst.retryAfterSeconds)) {
        worst = { scope: lockout.scope, retryAfterSeconds: lockout.retryAfterSeconds };
      }
    }
    return worst;
  }

  /**
   * Counts a failed sign-in, and says which lockouts are in force once it is counted: those it began, and
   * any that concurrent failures began a moment before. `begin` tells them apart.
   */
  async fail(store: Store, email: string, address?: string | null): Promise<LockoutInForce[]> {
    const now = this.now();
    const limits = this.limits(email, address);
    // Counted before looking: of failures made at once, the last to look sees them all.
    await store.loginAttempts.record(
      limits.map((l) => l.key),
      now.toISOString(),
    );
    const inForce: LockoutInForce[] = [];
    for (const limit of limits) {
      const lockout = await this.lockoutOf(store, limit, now.getTime());
      if (lockout) inForce.push(lockout);
    }
    return inForce;
  }

  /**
   * Whether this is the first anyone has seen of the lockout (true once per lockout, across every process
   * on the database); run it in the transaction that writes the lockout to the audit log.
   */
  async begin(store: Store, lockout: LockoutInForce): Promise<boolean> {
    return store.loginAttempts.beginLockout(lockout.key, lockout.at, lockout.until);
  }

  async succeed(store: Store, email: string): Promise<void> {
    await store.loginAttempts.clear(userKey(email));
  }

  /** Forgets failures that can no longer count. */
  async prune(store: Store): Promise<number> {
    return store.loginAttempts.deleteBefore(
      new Date(this.now().getTime() - this.policy.windowMs).toISOString(),
    );
  }
}
