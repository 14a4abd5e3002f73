import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import Fastify from "fastify";
import { sql } from "kysely";
import { projectRoot } from "../src/paths.js";
import { cpuPerRequest, webFixture } from "./web-fixture.js";

const run = promisify(execFile);

async function load(url: string, headers: Record<string, string>, seconds: number) {
  const cpu = process.cpuUsage();
  const result = await autocannon({ url, connections: 50, duration: seconds, headers });
  const used = process.cpuUsage(cpu);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    // This process's CPU (server and autocannon together) over the requests it answered.
    cpuMs: (used.user + used.system) / 1000 / Math.max(1, result.requests.total),
  };
}

/**
 * The plan page (a 200-action plan, signed in, PostgreSQL) against a bare Fastify route, with
 * autocannon at 50 connections; then again while another process posts updates, counting afterwards
 * that every accepted update is in the history. Also the CPU time per request of the plan page alone,
 * through sequential app.inject calls.
 */
export async function webBench(seconds = 10): Promise<string[]> {
  const fixture = await webFixture(200);
  const { runtime, app, planId, actions, cookie } = fixture;
  const bare = Fastify();
  bare.get("/", async () => "ok");
  try {
    const token = await runtime.services.auth.issueApiToken(fixture.user);
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const bareBase = await bare.listen({ port: 0, host: "127.0.0.1" });
    const page = `${base}/plans/${planId}`;
    const check = await fetch(page, { headers: cookie });
    if (check.status !== 200) throw new Error(`plan page answered ${check.status}`);

    const cpu = await cpuPerRequest(app, `/plans/${planId}`, cookie, 200);
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
      `${name}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, ${r.cpuMs.toFixed(2)} ms CPU/request with autocannon (non-2xx ${r.non2xx}, errors ${r.errors})`;
    return [
      `autocannon, 50 connections, ${seconds} s each, PostgreSQL, ${actions.length}-action plan, signed in`,
      line("bare Fastify route          ", bareResult),
      line("plan page                   ", pageResult),
      `  ratio plan page / bare: ${(pageResult.rps / bareResult.rps).toFixed(3)} of the requests per second`,
      `plan page, 200 sequential app.inject: ${cpu.cpuMs.toFixed(2)} ms CPU/request in this process + ${cpu.pgCpuMs?.toFixed(2) ?? "?"} ms in PostgreSQL, median ${cpu.medianMs.toFixed(2)} ms, p99 ${cpu.p99Ms.toFixed(2)} ms, ${(cpu.bytes / 1024).toFixed(0)} KiB of HTML`,
      line("plan page while posting     ", busyResult),
      `updates posted by another process: ${posted.accepted} accepted, ${posted.refused} refused as stale (409), ${posted.failed} failed; ${stored} stored in the history — ${stored === posted.accepted ? "none lost" : "MISMATCH"}`,
    ];
  } finally {
    await bare.close();
    await fixture.close();
  }
}
