import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../../test/db-helpers.js";
import { isClosed } from "../../domain/status.js";
import { ConflictError, NotFoundError } from "../../services/errors.js";
import type {
  ActionRecord,
  NewActionUpdate,
  RaisedFinding,
  Store,
  UserRecord,
} from "../../services/store.js";
import { parsedAction, parsedPlan } from "../../services/testing/fixtures.js";
import type { AssureDb } from "../database.js";
import { ensurePartnership } from "../organisations.js";
import { createKyselyStore } from "./index.js";

/** What only the database store has to get right: several writers at once, and several partnerships. */

const AT = "2021-01-15T10:00:00.000Z";

describe.each(databases)("Kysely store on $name", (d) => {
  let adb: AssureDb;
  let store: Store;
  let other: Store;
  let admin: UserRecord;
  let stranger: UserRecord;
  let seq = 0;

  beforeAll(async () => {
    adb = await d.open();
    const mine = await ensurePartnership(adb.db, "Milton Keynes Together");
    const theirs = await ensurePartnership(adb.db, "Another Partnership");
    store = createKyselyStore(adb.db, { partnershipId: mine.id });
    other = createKyselyStore(adb.db, { partnershipId: theirs.id });
    admin = await store.users.create({
      email: "admin@example.org",
      name: "Admin Person",
      role: "admin",
      organisationId: null,
      passwordHash: "h",
    });
    stranger = await other.users.create({
      email: "stranger@example.org",
      name: "Stranger",
      role: "admin",
      organisationId: null,
      passwordHash: "h",
    });
  });
  afterAll(async () => {
    await adb?.close();
  });

  async function importPlan(refs: string[]) {
    const { planId } = await store.plans.storeImport({
      parsed: parsedPlan(
        refs.map((ref) => parsedAction({ ref })),
        { title: `Plan ${++seq}` },
      ),
      planId: null,
      fileName: "plan.docx",
      fileSha256: "c".repeat(64),
      actorId: admin.id,
      at: AT,
    });
    const byRef: Record<string, ActionRecord> = {};
    for (const a of await store.actions.listByPlan(planId)) byRef[a.ref] = a;
    return { planId, byRef };
  }

  const completed = (a: ActionRecord): NewActionUpdate => ({
    actionId: a.id,
    expectedRowVersion: a.rowVersion,
    status: "completed",
    statusText: "Completed",
    progress: "Done.",
    evidence: "",
    effectiveDate: "2021-01-14",
    actorId: admin.id,
    recordedAt: AT,
    attachments: [],
  });

  const overdue = (a: ActionRecord): RaisedFinding => ({
    actionId: a.id,
    kind: "overdue",
    severity: "high",
    section: a.section,
    organisation: a.organisations[0]?.name ?? null,
    ref: a.ref,
    reason: `Due on ${a.due}`,
    question: `Please provide an update on action ${a.ref}.`,
  });

  it("lets writers of one plan take turns, each recomputing findings from what the last committed", async () => {
    const { planId, byRef } = await importPlan(["1", "2", "3", "4", "5"]);
    // As the services do: update, then recompute the plan's findings, in one transaction.
    const results = await Promise.allSettled(
      ["1", "2", "3", "4"].map((ref) =>
        store.transaction(async (tx) => {
          await tx.actions.recordUpdate(completed(byRef[ref] as ActionRecord));
          const live = (await tx.actions.listByPlan(planId)).filter((a) => !a.withdrawn);
          await tx.findings.sync(planId, live.filter((a) => !isClosed(a.status)).map(overdue), "2021-01-15");
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const open = await store.findings.list({ planId, openOnly: true });
    expect(open.map((f) => f.ref)).toEqual(["5"]);
  });

  it("refuses an update of an action withdrawn since the form was opened, as a conflict", async () => {
    const { planId, byRef } = await importPlan(["1", "2"]);
    await store.plans.storeImport({
      parsed: parsedPlan([parsedAction({ ref: "1" })], { title: `Plan ${seq}` }),
      planId,
      fileName: "plan-v2.docx",
      fileSha256: "d".repeat(64),
      actorId: admin.id,
      at: AT,
    });
    const withdrawn = await store.actions.get(byRef["2"]?.id ?? "");
    expect(withdrawn?.withdrawn).toBe(true);
    await expect(store.actions.recordUpdate(completed(withdrawn as ActionRecord))).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("moves an open finding to the section and ref it is raised with now", async () => {
    const { planId, byRef } = await importPlan(["1"]);
    const a = byRef["1"] as ActionRecord;
    await store.findings.sync(planId, [overdue(a)], "2021-01-15");
    await store.findings.sync(planId, [{ ...overdue(a), section: "Renamed", ref: "1a" }], "2021-01-16");
    const [f, ...rest] = await store.findings.list({ planId });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ section: "Renamed", ref: "1a", raisedOn: "2021-01-15", resolvedOn: null });
  });

  it("shows a partnership only what is its own", async () => {
    const org = await store.organisations.create("Thames Valley Police Contract");
    const { planId, byRef } = await importPlan(["1"]);
    const action = byRef["1"] as ActionRecord;
    await store.findings.sync(planId, [overdue(action)], "2021-01-15");
    const { updateId } = await store.actions.recordUpdate({
      ...completed(action),
      attachments: [{ fileName: "a.pdf", mediaType: "application/pdf", bytes: Buffer.from("%PDF-") }],
    });
    const attachmentId = (await store.actions.history(action.id))[0]?.attachments[0]?.id ?? "";
    expect(updateId).not.toBe("");
    const challenge = await store.challenges.create({
      actionId: action.id,
      findingId: null,
      text: "Why?",
      raisedById: admin.id,
      raisedAt: AT,
    });
    await store.sessions.create({
      tokenHash: "e".repeat(64),
      userId: admin.id,
      createdAt: AT,
      expiresAt: AT,
    });
    await store.loginAttempts.record(["user:someone@example.org", "ip:192.0.2.1"], AT);
    await other.audit.append({
      at: AT,
      actorId: stranger.id,
      action: "test.theirs",
      entityType: "test",
      entityId: null,
      before: null,
      after: null,
    });
    // An entry with no user (a sign-in lockout, say) is its partnership's all the same.
    await other.audit.append({
      at: AT,
      actorId: null,
      action: "test.theirs-unattributed",
      entityType: "client-address",
      entityId: "192.0.2.1",
      before: null,
      after: { clientAddress: "192.0.2.1" },
    });

    expect((await other.users.list()).map((u) => u.id)).toEqual([stranger.id]);
    expect([...(await other.users.names()).keys()]).toEqual([stranger.id]);
    expect(await other.users.byId(admin.id)).toBeNull();
    expect(await other.users.byEmail(admin.email)).toBeNull();
    expect(await other.sessions.find("e".repeat(64))).toBeNull();
    const longAgo = "2000-01-01T00:00:00.000Z";
    const later = "2030-01-01T00:00:00.000Z";
    expect(await other.loginAttempts.recent("user:someone@example.org", longAgo, 10)).toEqual([]);
    expect(await other.loginAttempts.recent("ip:192.0.2.1", longAgo, 10)).toEqual([]);
    expect((await other.organisations.list()).some((o) => o.id === org.id)).toBe(false);
    expect(await other.plans.list()).toEqual([]);
    expect(await other.plans.get(planId)).toBeNull();
    expect(await other.plans.versions(planId)).toEqual([]);
    expect(await other.actions.listAll()).toEqual([]);
    expect(await other.actions.listByPlan(planId)).toEqual([]);
    expect(await other.actions.get(action.id)).toBeNull();
    expect(await other.actions.history(action.id)).toEqual([]);
    expect(await other.actions.attachment(attachmentId)).toBeNull();
    expect(await other.findings.list({})).toEqual([]);
    expect(await other.challenges.list({})).toEqual([]);
    expect(await other.challenges.get(challenge.id)).toBeNull();
    const theirAudit = await other.audit.list(0, 100);
    expect(theirAudit.entries.map((e) => e.action)).toEqual(["test.theirs-unattributed", "test.theirs"]);
    expect(theirAudit.total).toBe(2);
    const ourAudit = await store.audit.list(0, 100);
    expect(ourAudit.entries.some((e) => e.action.startsWith("test.theirs"))).toBe(false);
    expect(ourAudit.total).toBe(ourAudit.entries.length);

    await expect(other.plans.previewImport(planId, parsedPlan([]))).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      other.plans.storeImport({
        parsed: parsedPlan([parsedAction({ ref: "1" })]),
        planId,
        fileName: "x.docx",
        fileSha256: "f".repeat(64),
        actorId: stranger.id,
        at: AT,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(other.actions.recordUpdate(completed({ ...action, rowVersion: 2 }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(other.findings.sync(planId, [], "2021-01-16")).rejects.toBeInstanceOf(NotFoundError);
    await expect(other.organisations.addAlias(org.id, "TVPC")).rejects.toBeInstanceOf(NotFoundError);
    await expect(other.users.setDisabled(admin.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      other.challenges.resolve(challenge.id, {
        state: "answered",
        note: "",
        resolvedById: stranger.id,
        resolvedAt: AT,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Email addresses are one person's across the whole database.
    await expect(
      other.users.create({
        email: admin.email,
        name: "Copy",
        role: "viewer",
        organisationId: null,
        passwordHash: "h",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await other.sessions.touch("e".repeat(64), later);
    expect(await other.sessions.deleteExpired(later)).toBe(0);
    expect(await store.loginAttempts.beginLockout("ip:192.0.2.1", AT, later)).toBe(true);
    // Their lockout of the same key is theirs to claim, and clearing or pruning theirs leaves ours.
    expect(await other.loginAttempts.beginLockout("ip:192.0.2.1", AT, later)).toBe(true);
    await other.loginAttempts.clear("user:someone@example.org");
    await other.loginAttempts.clear("ip:192.0.2.1");
    expect(await other.loginAttempts.deleteBefore(later)).toBe(0);
    expect(await store.loginAttempts.beginLockout("ip:192.0.2.1", AT, later)).toBe(false);
    // Nothing of theirs was touched.
    expect(await store.sessions.find("e".repeat(64))).toMatchObject({ lastSeenAt: AT });
    expect(await store.loginAttempts.recent("user:someone@example.org", longAgo, 10)).toEqual([AT]);
    expect((await store.actions.get(action.id))?.rowVersion).toBe(2);
    expect(await store.findings.list({ planId, openOnly: true })).toHaveLength(1);
  });

  it("lets exactly one of many writers at once claim a sign-in lockout", async () => {
    const key = `user:raced-${++seq}@example.org`;
    const until = "2021-01-15T10:15:00.000Z";
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.transaction((tx) => tx.loginAttempts.beginLockout(key, `2021-01-15T10:00:0${i}.000Z`, until)),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
