import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DashboardPage } from "./pages/dashboard-page.js";
import { MKUHT } from "./server.js";
import { MODES, type Mode, useBrowserSuite } from "./support/suite.js";

const suite = useBrowserSuite();

beforeAll(async () => {
  await suite.server.importPlan();
  // A year of findings, so the line chart has its full twelve points.
  await suite.server.spreadFindingsOver(365);
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

interface LineChartCheck {
  viewBoxWidth: number;
  points: number;
  /** The smallest text as shown, in CSS px. */
  smallestText: number;
  /** Texts whose box, as shown, runs outside the drawing. */
  outside: string[];
  /** Pairs of texts whose boxes, as shown, overlap. */
  overlapping: string[];
  runsOffScreen: boolean;
}

/** Measures the open-findings chart the browser shows, with the fonts it really has. */
async function visibleLineChart(page: Page): Promise<LineChartCheck> {
  return page.evaluate(() => {
    const charts = Array.from(
      document.querySelectorAll<SVGSVGElement>('svg.app-chart[aria-labelledby^="findings-chart"]'),
    ).filter((svg) => svg.getBoundingClientRect().width > 0);
    if (charts.length !== 1) throw new Error(`expected one visible findings chart, found ${charts.length}`);
    const svg = charts[0] as SVGSVGElement;
    const frame = svg.getBoundingClientRect();
    const scale = frame.width / svg.viewBox.baseVal.width;
    const texts = Array.from(svg.querySelectorAll<SVGTextElement>("text")).map((t) => ({
      text: t.textContent ?? "",
      box: t.getBoundingClientRect(),
      size: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
    }));
    const outside = texts
      .filter(
        ({ box }) =>
          box.left < frame.left - 0.5 ||
          box.right > frame.right + 0.5 ||
          box.top < frame.top - 0.5 ||
          box.bottom > frame.bottom + 0.5,
      )
      .map(({ text, box }) => `${text}: ${box.left.toFixed(1)}–${box.right.toFixed(1)} of ${frame.width}`);
    const overlapping: string[] = [];
    for (const [i, a] of texts.entries()) {
      for (const b of texts.slice(i + 1)) {
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 0.5 && y > 0.5) overlapping.push(`${a.text} / ${b.text}`);
      }
    }
    return {
      viewBoxWidth: svg.viewBox.baseVal.width,
      points: svg.querySelectorAll("g > title").length,
      smallestText: Math.min(...texts.map((t) => t.size)),
      outside,
      overlapping,
      runsOffScreen: frame.right > document.documentElement.clientWidth,
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

  it.each([320, 1280])(
    "draws open findings over time with readable text, all inside and apart, at %i px wide",
    async (width) => {
      const page = await mode.as("viewer");
      await page.setViewportSize({ width, height: 900 });
      const dashboard = await new DashboardPage(page).goto();
      const chart = await visibleLineChart(page);

      expect(chart.viewBoxWidth).toBe(width < 641 ? 300 : 760);
      expect(chart.points).toBe(12);
      expect(chart.smallestText).toBeGreaterThanOrEqual(12);
      expect(chart.outside).toEqual([]);
      expect(chart.overlapping).toEqual([]);
      expect(chart.runsOffScreen).toBe(false);
      const table = dashboard.main.getByRole("table", {
        name: "Open findings on each date",
        includeHidden: true,
      });
      expect(await table.getByRole("row", { includeHidden: true }).count()).toBe(13);
    },
  );

  it("axe-core finds no violations on any page visited", async () => {
    await mode.expectAccessible();
  });
});
