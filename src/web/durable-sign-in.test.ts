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

  /** The sign-in lockouts in the partnership's audit log, oldest first, as the admin's service lists them. */
  async function lockoutEntries(w: World) {
    const { items } = await w.services.audit.list(w.users.admin, 1, 500);
    return items.filter((e) => e.action === "session.lockout").reverse();
  }

  /** The admin's audit log page, as the admin sees it. */
  async function auditPage(w: World, app: FastifyInstance): Promise<string> {
    const admin = new Browser(app, "198.51.100.99");
    const email = w.users.admin.email;
    expect((await admin.signIn(email, w.passwords[email] ?? "")).statusCode).toBe(303);
    const page = await admin.get("/admin/audit");
    expect(page.statusCode).toBe(200);
    return page.body;
  }

  it("writes an email address's lockout to the audit log once, with the account and address, never a password", async () => {
    const { w, partnershipId, app } = await firstProcess();
    const email = w.users.editor.email;
    const right = w.passwords[email] ?? "";
    const guesses = Array.from({ length: 5 }, (_, i) => `Correct-Horse-guess-${i}`);
    const b = new Browser(app, "192.0.2.50");
    for (const guess of guesses) expect((await b.signIn(email, guess)).statusCode).toBe(401);
    // Refused while locked out, by this process and another: still the one lockout.
    const elsewhere = new Browser(await anotherProcess(w, partnershipId), "192.0.2.50");
    for (const attempt of [right, "another-guess", right]) {
      expect((await elsewhere.signIn(email, attempt)).statusCode).toBe(429);
      expect((await b.signIn(email, attempt)).statusCode).toBe(429);
    }

    const [entry, ...more] = await lockoutEntries(w);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: null,
      actorName: null,
      entityType: "user",
      entityId: w.users.editor.id,
      before: null,
      after: {
        lockedOut: "email address",
        account: true,
        email,
        clientAddress: "192.0.2.50",
        failures: 5,
        withinMinutes: 15,
        until: new Date(w.clock.now.getTime() + 15 * 60_000).toISOString(),
      },
    });

    const page = await auditPage(w, app);
    expect(page.match(/session\.lockout/g)).toHaveLength(1);
    expect(page).toContain(email);
    expect(page).toContain("192.0.2.50");
    for (const secret of [right, ...guesses, "another-guess"]) {
      expect(page).not.toContain(secret);
      expect(JSON.stringify(await w.services.audit.list(w.users.admin, 1, 500))).not.toContain(secret);
    }

    // Once it has ended, failing again until locked is a new lockout, written again.
    w.clock.now = new Date(w.clock.now.getTime() + 15 * 60_000);
    for (let i = 0; i < 5; i++) expect((await b.signIn(email, `later-${i}`)).statusCode).toBe(401);
    expect((await b.signIn(email, right)).statusCode).toBe(429);
    expect(await lockoutEntries(w)).toHaveLength(2);
  });

  it("writes a lockout once when failures on two processes at the same moment lock an email address", async () => {
    const { w, partnershipId, app } = await firstProcess();
    const other = await anotherProcess(w, partnershipId);
    const email = w.users.viewer.email;
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => new Browser(i % 2 ? app : other).signIn(email, `wrong-${i}`)),
    );
    expect(statuses.filter((r) => r.statusCode === 401).length).toBeGreaterThanOrEqual(5);
    expect((await new Browser(app).signIn(email, w.passwords[email] ?? "")).statusCode).toBe(429);
    const entries = await lockoutEntries(w);
    expect(entries.map((e) => [e.entityType, e.entityId])).toEqual([["user", w.users.viewer.id]]);
  });

  it("writes a client address's lockout, and one of an email address with no account without what was typed", async () => {
    const { w, app } = await firstProcess();
    // Twenty failures from one address, each at an email address of nobody's.
    const guesser = new Browser(app, "2001:db8:aa:bb::7");
    for (let i = 0; i < 20; i++) {
      expect((await guesser.signIn(`nobody-${i}@elsewhere.example.org`, "Tr0ub4dor&3")).statusCode).toBe(401);
    }
    expect((await guesser.signIn(w.users.viewer.email, "Tr0ub4dor&3")).statusCode).toBe(429);
    // Five at one email address of nobody's, from elsewhere: perhaps a password typed in the wrong box.
    const typo = new Browser(app, "192.0.2.77");
    for (let i = 0; i < 5; i++)
      expect((await typo.signIn("hunter2-not-an-email", `pw-${i}`)).statusCode).toBe(401);

    const entries = await lockoutEntries(w);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      entityType: "client-address",
      entityId: "2001:db8:aa:bb::/64",
      after: {
        lockedOut: "client address",
        account: false,
        email: null,
        clientAddress: "2001:db8:aa:bb::/64",
        failures: 20,
      },
    });
    expect(entries[1]).toMatchObject({
      entityType: "email-address",
      entityId: null,
      after: { lockedOut: "email address", account: false, email: null, clientAddress: "192.0.2.77" },
    });
    const page = await auditPage(w, app);
    expect(page).toContain("2001:db8:aa:bb::/64");
    for (const typed of ["nobody-", "hunter2", "Tr0ub4dor", "pw-"]) expect(page).not.toContain(typed);
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
