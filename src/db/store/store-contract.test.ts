import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../../test/db-helpers.js";
import type { ParsedAction } from "../../domain/plan.js";
import { ConflictError, NotFoundError } from "../../services/errors.js";
import { MemoryStore } from "../../services/memory-store.js";
import type {
  ActionRecord,
  FindingRecord,
  NewActionUpdate,
  RaisedFinding,
  Store,
  UserRecord,
} from "../../services/store.js";
import { parsedAction, parsedPlan } from "../../services/testing/fixtures.js";
import { ensurePartnership } from "../organisations.js";
import { createKyselyStore } from "./index.js";

/**
 * The Store's behaviour, run against MemoryStore (which defines it) and the Kysely store on each
 * database, so the two cannot drift apart. One store per block: tests make their own plans and names.
 */

interface Subject {
  name: string;
  open(): Promise<{ store: Store; close(): Promise<void> }>;
}

const subjects: Subject[] = [
  { name: "MemoryStore", open: async () => ({ store: new MemoryStore(), close: async () => {} }) },
  ...databases.map(
    (d): Subject => ({
      name: `Kysely store on ${d.name}`,
      async open() {
        const adb = await d.open();
        const { id } = await ensurePartnership(adb.db, "Contract partnership");
        return { store: createKyselyStore(adb.db, { partnershipId: id }), close: () => adb.close() };
      },
    }),
  ),
];

const AT = "2021-01-15T10:00:00.000Z";
const LATER = "2021-02-01T09:30:00.123Z";
const SHA = "a".repeat(64);
const SHA2 = "b".repeat(64);

