import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { loadConfig } from "../src/config.js";
import { bootstrapUser } from "../src/services/bootstrap.js";
import type { ActionSummary, User } from "../src/services/types.js";
import { createRuntime, type Runtime } from "../src/setup/compose.js";
import { createApp } from "../src/web/app.js";
import { generateWorkbook } from "./import-bench.js";

const ADMIN_URL = process.env.ASSURE_TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface WebFixture {
  runtime: Runtime;
  app: FastifyInstance;
  user: User;
  planId: string;
  actions: ActionSummary[];
  /** The signed-in session's cookie header. */
  cookie: { cookie: string };
  close(): Promise<void>;
}

/**
 * What the web bench and the plan-page profile share: a fresh PostgreSQL database, the production
 * runtime over it, an admin, a generated plan of `rows` actions imported through the services, a
 * signed-in session, and the app (not listening).
 */
export async function webFixture(rows = 200): Promise<WebFixture> {
  const dbName = `assure_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  let runtime: Runtime | null = null;
  let app: FastifyInstance | null = null;
  const close = async () => {
    await app?.close();
    await runtime?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  };
  try {
    runtime = await createRuntime(loadConfig({ DATABASE_URL: url.toString(), ASSURE_DEMO: "off" }));
    const password = randomBytes(12).toString("base64url");
    const user = await bootstrapUser(runtime.store, runtime.passwords, {
      email: "bench@example.org",
      name: "Bench",
      role: "admin",
      organisationId: null,
      password,
    });
    const staged = await runtime.services.imports.stage(
      user,
      { fileName: `bench-${rows}.xlsx`, bytes: await generateWorkbook(rows) },
      { kind: "new" },
    );
    const { planId } = await runtime.services.imports.confirm(user, staged.id, { kind: "new" });
    const actions = await runtime.services.plans.actions(user, planId, {});
    const signIn = await runtime.services.auth.signIn("bench@example.org", password);
    if (!signIn) throw new Error("bench user cannot sign in");
    app = await createApp(runtime.services, {
      secret: randomBytes(32).toString("base64url"),
      secureCookies: false,
      maxImportBytes: 50 * 1024 * 1024,
      maxAttachmentBytes: 10 * 1024 * 1024,
      logger: false,
    });
    return {
      runtime,
      app,
      user,
      planId,
      actions,
      cookie: { cookie: `assure-session=${signIn.sessionToken}` },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * CPU time used so far by the local PostgreSQL server's processes, in ms (Linux /proc, clock ticks of
 * 10 ms); null where it cannot be read. Processes that exit in between are not counted.
 */
export function postgresCpuMs(): Map<number, number> | null {
  try {
    const out = new Map<number, number>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue;
      }
      const close = stat.lastIndexOf(")");
      if (!stat.slice(stat.indexOf("(") + 1, close).startsWith("postgres")) continue;
      const fields = stat.slice(close + 2).split(" ");
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
      out.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * 10);
    }
    return out;
  } catch {
    return null;
  }
}

/** PostgreSQL CPU ms used between two postgresCpuMs() readings. */
export function postgresCpuBetween(before: Map<number, number> | null, after: Map<number, number> | null) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/**
 * CPU time of this process per request for `count` sequential app.inject GETs of `url` (after a
 * warm-up), the local PostgreSQL server's CPU time per request, and the wall time of each.
 */
export async function cpuPerRequest(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string>,
  count = 200,
): Promise<{ cpuMs: number; pgCpuMs: number | null; medianMs: number; p99Ms: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const res = await app.inject({ method: "GET", url, headers });
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    bytes = res.rawPayload.length;
  }
  const walls: number[] = [];
  const pgBefore = postgresCpuMs();
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await app.inject({ method: "GET", url, headers });
    walls.push(performance.now() - t);
  }
  const used = process.cpuUsage(start);
  const pg = postgresCpuBetween(pgBefore, postgresCpuMs());
  walls.sort((a, b) => a - b);
  return {
    cpuMs: (used.user + used.system) / 1000 / count,
    pgCpuMs: pg === null ? null : pg / count,
    medianMs: walls[Math.floor(count / 2)] ?? 0,
    p99Ms: walls[Math.floor(count * 0.99)] ?? 0,
    bytes,
  };
}
