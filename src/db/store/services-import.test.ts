import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { databases } from "../../../test/db-helpers.js";
import { defaultDirectory, mergeDirectories } from "../../domain/organisations.js";
import { isClosed } from "../../domain/status.js";
import { parseBuffer } from "../../import/parse-file.js";
import { projectRoot } from "../../paths.js";
import { engineAssess } from "../../services/adapters.js";
import type { ParseFn } from "../../services/deps.js";
import { createServices } from "../../services/index.js";
import { MemoryStore } from "../../services/memory-store.js";
import type { Store } from "../../services/store.js";
import { testHasher } from "../../services/testing/harness.js";
import type { Role, User } from "../../services/types.js";
import { toUser, zeroStatusCounts } from "../../services/views.js";
import { ensurePartnership } from "../organisations.js";
import { createKyselyStore } from "./index.js";
import { Transcript } from "./testing/transcript.js";

/**
 * A real plan through the real importer, the real assurance engine and the services, over the database:
 * imported, updated by the agency that owns an action, and read back as MemoryStore reads it back.
 */

const PLAN = join(projectRoot(), "demo/plans/jtai-mental-health-action-plan.docx");
const NOW = new Date("2021-01-15T10:00:00Z");

// As the composition root reads uploads: the partnership's names first, the shipped directory behind them.
const parse: ParseFn = (bytes, fileName, directory) =>
  parseBuffer(bytes, fileName, { directory: mergeDirectories(directory, defaultDirectory()) });

async function user(store: Store, key: string, role: Role, organisationId: string | null): Promise<User> {
  const record = await store.users.create({
    email: `${key}@example.org`,
    name: `${key} person`,
    role,
    organisationId,
    passwordHash: "not-used",
  });
  return toUser(record, await store.organisations.list());
}

async function session(store: Store, bytes: Buffer) {
  const services = createServices({
    store,
    parse,
    assess: engineAssess,
    passwords: testHasher,
    now: () => NOW,
  });
  const admin = await user(store, "admin", "admin", null);
  const fileName = basename(PLAN);
  const preview = await services.imports.stage(admin, { fileName, bytes }, { kind: "new" });
  const { planId } = await services.imports.confirm(admin, preview.id, { kind: "new" });

  const before = await services.plans.actions(admin, planId, {});
  // The first open action owned by an organisation: its agency's editor updates it.
  const target = before.find((a) => a.organisations.length > 0 && !isClosed(a.status));
  if (!target) throw new Error("The demo plan has no open action with an owner");
  const editor = await user(store, "editor", "editor", target.organisations[0]?.id ?? null);
  const updated = await services.actions.update(editor, target.id, {
    status: "completed",
    progress: "All designated leads trained; register kept.",
    evidence: "Training register, January 2021",
    date: "2021-01-14",
    rowVersion: target.rowVersion,
    attachments: [],
  });

  const t = new Transcript();
  const normalised = (value: unknown, kind?: Parameters<Transcript["normalise"]>[1]) =>
    t.normalise(value, kind);
  return {
    preview,
    planId,
    target,
    updated,
    plan: await services.plans.get(admin, planId),
    actions: await services.plans.actions(admin, planId, {}),
    detail: await services.actions.get(editor, target.id),
    openFindings: await services.findings.listOpen(admin, { planId }),
    allFindings: await store.findings.list({ planId }),
    questions: await services.findings.questionsByOrganisation(admin, { planId }),
    dashboard: await services.plans.dashboard(editor),
    normalised,
  };
}

type Session = Awaited<ReturnType<typeof session>>;

/** What a person sees, ids replaced by labels in order of appearance. */
function seen(s: Session): Record<string, unknown> {
  return {
    plan: s.normalised(s.plan, "plan"),
    actions: s.normalised(s.actions, "action"),
    detail: s.normalised(s.detail, "action"),
    openFindings: s.normalised(s.openFindings, "finding"),
    allFindings: s.normalised(s.allFindings, "finding"),
    questions: s.normalised(s.questions),
    dashboard: s.normalised(s.dashboard),
  };
}

describe("a real plan through the services over the Kysely store", () => {
  let bytes: Buffer;
  let expected: Record<string, unknown>;
  beforeAll(async () => {
    bytes = await readFile(PLAN);
    expected = seen(await session(new MemoryStore(), bytes));
  });

  it.each(databases)("on $name: imports the docx, takes an update and reads it all back", async (d) => {
    const adb = await d.open();
    try {
      const { id } = await ensurePartnership(adb.db, "Demo partnership");
      const store = createKyselyStore(adb.db, { partnershipId: id });
      const s = await session(store, bytes);
      const parsed = await parse(bytes, basename(PLAN), { organisations: [] });

      // The plan as the importer read it.
      expect(parsed.actions.length).toBeGreaterThan(10);
      expect(s.preview.parsed.actions).toHaveLength(parsed.actions.length);
      expect(s.plan).toMatchObject({
        title: parsed.plan.title,
        asOf: parsed.plan.asOf,
        versionNumber: 1,
        fileName: basename(PLAN),
        importedAt: NOW.toISOString(),
        actionCount: parsed.actions.length,
      });
      expect(s.plan.versions).toHaveLength(1);
      expect(s.actions).toHaveLength(parsed.actions.length);
      const refs = (list: { section: string; ref: string }[]) =>
        list.map((a) => `${a.section} / ${a.ref}`).sort();
      expect(refs(s.actions)).toEqual(refs(parsed.actions));
      const counts = zeroStatusCounts();
      for (const a of parsed.actions) counts[a.status]++;
      counts[s.target.status]--;
      counts.completed++;
      expect(s.plan.statusCounts).toEqual(counts);

      // The editor's update, with the history beneath it.
      expect(s.updated.rowVersion).toBe(s.target.rowVersion + 1);
      expect(s.detail).toMatchObject({
        id: s.target.id,
        status: "completed",
        statusText: "Completed",
        progress: "All designated leads trained; register kept.",
        lastUpdate: "2021-01-14",
        rowVersion: s.target.rowVersion + 1,
      });
      expect(s.detail.timeline.map((e) => [e.source, e.actorName, e.importFileName])).toEqual([
        ["user", "editor person", null],
        ["import", null, basename(PLAN)],
      ]);
      expect(s.detail.timeline[0]).toMatchObject({
        effectiveDate: "2021-01-14",
        evidence: "Training register, January 2021",
        status: "completed",
      });
      expect(s.detail.timeline[1]?.status).toBe(s.target.status);

      // Findings the engine raised, each tied to an action of the plan.
      expect(s.openFindings.length).toBeGreaterThan(0);
      const ids = new Set(s.actions.map((a) => a.id));
      for (const f of s.allFindings) {
        expect(f.planId).toBe(s.planId);
        if (f.actionId !== null) expect(ids.has(f.actionId)).toBe(true);
      }
      expect(s.openFindings.every((f) => f.resolvedOn === null && f.raisedOn === "2021-01-15")).toBe(true);

      // And all of it exactly as over the memory store.
      const actual = seen(s);
      for (const key of Object.keys(expected)) {
        expect.soft({ [key]: actual[key] }).toEqual({ [key]: expected[key] });
      }
    } finally {
      await adb.close();
    }
  });
});
