import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import Fastify from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { loadConfig } from "../src/config.js";
import { projectRoot } from "../src/paths.js";
import { bootstrapUser } from "../src/services/bootstrap.js";
import { createRuntime } from "../src/setup/compose.js";
import { createApp } from "../src/web/app.js";
import { generateWorkbook } from "./import-bench.js";

const run = promisify(execFile);
const ADMIN_URL = process.env.ASSURE_TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

async function load(url: string, headers: Record<string, string>, seconds: number) {
  const result = await autocannon({ url, connections: 50, duration: seconds, headers });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * The plan page (a 200-action plan, signed in, PostgreSQL) against a bare Fastify route, with
 * autocannon at 50 connections; then again while another process posts updates, counting afterwards
 * that every accepted update is in the history.
 */
export async function webBench(seconds = 10): Promise<string[]> {
  const dbName = `assure_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const runtime = await createRuntime(loadConfig({ DATABASE_URL: url.toString(), ASSURE_DEMO: "off" }));
  const bare = Fastify();
  bare.get("/", async () => "ok");
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
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
      { fileName: "bench-200.xlsx", bytes: await generateWorkbook(200) },
      { kind: "new" },
    );
    const { planId } = await runtime.services.imports.confirm(user, staged.id, { kind: "new" });
    const actions = await runtime.services.plans.actions(user, planId, {});
    const signIn = await runtime.services.auth.signIn("bench@example.org", password);
    if (!signIn) throw new Error("bench user cannot sign in");
    const token = await runtime.services.auth.issueApiToken(user);

    app = await createApp(runtime.services, {
      secret: randomBytes(32).toString("base64url"),
      secureCookies: false,
      maxImportBytes: 50 * 1024 * 1024,
      maxAttachmentBytes: 10 * 1024 * 1024,
      logger: false,
    });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const bareBase = await bare.listen({ port: 0, host: "127.0.0.1" });
    const cookie = { cookie: `assure-session=${signIn.sessionToken}` };
    const page = `${base}/plans/${planId}`;
    const check = await fetch(page, { headers: cookie });
    if (check.status !== 200) throw new Error(`plan page answered ${check.status}`);

    const bareResult = await load(bareBase, {}, seconds);
    const pageResult = await load(page, cookie, seconds);

    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from action_update where source = 'user'`.execute(runtime.database.db);
    const poster = run(
      process.execPath,
      [
        join(projectRoot(), "dist", "bench", "update-poster.js"),
        base,
        token,
        actions
          .slice(0, 20)
          .map((a) => a.id)
          .join(","),
        String(seconds * 8),
      ],
      { timeout: seconds * 10_000 },
    );
    const busyResult = await load(page, cookie, seconds);
    const posted = JSON.parse((await poster).stdout) as { accepted: number; refused: number; failed: number };
    const after = await sql<{
      n: number;
    }>`select count(*)::int as n from action_update where source = 'user'`.execute(runtime.database.db);
    const stored = (after.rows[0]?.n ?? 0) - (before.rows[0]?.n ?? 0);

    const line = (name: string, r: typeof bareResult) =>
      `${name}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms (non-2xx ${r.non2xx}, errors ${r.errors})`;
    return [
      `autocannon, 50 connections, ${seconds} s each, PostgreSQL, ${actions.length}-action plan, signed in`,
      line("bare Fastify route          ", bareResult),
      line("plan page                   ", pageResult),
      `  ratio plan page / bare: ${(pageResult.rps / bareResult.rps).toFixed(3)} of the requests per second`,
      line("plan page while posting     ", busyResult),
      `updates posted by another process: ${posted.accepted} accepted, ${posted.refused} refused as stale (409), ${posted.failed} failed; ${stored} stored in the history — ${stored === posted.accepted ? "none lost" : "MISMATCH"}`,
    ];
  } finally {
    await app?.close();
    await bare.close();
    await runtime.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}
