import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { ActionPage } from "./pages/action-page.js";
import { normalise, textOf } from "./pages/assure-page.js";
import { FindingsPage, ScrutinyPage } from "./pages/findings-page.js";
import { type ImportedPlan, MKUHT } from "./server.js";
import { MODES, type Mode, useBrowserSuite } from "./support/suite.js";

const suite = useBrowserSuite();
let plan: ImportedPlan;

beforeAll(async () => {
  plan = await suite.server.importPlan();
});

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The words of a Word document's body, entities undone, runs joined. */
function docxText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = files["word/document.xml"];
  if (!xml) throw new Error("The download has no word/document.xml: it is not a Word document");
  const runs = [...strFromU8(xml).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? "");
  return runs
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

describe.each(MODES)(
  "The scrutineer reads the findings and takes the report away, $name",
  ({ javaScriptEnabled }) => {
    let mode: Mode;
    beforeAll(() => {
      mode = suite.mode(javaScriptEnabled);
    });

    it("lists the open findings and filters them by kind", async () => {
      const { services, accounts } = suite.server;
      const overdue = await services.findings.listOpen(accounts.scrutineer.user, {
        planId: plan.planId,
        kind: "overdue",
      });
      expect(overdue.length).toBeGreaterThan(0);

      const findings = await new FindingsPage(await mode.as("scrutineer")).goto(
        `?planId=${encodeURIComponent(plan.planId)}`,
      );
      expect(await findings.headingText()).toBe("Open findings");
      const all = await findings.rows.count();
      expect(all).toBeGreaterThanOrEqual(Math.min(overdue.length, 50));

      await findings.kindFilter.selectOption("overdue");
      await findings.submit(findings.applyFilters);
      expect(new URL(findings.page.url()).searchParams.get("kind")).toBe("overdue");
      const rows = await findings.rows.allTextContents();
      expect(rows).toHaveLength(Math.min(overdue.length, 50));
      for (const row of rows) expect(normalise(row)).toContain("Overdue");
      const link26 = findings.page.getByRole("link", { name: "26", exact: true });
      expect(await findings.rows.filter({ has: link26 }).count()).toBe(1);
    });

    it("shows the scrutiny questions per organisation", async () => {
      const { services, accounts } = suite.server;
      const groups = await services.findings.questionsByOrganisation(accounts.scrutineer.user, {
        planId: plan.planId,
      });
      const mkuht = groups.find((g) => g.organisation === MKUHT);
      expect(mkuht, "MKUHT has questions to answer").toBeDefined();

      const scrutiny = await new ScrutinyPage(await mode.as("scrutineer")).goto(
        `?planId=${encodeURIComponent(plan.planId)}`,
      );
      expect(await scrutiny.headingText()).toBe("Scrutiny questions");
      expect(await scrutiny.organisationHeading(MKUHT).count()).toBe(1);
      const question = mkuht?.actions[0]?.findings[0]?.question ?? "";
      expect(question).not.toBe("");
      expect(await scrutiny.main.getByText(question, { exact: false }).count()).toBeGreaterThan(0);
    });

    it("downloads the scrutiny questions as a Word document", async () => {
      const page = await mode.as("scrutineer");
      const scrutiny = await new ScrutinyPage(page).goto(`?planId=${encodeURIComponent(plan.planId)}`);
      const [download] = await Promise.all([page.waitForEvent("download"), scrutiny.wordReportLink.click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");

      const text = docxText(bytes);
      expect(text).toContain("Questions resulting from review of Action Plans");
      expect(text).toContain(MKUHT);
      const groups = await suite.server.services.findings.questionsByOrganisation(
        suite.server.accounts.scrutineer.user,
        {
          planId: plan.planId,
        },
      );
      const question = groups.find((g) => g.organisation === MKUHT)?.actions[0]?.findings[0]?.question ?? "";
      expect(text).toContain(question);

      // What the browser was told: a Word document to save, never to render in the page.
      const href = (await scrutiny.wordReportLink.getAttribute("href")) ?? "";
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain(DOCX_TYPE);
      expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    });

    it("records a challenge on action 26 that everyone can then read", async () => {
      const text = `When will the training audit be repeated? (${javaScriptEnabled ? "js" : "no-js"})`;
      const actionPage = await new ActionPage(await mode.as("scrutineer")).goto(plan.actions.get("26") ?? "");
      await actionPage.main.getByRole("textbox", { name: /^Record a challenge/ }).fill(text);
      await actionPage.submit(actionPage.main.getByRole("button", { name: "Record challenge" }));
      expect(await textOf(actionPage.successBanner)).toContain("The challenge has been recorded");
      expect(normalise((await actionPage.section("Challenges").allTextContents()).join(" "))).toContain(text);

      const viewerPage = await new ActionPage(await mode.as("viewer")).goto(plan.actions.get("26") ?? "");
      expect(normalise((await viewerPage.section("Challenges").allTextContents()).join(" "))).toContain(text);
      expect(
        await viewerPage.main.getByRole("button", { name: "Save" }).count(),
        "the viewer cannot mark it",
      ).toBe(0);
    });

    it("axe-core finds no violations on any page visited", async () => {
      await mode.expectAccessible();
    });
  },
);
