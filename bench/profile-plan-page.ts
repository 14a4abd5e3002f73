import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import pg from "pg";
import { cpuPerRequest, webFixture } from "./web-fixture.js";

/**
 * The plan page in a loop through app.inject, for finding where its time goes:
 *   npm run build && node dist/bench/profile-plan-page.js [requests] [rows] [out.cpuprofile]
 * Prints the CPU time per request and the SQL statements each request sends; with a third argument,
 * writes a CPU profile of the loop alone (not the set-up) to open in Chrome's DevTools.
 */
const count = Number(process.argv[2] ?? 500);
const rows = Number(process.argv[3] ?? 200);
const out = process.argv[4];

let queries = 0;
const statements = new Map<string, number>();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries++;
  const first = args[0];
  const text = typeof first === "string" ? first : ((first as { text?: string })?.text ?? "?");
  statements.set(text, (statements.get(text) ?? 0) + 1);
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const f = await webFixture(rows);
try {
  const url = `/plans/${f.planId}`;
  await f.app.inject({ method: "GET", url, headers: f.cookie });
  queries = 0;
  statements.clear();
  await f.app.inject({ method: "GET", url, headers: f.cookie });
  console.log(`${queries} SQL statements for one plan page:`);
  for (const [text, n] of statements) console.log(`  ${n} × ${text.slice(0, 160)}`);

  const session = new Session();
  if (out) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const r = await cpuPerRequest(f.app, url, f.cookie, count);
  if (out) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(out, JSON.stringify(profile));
    session.disconnect();
  }
  console.log(
    `plan page, ${f.actions.length} actions, ${count} sequential injects: ${r.cpuMs.toFixed(2)} ms CPU/request (+ ${r.pgCpuMs?.toFixed(2) ?? "?"} ms in PostgreSQL), median ${r.medianMs.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${(r.bytes / 1024).toFixed(0)} KiB`,
  );
} finally {
  await f.close();
}
