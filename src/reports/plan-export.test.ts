import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, sha256Of } from "../../test/db-helpers.js";
import { parsedPlanToJson } from "../cli/json.js";
import { type AssureDb, ensurePartnership, getPlan, planSnapshot, storeImport } from "../db/index.js";
import type { ParsedAction, ParsedPlan } from "../domain/plan.js";
import { parseBuffer } from "../import/parse-file.js";
import { projectRoot } from "../paths.js";
import { exportCsv, exportJson, exportXlsx } from "./plan-export.js";

/** The fields a round trip must keep exactly. */
function model(a: ParsedAction) {
  return {
    section: a.section,
    organisations: a.organisations,
    ref: a.ref,
    finding: a.finding,
    action: a.action,
    lead: a.lead,
    due: a.due,
    status: a.status,
    progress: a.progress,
    evidenceOfImpact: a.evidenceOfImpact,
    lastUpdate: a.lastUpdate,
  };
}

const hostile: ParsedAction = {
  section: "Multi-agency",
  organisation: "Thames Valley Police",
  organisations: ["Thames Valley Police"],
  ref: "99",
  finding: '=HYPERLINK("http://evil.example","click me")',
  action: "+SUM(1,2)",
  lead: "@lead",
  due: "2021-03-31",
  dueText: "Q4 2020/21",
  status: "minor-risk",
  statusText: "Amber",
  progress: "- first step done\n- second step planned\n\n'quoted' words, £ é – ’",
  evidenceOfImpact: "-1 incidents",
  lastUpdate: "2021-01-14",
  where: "test",
};

describe.each(databases)("plan export round trip ($name)", (database) => {
  let handle: AssureDb;
  let stored: ParsedPlan;

  beforeAll(async () => {
    handle = await database.open();
    const file = join(projectRoot(), "demo", "plans", "jtai-mental-health-action-plan.docx");
    const parsed = await parseBuffer(readFileSync(file), "jtai-mental-health-action-plan.docx");
    parsed.actions.push({ ...hostile, section: parsed.actions[0]?.section ?? "x" });
    const partnership = await ensurePartnership(handle.db, "Round trip partnership");
    const result = await storeImport(handle.db, parsed, {
      partnershipId: partnership.id,
      fileName: "plan.docx",
      fileSha256: sha256Of("plan"),
      importedBy: null,
    });
    const detail = await getPlan(handle.db, result.planId);
    if (!detail) throw new Error("stored plan not found");
    stored = planSnapshot(detail);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("xlsx imports back to the same model, title, date and key included", async () => {
    const again = await parseBuffer(await exportXlsx(stored), "export.xlsx");
    expect(again.actions.map(model)).toEqual(stored.actions.map(model));
    expect(again.plan.title).toBe(stored.plan.title);
    expect(again.plan.asOf).toBe(stored.plan.asOf);
    expect(again.warnings).toEqual([]);
  });

  it("csv imports back to the same actions", async () => {
    const again = await parseBuffer(exportCsv(stored), "export.csv");
    expect(again.actions.map(model)).toEqual(stored.actions.map(model));
  });

  it("csv guards every cell a spreadsheet would run as a formula", () => {
    const text = exportCsv(stored).toString("utf8");
    for (const line of text.split("\r\n")) {
      for (const cell of line.split(",")) expect(cell).not.toMatch(/^"?[=+\-@]/);
    }
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click me"")"`);
  });

  it("json is the parse contract", () => {
    const json = JSON.parse(exportJson(stored, parsedPlanToJson).toString("utf8"));
    expect(json.actions).toHaveLength(stored.actions.length);
    expect(Object.keys(json)).toEqual(["plan", "sections", "actions", "warnings"]);
  });
});
