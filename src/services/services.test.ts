import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bootstrapUser } from "./bootstrap.js";
import { hashSecret } from "./context.js";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyAttemptsError,
  ValidationError,
} from "./errors.js";
import { MemoryStore } from "./memory-store.js";
import { backends } from "./testing/backends.js";
import { parsedAction, parsedPlan } from "./testing/fixtures.js";
import { buildWorld, testHasher, type World } from "./testing/harness.js";
import type { ActionUpdateInput } from "./types.js";

describe.each(backends)("services on the $name store", (backend) => {
  let w: World;
  let db: Awaited<ReturnType<typeof backend.open>>;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    w = await buildWorld({ store: await db.newStore() });
  });

  function update(over: Partial<ActionUpdateInput> = {}): ActionUpdateInput {
    return {
      status: "on-track",
      progress: "Training delivered to 40 staff.",
      evidence: "",
      date: "2021-01-14",
      rowVersion: 1,
      attachments: [],
      ...over,
    };
  }

  const pdf = Buffer.from("%PDF-1.7\nminutes\n");

  describe("auth", () => {
    it("signs in with the right password and gives a new session each time", async () => {
      const email = w.users.editor.email;
      const a = await w.services.auth.signIn(email, w.passwords[email] ?? "");
      const b = await w.services.auth.signIn(email.toUpperCase(), w.passwords[email] ?? "");
      expect(a?.user.id).toBe(w.users.editor.id);
      expect(a?.user.organisationName).toBe("Thames Valley Police");
      expect(a?.sessionToken).not.toBe(b?.sessionToken);
      expect((await w.services.auth.sessionUser(a?.sessionToken ?? ""))?.id).toBe(w.users.editor.id);
    });

    it("gives the same answer for an unknown email, a wrong password and a disabled user", async () => {
      expect(await w.services.auth.signIn("nobody@example.org", "whatever-password")).toBeNull();
      expect(await w.services.auth.signIn(w.users.editor.email, "wrong-password-here")).toBeNull();
      const gone = w.users.disabled.email;
      expect(await w.services.auth.signIn(gone, w.passwords[gone] ?? "")).toBeNull();
    });

    it("stores only hashes: neither passwords nor session tokens appear in the store", async () => {
      const email = w.users.viewer.email;
      const result = await w.services.auth.signIn(email, w.passwords[email] ?? "");
      const record = await w.store.users.byEmail(email);
      expect(record?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await w.store.sessions.find(result?.sessionToken ?? "")).toBeNull();
    });

    it("ends sessions on sign out and on expiry", async () => {
      const email = w.users.viewer.email;
      const s1 = await w.services.auth.signIn(email, w.passwords[email] ?? "");
      await w.services.auth.signOut(s1?.sessionToken ?? "");
      expect(await w.services.auth.sessionUser(s1?.sessionToken ?? "")).toBeNull();
      const s2 = await w.services.auth.signIn(email, w.passwords[email] ?? "");
      w.clock.now = new Date(w.clock.now.getTime() + 9 * 3600_000);
      expect(await w.services.auth.sessionUser(s2?.sessionToken ?? "")).toBeNull();
    });

    it("issues, checks and revokes API tokens", async () => {
      const token = await w.services.auth.issueApiToken(w.users.scrutineer);
      expect((await w.services.auth.apiTokenUser(token))?.role).toBe("scrutineer");
      expect(await w.services.auth.apiTokenUser(`${token}x`)).toBeNull();
      const replaced = await w.services.auth.issueApiToken(w.users.scrutineer);
      expect(await w.services.auth.apiTokenUser(token)).toBeNull();
      await w.services.auth.revokeApiToken(w.users.scrutineer);
      expect(await w.services.auth.apiTokenUser(replaced)).toBeNull();
    });

    const minutes = (n: number) => {
      w.clock.now = new Date(w.clock.now.getTime() + n * 60_000);
    };
    const lockout = async (work: Promise<unknown>) => {
      try {
        await work;
        return null;
      } catch (err) {
        if (!(err instanceof TooManyAttemptsError)) throw err;
        return { scope: err.scope, retryAfterSeconds: err.retryAfterSeconds };
      }
    };

    it("locks an email address out after 5 failures in 15 minutes, known or not, and a success clears it", async () => {
      const email = w.users.editor.email;
      const right = w.passwords[email] ?? "";
      for (let i = 0; i < 4; i++) {
        expect(await w.services.auth.signIn(email, "wrong", { address: "192.0.2.1" })).toBeNull();
        minutes(1);
      }
      // A success before the fifth failure starts the count again.
      expect(await w.services.auth.signIn(email, right)).not.toBeNull();
      for (let i = 0; i < 5; i++) {
        expect(
          await w.services.auth.signIn(` ${email.toUpperCase()}`, "wrong", { address: `192.0.2.${i}` }),
        ).toBeNull();
        minutes(1);
      }
      expect(await lockout(w.services.auth.signIn(email, right, { address: "198.51.100.9" }))).toEqual({
        scope: "user",
        retryAfterSeconds: 10 * 60,
      });
      // An address nobody has is locked out the same way, so a lockout says nothing about who exists.
      for (let i = 0; i < 5; i++) await w.services.auth.signIn("nobody@example.org", "wrong");
      expect((await lockout(w.services.auth.signIn("nobody@example.org", "x")))?.scope).toBe("user");
      minutes(11);
      expect((await w.services.auth.signIn(email, right))?.user.id).toBe(w.users.editor.id);
    });

    it("locks a client address out across email addresses; a success does not clear it", async () => {
      const v = await buildWorld({
        store: await db.newStore(),
        policies: { loginThrottle: { maxFailuresPerAddress: 3, windowMs: 10 * 60_000 } },
      });
      const ip = "2001:db8:1:2:3:4:5:6";
      await v.services.auth.signIn("a@example.org", "x", { address: ip });
      await v.services.auth.signIn("b@example.org", "x", { address: "2001:db8:1:2:ffff::1" });
      const viewer = v.users.viewer.email;
      expect(await v.services.auth.signIn(viewer, v.passwords[viewer] ?? "", { address: ip })).not.toBeNull();
      await v.services.auth.signIn("c@example.org", "x", { address: ip });
      // The same /64 is the same client; another /64 and another person's email are not.
      expect(
        await lockout(v.services.auth.signIn(viewer, v.passwords[viewer] ?? "", { address: ip })),
      ).toEqual({
        scope: "address",
        retryAfterSeconds: 10 * 60,
      });
      expect(
        await v.services.auth.signIn(viewer, v.passwords[viewer] ?? "", { address: "2001:db8:1:3::1" }),
      ).not.toBeNull();
    });

    it("prunes failed sign-ins once they can no longer count", async () => {
      await w.services.auth.signIn("someone@example.org", "wrong", { address: "203.0.113.5" });
      const since = "2000-01-01T00:00:00.000Z";
      expect(await w.store.loginAttempts.recent("user:someone@example.org", since, 9)).toHaveLength(1);
      expect(await w.store.loginAttempts.recent("ip:203.0.113.5", since, 9)).toHaveLength(1);
      minutes(16);
      await w.services.auth.signIn("other@example.org", "wrong");
      expect(await w.store.loginAttempts.recent("user:someone@example.org", since, 9)).toEqual([]);
      expect(await w.store.loginAttempts.recent("ip:203.0.113.5", since, 9)).toEqual([]);
    });

    it("ends a session after 30 idle minutes or 12 hours, says which, and deletes it", async () => {
      const email = w.users.viewer.email;
      const signIn = async () =>
        (await w.services.auth.signIn(email, w.passwords[email] ?? ""))?.sessionToken ?? "";
      const idle = await signIn();
      minutes(29);
      expect((await w.services.auth.resumeSession(idle)).status).toBe("active");
      minutes(29);
      expect((await w.services.auth.resumeSession(idle)).status).toBe("active");
      minutes(30);
      expect(await w.services.auth.resumeSession(idle)).toEqual({ status: "idle" });
      expect(await w.services.auth.resumeSession(idle)).toEqual({ status: "none" });

      const busy = await signIn();
      for (let i = 0; i < 24; i++) {
        minutes(29);
        expect((await w.services.auth.resumeSession(busy)).status).toBe("active");
      }
      minutes(29);
      expect(await w.services.auth.resumeSession(busy)).toEqual({ status: "expired" });
      expect(await w.store.sessions.find(hashSecret(busy))).toBeNull();
      expect(await w.services.auth.resumeSession("")).toEqual({ status: "none" });
      expect(w.services.auth.sessionPolicy).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 });
    });

    it("tells someone back the next morning that they went idle, and prunes sessions ended long ago", async () => {
      const email = w.users.viewer.email;
      const overnight = (await w.services.auth.signIn(email, w.passwords[email] ?? ""))?.sessionToken ?? "";
      const forgotten = (await w.services.auth.signIn(email, w.passwords[email] ?? ""))?.sessionToken ?? "";
      minutes(20 * 60);
      expect(await w.services.auth.resumeSession(overnight)).toEqual({ status: "idle" });
      expect(await w.store.sessions.find(hashSecret(forgotten))).not.toBeNull();
      minutes(17 * 60);
      await w.services.auth.resumeSession("no-such-session");
      expect(await w.store.sessions.find(hashSecret(forgotten))).toBeNull();
    });

    it("ends a user's sessions when an admin disables them", async () => {
      const email = w.users.viewer.email;
      const s = await w.services.auth.signIn(email, w.passwords[email] ?? "");
      await w.services.users.setDisabled(w.users.admin, w.users.viewer.id, true);
      expect(await w.services.auth.sessionUser(s?.sessionToken ?? "")).toBeNull();
    });
  });

  describe("action updates", () => {
    it("lets the owning agency's editor update and records who, when and what", async () => {
      const id = w.actions["1"] ?? "";
      const { rowVersion } = await w.services.actions.update(
        w.users.editor,
        id,
        update({ status: "completed" }),
      );
      expect(rowVersion).toBe(2);
      const detail = await w.services.actions.get(w.users.editor, id);
      expect(detail.status).toBe("completed");
      expect(detail.statusText).toBe("Completed");
      expect(detail.lastUpdate).toBe("2021-01-14");
      expect(detail.timeline[0]).toMatchObject({
        source: "user",
        actorName: "Editor Person",
        status: "completed",
      });
      expect(detail.timeline[1]).toMatchObject({ source: "import", importFileName: "plan.json" });
      const audit = await w.services.audit.list(w.users.admin, 1, 10);
      expect(audit.items[0]).toMatchObject({
        action: "action.update",
        actorId: w.users.editor.id,
        entityId: id,
      });
      expect(audit.items[0]?.before).toMatchObject({ status: "on-track" });
    });

    it("lets an editor of any of several owners update a joint action", async () => {
      await expect(
        w.services.actions.update(w.users.editor, w.actions["3"] ?? "", update()),
      ).resolves.toBeTruthy();
    });

    it("refuses other agencies, scrutineers and viewers, and changes nothing", async () => {
      const id = w.actions["1"] ?? "";
      const before = await w.store.actions.get(id);
      const auditBefore = (await w.store.audit.list(0, 1000)).total;
      for (const user of [w.users.otherEditor, w.users.scrutineer, w.users.viewer, w.users.disabled]) {
        await expect(
          w.services.actions.update(user, id, update({ status: "completed" })),
        ).rejects.toBeInstanceOf(ForbiddenError);
      }
      expect(await w.store.actions.get(id)).toEqual(before);
      expect(await w.store.actions.history(id)).toHaveLength(1);
      expect((await w.store.audit.list(0, 1000)).total).toBe(auditBefore);
    });

    it("refuses the second save of a stale form and keeps the first", async () => {
      const id = w.actions["1"] ?? "";
      await w.services.actions.update(w.users.editor, id, update({ progress: "First save" }));
      await expect(
        w.services.actions.update(w.users.admin, id, update({ progress: "Second save" })),
      ).rejects.toBeInstanceOf(ConflictError);
      const after = await w.store.actions.get(id);
      expect(after?.progress).toBe("First save");
      expect(await w.store.actions.history(id)).toHaveLength(2);
    });

    it("lets only one of two concurrent saves of the same version through", async () => {
      const id = w.actions["1"] ?? "";
      const results = await Promise.allSettled([
        w.services.actions.update(w.users.editor, id, update({ progress: "A" })),
        w.services.actions.update(w.users.admin, id, update({ progress: "B" })),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(
        results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError),
      ).toHaveLength(1);
    });

    it("explains every problem with the input at once", async () => {
      try {
        await w.services.actions.update(
          w.users.editor,
          w.actions["1"] ?? "",
          update({
            progress: " ",
            date: "2021-02-30",
            attachments: [{ fileName: "x.exe", declaredType: "", bytes: pdf }],
          }),
        );
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).problems.map((p) => p.field)).toEqual([
          "progress",
          "date",
          "attachments",
        ]);
      }
      await expect(
        w.services.actions.update(w.users.editor, w.actions["1"] ?? "", update({ date: "2021-01-16" })),
      ).rejects.toThrow(/today or in the past/);
    });

    it("keeps attachments with the update and serves them back", async () => {
      const id = w.actions["1"] ?? "";
      await w.services.actions.update(
        w.users.editor,
        id,
        update({ attachments: [{ fileName: "minutes.pdf", declaredType: "application/pdf", bytes: pdf }] }),
      );
      const detail = await w.services.actions.get(w.users.viewer, id);
      const att = detail.timeline[0]?.attachments[0];
      expect(att).toMatchObject({ fileName: "minutes.pdf", mediaType: "application/pdf", size: pdf.length });
      const file = await w.services.actions.attachment(w.users.viewer, att?.id ?? "");
      expect(file.bytes.equals(pdf)).toBe(true);
    });

    it("recomputes findings on update and keeps their history", async () => {
      const id = w.actions["1"] ?? "";
      const before = await w.services.actions.get(w.users.editor, id);
      expect(before.findingKinds).toEqual(["overdue"]);
      await w.services.actions.update(w.users.editor, id, update({ status: "completed" }));
      const after = await w.services.actions.get(w.users.editor, id);
      expect(after.findingKinds).toEqual([]);
      expect(after.findings[0]).toMatchObject({
        kind: "overdue",
        raisedOn: "2021-01-15",
        resolvedOn: "2021-01-15",
      });
    });

    it("answers not found for an unknown action", async () => {
      await expect(w.services.actions.get(w.users.viewer, "nope")).rejects.toBeInstanceOf(NotFoundError);
      await expect(w.services.actions.update(w.users.admin, "nope", update())).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  describe("plans and dashboard", () => {
    it("counts statuses and open findings per plan", async () => {
      const [plan] = await w.services.plans.list(w.users.viewer);
      expect(plan?.actionCount).toBe(4);
      expect(plan?.statusCounts["on-track"]).toBe(3);
      expect(plan?.statusCounts.completed).toBe(1);
      expect(plan?.findingCounts.overdue).toBe(1);
      expect(plan?.findingCounts["not-smart"]).toBe(1);
    });

    it("filters and sorts a plan's actions", async () => {
      const police = await w.services.plans.actions(w.users.viewer, w.planId, {
        organisationId: w.orgs.police,
      });
      expect(police.map((a) => a.ref)).toEqual(["1", "3"]);
      const overdue = await w.services.plans.actions(w.users.viewer, w.planId, { findingKind: "overdue" });
      expect(overdue.map((a) => a.ref)).toEqual(["1"]);
      const byDue = await w.services.plans.actions(w.users.viewer, w.planId, { sort: "due", order: "desc" });
      expect(byDue.map((a) => a.ref)).toEqual(["3", "1", "2", "4"]);
    });

    it("lists an editor's open actions soonest due first, and none for other roles", async () => {
      const mine = await w.services.plans.dashboard(w.users.editor);
      expect(mine.myActions.map((a) => a.ref)).toEqual(["1", "3"]);
      expect((await w.services.plans.dashboard(w.users.scrutineer)).myActions).toEqual([]);
      const council = mine.statusByOrganisation.find((s) => s.organisation === "Milton Keynes Council");
      expect(council?.counts["on-track"]).toBe(2);
    });
  });

  describe("imports", () => {
    const v2 = parsedPlan([
      parsedAction({ ref: "1", status: "completed", statusText: "Blue", progress: "Done and audited." }),
      parsedAction({
        ref: "2",
        organisations: ["Milton Keynes University Hospital"],
        status: "completed",
        statusText: "Blue",
      }),
      parsedAction({ ref: "5", organisations: ["Milton Keynes Council"] }),
    ]);
    const file = { fileName: "plan-v2.json", bytes: Buffer.from(JSON.stringify(v2)) };

    it("previews a new version with what changed and stores it on confirm", async () => {
      const preview = await w.services.imports.stage(w.users.admin, file, {
        kind: "version",
        planId: w.planId,
      });
      expect(preview.diff?.added.map((a) => a.ref)).toEqual(["5"]);
      expect(preview.diff?.withdrawn.map((a) => a.ref)).toEqual(["3", "4"]);
      expect(preview.diff?.changed.map((c) => c.ref)).toEqual(["1"]);
      expect(preview.parsed.warnings).toHaveLength(1);
      const { planId } = await w.services.imports.confirm(w.users.admin, preview.id, {
        kind: "version",
        planId: w.planId,
      });
      expect(planId).toBe(w.planId);
      const plan = await w.services.plans.get(w.users.viewer, planId);
      expect(plan.versionNumber).toBe(2);
      expect(plan.actionCount).toBe(3);
      const one = await w.services.actions.get(w.users.viewer, w.actions["1"] ?? "");
      expect(one.timeline.map((t) => t.source)).toEqual(["import", "import"]);
      expect((await w.store.actions.get(w.actions["3"] ?? ""))?.withdrawn).toBe(true);
      await expect(w.services.imports.preview(w.users.admin, preview.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it("refuses everyone but admins, and keeps one admin's upload from another", async () => {
      for (const user of [w.users.editor, w.users.scrutineer, w.users.viewer]) {
        await expect(w.services.imports.stage(user, file, { kind: "new" })).rejects.toBeInstanceOf(
          ForbiddenError,
        );
      }
      const preview = await w.services.imports.stage(w.users.admin, file, { kind: "new" });
      const other = { ...w.users.admin, id: "someone-else" };
      await expect(w.services.imports.confirm(other, preview.id, { kind: "new" })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it("says why a file is not a plan, and stores nothing", async () => {
      await expect(
        w.services.imports.stage(
          w.users.admin,
          { fileName: "x.docx", bytes: Buffer.from("not a plan") },
          { kind: "new" },
        ),
      ).rejects.toThrow(/could not be read as an action plan: no header row/);
      await expect(
        w.services.imports.stage(
          w.users.admin,
          { fileName: "big.json", bytes: Buffer.alloc(300 * 1024, 32) },
          { kind: "new" },
        ),
      ).rejects.toThrow(/smaller than 256 KB/);
      expect(await w.store.plans.list()).toHaveLength(1);
    });

    it("rolls the whole import back when any part fails", async () => {
      const preview = await w.services.imports.stage(w.users.admin, file, {
        kind: "version",
        planId: w.planId,
      });
      // The assessment runs inside the import's transaction: its failure must undo the whole import.
      w.faults.assess = true;
      await expect(
        w.services.imports.confirm(w.users.admin, preview.id, { kind: "version", planId: w.planId }),
      ).rejects.toThrow("disk full");
      w.faults.assess = false;
      const plan = await w.services.plans.get(w.users.viewer, w.planId);
      expect(plan.versionNumber).toBe(1);
      expect(plan.actionCount).toBe(4);
      expect((await w.store.actions.get(w.actions["1"] ?? ""))?.status).toBe("on-track");
      await expect(w.services.imports.preview(w.users.admin, preview.id)).resolves.toBeTruthy();
    });
  });

  describe("challenges", () => {
    it("lets scrutineers raise and resolve challenges, and no one else", async () => {
      const actionId = w.actions["1"] ?? "";
      const finding = (await w.services.actions.get(w.users.viewer, actionId)).findings[0];
      for (const user of [w.users.editor, w.users.viewer]) {
        await expect(
          w.services.challenges.create(user, { actionId, findingId: null, text: "Why?" }),
        ).rejects.toBeInstanceOf(ForbiddenError);
      }
      const c = await w.services.challenges.create(w.users.scrutineer, {
        actionId,
        findingId: finding?.id ?? null,
        text: "What evidence shows the training happened?",
      });
      expect(c).toMatchObject({ state: "open", raisedBy: "Scrutineer Person", ref: "1" });
      await expect(
        w.services.challenges.resolve(w.users.editor, c.id, { state: "answered", note: "" }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const r = await w.services.challenges.resolve(w.users.scrutineer, c.id, {
        state: "not-answered",
        note: "No reply",
      });
      expect(r).toMatchObject({ state: "not-answered", note: "No reply", resolvedBy: "Scrutineer Person" });
    });

    it("refuses a finding of another action", async () => {
      const other = (await w.services.actions.get(w.users.viewer, w.actions["4"] ?? "")).findings[0];
      await expect(
        w.services.challenges.create(w.users.scrutineer, {
          actionId: w.actions["1"] ?? "",
          findingId: other?.id ?? null,
          text: "?",
        }),
      ).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe("findings and scrutiny", () => {
    it("lists open findings filtered by organisation and kind", async () => {
      expect((await w.services.findings.listOpen(w.users.viewer, {})).map((f) => f.kind).sort()).toEqual([
        "not-smart",
        "overdue",
      ]);
      expect(await w.services.findings.listOpen(w.users.viewer, { organisationId: w.orgs.health })).toEqual(
        [],
      );
      expect((await w.services.findings.listOpen(w.users.viewer, { kind: "not-smart" }))[0]?.ref).toBe("4");
    });

    it("groups the questions by organisation", async () => {
      const groups = await w.services.findings.questionsByOrganisation(w.users.viewer, {});
      expect(groups.map((g) => [g.organisation, g.actions.map((a) => a.action.ref)])).toEqual([
        ["Milton Keynes Council", ["4"]],
        ["Thames Valley Police", ["1"]],
      ]);
    });
  });

  describe("admin", () => {
    it("creates users with checked input and refuses non-admins", async () => {
      await expect(
        w.services.users.create(w.users.editor, {
          email: "x@y.org",
          name: "X",
          role: "admin",
          organisationId: null,
          password: "x".repeat(20),
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        w.services.users.create(w.users.admin, {
          email: "bad",
          name: "",
          role: "editor",
          organisationId: null,
          password: "short",
        }),
      ).rejects.toThrow(ValidationError);
      const u = await w.services.users.create(w.users.admin, {
        email: `New@${w.tag.toUpperCase()}.Example.org`,
        name: "New Person",
        role: "editor",
        organisationId: w.orgs.health,
        password: "a-long-enough-password",
      });
      expect(u).toMatchObject({
        email: `new@${w.tag}.example.org`,
        organisationName: "Milton Keynes University Hospital",
      });
      expect(
        await w.services.auth.signIn(`new@${w.tag}.example.org`, "a-long-enough-password"),
      ).not.toBeNull();
      const audit = await w.services.audit.list(w.users.admin, 1, 5);
      expect(JSON.stringify(audit.items[0])).not.toContain("a-long-enough-password");
    });

    it("manages organisations and aliases, refusing a name already taken", async () => {
      await expect(w.services.organisations.create(w.users.viewer, "CCG")).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      const ccg = await w.services.organisations.create(w.users.admin, "Clinical Commissioning Group");
      await w.services.organisations.addAlias(w.users.admin, ccg.id, "CCG");
      await expect(
        w.services.organisations.addAlias(w.users.admin, w.orgs.police, "ccg"),
      ).rejects.toBeInstanceOf(ConflictError);
      await w.services.organisations.removeAlias(w.users.admin, ccg.id, "CCG");
      const list = await w.services.organisations.list(w.users.viewer);
      expect(list.find((o) => o.id === ccg.id)?.aliases).toEqual([]);
    });

    it("shows the audit log to admins only", async () => {
      await expect(w.services.audit.list(w.users.scrutineer, 1, 10)).rejects.toBeInstanceOf(ForbiddenError);
      const page = await w.services.audit.list(w.users.admin, 1, 10);
      expect(page.items.some((e) => e.action === "plan.import")).toBe(true);
    });
  });
});

describe("bootstrapUser", () => {
  it("creates the first admin without an actor, audited as the system, and refuses a duplicate", async () => {
    const store = new MemoryStore();
    const admin = await bootstrapUser(store, testHasher, {
      email: "Lead@Partnership.org",
      name: "Lead",
      password: "a-strong-passphrase",
    });
    expect(admin).toMatchObject({ email: "lead@partnership.org", role: "admin" });
    const audit = await store.audit.list(0, 10);
    expect(audit.entries[0]).toMatchObject({ action: "user.create", actorId: null });
    await expect(
      bootstrapUser(store, testHasher, {
        email: "lead@partnership.org",
        name: "x",
        password: "a-strong-passphrase",
      }),
    ).rejects.toThrow(/already exists/);
    await expect(
      bootstrapUser(store, testHasher, { email: "b@p.org", name: "x", password: "short" }),
    ).rejects.toThrow(/12 characters/);
  });
});
