import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { type Config, loadConfig } from "../../src/config.js";
import { defaultDirectory } from "../../src/domain/organisations.js";
import { bootstrapUser } from "../../src/services/bootstrap.js";
import type { Organisation, Role, Services, User } from "../../src/services/types.js";
import { createRuntime, type Runtime } from "../../src/setup/compose.js";
import { createApp } from "../../src/web/app.js";

/**
 * A real Assure server for the browser tests, put together by the same composition root as
 * `npm start` (src/setup/compose.ts: the embedded PostgreSQL, the database store, the importer, the
 * assurance engine, the report renderers) in a data directory of its own, with the real web app
 * listening on 127.0.0.1 on a port of its own. The first admin is made the way `assure user add
 * --admin` makes one; everything after goes through the services' public API as that admin would
 * (organisations with their aliases, a user of every role), so nothing here depends on how the store
 * keeps things.
 */

export const DEMO_PLAN_DOCX = fileURLToPath(
  new URL("../../demo/plans/jtai-mental-health-action-plan.docx", import.meta.url),
);

export const MKUHT = "Milton Keynes University Hospital NHS Foundation Trust";
export const TVP = "Thames Valley Police";

export type AccountKey = "admin" | "mkuhtEditor" | "tvpEditor" | "scrutineer" | "viewer";

export interface Account {
  key: AccountKey;
  email: string;
  password: string;
  name: string;
  role: Role;
  organisation: string | null;
  user: User;
}

export interface ImportedPlan {
  planId: string;
  title: string;
  /** Action ids by ref as the plan writes it ("26", "28 SY2,8"). */
  actions: Map<string, string>;
}

export interface TestServer {
  url: string;
  services: Services;
  accounts: Record<AccountKey, Account>;
  /** The organisations the people belong to, by name; the others arrive with the plans imported. */
  organisations: Map<string, Organisation>;
  /** Imports a plan file through the import service, as an admin confirming a new plan. */
  importPlan(path?: string): Promise<ImportedPlan>;
  /** A fresh API token for the account (the token is shown once, as the service would). */
  apiToken(key: AccountKey): Promise<string>;
  /** Makes the account's sessions look unused for the last `minutes` (as if the person walked away). */
  leaveIdle(key: AccountKey, minutes: number): Promise<void>;
  /** Makes the findings look raised over the last `days` days, as months of use would have. */
  spreadFindingsOver(days: number): Promise<void>;
  close(): Promise<void>;
}

const ACCOUNTS: { key: AccountKey; name: string; role: Role; organisation: string | null }[] = [
  { key: "admin", name: "Asha Admin", role: "admin", organisation: null },
  { key: "mkuhtEditor", name: "Harriet Hospital", role: "editor", organisation: MKUHT },
  { key: "tvpEditor", name: "Peter Police", role: "editor", organisation: TVP },
  { key: "scrutineer", name: "Sam Scrutineer", role: "scrutineer", organisation: null },
  { key: "viewer", name: "Vic Viewer", role: "viewer", organisation: null },
];

/** Passwords are long enough for the service's rules and differ per run: nothing here is a secret worth keeping. */
function passwordFor(key: AccountKey): string {
  return `${key}-${randomBytes(6).toString("hex")}-battery-staple`;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "assure-browser-"));
  const maxUploadBytes = 50 * 1024 * 1024;
  // The defaults of an empty environment (session lifetimes, sign-in lockout), then this server's own.
  const defaults = loadConfig({});
  const config: Config = {
    ...defaults,
    database: { kind: "pglite", dataDir: join(dataDir, "pg") },
    web: {
      ...defaults.web,
      port: 0,
      host: "127.0.0.1",
      sessionSecret: randomBytes(32).toString("base64url"),
      secureCookies: false,
    },
    demo: "off",
    partnershipName: "MK Together",
    maxUploadBytes,
  };
  const runtime = await createRuntime(config).catch(async (err: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });
  try {
    return await seedAndListen(runtime, async () => {
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    });
  } catch (err) {
    await runtime.close();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

async function seedAndListen(runtime: Runtime, release: () => Promise<void>): Promise<TestServer> {
  const { services } = runtime;

  const bootstrapPassword = passwordFor("admin");
  const admin = await bootstrapUser(runtime.store, runtime.passwords, {
    email: "admin@mk-together.example.org",
    name: "Asha Admin",
    password: bootstrapPassword,
    role: "admin",
    organisationId: null,
  });

  // The organisations people belong to, with the names plans call them by. The others come with the
  // plans: the import adds the organisations it finds owners in.
  const organisations = new Map<string, Organisation>();
  const needed = new Set(ACCOUNTS.flatMap((a) => (a.organisation ? [a.organisation] : [])));
  for (const o of defaultDirectory().organisations.filter((d) => needed.has(d.name))) {
    const created = await services.organisations.create(admin, o.name);
    for (const alias of o.aliases) await services.organisations.addAlias(admin, created.id, alias);
    organisations.set(o.name, { ...created, aliases: [...o.aliases] });
  }

  const accounts = {} as Record<AccountKey, Account>;
  for (const a of ACCOUNTS) {
    const email = `${a.key.toLowerCase()}@mk-together.example.org`;
    if (a.key === "admin") {
      accounts.admin = { ...a, email, password: bootstrapPassword, user: admin };
      continue;
    }
    const password = passwordFor(a.key);
    const organisationId = a.organisation ? (organisations.get(a.organisation)?.id ?? null) : null;
    if (a.organisation && !organisationId) throw new Error(`No organisation ${a.organisation} to seed`);
    const user = await services.users.create(admin, {
      email,
      name: a.name,
      role: a.role,
      organisationId,
      password,
    });
    accounts[a.key] = { ...a, email, password, user };
  }

  const app: FastifyInstance = await createApp(services, {
    secret: randomBytes(32).toString("base64url"),
    secureCookies: false,
    maxImportBytes: runtime.config.maxUploadBytes,
    maxAttachmentBytes: 10 * 1024 * 1024,
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    services,
    accounts,
    organisations,
    async importPlan(path = DEMO_PLAN_DOCX) {
      const fileName = path.split("/").pop() ?? "plan";
      const staged = await services.imports.stage(
        admin,
        { fileName, bytes: await readFile(path) },
        { kind: "new" },
      );
      const { planId } = await services.imports.confirm(admin, staged.id, { kind: "new" });
      const actions = new Map<string, string>();
      for (const a of await services.plans.actions(admin, planId, {})) actions.set(a.ref, a.id);
      return { planId, title: staged.parsed.plan.title, actions };
    },
    apiToken: (key) => services.auth.issueApiToken(accounts[key].user),
    async leaveIdle(key, minutes) {
      await runtime.database.db
        .updateTable("userSession")
        .set({ lastSeenAt: sql<Date>`last_seen_at - make_interval(mins => ${minutes})` })
        .where("userId", "=", Number(accounts[key].user.id))
        .execute();
    },
    async spreadFindingsOver(days) {
      await runtime.database.db
        .updateTable("finding")
        .set({ raisedOn: sql<string>`current_date - ((id * 37) % ${days})::int` })
        .execute();
    },
    async close() {
      await app.close();
      await release();
    },
  };
}