describe.each(subjects)("Store contract: $name", (subject) => {
  let store: Store;
  let close = async () => {};
  let admin: UserRecord;
  let seq = 0;
  const unique = (prefix: string) => `${prefix} ${++seq}`;

  beforeAll(async () => {
    ({ store, close } = await subject.open());
    admin = await store.users.create({
      email: "admin@example.org",
      name: "Admin Person",
      role: "admin",
      organisationId: null,
      passwordHash: "hash-admin",
    });
  });
  afterAll(async () => {
    await close();
  });

  async function importPlan(actions: ParsedAction[], title = unique("Plan")) {
    const parsed = parsedPlan(actions, { title });
    const stored = await store.plans.storeImport({
      parsed,
      planId: null,
      fileName: "plan.docx",
      fileSha256: SHA,
      actorId: admin.id,
      at: AT,
    });
    const byRef: Record<string, ActionRecord> = {};
    for (const a of await store.actions.listByPlan(stored.planId)) byRef[a.ref] = a;
    return { ...stored, parsed, title, byRef };
  }

  function update(action: ActionRecord, over: Partial<NewActionUpdate> = {}): NewActionUpdate {
    return {
      actionId: action.id,
      expectedRowVersion: action.rowVersion,
      status: "completed",
      statusText: "Completed",
      progress: "Delivered to all teams.",
      evidence: "Audit of 20 cases.",
      effectiveDate: "2021-01-14",
      actorId: admin.id,
      recordedAt: AT,
      attachments: [],
      ...over,
    };
  }

  const auditTotal = async () => (await store.audit.list(0, 1)).total;

  it("answers a ping", async () => {
    expect(await store.ping()).toBe(true);
  });

  it("creates users and finds them by id, email and API token hash", async () => {
    const org = await store.organisations.create(unique("Agency"));
    const editor = await store.users.create({
      email: "editor@example.org",
      name: "Editor Person",
      role: "editor",
      organisationId: org.id,
      passwordHash: "hash-editor",
    });
    expect(editor).toEqual({
      id: expect.any(String),
      email: "editor@example.org",
      name: "Editor Person",
      role: "editor",
      organisationId: org.id,
      disabled: false,
      createdAt: expect.any(String),
      passwordHash: "hash-editor",
      apiTokenHash: null,
    });
    expect(new Date(editor.createdAt).toISOString()).toBe(editor.createdAt);
    expect(await store.users.byId(editor.id)).toEqual(editor);
    expect(await store.users.byEmail(" Editor@Example.org ")).toEqual(editor);
    expect(await store.users.byEmail("nobody@example.org")).toBeNull();
    expect(await store.users.byId("nope")).toBeNull();
    expect(await store.users.byId("999999")).toBeNull();

    const ids = (await store.users.list()).map((u) => u.id);
    expect(ids.indexOf(admin.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(editor.id)).toBeGreaterThan(ids.indexOf(admin.id));
    const names = await store.users.names();
    expect(names.get(editor.id)).toBe("Editor Person");
    expect(names.size).toBe(ids.length);

    await store.users.setApiTokenHash(editor.id, "f".repeat(64));
    expect((await store.users.byApiTokenHash("f".repeat(64)))?.id).toBe(editor.id);
    await store.users.setApiTokenHash(editor.id, null);
    expect(await store.users.byApiTokenHash("f".repeat(64))).toBeNull();

    await store.users.setDisabled(editor.id, true);
    expect((await store.users.byId(editor.id))?.disabled).toBe(true);
    await store.users.setDisabled(editor.id, false);
    expect((await store.users.byId(editor.id))?.disabled).toBe(false);

    await expect(
      store.users.create({
        email: "editor@example.org",
        name: "Someone Else",
        role: "viewer",
        organisationId: null,
        passwordHash: "h",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(store.users.setDisabled("nope", true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.users.setApiTokenHash("999999", null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps sessions by token hash until deleted", async () => {
    const viewer = await store.users.create({
      email: "viewer@example.org",
      name: "Viewer Person",
      role: "viewer",
      organisationId: null,
      passwordHash: "h",
    });
    const [a, b, c] = ["a", "b", "c"].map((x) => x.repeat(64)) as [string, string, string];
    await store.sessions.create({
      tokenHash: a,
      userId: viewer.id,
      createdAt: AT,
      expiresAt: "2021-01-15T18:00:00.000Z",
    });
    await store.sessions.create({
      tokenHash: b,
      userId: viewer.id,
      createdAt: AT,
      expiresAt: "2021-01-16T18:00:00.500Z",
    });
    await store.sessions.create({
      tokenHash: c,
      userId: admin.id,
      createdAt: AT,
      expiresAt: "2021-01-15T18:00:00.000Z",
    });
    expect(await store.sessions.find(a)).toEqual({
      userId: viewer.id,
      createdAt: AT,
      lastSeenAt: AT,
      expiresAt: "2021-01-15T18:00:00.000Z",
    });
    expect(await store.sessions.find(b)).toMatchObject({
      userId: viewer.id,
      expiresAt: "2021-01-16T18:00:00.500Z",
    });
    expect(await store.sessions.find("d".repeat(64))).toBeNull();
    await store.sessions.delete(c);
    expect(await store.sessions.find(c)).toBeNull();
    await store.sessions.deleteForUser(viewer.id);
    expect(await store.sessions.find(a)).toBeNull();
    expect(await store.sessions.find(b)).toBeNull();
  });

  it("records a session's use, only ever forwards, and prunes sessions past their lifetime", async () => {
    const [a, b, c] = ["1", "2", "3"].map((x) => x.repeat(64)) as [string, string, string];
    const end = (h: number) => `2021-01-15T${String(10 + h).padStart(2, "0")}:00:00.000Z`;
    await store.sessions.create({ tokenHash: a, userId: admin.id, createdAt: AT, expiresAt: end(1) });
    await store.sessions.create({ tokenHash: b, userId: admin.id, createdAt: AT, expiresAt: end(2) });
    await store.sessions.create({ tokenHash: c, userId: admin.id, createdAt: AT, expiresAt: end(3) });
    await store.sessions.touch(a, "2021-01-15T10:20:00.250Z");
    await store.sessions.touch(a, "2021-01-15T10:05:00.000Z");
    await store.sessions.touch("f".repeat(64), "2021-01-15T10:05:00.000Z");
    expect(await store.sessions.find(a)).toEqual({
      userId: admin.id,
      createdAt: AT,
      lastSeenAt: "2021-01-15T10:20:00.250Z",
      expiresAt: end(1),
    });
    expect(await store.sessions.deleteExpired(end(2))).toBe(2);
    expect(await store.sessions.find(a)).toBeNull();
    expect(await store.sessions.find(b)).toBeNull();
    expect(await store.sessions.find(c)).toMatchObject({ lastSeenAt: AT });
    await store.sessions.delete(c);
  });

  it("counts failed sign-ins per key, newest first, and forgets them when cleared or old", async () => {
    const t = (m: number) => `2021-01-15T10:${String(m).padStart(2, "0")}:00.000Z`;
    const user = unique("user:someone@example.org");
    const ip = unique("ip:192.0.2.7");
    for (const m of [1, 3, 2, 9]) await store.loginAttempts.record([user, ip], t(m));
    await store.loginAttempts.record([ip], t(10));
    expect(await store.loginAttempts.recent(user, t(0), 10)).toEqual([t(9), t(3), t(2), t(1)]);
    expect(await store.loginAttempts.recent(user, t(2), 10)).toEqual([t(9), t(3)]);
    expect(await store.loginAttempts.recent(ip, t(0), 2)).toEqual([t(10), t(9)]);
    expect(await store.loginAttempts.recent(unique("user:nobody"), t(0), 5)).toEqual([]);
    await store.loginAttempts.clear(user);
    expect(await store.loginAttempts.recent(user, t(0), 10)).toEqual([]);
    expect(await store.loginAttempts.recent(ip, t(0), 10)).toHaveLength(5);
    expect(await store.loginAttempts.deleteBefore(t(3))).toBe(2);
    expect(await store.loginAttempts.recent(ip, t(0), 10)).toEqual([t(10), t(9), t(3)]);
  });

  it("claims each sign-in lockout once, until it ends, and forgets lockouts cleared or over", async () => {
    const t = (m: number) => `2021-01-15T11:${String(m).padStart(2, "0")}:00.000Z`;
    const user = unique("user:locked@example.org");
    const ip = unique("ip:192.0.2.8");
    expect(await store.loginAttempts.beginLockout(user, t(5), t(20))).toBe(true);
    // Seen again while it lasts (by this process or another): not a new lockout.
    expect(await store.loginAttempts.beginLockout(user, t(5), t(20))).toBe(false);
    expect(await store.loginAttempts.beginLockout(user, t(19), t(21))).toBe(false);
    // Keys are apart.
    expect(await store.loginAttempts.beginLockout(ip, t(6), t(20))).toBe(true);
    // Once it has ended, the next lockout of the key is a new one, and lasts its own time.
    expect(await store.loginAttempts.beginLockout(user, t(20), t(30))).toBe(true);
    expect(await store.loginAttempts.beginLockout(user, t(29), t(31))).toBe(false);
    // A successful sign-in clears the key's lockout with its failures.
    await store.loginAttempts.clear(user);
    expect(await store.loginAttempts.beginLockout(user, t(29), t(40))).toBe(true);
    // Pruning drops lockouts over by then, and only those.
    await store.loginAttempts.deleteBefore(t(21));
    expect(await store.loginAttempts.beginLockout(ip, t(10), t(25))).toBe(true);
    expect(await store.loginAttempts.beginLockout(user, t(30), t(45))).toBe(false);
  });

  it("keeps organisations with their aliases and refuses a name already taken", async () => {
    const zeta = await store.organisations.create("  Zeta Health Trust ");
    const alpha = await store.organisations.create("Alpha Council");
    expect(zeta).toEqual({ id: expect.any(String), name: "Zeta Health Trust", aliases: [] });
    await store.organisations.addAlias(zeta.id, "ZHT");
    await store.organisations.addAlias(zeta.id, "Zeta Trust");

    const list = await store.organisations.list();
    expect(list.map((o) => o.name)).toEqual([...list.map((o) => o.name)].sort((x, y) => x.localeCompare(y)));
    expect(list.find((o) => o.id === zeta.id)).toEqual({ ...zeta, aliases: ["ZHT", "Zeta Trust"] });
    expect(list.find((o) => o.id === alpha.id)).toEqual(alpha);

    await expect(store.organisations.create("zeta health trust")).rejects.toBeInstanceOf(ConflictError);
    await expect(store.organisations.create("zht")).rejects.toBeInstanceOf(ConflictError);
    await expect(store.organisations.addAlias(alpha.id, "ZHT")).rejects.toBeInstanceOf(ConflictError);
    await expect(store.organisations.addAlias(alpha.id, "alpha council")).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(store.organisations.addAlias("nope", "Other")).rejects.toBeInstanceOf(NotFoundError);

    await store.organisations.removeAlias(zeta.id, "ZHT");
    await store.organisations.removeAlias(zeta.id, "not one of its names");
    const after = await store.organisations.list();
    expect(after.find((o) => o.id === zeta.id)?.aliases).toEqual(["Zeta Trust"]);
    await expect(store.organisations.removeAlias("999999", "x")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stores a new plan and reads it back with its actions, owners and first history entries", async () => {
    const police = await store.organisations.create(unique("Contract Police"));
    await store.organisations.addAlias(police.id, unique("CP"));
    const alias = (await store.organisations.list()).find((o) => o.id === police.id)?.aliases[0] ?? "";
    const agency = unique("New Agency");
    const auditBefore = await auditTotal();
    const p = await importPlan([
      parsedAction({ ref: "1", organisations: [police.name] }),
      parsedAction({ ref: "2", organisations: [alias, agency], lastUpdate: null }),
      parsedAction({ ref: "1", section: "Section 2", organisations: [agency], status: "unknown" }),
    ]);

    const plan = await store.plans.get(p.planId);
    expect(plan).toEqual({
      id: p.planId,
      title: p.title,
      sourceKind: "jtai",
      sourceTitle: "Joint targeted area inspection",
      versionLabel: "FINAL",
      versionNumber: 1,
      asOf: "2020-03-26",
      ragKey: p.parsed.plan.ragKey,
      reviewCadenceDays: 90,
      fileName: "plan.docx",
      importedAt: AT,
      sections: [
        { name: "Section 1", organisation: police.name },
        { name: "Section 2", organisation: agency },
      ],
    });
    expect((await store.plans.list()).find((x) => x.id === p.planId)).toEqual(plan);
    expect(await store.plans.versions(p.planId)).toEqual([
      {
        id: p.versionId,
        planId: p.planId,
        number: 1,
        label: "FINAL",
        fileName: "plan.docx",
        importedAt: AT,
        importedById: admin.id,
      },
    ]);

    const created = (await store.organisations.list()).find((o) => o.name === agency);
    expect(created).toBeDefined();
    const actions = await store.actions.listByPlan(p.planId);
    const common = {
      planId: p.planId,
      lead: "A Lead",
      due: "2020-06-30",
      dueText: "End June 2020",
      statusText: "Green",
      progress: "Work is under way.",
      evidenceOfImpact: "",
      rowVersion: 1,
      withdrawn: false,
    };
    expect(actions).toEqual([
      {
        ...common,
        id: expect.any(String),
        section: "Section 1",
        ref: "1",
        organisations: [{ id: police.id, name: police.name }],
        finding: "Finding 1",
        action: "Action 1",
        status: "on-track",
        lastUpdate: "2020-03-01",
      },
      {
        ...common,
        id: expect.any(String),
        section: "Section 1",
        ref: "2",
        organisations: [
          { id: police.id, name: police.name },
          { id: created?.id, name: agency },
        ],
        finding: "Finding 2",
        action: "Action 2",
        status: "on-track",
        lastUpdate: null,
      },
      {
        ...common,
        id: expect.any(String),
        section: "Section 2",
        ref: "1",
        organisations: [{ id: created?.id, name: agency }],
        finding: "Finding 1",
        action: "Action 1",
        status: "unknown",
        lastUpdate: "2020-03-01",
      },
    ]);
    const all = await store.actions.listAll();
    for (const a of actions) {
      expect(await store.actions.get(a.id)).toEqual(a);
      expect(all.find((x) => x.id === a.id)).toEqual(a);
    }

    const first = actions[0] as ActionRecord;
    expect(await store.actions.history(first.id)).toEqual([
      {
        id: expect.any(String),
        actionId: first.id,
        recordedAt: AT,
        effectiveDate: "2020-03-01",
        source: "import",
        actorId: null,
        importFileName: "plan.docx",
        status: "on-track",
        statusText: "Green",
        progress: "Work is under way.",
        evidence: "",
        attachments: [],
      },
    ]);
    // No date of its own: the entry speaks for the plan's date.
    expect((await store.actions.history(actions[1]?.id ?? ""))[0]?.effectiveDate).toBe("2020-03-26");

    expect(await auditTotal()).toBe(auditBefore + 1);
    const [entry] = (await store.audit.list(0, 1)).entries;
    expect(entry).toMatchObject({
      at: AT,
      actorId: admin.id,
      actorName: "Admin Person",
      action: "plan.import",
      entityType: "plan",
      entityId: p.planId,
    });

    for (const missing of ["nope", "999999"]) {
      expect(await store.plans.get(missing)).toBeNull();
      expect(await store.plans.versions(missing)).toEqual([]);
      expect(await store.actions.get(missing)).toBeNull();
      expect(await store.actions.listByPlan(missing)).toEqual([]);
      expect(await store.actions.history(missing)).toEqual([]);
    }
  });

  it("previews a new version without writing, then stores it: changed, added, withdrawn, unchanged", async () => {
    const p = await importPlan([
      parsedAction({ ref: "1" }),
      parsedAction({ ref: "2" }),
      parsedAction({ ref: "3" }),
    ]);
    const v2 = parsedPlan(
      [
        parsedAction({ ref: "1", status: "completed", statusText: "Blue", progress: "Done." }),
        parsedAction({ ref: "2" }),
        parsedAction({ ref: "4" }),
      ],
      { title: p.title, version: "V2" },
    );
    expect(await store.plans.previewImport(p.planId, v2)).toEqual({
      added: [{ section: "Section 1", ref: "4" }],
      withdrawn: [{ section: "Section 1", ref: "3" }],
      changed: [
        {
          section: "Section 1",
          ref: "1",
          changes: [
            { field: "status", before: "on-track", after: "completed" },
            { field: "statusText", before: "Green", after: "Blue" },
            { field: "progress", before: "Work is under way.", after: "Done." },
          ],
        },
      ],
      unchanged: 1,
    });
    expect((await store.plans.get(p.planId))?.versionNumber).toBe(1);
    expect((await store.actions.get(p.byRef["1"]?.id ?? ""))?.rowVersion).toBe(1);
    await expect(store.plans.previewImport("999999", v2)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.plans.previewImport("nope", v2)).rejects.toBeInstanceOf(NotFoundError);

    const stored = await store.plans.storeImport({
      parsed: v2,
      planId: p.planId,
      fileName: "plan-v2.docx",
      fileSha256: SHA2,
      actorId: admin.id,
      at: LATER,
    });
    expect(stored.planId).toBe(p.planId);
    const plan = await store.plans.get(p.planId);
    expect(plan).toMatchObject({
      versionNumber: 2,
      versionLabel: "V2",
      fileName: "plan-v2.docx",
      importedAt: LATER,
    });
    const versions = await store.plans.versions(p.planId);
    expect(versions.map((v) => [v.number, v.label, v.fileName])).toEqual([
      [2, "V2", "plan-v2.docx"],
      [1, "FINAL", "plan.docx"],
    ]);
    expect(versions[0]?.id).toBe(stored.versionId);

    const byRef = Object.fromEntries((await store.actions.listByPlan(p.planId)).map((a) => [a.ref, a]));
    expect(Object.keys(byRef).sort()).toEqual(["1", "2", "3", "4"]);
    expect(byRef["1"]).toMatchObject({ id: p.byRef["1"]?.id, status: "completed", rowVersion: 2 });
    expect(byRef["2"]).toEqual(p.byRef["2"]);
    expect(byRef["3"]).toMatchObject({ id: p.byRef["3"]?.id, withdrawn: true, rowVersion: 2 });
    expect(byRef["4"]).toMatchObject({ withdrawn: false, rowVersion: 1 });
    // The briefs are listByPlan without the long texts, withdrawn actions and order included.
    expect(await store.actions.briefsByPlan(p.planId)).toEqual(
      (await store.actions.listByPlan(p.planId)).map(
        ({ finding: _f, action: _a, progress: _p, evidenceOfImpact: _e, ...brief }) => brief,
      ),
    );
    expect(await store.actions.briefsByPlan("nope")).toEqual([]);
    expect(await store.actions.briefsByPlan("999999")).toEqual([]);

    const history = await store.actions.history(byRef["1"]?.id ?? "");
    expect(history.map((h) => [h.source, h.importFileName, h.recordedAt, h.status, h.progress])).toEqual([
      ["import", "plan-v2.docx", LATER, "completed", "Done."],
      ["import", "plan.docx", AT, "on-track", "Work is under way."],
    ]);
    expect(await store.actions.history(byRef["2"]?.id ?? "")).toHaveLength(1);
    expect((await store.audit.list(0, 1)).entries[0]).toMatchObject({
      action: "plan.import-version",
      entityType: "plan",
      entityId: p.planId,
      at: LATER,
    });
  });

  it("records an update with its attachments, a new row version and an audit entry", async () => {
    const p = await importPlan([parsedAction({ ref: "1" }), parsedAction({ ref: "2" })]);
    const action = p.byRef["1"] as ActionRecord;
    const auditBefore = await auditTotal();
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
    const result = await store.actions.recordUpdate(
      update(action, {
        recordedAt: LATER,
        attachments: [{ fileName: "minutes.pdf", mediaType: "application/pdf", bytes }],
      }),
    );
    expect(result).toEqual({ rowVersion: 2, updateId: expect.any(String) });

    expect(await store.actions.get(action.id)).toEqual({
      ...action,
      status: "completed",
      statusText: "Completed",
      progress: "Delivered to all teams.",
      lastUpdate: "2021-01-14",
      rowVersion: 2,
    });
    const history = await store.actions.history(action.id);
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual({
      id: result.updateId,
      actionId: action.id,
      recordedAt: LATER,
      effectiveDate: "2021-01-14",
      source: "user",
      actorId: admin.id,
      importFileName: null,
      status: "completed",
      statusText: "Completed",
      progress: "Delivered to all teams.",
      evidence: "Audit of 20 cases.",
      attachments: [
        { id: expect.any(String), fileName: "minutes.pdf", mediaType: "application/pdf", size: 7 },
      ],
    });
    expect(history[1]?.source).toBe("import");

    const attachmentId = history[0]?.attachments[0]?.id ?? "";
    const file = await store.actions.attachment(attachmentId);
    expect(file).toEqual({
      id: attachmentId,
      actionId: action.id,
      fileName: "minutes.pdf",
      mediaType: "application/pdf",
      size: 7,
      bytes,
    });
    expect(file?.bytes.equals(bytes)).toBe(true);
    expect(await store.actions.attachment("nope")).toBeNull();
    expect(await store.actions.attachment("999999")).toBeNull();

    expect(await auditTotal()).toBe(auditBefore + 1);
    const [entry] = (await store.audit.list(0, 1)).entries;
    expect(entry).toMatchObject({
      at: LATER,
      actorId: admin.id,
      action: "action.update",
      entityType: "action",
      entityId: action.id,
      before: { status: "on-track", rowVersion: 1 },
      after: { status: "completed", rowVersion: 2 },
    });
    // The other action is untouched.
    expect(await store.actions.get(p.byRef["2"]?.id ?? "")).toEqual(p.byRef["2"]);
  });

  it("refuses a stale row version with ConflictError and writes nothing", async () => {
    const p = await importPlan([parsedAction({ ref: "1" })]);
    const action = p.byRef["1"] as ActionRecord;
    await store.actions.recordUpdate(update(action, { progress: "First save" }));
    const current = await store.actions.get(action.id);
    const auditBefore = await auditTotal();
    await expect(
      store.actions.recordUpdate(update(action, { progress: "Second save", status: "minor-risk" })),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await store.actions.get(action.id)).toEqual(current);
    expect(await store.actions.history(action.id)).toHaveLength(2);
    expect(await auditTotal()).toBe(auditBefore);

    await expect(store.actions.recordUpdate(update({ ...action, id: "999999" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(store.actions.recordUpdate(update({ ...action, id: "nope" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("commits a transaction's writes together and rolls them all back when it throws", async () => {
    const p = await importPlan([parsedAction({ ref: "1" })]);
    const action = p.byRef["1"] as ActionRecord;
    const kept = unique("Kept Agency");
    const auditBefore = await auditTotal();
    const result = await store.transaction(async (tx) => {
      const org = await tx.organisations.create(kept);
      await tx.audit.append({
        at: AT,
        actorId: admin.id,
        action: "organisation.create",
        entityType: "organisation",
        entityId: org.id,
        before: null,
        after: { name: kept },
      });
      return org.id;
    });
    expect((await store.organisations.list()).find((o) => o.id === result)?.name).toBe(kept);
    expect(await auditTotal()).toBe(auditBefore + 1);

    const lost = unique("Lost Agency");
    const lostTitle = unique("Lost plan");
    const plansBefore = (await store.plans.list()).length;
    await expect(
      store.transaction(async (tx) => {
        await tx.organisations.create(lost);
        await tx.audit.append({
          at: AT,
          actorId: null,
          action: "test.lost",
          entityType: "test",
          entityId: null,
          before: null,
          after: null,
        });
        await tx.actions.recordUpdate(update(action));
        await tx.plans.storeImport({
          parsed: parsedPlan([parsedAction({ ref: "9" })], { title: lostTitle }),
          planId: null,
          fileName: "lost.docx",
          fileSha256: SHA,
          actorId: admin.id,
          at: AT,
        });
        // Work that opens its own transaction inside joins this one.
        await tx.transaction(async (inner) => inner.organisations.addAlias(result, unique("KA")));
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    const orgs = await store.organisations.list();
    expect(orgs.some((o) => o.name === lost)).toBe(false);
    expect(orgs.find((o) => o.id === result)?.aliases).toEqual([]);
    expect(await auditTotal()).toBe(auditBefore + 1);
    expect(await store.actions.get(action.id)).toEqual(action);
    expect(await store.actions.history(action.id)).toHaveLength(1);
    expect(await store.plans.list()).toHaveLength(plansBefore);

    // A conflict inside a transaction undoes what the transaction did before it.
    await expect(
      store.transaction(async (tx) => {
        await tx.organisations.create(lost);
        await tx.actions.recordUpdate(update(action, { expectedRowVersion: 7 }));
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await store.organisations.list()).some((o) => o.name === lost)).toBe(false);
  });

  it("raises, keeps and resolves findings, keeping each one's history", async () => {
    const p = await importPlan([parsedAction({ ref: "1" }), parsedAction({ ref: "2" })]);
    const other = await importPlan([parsedAction({ ref: "1" })]);
    const a1 = p.byRef["1"] as ActionRecord;
    const a2 = p.byRef["2"] as ActionRecord;
    const raised = (
      a: ActionRecord | null,
      kind: RaisedFinding["kind"],
      over: Partial<RaisedFinding> = {},
    ) => ({
      actionId: a?.id ?? null,
      kind,
      severity: "high" as const,
      section: a?.section ?? "Section 2",
      organisation: a ? (a.organisations[0]?.name ?? null) : null,
      ref: a?.ref ?? "",
      reason: `${kind} reason`,
      question: `${kind} question?`,
      ...over,
    });
    const overdue1 = raised(a1, "overdue");
    const notSmart2 = raised(a2, "not-smart", { severity: "medium" });
    const planWide = raised(null, "not-smart", { severity: "low" });
    await store.findings.sync(p.planId, [overdue1, notSmart2, planWide], "2021-01-15");
    await store.findings.sync(other.planId, [raised(other.byRef["1"] ?? null, "stale")], "2021-01-15");

    const first = await store.findings.list({ planId: p.planId });
    expect(first).toEqual(
      [overdue1, notSmart2, planWide].map((f) => ({
        ...f,
        id: expect.any(String),
        planId: p.planId,
        raisedOn: "2021-01-15",
        resolvedOn: null,
      })),
    );
    expect(await store.findings.list({ actionId: a1.id })).toEqual([first[0]]);
    expect(await store.findings.list({ planId: p.planId, openOnly: true })).toEqual(first);

    const stale2 = raised(a2, "stale", { severity: "low" });
    await store.findings.sync(
      p.planId,
      [{ ...overdue1, reason: "Now 200 days overdue" }, planWide, stale2],
      "2021-01-16",
    );
    const second = await store.findings.list({ planId: p.planId });
    expect(second).toEqual([
      { ...first[0], reason: "Now 200 days overdue" },
      { ...first[1], resolvedOn: "2021-01-16" },
      first[2],
      { ...stale2, id: expect.any(String), planId: p.planId, raisedOn: "2021-01-16", resolvedOn: null },
    ]);
    expect((await store.findings.list({ planId: p.planId, openOnly: true })).map((f) => f.kind)).toEqual([
      "overdue",
      "not-smart",
      "stale",
    ]);

    // Raised again once resolved: a new finding, the old one keeps its dates.
    await store.findings.sync(p.planId, [notSmart2], "2021-01-17");
    const third = await store.findings.list({ planId: p.planId });
    expect(third).toHaveLength(5);
    expect(third.slice(0, 4).map((f) => f.resolvedOn)).toEqual([
      "2021-01-17",
      "2021-01-16",
      "2021-01-17",
      "2021-01-17",
    ]);
    expect(third[4]).toEqual({
      ...notSmart2,
      id: expect.any(String),
      planId: p.planId,
      raisedOn: "2021-01-17",
      resolvedOn: null,
    });
    expect(third[4]?.id).not.toBe(first[1]?.id);
    expect(await store.findings.list({ actionId: a2.id, openOnly: true })).toEqual([third[4]]);

    const everywhere = await store.findings.list({ openOnly: true });
    expect(everywhere.some((f) => f.planId === other.planId && f.kind === "stale")).toBe(true);
    expect(await store.findings.list({ planId: "nope" })).toEqual([]);
    expect(await store.findings.list({ actionId: "999999" })).toEqual([]);

    // The briefs are list without the texts, in the same order, with the same filters.
    const brief = (f: FindingRecord) => ({
      id: f.id,
      planId: f.planId,
      actionId: f.actionId,
      kind: f.kind,
      resolvedOn: f.resolvedOn,
    });
    expect(await store.findings.briefs({ planId: p.planId })).toEqual(third.map(brief));
    expect(await store.findings.briefs({ planId: p.planId, openOnly: true })).toEqual(
      (await store.findings.list({ planId: p.planId, openOnly: true })).map(brief),
    );
    expect(await store.findings.briefs({ openOnly: true })).toEqual(everywhere.map(brief));
    expect(await store.findings.briefs({ planId: "nope" })).toEqual([]);
  });

  it("records challenges and how they were resolved", async () => {
    const p = await importPlan([parsedAction({ ref: "1" }), parsedAction({ ref: "2" })]);
    const a1 = p.byRef["1"] as ActionRecord;
    const a2 = p.byRef["2"] as ActionRecord;
    await store.findings.sync(
      p.planId,
      [
        {
          actionId: a1.id,
          kind: "overdue",
          severity: "high",
          section: a1.section,
          organisation: null,
          ref: a1.ref,
          reason: "r",
          question: "q",
        },
      ],
      "2021-01-15",
    );
    const finding = (await store.findings.list({ actionId: a1.id }))[0];
    const c1 = await store.challenges.create({
      actionId: a1.id,
      findingId: finding?.id ?? null,
      text: "What evidence shows the training happened?",
      raisedById: admin.id,
      raisedAt: "2021-01-15T10:00:00.000Z",
    });
    expect(c1).toEqual({
      id: expect.any(String),
      actionId: a1.id,
      findingId: finding?.id,
      text: "What evidence shows the training happened?",
      raisedById: admin.id,
      raisedAt: "2021-01-15T10:00:00.000Z",
      state: "open",
      note: "",
      resolvedById: null,
      resolvedAt: null,
    });
    const c2 = await store.challenges.create({
      actionId: a1.id,
      findingId: null,
      text: "Who leads this?",
      raisedById: admin.id,
      raisedAt: "2021-01-16T10:00:00.000Z",
    });
    const c3 = await store.challenges.create({
      actionId: a2.id,
      findingId: null,
      text: "When will it start?",
      raisedById: admin.id,
      raisedAt: "2021-01-14T10:00:00.000Z",
    });
    expect(await store.challenges.list({ actionId: a1.id })).toEqual([c2, c1]);
    expect(await store.challenges.get(c3.id)).toEqual(c3);

    const resolved = await store.challenges.resolve(c1.id, {
      state: "answered",
      note: "Attendance register seen.",
      resolvedById: admin.id,
      resolvedAt: "2021-01-20T12:00:00.000Z",
    });
    expect(resolved).toEqual({
      ...c1,
      state: "answered",
      note: "Attendance register seen.",
      resolvedById: admin.id,
      resolvedAt: "2021-01-20T12:00:00.000Z",
    });
    expect(await store.challenges.get(c1.id)).toEqual(resolved);
    expect(await store.challenges.list({ actionId: a1.id, state: "open" })).toEqual([c2]);
    const answered = await store.challenges.list({ state: "answered" });
    expect(answered.find((c) => c.id === c1.id)).toEqual(resolved);
    expect(answered.every((c) => c.state === "answered")).toBe(true);

    expect(await store.challenges.get("nope")).toBeNull();
    expect(await store.challenges.get("999999")).toBeNull();
    expect(await store.challenges.list({ actionId: "nope" })).toEqual([]);
    await expect(
      store.challenges.resolve("999999", {
        state: "not-answered",
        note: "",
        resolvedById: admin.id,
        resolvedAt: AT,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("pages the audit log newest first, naming the actor", async () => {
    const start = await auditTotal();
    for (let i = 0; i < 5; i++) {
      await store.audit.append({
        at: `2021-03-0${i + 1}T08:00:00.000Z`,
        actorId: i % 2 === 1 ? admin.id : null,
        action: `test.step-${i}`,
        entityType: "test",
        entityId: i === 0 ? null : String(i),
        before: i === 0 ? null : { n: i, nested: { list: [1, "two", null] } },
        after: { text: "Zoë — “quoted”" },
      });
    }
    const page1 = await store.audit.list(0, 2);
    expect(page1.total).toBe(start + 5);
    expect(page1.entries.map((e) => e.action)).toEqual(["test.step-4", "test.step-3"]);
    expect(page1.entries[1]).toEqual({
      id: expect.any(String),
      at: "2021-03-04T08:00:00.000Z",
      actorId: admin.id,
      actorName: "Admin Person",
      action: "test.step-3",
      entityType: "test",
      entityId: "3",
      before: { n: 3, nested: { list: [1, "two", null] } },
      after: { text: "Zoë — “quoted”" },
    });
    const page2 = await store.audit.list(2, 2);
    expect(page2.entries.map((e) => e.action)).toEqual(["test.step-2", "test.step-1"]);
    const page3 = await store.audit.list(4, 2);
    expect(page3.entries[0]).toEqual({
      id: expect.any(String),
      at: "2021-03-01T08:00:00.000Z",
      actorId: null,
      actorName: null,
      action: "test.step-0",
      entityType: "test",
      entityId: null,
      before: null,
      after: { text: "Zoë — “quoted”" },
    });
    expect(page3.entries).toHaveLength(Math.min(2, start + 1));
    expect(await store.audit.list(start + 5, 10)).toEqual({ entries: [], total: start + 5 });
  });

  it("keeps staged uploads byte for byte until deleted or expired", async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const fresh = {
      id: "5f0c3b1e-0000-4000-8000-000000000001",
      userId: admin.id,
      fileName: "plan.docx",
      bytes,
      createdAt: "2021-01-15T10:00:00.000Z",
    };
    const old = {
      ...fresh,
      id: "5f0c3b1e-0000-4000-8000-000000000002",
      createdAt: "2021-01-14T23:59:59.999Z",
    };
    await store.staged.put(fresh);
    await store.staged.put(old);
    const got = await store.staged.get(fresh.id);
    expect(got).toEqual(fresh);
    expect(got?.bytes.equals(bytes)).toBe(true);

    await store.staged.deleteOlderThan("2021-01-15T00:00:00.000Z");
    expect(await store.staged.get(old.id)).toBeNull();
    expect(await store.staged.get(fresh.id)).toEqual(fresh);
    await store.staged.delete(fresh.id);
    expect(await store.staged.get(fresh.id)).toBeNull();
    expect(await store.staged.get("never-staged")).toBeNull();
  });
});
