import { randomBytes } from "node:crypto";
import type { ReportRenderer, ServiceDeps } from "../deps.js";
import { createServices } from "../index.js";
import { MemoryStore } from "../memory-store.js";
import { argon2idHasher } from "../passwords.js";
import type { Store } from "../store.js";
import type { Role, Services, User } from "../types.js";
import { toUser } from "../views.js";
import { jsonParse, parsedAction, parsedPlan, simpleAssess } from "./fixtures.js";

/** Cheap but real argon2id for tests: the hashing code path is the production one. */
export const testHasher = argon2idHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

export const fakeReports: ReportRenderer = {
  scrutinyDocx: async (input) => Buffer.from(`DOCX ${input.plans.map((p) => p.findings.length).join(",")}`),
  findingsXlsx: async (input) => Buffer.from(`XLSX ${input.plans.length}`),
};

export interface World {
  /** The memory store unless the test asked for another; dump() exists only on the memory store. */
  store: Store & { dump?(): string };
  /** Unique to this world: part of every email address in it. */
  tag: string;
  /** Switches that make a dependency fail, to prove atomicity. */
  faults: { assess: boolean };
  services: Services;
  users: Record<Role | "otherEditor" | "disabled", User>;
  passwords: Record<string, string>;
  orgs: { police: string; health: string; council: string };
  planId: string;
  /** Actions by ref: "1" police, "2" health, "3" police + council (joint), "4" no lead. */
  actions: Record<string, string>;
  clock: { now: Date };
}

/**
 * A partnership with a plan of four actions and a user per role, over the memory store and the real
 * services, so tests exercise the real role rules.
 */
export interface WorldOptions {
  reports?: boolean;
  store?: Store;
  /** Session lifetimes and sign-in lockouts other than the defaults. */
  policies?: Pick<ServiceDeps, "sessions" | "loginThrottle">;
}

/**
 * The services as a world runs them, over a store and a clock: also how a test starts a second process
 * (new services over a new store on the same database) that shares nothing in memory with the first.
 */
export function worldServices(
  store: Store,
  clock: { now: Date },
  faults: { assess: boolean },
  opts: WorldOptions = {},
): Services {
  return createServices({
    store,
    parse: jsonParse,
    assess: (input) => {
      if (faults.assess) throw new Error("disk full");
      return simpleAssess(input);
    },
    passwords: testHasher,
    now: () => clock.now,
    reports: opts.reports === false ? undefined : fakeReports,
    maxAttachmentBytes: 64 * 1024,
    maxImportBytes: 256 * 1024,
    ...opts.policies,
  });
}

export async function buildWorld(opts: WorldOptions = {}): Promise<World> {
  const store = opts.store ?? new MemoryStore();
  const clock = { now: new Date("2021-01-15T10:00:00Z") };
  const faults = { assess: false };
  const services = worldServices(store, clock, faults, opts);
  const police = await store.organisations.create("Thames Valley Police");
  await store.organisations.addAlias(police.id, "TVP");
  const health = await store.organisations.create("Milton Keynes University Hospital");
  const council = await store.organisations.create("Milton Keynes Council");

  const passwords: Record<string, string> = {};
  // Emails are unique to the world, so that worlds can share a database (one partnership each).
  const tag = randomBytes(4).toString("hex");
  const mk = async (key: string, role: Role, organisationId: string | null, disabled = false) => {
    const email = `${key}@${tag}.example.org`;
    passwords[email] = `${key}-correct-horse-battery`;
    const record = await store.users.create({
      email,
      name: `${key[0]?.toUpperCase()}${key.slice(1)} Person`,
      role,
      organisationId,
      passwordHash: await testHasher.hash(passwords[email]),
    });
    if (disabled) await store.users.setDisabled(record.id, true);
    return toUser({ ...record, disabled }, await store.organisations.list());
  };
  const users = {
    admin: await mk("admin", "admin", null),
    editor: await mk("editor", "editor", police.id),
    otherEditor: await mk("health", "editor", health.id),
    scrutineer: await mk("scrutineer", "scrutineer", null),
    viewer: await mk("viewer", "viewer", null),
    disabled: await mk("gone", "editor", police.id, true),
  };

  const plan = parsedPlan([
    parsedAction({ ref: "1", organisations: ["Thames Valley Police"] }),
    parsedAction({
      ref: "2",
      organisations: ["Milton Keynes University Hospital"],
      status: "completed",
      statusText: "Blue",
    }),
    parsedAction({ ref: "3", organisations: ["Milton Keynes Council", "TVP"], due: "2022-12-31" }),
    parsedAction({
      ref: "4",
      organisations: ["Milton Keynes Council"],
      lead: "",
      due: null,
      dueText: "Ongoing",
    }),
  ]);
  const staged = await services.imports.stage(
    users.admin,
    { fileName: "plan.json", bytes: Buffer.from(JSON.stringify(plan)) },
    { kind: "new" },
  );
  const { planId } = await services.imports.confirm(users.admin, staged.id, { kind: "new" });
  const actions: Record<string, string> = {};
  for (const a of await store.actions.listByPlan(planId)) actions[a.ref] = a.id;
  return {
    tag,
    store,
    faults,
    services,
    users,
    passwords,
    orgs: { police: police.id, health: health.id, council: council.id },
    planId,
    actions,
    clock,
  };
}
