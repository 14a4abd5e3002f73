import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(value: string): boolean {
  if (PROXY_NAMES.has(value)) return true;
  const [address = "", bits, ...rest] = value.split("/");
  if (rest.length) return false;
  const kind = isIP(address);
  if (kind === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128);
}

/** Which proxies' X-Forwarded-For to believe, in Fastify's trustProxy terms. */
const TrustProxy = z
  .string()
  .trim()
  .default("false")
  .transform((value, ctx): boolean | string[] => {
    if (value === "" || value === "false") return false;
    if (value === "true") return true;
    const list = value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length && list.every(isAddressOrRange)) return list;
    ctx.addIssue({
      code: "custom",
      message:
        "must be false, true, or a comma-separated list of the proxies' addresses or CIDR ranges (or loopback, linklocal, uniquelocal)",
    });
    return z.NEVER;
  });

/** Everything Assure reads from its environment, validated once at start-up. */
const EnvSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    ASSURE_DATA_DIR: z.string().min(1).default("./data"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int("must be a whole number of minutes")
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int("must be a whole number of hours")
      .min(1)
      .max(30 * 24)
      .default(12),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).max(100_000).default(20),
    LOGIN_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    TRUST_PROXY: TrustProxy,
    ASSURE_DEMO: z.enum(["auto", "off"]).default("auto"),
    ASSURE_PARTNERSHIP: z.string().trim().min(1).max(200).optional(),
    ASSURE_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(50),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .refine((e) => e.SESSION_IDLE_MINUTES <= e.SESSION_MAX_HOURS * 60, {
    path: ["SESSION_IDLE_MINUTES"],
    message: "must not be longer than SESSION_MAX_HOURS",
  });

export interface Config {
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  web: {
    port: number;
    host: string;
    sessionSecret: string | null;
    secureCookies: boolean;
    /** Whose X-Forwarded-For to believe for the client's address (Fastify's trustProxy). */
    trustProxy: boolean | string[];
  };
  /** How long a sign-in lasts: idle timeout and absolute lifetime. */
  sessions: { idleMs: number; absoluteMs: number };
  /** Lockout after failed sign-ins, per email address and per client address (0: no address limit). */
  loginThrottle: { maxFailuresPerUser: number; maxFailuresPerAddress: number; windowMs: number };
  demo: "auto" | "off";
  /** Name given to the partnership when the database has none yet; null leaves it to the caller. */
  partnershipName: string | null;
  maxUploadBytes: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const MINUTE_MS = 60 * 1000;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: resolve(e.ASSURE_DATA_DIR, "pg") },
    web: {
      port: e.PORT,
      host: e.HOST,
      sessionSecret: e.SESSION_SECRET ?? null,
      secureCookies: e.NODE_ENV === "production",
      trustProxy: e.TRUST_PROXY,
    },
    sessions: {
      idleMs: e.SESSION_IDLE_MINUTES * MINUTE_MS,
      absoluteMs: e.SESSION_MAX_HOURS * 60 * MINUTE_MS,
    },
    loginThrottle: {
      maxFailuresPerUser: e.LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: e.LOGIN_WINDOW_MINUTES * MINUTE_MS,
    },
    demo: e.ASSURE_DEMO,
    partnershipName: e.ASSURE_PARTNERSHIP ?? null,
    maxUploadBytes: Math.round(e.ASSURE_MAX_UPLOAD_MB * 1024 * 1024),
  };
}
