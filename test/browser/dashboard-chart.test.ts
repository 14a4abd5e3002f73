import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DashboardPage } from "./pages/dashboard-page.js";
import { MKUHT } from "./server.js";
import { MODES, type Mode, useBrowserSuite } from "./support/suite.js";

const suite = useBrowserSuite();

beforeAll(async () => {
  await suite.server.importPlan();
});

interface ChartCheck {
  viewBoxWidth: number;
  /** Rendered px per SVG unit. */
  scale: number;
  /** Texts whose box runs outside the drawing, with how far. */
  outside: string[];
  labelTitles: string[];
  /** Whether the drawing reaches past the right of the window (it must fit, not scroll). */
  runsOffScreen: boolean;
}

/** Measures the chart the browser shows, with the fonts it really has. */
async function visibleChart(page: Page): Promise<ChartCheck> {
  return page.evaluate(() => {
    const charts = Array.from(document.querySelectorAll<SVGSVGElement>("svg.app-chart")).filter(
      (svg) => svg.getBoundingClientRect().width > 0 && svg.querySelector(".app-chart__label"),
    );
    if (charts.length !== 1) throw new Error(`expected one visible status chart, found ${charts.length}`);
    const svg = charts[0] as SVGSVGElement;
    const box = svg.viewBox.baseVal;
    const outside: string[] = [];
    for (const text of Array.from(svg.querySelectorAll<SVGTextElement>("text"))) {
      const b = text.getBBox();
      if (b.x < 0 || b.y < 0 || b.x + b.width > box.width || b.y + b.height > box.height) {
        outside.push(
          `${text.textContent}: x ${b.x.toFixed(1)}–${(b.x + b.width).toFixed(1)} of ${box.width}`,
        );
      }
    }
    return {
      viewBoxWidth: box.width,
      scale: svg.getBoundingClientRect().width / box.width,
      outside,
      labelTitles: Array.from(svg.querySelectorAll(".app-chart__label > title")).map(
        (t) => t.textContent ?? "",
      ),
      runsOffScreen: svg.getBoundingClientRect().right > document.documentElement.clientWidth,
    };
  });
}

describe.each(MODES)("The dashboard's chart, $name", ({ javaScriptEnabled }) => {
  let mode: Mode;
  beforeAll(() => {
    mode = suite.mode(javaScriptEnabled);
  });

  it.each([320, 1280])("shows every organisation's name unclipped at %i px wide", async (width) => {
    const page = await mode.as("viewer");
    await page.setViewportSize({ width, height: 900 });
    const dashboard = await new DashboardPage(page).goto();
    const chart = await visibleChart(page);

    expect(chart.outside).toEqual([]);
    expect(chart.runsOffScreen).toBe(false);
    // The labels' 14px stays readable: a drawing for small screens rather than a shrunken wide one.
    expect(14 * chart.scale).toBeGreaterThanOrEqual(12);
    expect(chart.viewBoxWidth).toBe(width < 641 ? 300 : 760);
    // Full names for every label, and in the table that goes with the chart.
    expect(chart.labelTitles).toContain(MKUHT);
    const table = dashboard.main.getByRole("table", {
      name: "Actions by status for each organisation",
      includeHidden: true,
    });
    expect(
      await table.getByRole("rowheader", { name: MKUHT, exact: true, includeHidden: true }).count(),
    ).toBe(1);
  });

  it("axe-core finds no violations on any page visited", async () => {
    await mode.expectAccessible();
  });
});
