import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultDirectory, mergeDirectories } from "../../src/domain/organisations.js";
import type { ParsedPlan } from "../../src/domain/plan.js";
import { parseBuffer } from "../../src/import/index.js";
import { textOf } from "./pages/assure-page.js";
import { DashboardPage } from "./pages/dashboard-page.js";
import { ImportPage } from "./pages/import-page.js";
import { PlanPage } from "./pages/plan-page.js";
import { DEMO_PLAN_DOCX } from "./server.js";
import { MODES, type Mode, useBrowserSuite } from "./support/suite.js";

const DEMO_PLAN_CSV = fileURLToPath(
  new URL("../../demo/plans/jtai-mental-health-action-plan.csv", import.meta.url),
);

const suite = useBrowserSuite();

/**
 * What the importer itself reads from a file, with the partnership's directory and the shipped names
 * behind it as the service reads uploads (src/setup/compose.ts): what the preview must show.
 */
async function expectedParse(path: string): Promise<ParsedPlan> {
  const { services, accounts } = suite.server;
  const organisations = await services.organisations.list(accounts.admin.user);
  const own = { organisations: organisations.map((o) => ({ name: o.name, aliases: o.aliases })) };
  return parseBuffer(await readFile(path), basename(path), {
    directory: mergeDirectories(own, defaultDirectory()),
  });
}

describe.each(MODES)("Importing a plan through the pages, $name", ({ javaScriptEnabled }) => {
  let mode: Mode;
  let planId = "";
  beforeAll(() => {
    mode = suite.mode(javaScriptEnabled);
  });

  it("uploads the Word plan and previews it with every warning before anything is saved", async () => {
    const expected = await expectedParse(DEMO_PLAN_DOCX);
    expect(expected.actions).toHaveLength(33);
    const plansBefore = (await suite.server.services.plans.list(suite.server.accounts.admin.user)).length;

    const importPage = await new ImportPage(await mode.as("admin")).goto();
    expect(await importPage.headingText()).toBe("Import a plan");
    expect(await importPage.upload(DEMO_PLAN_DOCX)).toBe(200);

    expect(await importPage.headingText()).toContain(basename(DEMO_PLAN_DOCX));
    expect(await importPage.summaryValue("Title")).toBe(expected.plan.title);
    expect(await importPage.summaryValue("Actions")).toBe("33");
    expect(await importPage.actionsReadRows.count()).toBe(33);
    expect(await importPage.summaryValue("Warnings")).toBe(String(expected.warnings.length));
    expect(await importPage.warningRows.count()).toBe(expected.warnings.length);
    for (const w of expected.warnings) {
      expect(await importPage.warningRows.filter({ hasText: w.message }).count(), w.message).toBeGreaterThan(
        0,
      );
    }
    if (expected.warnings.length === 0) {
      expect(await textOf(importPage.warningsSection)).toMatch(/^None/);
    }

    // A preview stores nothing.
    expect((await suite.server.services.plans.list(suite.server.accounts.admin.user)).length).toBe(
      plansBefore,
    );
  });

  it("confirms the import and shows the plan with its 33 actions", async () => {
    const importPage = new ImportPage(await mode.as("admin"));
    expect(await importPage.confirm()).toBe(200);

    const planPage = new PlanPage(importPage.page);
    const url = new URL(importPage.page.url());
    expect(url.pathname).toMatch(/^\/plans\/[^/]+$/);
    planId = decodeURIComponent(url.pathname.split("/")[2] ?? "");
    const expected = await expectedParse(DEMO_PLAN_DOCX);
    expect(await planPage.headingText()).toBe(expected.plan.title);
    expect(await planPage.successBanner.count()).toBe(1);
    expect(await planPage.shownAndTotal()).toEqual({ shown: 33, total: 33 });
    expect(await planPage.actionRows.count()).toBe(33);
    for (const ref of ["1", "26", "28 SY2,8", "34"]) {
      expect(await planPage.actionLink(ref).count(), `action ${ref} is listed`).toBe(1);
    }
    expect(await textOf(planPage.rowOf("26"))).toContain(
      "Milton Keynes University Hospital NHS Foundation Trust",
    );
    expect(await textOf(planPage.metadata("Source"))).toContain("JTAI");
    expect(await textOf(planPage.metadata("Imported from"))).toContain(basename(DEMO_PLAN_DOCX));
    expect(await planPage.metadata("RAG key").getByRole("listitem").count()).toBe(
      expected.plan.ragKey.length,
    );

    const stored = await suite.server.services.plans.get(suite.server.accounts.admin.user, planId);
    expect(stored.actionCount).toBe(33);

    const dashboard = await new DashboardPage(importPage.page).goto();
    expect(await dashboard.planLink(expected.plan.title).count()).toBeGreaterThan(0);
  });

  it("previews a CSV as a new version, with its warnings and what would change, and discarding keeps nothing", async () => {
    expect(planId).not.toBe("");
    const expected = await expectedParse(DEMO_PLAN_CSV);
    expect(expected.warnings.length).toBeGreaterThan(0);

    const importPage = await new ImportPage(await mode.as("admin")).goto();
    expect(await importPage.uploadNewVersion(DEMO_PLAN_CSV, planId)).toBe(200);

    expect(await importPage.summaryValue("Warnings")).toBe(String(expected.warnings.length));
    for (const w of expected.warnings) {
      expect(await importPage.warningRows.filter({ hasText: w.message }).count(), w.message).toBeGreaterThan(
        0,
      );
    }
    expect(await importPage.main.getByRole("heading", { level: 2, name: /^What changes in/ }).count()).toBe(
      1,
    );

    await importPage.submit(importPage.main.getByRole("button", { name: "Discard this file" }));
    expect(new URL(importPage.page.url()).pathname).toBe("/imports/new");
    const plan = await suite.server.services.plans.get(suite.server.accounts.admin.user, planId);
    expect(plan.versions).toHaveLength(1);
  });

  it("refuses a file that is not an action plan with an error summary, storing nothing", async () => {
    const importPage = await new ImportPage(await mode.as("admin")).goto();
    const plansBefore = (await suite.server.services.plans.list(suite.server.accounts.admin.user)).length;
    await importPage.fileInput.setInputFiles({
      name: "minutes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Meeting,Date\nBoard,1 April 2021\n"),
    });
    await importPage.newPlanRadio.first().check();
    expect(await importPage.submit(importPage.uploadButton).then((r) => r?.status())).toBe(400);
    await importPage.errorSummary.waitFor();
    expect(await textOf(importPage.errorSummary)).toMatch(
      /could not be read as an action plan|has no actions in it/,
    );
    expect((await suite.server.services.plans.list(suite.server.accounts.admin.user)).length).toBe(
      plansBefore,
    );
  });

  it("axe-core finds no violations on any page visited", async () => {
    await mode.expectAccessible();
  });
});
