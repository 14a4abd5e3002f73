import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { type AssureDb, openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import type { ParsedAction, ParsedPlan } from "../src/domain/plan.js";

/**
 * The databases every database test runs against:
 *   describe.each(databases)("$name", (d) => { let adb: AssureDb; beforeAll(async () => { adb = await d.open(); }); … });
 *
 * Each open() gives a fresh, migrated database of its own (PGlite in memory; on the PostgreSQL server a
 * newly created database, dropped again by close()), so test files can run in parallel.
 */
export interface TestDatabase {
  name: "pglite" | "postgres";
  open(opts?: { migrate?: boolean }): Promise<AssureDb>;
}

export const POSTGRES_TEST_URL =
  process.env.ASSURE_TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const inCi = (() => {
  const ci = process.env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
})();

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function postgresProblem(): Promise<string | null> {
  try {
    await withAdmin((c) => c.query("select 1"));
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const problem = await postgresProblem();
if (problem !== null) {
  const message = `PostgreSQL test server ${redact(POSTGRES_TEST_URL)} is unreachable (${problem}).`;
  if (inCi) {
    throw new Error(
      `${message} CI requires the PostgreSQL run: start the server or set ASSURE_TEST_DATABASE_URL.`,
    );
  }
  console.warn(
    `${message} Skipping the PostgreSQL variant of the database tests (set CI=1 to make this fail).`,
  );
}

async function createDatabase(name: string): Promise<void> {
  // Two CREATE DATABASEs copying template1 at the same instant can collide; a short retry settles it.
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdmin((c) => c.query(`create database ${name}`));
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== "55006" || attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

const pglite: TestDatabase = {
  name: "pglite",
  async open(opts = {}) {
    const adb = await openDatabase({ kind: "pglite-memory" });
    if (opts.migrate !== false) await migrateToLatest(adb.db);
    return adb;
  },
};

const postgres: TestDatabase = {
  name: "postgres",
  async open(opts = {}) {
    const name = `assure_t_${process.pid}_${randomBytes(5).toString("hex")}`;
    await createDatabase(name);
    const url = new URL(POSTGRES_TEST_URL);
    url.pathname = `/${name}`;
    const adb = await openDatabase({ kind: "postgres", url: url.toString() });
    const drop = async () => {
      await adb.close();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    };
    try {
      if (opts.migrate !== false) await migrateToLatest(adb.db);
    } catch (err) {
      await drop();
      throw err;
    }
    return { ...adb, close: drop };
  },
};

export const databases: TestDatabase[] = problem === null ? [pglite, postgres] : [pglite];

/** A plausible action for tests; override what the test is about. */
export function parsedAction(overrides: Partial<ParsedAction> = {}): ParsedAction {
  const organisation = overrides.organisation === undefined ? "Thames Valley Police" : overrides.organisation;
  return {
    section: "Health",
    organisation,
    organisations: organisation === null ? [] : [organisation],
    ref: "1",
    finding: "Staff do not always recognise the risks to children in domestic abuse cases.",
    action: "Deliver domestic abuse training to all front-line staff.",
    lead: "DCI Matt Darnell",
    due: "2020-03-31",
    dueText: "End March 2020",
    status: "on-track",
    statusText: "Green",
    progress: "Training plan agreed.\n- 40 staff trained",
    evidenceOfImpact: "",
    lastUpdate: "2020-01-20",
    where: "table 1, row 2",
    ...overrides,
  };
}

/** A plan of the given actions; sections are taken from the actions in order. */
export function parsedPlan(actions: ParsedAction[], meta: Partial<ParsedPlan["plan"]> = {}): ParsedPlan {
  const sections: ParsedPlan["sections"] = [];
  for (const a of actions) {
    if (!sections.some((s) => s.name === a.section))
      sections.push({ name: a.section, organisation: a.organisation });
  }
  return {
    plan: {
      title: "JTAI action plan",
      asOf: "2020-03-26",
      version: "FINAL",
      ragKey: [{ label: "On track", colour: "00B050", word: "Green", status: "on-track" }],
      source: { kind: "jtai", title: "Joint targeted area inspection, 2019" },
      ...meta,
    },
    sections,
    actions,
    warnings: [{ where: "table 2, row 5", message: "No RAG rating; status unknown" }],
  };
}

/** The SHA-256 a file with this text would have. */
export function sha256Of(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
