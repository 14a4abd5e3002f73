import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../test/db-helpers.js";
import type { AssureDb } from "./database.js";
import { InvalidStateError } from "./errors.js";
import { addOrganisation, ensurePartnership } from "./organisations.js";
import {
  clearLoginAttempts,
  countLoginAttempts,
  createSession,
  deleteExpiredSessions,
  deleteLoginAttemptsBefore,
  deleteSession,
  deleteUserSessions,
  getSession,
  recentLoginAttempts,
  recordLoginAttempts,
  touchSession,
} from "./sessions.js";
import { countUsers, createUser, findUserByApiTokenHash, findUserByEmail, updateUser } from "./users.js";

describe.each(databases)("users and sessions on $name", (d) => {
  let adb: AssureDb;
  let partnershipId: number;
  let orgId: number;
  beforeAll(async () => {
    adb = await d.open();
    partnershipId = (await ensurePartnership(adb.db, "P")).id;
    orgId = await addOrganisation(adb.db, { partnershipId, name: "Thames Valley Police" });
  });
  afterAll(async () => {
    await adb?.close();
  });

  it("stores e-mail addresses in lower case and finds users whatever the case", async () => {
    const u = await createUser(adb.db, {
      partnershipId,
      email: "  Jo.Hooper@Example.GOV.uk ",
      name: "Jo Hooper",
      role: "editor",
      organisationId: orgId,
      passwordHash: "$argon2id$…",
    });
    expect(u.email).toBe("jo.hooper@example.gov.uk");
    expect((await findUserByEmail(adb.db, "JO.HOOPER@example.gov.uk"))?.id).toBe(u.id);
    await expect(
      createUser(adb.db, {
        partnershipId,
        email: "jo.hooper@EXAMPLE.gov.uk",
        name: "Again",
        role: "viewer",
        passwordHash: "x",
      }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    expect(await countUsers(adb.db)).toBeGreaterThanOrEqual(1);
  });

  it("requires an organisation for an agency editor, in code and in the database", async () => {
    await expect(
      createUser(adb.db, {
        partnershipId,
        email: "ed@example.org",
        name: "Ed",
        role: "editor",
        passwordHash: "x",
      }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await expect(
      adb.db
        .insertInto("appUser")
        .values({
          partnershipId,
          email: "ed2@example.org",
          name: "Ed",
          role: "editor",
          organisationId: null,
          passwordHash: "x",
          apiTokenHash: null,
          disabledAt: null,
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it("finds users by API token hash, but not disabled ones", async () => {
    const u = await createUser(adb.db, {
      partnershipId,
      email: "api@example.org",
      name: "API",
      role: "viewer",
      passwordHash: "x",
    });
    await updateUser(adb.db, u.id, { apiTokenHash: "hash-1" });
    expect((await findUserByApiTokenHash(adb.db, "hash-1"))?.id).toBe(u.id);
    const changed = await updateUser(adb.db, u.id, { disabledAt: new Date() });
    expect(changed?.before.disabledAt).toBeNull();
    expect(changed?.after.disabledAt).toBeInstanceOf(Date);
    expect(await findUserByApiTokenHash(adb.db, "hash-1")).toBeUndefined();
  });

  it("creates sessions stored only as a hash, which expire and end", async () => {
    const u = await createUser(adb.db, {
      partnershipId,
      email: "s@example.org",
      name: "S",
      role: "scrutineer",
      passwordHash: "x",
    });
    const now = new Date("2024-01-01T12:00:00Z");
    const s = await createSession(adb.db, { userId: u.id, ttlSeconds: 3600, now });
    expect(s.token.length).toBeGreaterThanOrEqual(40);
    const stored = await adb.db.selectFrom("userSession").select("id").where("userId", "=", u.id).execute();
    expect(stored.map((r) => r.id)).not.toContain(s.token);

    const got = await getSession(adb.db, s.token, new Date("2024-01-01T12:30:00Z"));
    expect(got?.user.id).toBe(u.id);
    expect(got?.csrfSecret).toBe(s.csrfSecret);
    expect(await getSession(adb.db, `${s.token}x`, now)).toBeNull();
    expect(await getSession(adb.db, s.token, new Date("2024-01-01T13:00:01Z"))).toBeNull();

    await touchSession(adb.db, s.token, { now, expiresAt: new Date("2024-01-02T12:00:00Z") });
    expect(await getSession(adb.db, s.token, new Date("2024-01-01T18:00:00Z"))).not.toBeNull();

    await deleteSession(adb.db, s.token);
    expect(await getSession(adb.db, s.token, now)).toBeNull();

    const a = await createSession(adb.db, { userId: u.id, ttlSeconds: 60, now });
    const b = await createSession(adb.db, { userId: u.id, ttlSeconds: 60, now });
    expect(a.token).not.toBe(b.token);
    await deleteUserSessions(adb.db, u.id);
    expect(await getSession(adb.db, a.token, now)).toBeNull();

    await createSession(adb.db, { userId: u.id, ttlSeconds: 1, now });
    expect(await deleteExpiredSessions(adb.db, new Date("2024-01-01T12:00:05Z"))).toBeGreaterThanOrEqual(1);

    const c = await createSession(adb.db, { userId: u.id, ttlSeconds: 60, now });
    await updateUser(adb.db, u.id, { disabledAt: now });
    expect(await getSession(adb.db, c.token, now)).toBeNull();
  });

  it("counts login attempts in a window, per partnership, and prunes old ones", async () => {
    const t = (m: number) => new Date(Date.UTC(2024, 0, 1, 12, m));
    const other = (await ensurePartnership(adb.db, "Other partnership")).id;
    for (const m of [0, 5, 10, 14]) await recordLoginAttempts(adb.db, partnershipId, ["ip:1.2.3.4"], t(m));
    await recordLoginAttempts(adb.db, partnershipId, ["ip:5.6.7.8", "user:a@example.org"], t(14));
    await recordLoginAttempts(adb.db, other, ["ip:1.2.3.4"], t(14));
    expect(await countLoginAttempts(adb.db, partnershipId, "ip:1.2.3.4", t(5))).toBe(3);
    expect(await countLoginAttempts(adb.db, other, "ip:1.2.3.4", t(0))).toBe(1);
    expect(await recentLoginAttempts(adb.db, partnershipId, "ip:1.2.3.4", t(0), 2)).toEqual([t(14), t(10)]);
    expect(await recentLoginAttempts(adb.db, partnershipId, "user:a@example.org", t(0), 5)).toEqual([t(14)]);

    expect(await deleteLoginAttemptsBefore(adb.db, t(6), partnershipId)).toBe(2);
    expect(await countLoginAttempts(adb.db, partnershipId, "ip:1.2.3.4", t(0))).toBe(2);
    await clearLoginAttempts(adb.db, partnershipId, "ip:1.2.3.4");
    expect(await countLoginAttempts(adb.db, partnershipId, "ip:1.2.3.4", t(0))).toBe(0);
    expect(await countLoginAttempts(adb.db, other, "ip:1.2.3.4", t(0))).toBe(1);
    expect(await countLoginAttempts(adb.db, partnershipId, "ip:5.6.7.8", t(0))).toBe(1);
    expect(await deleteLoginAttemptsBefore(adb.db, t(15))).toBe(3);
  });
});
