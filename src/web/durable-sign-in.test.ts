import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../test/db-helpers.js";
import type { AssureDb } from "../db/database.js";
import { ensurePartnership } from "../db/organisations.js";
import { createKyselyStore } from "../db/store/index.js";
import { buildWorld, type World, worldServices } from "../services/testing/harness.js";
import type { Services } from "../services/types.js";
import { Browser, testApp } from "./test-helpers.js";

/**
 * Lockouts and sessions live in the database, not in a process: a new app (new services, a new store,
 * nothing in memory shared) over the same database sees what the first one recorded, as a restarted
 * server or a second one behind a balancer would.
 */
describe.each(databases)("sign-in state shared through $name", (d) => {
  let adb: AssureDb;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    adb = await d.open();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  afterAll(async () => {
    await adb?.close();
  });

  async function firstProcess(): Promise<{ w: World; partnershipId: number; app: FastifyInstance }> {
    const { id } = await ensurePartnership(adb.db, `Partnership ${Math.random().toString(16).slice(2)}`);
    const w = await buildWorld({ store: createKyselyStore(adb.db, { partnershipId: id }) });
    const app = await testApp(w.services);
    apps.push(app);
    return { w, partnershipId: id, app };
  }

  /** Another process of the same installation: same database and clock, nothing else in common. */
  async function anotherProcess(w: World, partnershipId: number): Promise<FastifyInstance> {
    const services: Services = worldServices(createKyselyStore(adb.db, { partnershipId }), w.clock, {
      assess: false,
    });
    const app = await testApp(services);
    apps.push(app);
    return app;
  }

  it("keeps a lockout across a restart", async () => {
    const { w, partnershipId, app } = await firstProcess();
    const email = w.users.editor.email;
    const right = w.passwords[email] ?? "";
    const before = new Browser(app);
    for (let i = 0; i < 5; i++) expect((await before.signIn(email, `wrong-${i}`)).statusCode).toBe(401);
    await app.close();

    const after = new Browser(await anotherProcess(w, partnershipId));
    const locked = await after.signIn(email.toUpperCase(), right);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain("too many failed attempts to sign in with this email address");
    expect(Number(locked.headers["retry-after"])).toBe(15 * 60);
    expect(after.jar.cookies.has("assure-session")).toBe(false);

    w.clock.now = new Date(w.clock.now.getTime() + 15 * 60_000);
    expect((await after.signIn(email, right)).statusCode).toBe(303);
  });

  it("counts failures made on two running processes together, and a success on one clears both", async () => {
    const { w, partnershipId, app } = await firstProcess();
    const other = await anotherProcess(w, partnershipId);
    const email = w.users.viewer.email;
    const right = w.passwords[email] ?? "";
    const a = new Browser(app);
    const b = new Browser(other);
    for (let i = 0; i < 4; i++) await (i % 2 ? a : b).signIn(email, "wrong");
    expect((await new Browser(app).signIn(email, right)).statusCode).toBe(303);
    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).signIn(email, "wrong");
    expect((await new Browser(app).signIn(email, right)).statusCode).toBe(429);
    expect((await new Browser(other).signIn(email, right)).statusCode).toBe(429);
  });

  it("keeps sessions, and their idle timeout, across processes", async () => {
    const { w, partnershipId, app } = await firstProcess();
    const email = w.users.scrutineer.email;
    const a = new Browser(app);
    expect((await a.signIn(email, w.passwords[email] ?? "")).statusCode).toBe(303);
    const b = new Browser(await anotherProcess(w, partnershipId));
    b.jar.cookies = new Map(a.jar.cookies);
    w.clock.now = new Date(w.clock.now.getTime() + 20 * 60_000);
    expect((await b.get("/")).statusCode).toBe(200);
    // The use recorded by the second process keeps the session alive on the first.
    w.clock.now = new Date(w.clock.now.getTime() + 20 * 60_000);
    expect((await a.get("/")).statusCode).toBe(200);
    w.clock.now = new Date(w.clock.now.getTime() + 31 * 60_000);
    expect((await b.get("/")).headers.location).toBe("/sign-in?signedOut=idle");
    // Ended there, so ended here: the first process finds no session at all.
    expect((await a.get("/")).headers.location).toBe("/sign-in");
  });
});
