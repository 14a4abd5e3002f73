import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "../../test/samples.js";
import { attachFindings } from "./adapters.js";
import { MemoryStore } from "./memory-store.js";
import { createProductionServices } from "./production.js";
import type { ActionRecord } from "./store.js";
import { testHasher } from "./testing/harness.js";

const SAMPLES = SAMPLES_DIR;

function action(id: string, section: string, ref: string, org = "Police"): ActionRecord {
  return {
    id,
    planId: "p",
    section,
    ref,
    organisations: [{ id: org, name: org }],
    finding: "",
    action: "",
    lead: "",
    due: null,
    dueText: "",
    status: "on-track",
    statusText: "",
    progress: "",
    evidenceOfImpact: "",
    lastUpdate: null,
    rowVersion: 1,
    withdrawn: false,
  };
}

describe("attachFindings", () => {
  it("ties each engine finding to its stored action by section, ref and organisation", () => {
    const actions = [action("a", "S1", "1"), action("b", "S2", "1"), action("c", "S2", "1", "Health")];
    const f = (section: string, ref: string, organisation: string, kind: "overdue" | "stale") => ({
      kind,
      severity: "high" as const,
      section,
      organisation,
      ref,
      reason: "r",
      question: "q",
    });
    const out = attachFindings(actions, [
      f("S2", "1", "Health", "overdue"),
      f("S1", "1", "Police", "stale"),
      f("S2", "1", "Police", "overdue"),
    ]);
    expect(out.map((x) => x.actionId)).toEqual(["c", "a", "b"]);
  });

  it("shares out findings of one kind among actions that repeat a section and ref", () => {
    const actions = [action("a", "S", "1"), action("b", "S", "1")];
    const f = {
      kind: "overdue" as const,
      severity: "high" as const,
      section: "S",
      organisation: "Police",
      ref: "1",
      reason: "",
      question: "",
    };
    expect(attachFindings(actions, [f, f]).map((x) => x.actionId)).toEqual(["a", "b"]);
  });
});

describe("the production services over the real importer and assurance engine", () => {
  it("imports the sample Word plan and raises the inspectorate's finding on actions 26 and 27", async () => {
    const store = new MemoryStore();
    const services = createProductionServices({
      store,
      partnershipName: "MK Together",
      passwords: testHasher,
      now: () => new Date("2021-01-15T10:00:00Z"),
    });
    const admin = await store.users.create({
      email: "a@x.org",
      name: "Admin",
      role: "admin",
      organisationId: null,
      passwordHash: "x",
    });
    const user = { ...admin, organisationName: null };
    const bytes = await readFile(join(SAMPLES, "jtai-mental-health-action-plan.docx"));
    const preview = await services.imports.stage(user, { fileName: "jtai.docx", bytes }, { kind: "new" });
    expect(preview.parsed.actions.length).toBe(33);
    const { planId } = await services.imports.confirm(user, preview.id, { kind: "new" });
    const mismatch = await services.findings.listOpen(user, { planId, kind: "guidance-mismatch" });
    expect(mismatch.map((f) => f.ref).sort()).toEqual(["26", "27"]);
    expect(mismatch.every((f) => f.actionId !== null)).toBe(true);
    const report = await services.reports.scrutinyDocx(user, { planId });
    expect(report.bytes.subarray(0, 2).toString()).toBe("PK");
    const sheet = await services.reports.findingsXlsx(user, {});
    expect(sheet.bytes.subarray(0, 2).toString()).toBe("PK");
  });
});
