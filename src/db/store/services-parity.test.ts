import { beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../../test/db-helpers.js";
import { ValidationError } from "../../services/errors.js";
import { MemoryStore } from "../../services/memory-store.js";
import type { Store } from "../../services/store.js";
import { parsedAction, parsedPlan } from "../../services/testing/fixtures.js";
import { buildWorld } from "../../services/testing/harness.js";
import type { ActionUpdateInput } from "../../services/types.js";
import { ensurePartnership } from "../organisations.js";
import { createKyselyStore } from "./index.js";
import { Transcript } from "./testing/transcript.js";

/**
 * The strongest check of the adapter: the same session of work through the real services, over
 * MemoryStore and over the Kysely store, must show people the same thing at every step.
 */

const pdf = Buffer.from("%PDF-1.7\nminutes of the March meeting\n");

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

async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
    return "no error";
  } catch (err) {
    if (err instanceof ValidationError) return { name: err.name, problems: err.problems };
    // Messages written by a store may differ in wording; what kind of refusal it is may not.
    return { name: err instanceof Error ? err.name : String(err) };
  }
}

/** A session of work through every service; returns what each step showed, ids replaced by labels. */
async function session(store: Store): Promise<Record<string, unknown>> {
  const w = await buildWorld({ store });
  const { services: s, users: u } = w;
  const a = (ref: string) => w.actions[ref] ?? "";
  // The harness gives each world's email addresses a random domain of their own.
  const domain = u.admin.email.slice(u.admin.email.indexOf("@"));
  const t = new Transcript({ [domain]: "@world.example.org" });
  const out: Record<string, unknown> = {};
  const show = (name: string, value: unknown, kind?: Parameters<Transcript["normalise"]>[1]) => {
    out[name] = t.normalise(value, kind);
  };

  show("plans", await s.plans.list(u.viewer), "plan");
  show("plan", await s.plans.get(u.viewer, w.planId), "plan");
  show("byDue", await s.plans.actions(u.viewer, w.planId, { sort: "due", order: "desc" }), "action");
  show("police", await s.plans.actions(u.viewer, w.planId, { organisationId: w.orgs.police }), "action");
  show("editorDashboard", await s.plans.dashboard(u.editor));
  show("openFindings", await s.findings.listOpen(u.viewer, {}), "finding");
  show("questions", await s.findings.questionsByOrganisation(u.viewer, {}));
  for (const ref of ["1", "2", "3", "4"])
    show(`action${ref}`, await s.actions.get(u.editor, a(ref)), "action");

  show(
    "update",
    await s.actions.update(
      u.editor,
      a("1"),
      update({
        status: "completed",
        evidence: "Attendance register",
        attachments: [{ fileName: "minutes.pdf", declaredType: "application/pdf", bytes: pdf }],
      }),
    ),
  );
  show("stale", await failure(s.actions.update(u.admin, a("1"), update({ progress: "Second save" }))));
  show("forbidden", await failure(s.actions.update(u.otherEditor, a("1"), update({ rowVersion: 2 }))));
  show(
    "invalid",
    await failure(s.actions.update(u.editor, a("1"), update({ progress: " ", date: "2021-02-30" }))),
  );
  show(
    "sameStatus",
    await s.actions.update(
      u.editor,
      a("3"),
      update({ progress: "Joint review booked.", date: "2021-01-10" }),
    ),
  );
  // The same save twice at once: one goes through and one is refused, whichever wins.
  const racing = await Promise.allSettled([
    s.actions.update(u.otherEditor, a("2"), update({ status: "completed", progress: "Done." })),
    s.actions.update(u.otherEditor, a("2"), update({ status: "completed", progress: "Done." })),
  ]);
  show("racing", racing.map((r) => (r.status === "fulfilled" ? "saved" : (r.reason as Error).name)).sort());
  const one = await s.actions.get(u.viewer, a("1"));
  show("action1Updated", one, "action");
  const attachmentId = one.timeline[0]?.attachments[0]?.id ?? "";
  show("download", await s.actions.attachment(u.viewer, attachmentId));
  show("missingDownload", await failure(s.actions.attachment(u.viewer, "999999")));
  show("missingAction", await failure(s.actions.get(u.viewer, "999999")));

  const finding4 = (await s.actions.get(u.viewer, a("4"))).findings[0];
  const challenge = await s.challenges.create(u.scrutineer, {
    actionId: a("4"),
    findingId: finding4?.id ?? null,
    text: "Who will lead this action?",
  });
  show("challenge", challenge, "challenge");
  w.clock.now = new Date("2021-01-20T16:45:00Z");
  show(
    "resolved",
    await s.challenges.resolve(u.scrutineer, challenge.id, { state: "not-answered", note: "No reply" }),
    "challenge",
  );
  await s.challenges.create(u.admin, { actionId: a("1"), findingId: null, text: "Is the register audited?" });
  show("challenges", await s.challenges.list(u.viewer, {}), "challenge");
  show("openChallenges", await s.challenges.list(u.viewer, { state: "open" }), "challenge");

  w.clock.now = new Date("2021-02-01T09:00:00Z");
  const v2 = parsedPlan([
    parsedAction({ ref: "1", status: "completed", statusText: "Blue", progress: "Done and audited." }),
    parsedAction({
      ref: "2",
      organisations: ["Milton Keynes University Hospital"],
      status: "completed",
      statusText: "Blue",
    }),
    parsedAction({ ref: "5", organisations: ["Milton Keynes Council", "New Partner Agency"] }),
  ]);
  const file = { fileName: "plan-v2.json", bytes: Buffer.from(JSON.stringify(v2)) };
  const target = { kind: "version" as const, planId: w.planId };
  const preview = await s.imports.stage(u.admin, file, target);
  show("preview", {
    fileName: preview.fileName,
    size: preview.size,
    stagedAt: preview.stagedAt,
    target: preview.target,
    diff: preview.diff,
  });
  show("previewAgain", (await s.imports.preview(u.admin, preview.id, target)).diff);
  show("confirmed", await s.imports.confirm(u.admin, preview.id, target));
  show("previewGone", await failure(s.imports.preview(u.admin, preview.id)));
  const discarded = await s.imports.stage(u.admin, file, { kind: "new" });
  await s.imports.discard(u.admin, discarded.id);
  show("discardedGone", await failure(s.imports.confirm(u.admin, discarded.id, { kind: "new" })));
  show("planV2", await s.plans.get(u.viewer, w.planId), "plan");
  show("actionsV2", await s.plans.actions(u.viewer, w.planId, {}), "action");
  show("action1V2", await s.actions.get(u.viewer, a("1")), "action");
  show("action3V2", await s.actions.get(u.viewer, a("3")), "action");

  // A third version: action 3 comes back, action 1 moves to a renamed section, action 2's owner is
  // given by an alias, and action 5 loses its ref but keeps its wording. Both stores match them alike.
  w.clock.now = new Date("2021-02-15T09:00:00Z");
  const v3 = parsedPlan([
    parsedAction({
      ref: "1",
      section: "Section One",
      status: "completed",
      statusText: "Blue",
      progress: "Done and audited.",
    }),
    parsedAction({ ref: "2", organisations: ["TVP"], status: "completed", statusText: "Blue" }),
    parsedAction({ ref: "3", organisations: ["Thames Valley Police", "Milton Keynes Council"] }),
    parsedAction({ ref: "", finding: "Finding 5", action: "Action 5" }),
  ]);
  const file3 = { fileName: "plan-v3.json", bytes: Buffer.from(JSON.stringify(v3)) };
  const preview3 = await s.imports.stage(u.admin, file3, target);
  show("previewV3", preview3.diff);
  await s.imports.confirm(u.admin, preview3.id, target);
  show("actionsV3", await s.plans.actions(u.viewer, w.planId, {}), "action");
  for (const ref of ["1", "2", "3"]) show(`action${ref}V3`, await s.actions.get(u.viewer, a(ref)), "action");

  const ccg = await s.organisations.create(u.admin, "Clinical Commissioning Group");
  await s.organisations.addAlias(u.admin, ccg.id, "CCG");
  show("aliasClash", await failure(s.organisations.addAlias(u.admin, w.orgs.police, "ccg")));
  show("nameClash", await failure(s.organisations.create(u.admin, "thames valley police")));
  await s.organisations.addAlias(u.admin, ccg.id, "MK CCG");
  await s.organisations.removeAlias(u.admin, ccg.id, "CCG");
  show("organisations", await s.organisations.list(u.viewer), "organisation");

  const created = await s.users.create(u.admin, {
    email: "New@Example.org",
    name: "New Person",
    role: "editor",
    organisationId: w.orgs.health,
    password: "a-long-enough-password",
  });
  show("newUser", created, "user");
  show(
    "duplicateUser",
    await failure(
      s.users.create(u.admin, {
        email: "new@example.org",
        name: "Again",
        role: "viewer",
        organisationId: null,
        password: "a-long-enough-password",
      }),
    ),
  );
  const signedIn = await s.auth.signIn("new@example.org", "a-long-enough-password");
  show("signedIn", signedIn?.user, "user");
  show("sessionUser", await s.auth.sessionUser(signedIn?.sessionToken ?? ""), "user");
  await s.users.setDisabled(u.admin, created.id, true);
  show("disabledSession", await s.auth.sessionUser(signedIn?.sessionToken ?? ""), "user");
  show("disabledSignIn", await s.auth.signIn("new@example.org", "a-long-enough-password"));
  const viewerIn = await s.auth.signIn(u.viewer.email, w.passwords[u.viewer.email] ?? "");
  await s.auth.signOut(viewerIn?.sessionToken ?? "");
  show("signedOut", await s.auth.sessionUser(viewerIn?.sessionToken ?? ""));
  const token = await s.auth.issueApiToken(u.scrutineer);
  show("apiUser", await s.auth.apiTokenUser(token), "user");
  show("hasToken", await s.auth.hasApiToken(u.scrutineer));
  await s.auth.revokeApiToken(u.scrutineer);
  show("revoked", await s.auth.apiTokenUser(token));
  show("users", await s.users.list(u.admin), "user");

  // What was done, by whom, to what and when; the before/after payloads are each store's own wording.
  const audit = await s.audit.list(u.admin, 1, 200);
  show("auditTotal", audit.total);
  show(
    "audit",
    audit.items.map((e) => ({
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
    })),
  );
  show(
    "auditPage2",
    (await s.audit.list(u.admin, 2, 5)).items.map((e) => e.action),
  );
  show("adminDashboard", await s.plans.dashboard(u.admin));
  show("health", await s.health.check());
  return out;
}

describe("the services over the Kysely store show what they show over MemoryStore", () => {
  let expected: Record<string, unknown>;
  beforeAll(async () => {
    expected = await session(new MemoryStore());
  });

  it("has a session worth comparing", () => {
    expect(expected.update).toEqual({ rowVersion: 2 });
    expect(expected.stale).toEqual({ name: "ConflictError" });
    expect(expected.racing).toEqual(["ConflictError", "saved"]);
    expect((expected.openFindings as unknown[]).length).toBeGreaterThan(0);
    expect((expected.audit as unknown[]).length).toBeGreaterThan(10);
    expect(expected.download).toMatchObject({ fileName: "minutes.pdf" });
  });

  it.each(databases)("on $name", async (d) => {
    const adb = await d.open();
    try {
      const { id } = await ensurePartnership(adb.db, "Parity partnership");
      const actual = await session(createKyselyStore(adb.db, { partnershipId: id }));
      for (const step of Object.keys(expected)) {
        expect.soft({ [step]: actual[step] }).toEqual({ [step]: expected[step] });
      }
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
    } finally {
      await adb.close();
    }
  });
});
