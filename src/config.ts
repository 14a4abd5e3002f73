import { resolve } from "node:path";
import { z } from "zod";

/** Everything Assure reads from its environment, validated once at start-up. */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  ASSURE_DATA_DIR: z.string().min(1).default("./data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ASSURE_DEMO: z.enum(["auto", "off"]).default("auto"),
  ASSURE_PARTNERSHIP: z.string().trim().min(1).max(200).optional(),
  ASSURE_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(50),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export interface Config {
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  web: { port: number; host: string; sessionSecret: string | null; secureCookies: boolean };
  demo: "auto" | "off";
  /** Name given to the partnership when the database has none yet; null leaves it to the caller. */
  partnershipName: string | null;
  maxUploadBytes: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

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
    },
    demo: e.ASSURE_DEMO,
    partnershipName: e.ASSURE_PARTNERSHIP ?? null,
    maxUploadBytes: Math.round(e.ASSURE_MAX_UPLOAD_MB * 1024 * 1024),
  };
}
