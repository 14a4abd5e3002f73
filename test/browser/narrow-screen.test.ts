import { beforeAll, describe, expect, it } from "vitest";
import type { AssurePage } from "./pages/assure-page.js";
import { ChallengesPage } from "./pages/challenges-page.js";
import { DashboardPage } from "./pages/dashboard-page.js";
import { FindingsPage } from "./pages/findings-page.js";
import type { AccountKey } from "./server.js";
import { MODES, type Mode, useBrowserSuite } from "./support/suite.js";

/**
 * At 320 px wide (WCAG 1.4.10 Reflow: a 1280 px window zoomed to 400%), the pages with wide tables read
 * without scrolling the whole page sideways: each wide table scrolls inside a region of its own, named by
 * its caption and reachable from the keyboard.
 */

const suite = useBrowserSuite();

beforeAll(async () => {
  const plan = await suite.server.importPlan();
  const { scrutineer } = suite.server.accounts;
  const actionId = plan.actions.get("26");
  if (!actionId) throw new Error("The demo plan has no action 26");
  await suite.server.services.challenges.create(scrutineer.user, {
    actionId,
    findingId: null,
    text: "What evidence shows that the training has changed practice on the wards? Please send the audit results (https://example.org/a-very-long-address-without-any-spaces-at-all-to-break-at/report.pdf).",
  });
});

const PAGES: { name: string; as: AccountKey; open(mode: Mode, key: AccountKey): Promise<AssurePage> }[] = [
  {
    name: "the dashboard",
    as: "scrutineer",
    open: async (mode, key) => new DashboardPage(await mode.as(key)).goto(),
  },
  {
    name: "the dashboard with its charts' data tables shown",
    as: "scrutineer",
    async open(mode, key) {
      const dashboard = await new DashboardPage(await mode.as(key)).goto();
      await dashboard.showChartData();
      return dashboard;
    },
  },
  {
    name: "an agency editor's dashboard",
    as: "mkuhtEditor",
    open: async (mode, key) => new DashboardPage(await mode.as(key)).goto(),
  },
  {
    name: "the findings",
    as: "scrutineer",
    open: async (mode, key) => new FindingsPage(await mode.as(key)).goto(),
  },
  {
    name: "the challenges",
    as: "scrutineer",
    open: async (mode, key) => new ChallengesPage(await mode.as(key)).goto(),
  },
];

describe.each(MODES)("At 320 px wide, $name", ({ javaScriptEnabled }) => {
  let mode: Mode;
  beforeAll(async () => {
    mode = suite.mode(javaScriptEnabled);
    for (const key of new Set(PAGES.map((p) => p.as))) {
      await (await mode.as(key)).setViewportSize({ width: 320, height: 720 });
    }
  });

  it.each(PAGES)(
    "$name does not scroll sideways; its tables scroll in named, focusable regions",
    async (p) => {
      const page = await p.open(mode, p.as);
      const { scrollWidth, innerWidth } = await page.widths();
      expect(innerWidth).toBe(320);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      for (const { caption, region } of await page.tablesAndTheirRegions()) {
        expect(caption, "every table has a caption").not.toBe("");
        expect(region, `the table "${caption}" is in a scrolling region`).not.toBeNull();
        expect(region?.name).toBe(caption);
        expect(region?.tabIndex).toBe(0);
      }
    },
  );

  it("scrolls the findings table, not the page, from the keyboard", async () => {
    const findings = await new FindingsPage(await mode.as("scrutineer")).goto();
    const region = findings.region("Open findings");
    expect(await findings.table.count()).toBe(1);
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    // Tab from the last control before the table reaches the region itself.
    await findings.main.getByRole("button", { name: "Apply filters" }).focus();
    const page = findings.page;
    for (let i = 0; i < 5 && !(await region.evaluate((r) => r === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    expect(await region.evaluate((r) => r === document.activeElement)).toBe(true);
    // Focus shows, as on GOV.UK's other controls.
    expect(await region.evaluate((r) => getComputedStyle(r).outlineStyle)).toBe("solid");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
  });

  it("axe-core finds no violations on any page visited", async () => {
    await mode.expectAccessible();
  });
});
