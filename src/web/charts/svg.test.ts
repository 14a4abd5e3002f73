import { describe, expect, it } from "vitest";
import { STATUSES } from "../../domain/status.js";
import { zeroStatusCounts } from "../../services/views.js";
import { govukDate } from "../filters.js";
import {
  openFindingsLayout,
  openFindingsSvg,
  STATUS_STYLES,
  stackedBarsLayout,
  statusByOrganisationSvg,
} from "./svg.js";
import { textWidth, wrapText } from "./text.js";

describe("status by organisation chart", () => {
  const counts = { ...zeroStatusCounts(), "on-track": 3, "significant-risk": 1 };
  const svg = statusByOrganisationSvg([{ organisation: 'Police <b>"TVP"</b>', counts }], {
    id: "c",
    title: "Status",
  });

  it("is an image with a title and a description that says the numbers in words", () => {
    expect(svg).toMatch(/^<svg class="app-chart"[^>]*role="img" aria-labelledby="c-title c-desc"/);
    expect(svg).toContain(
      '<desc id="c-desc">Police &lt;b&gt;&quot;TVP&quot;&lt;/b&gt;: 1 significant risk, 3 on track</desc>',
    );
  });

  it("escapes names and writes each segment's count, so it reads without colour", () => {
    expect(svg).not.toContain("<b>");
    expect(svg).toMatch(/<text[^>]*>3<\/text>/);
    expect(svg).toMatch(/<text[^>]*font-weight="bold">4<\/text>/);
  });

  it("gives every status a pattern of its own", () => {
    const looks = STATUSES.map((s) => `${STATUS_STYLES[s].colour}|${STATUS_STYLES[s].marks}`);
    expect(new Set(looks).size).toBe(STATUSES.length);
    const marks = STATUSES.map((s) => STATUS_STYLES[s].marks);
    expect(new Set(marks).size).toBe(STATUSES.length);
  });
});

describe("open findings chart", () => {
  it("labels every point with its value and the axis with dates", () => {
    const svg = openFindingsSvg(
      [
        { date: "2021-01-01", open: 4 },
        { date: "2021-02-01", open: 7 },
      ],
      { id: "f", title: "Open findings" },
    );
    expect(svg).toContain("<title>1 January 2021: 4 open</title>");
    expect(svg).toContain("<title>1 February 2021: 7 open</title>");
    expect(svg).toContain("4 open findings on 1 January 2021, 7 on 1 February 2021.");
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+ L[\d.]+ [\d.]+"/);
  });
});

describe("open findings chart at the width it is drawn for", () => {
  /** Twelve points a month apart, as the dashboard gives, with values that jump about. */
  const year = [3, 40, 38, 120, 5, 99, 100, 101, 7, 0, 64, 31].map((open, i) => ({
    date: `2026-${String(i + 1).padStart(2, "0")}-28`,
    open,
  }));
  const cases = [
    { name: "one point", points: year.slice(0, 1) },
    { name: "two points", points: year.slice(0, 2) },
    { name: "twelve points", points: year },
    { name: "large numbers", points: year.map((p) => ({ ...p, open: p.open * 97 })) },
  ];
  const viewBox = (svg: string) => /viewBox="0 0 (\d+) (\d+)"/.exec(svg)?.slice(1).map(Number) ?? [];
  const texts = (svg: string) =>
    [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      size: Number(m[3]),
      text: m[4] ?? "",
    }));

  describe.each([300, 760])("%i px wide", (width) => {
    it.each(cases)("keeps every text of $name inside the drawing, apart, at 14 px", ({ points }) => {
      const svg = openFindingsSvg(points, { id: "f", title: "Open findings", width, className: "x" });
      const [w, h] = viewBox(svg);
      expect(w).toBe(width);
      expect(svg).toMatch(/^<svg class="app-chart x"/);
      const layout = openFindingsLayout(points, width);
      expect(h).toBe(layout.height);
      expect(texts(svg).length).toBeGreaterThan(5);
      for (const t of texts(svg)) {
        expect(t.size).toBe(14);
        expect(t.y).toBeLessThanOrEqual(layout.height);
        expect(t.y - 14 * 0.75).toBeGreaterThanOrEqual(0);
      }
      // Dates: inside the drawing and clear of each other; the latest always written.
      const dates = layout.dateLabels.map((d) => ({ ...d, w: textWidth(d.text, 14) }));
      for (const d of dates) {
        expect(d.x - d.w / 2).toBeGreaterThanOrEqual(0);
        expect(d.x + d.w / 2).toBeLessThanOrEqual(width);
      }
      for (let i = 1; i < dates.length; i++) {
        const [a, b] = [dates[i - 1], dates[i]];
        if (a && b) expect(b.x - b.w / 2).toBeGreaterThan(a.x + a.w / 2);
      }
      expect(dates.at(-1)?.index).toBe(points.length - 1);
      if (points.length > 1) expect(dates[0]?.index).toBe(0);
      // Values: inside the plot and clear of each other; the latest always written.
      expect(layout.valueLabels).toContain(points.length - 1);
      const boxes = layout.valueLabels.map((i) => {
        const p = layout.points[i] ?? { x: NaN, y: NaN };
        const half = textWidth(String(points[i]?.open), 14) / 2;
        return { x1: p.x - half, x2: p.x + half, y: p.y };
      });
      for (const [n, b] of boxes.entries()) {
        expect(b.x1).toBeGreaterThanOrEqual(layout.plot.left);
        expect(b.x2).toBeLessThanOrEqual(width);
        for (const other of boxes.slice(n + 1)) {
          const apart = other.x1 >= b.x2 || b.x1 >= other.x2 || Math.abs(other.y - b.y) >= 14;
          expect(apart).toBe(true);
        }
      }
      // Every point keeps its date and value in its title, written or not.
      for (const p of points) expect(svg).toContain(`<title>${govukDate(p.date)}: ${p.open} open</title>`);
    });
  });

  it("writes the first and the latest dates even at 300 px, shortening month names if it must", () => {
    const narrow = openFindingsLayout(year, 300).dateLabels;
    expect(narrow.map((d) => d.index)).toEqual([0, 11]);
    expect(narrow.at(-1)?.text).toMatch(/^28 Dec(ember)? 2026$/);
    const wide = openFindingsLayout(year, 760).dateLabels;
    expect(wide.length).toBeGreaterThan(2);
    expect(wide.map((d) => d.text)).toContain("28 December 2026");
  });

  it("marks the value axis in whole, even steps", () => {
    const values = (open: number) =>
      openFindingsLayout([{ date: "2026-01-01", open }], 760).ticks.map((t) => t.value);
    expect(values(3)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(values(7)).toEqual([0, 2, 4, 6, 8]);
    expect(values(40)).toEqual([0, 10, 20, 30, 40]);
    expect(values(120)).toEqual([0, 25, 50, 75, 100, 125]);
    expect(values(9700)).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
  });
});

describe("status by organisation chart labels", () => {
  const MKUHT = "Milton Keynes University Hospital NHS Foundation Trust";
  const counts = { ...zeroStatusCounts(), "on-track": 3, completed: 12 };
  const rows = (...names: string[]) => names.map((organisation) => ({ organisation, counts }));

  /** Each label's lines, where they end, and the widest line, read back from the SVG. */
  function labelsOf(svg: string) {
    return [
      ...svg.matchAll(/<g class="app-chart__label"><title>([^<]*)<\/title><text[^>]*>(.*?)<\/text><\/g>/g),
    ].map((m) => {
      const tspans = [...(m[2] ?? "").matchAll(/<tspan x="([\d.]+)" y="[\d.]+">([^<]*)<\/tspan>/g)];
      return {
        title: m[1] ?? "",
        lines: tspans.map((t) => t[2] ?? ""),
        end: Math.max(...tspans.map((t) => Number(t[1]))),
      };
    });
  }
  const barStart = (svg: string) =>
    Number(/<rect x="([\d.]+)" y="\d+" width="[\d.]+" height="22"/.exec(svg)?.[1]);
  const viewBoxWidth = (svg: string) => Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1]);

  it.each([320, 300, 480, 760])(
    "keeps every label inside a %i px drawing, wrapped, with the full name in its title",
    (width) => {
      const names = [
        MKUHT,
        "Thames Valley Police",
        "BUCKINGHAMSHIRE, OXFORDSHIRE AND BERKSHIRE WEST INTEGRATED CARE BOARD",
        "Supercalifragilisticexpialidociousorganisationwithoutanyspaces",
        "CNWL",
      ];
      const svg = statusByOrganisationSvg(rows(...names), { id: "c", title: "Status", width });
      const layout = stackedBarsLayout(rows(...names), width);
      expect(viewBoxWidth(svg)).toBe(width);
      const labels = labelsOf(svg);
      expect(labels.map((l) => l.title)).toEqual(names);
      for (const label of labels) {
        // Right-aligned at `end`: each line starts at end - its width, which must not be left of 0.
        for (const line of label.lines) expect(label.end - textWidth(line, 14)).toBeGreaterThanOrEqual(0);
        expect(label.end).toBeLessThan(barStart(svg));
        expect(label.lines.length).toBeLessThanOrEqual(width < 480 ? 4 : 3);
      }
      expect(barStart(svg)).toBe(layout.labelColumn);
      // The bars and their totals fit in what is left.
      for (const m of svg.matchAll(
        /<text x="([\d.]+)" y="\d+" font-size="14" font-weight="bold">(\d+)<\/text>/g,
      )) {
        expect(Number(m[1]) + textWidth(m[2] ?? "", 14, { bold: true })).toBeLessThanOrEqual(width);
      }
    },
  );

  it("shows a long name whole on a wide drawing and cuts it short only when it must", () => {
    const wide = labelsOf(statusByOrganisationSvg(rows(MKUHT), { id: "c", title: "t", width: 760 }))[0];
    expect(wide?.lines.join(" ")).toBe(MKUHT);
    expect(wide?.lines.length).toBeGreaterThan(1);
    const narrow = labelsOf(statusByOrganisationSvg(rows(MKUHT), { id: "c", title: "t", width: 300 }))[0];
    expect(narrow?.lines.join(" ")).toBe(MKUHT);
    const huge = `${"A ".repeat(20)}Very Long Partnership Organisation Name That Goes On And On Without End`;
    const cut = labelsOf(statusByOrganisationSvg(rows(huge), { id: "c", title: "t", width: 300 }))[0];
    expect(cut?.lines.at(-1)).toMatch(/…$/);
    expect(cut?.title).toBe(huge);
    expect(statusByOrganisationSvg(rows(huge), { id: "c", title: "t" })).toContain(
      `<desc id="c-desc">${huge}: `,
    );
  });

  it("sizes the label column from the names it holds", () => {
    const short = stackedBarsLayout(rows("CNWL", "TVP"), 760);
    const long = stackedBarsLayout(rows(MKUHT, "TVP"), 760);
    expect(short.labelColumn).toBeLessThan(70);
    expect(long.labelColumn).toBeGreaterThan(short.labelColumn + 150);
    expect(long.labelColumn).toBeLessThanOrEqual(Math.round(760 * 0.42) + 16);
    expect(short.barsWidth).toBeGreaterThan(long.barsWidth);
  });

  it("escapes names in titles and lines", () => {
    const svg = statusByOrganisationSvg(rows('Police <b>"TVP"</b> & Partners'), {
      id: "c",
      title: "t",
      width: 320,
    });
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("<title>Police &lt;b&gt;&quot;TVP&quot;&lt;/b&gt; &amp; Partners</title>");
  });
});

describe("text wrapping", () => {
  it("breaks at spaces, inside a word only when it must, and ends what does not fit with an ellipsis", () => {
    expect(wrapText("Thames Valley Police", 1000, 14, 3)).toEqual({
      lines: ["Thames Valley Police"],
      truncated: false,
    });
    expect(wrapText("Thames Valley Police", 110, 14, 3).lines).toEqual(["Thames Valley", "Police"]);
    const word = wrapText("Supercalifragilisticexpialidocious", 80, 14, 5);
    expect(word.lines.join("")).toBe("Supercalifragilisticexpialidocious");
    for (const line of word.lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(80);
    const cut = wrapText("one two three four five six seven eight nine ten", 60, 14, 2);
    expect(cut.truncated).toBe(true);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]).toMatch(/…$/);
    for (const line of cut.lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(60);
  });

  it("measures with Arial's widths, with room for a wider fallback font", () => {
    // "Thames Valley Police" is 131 px in 14 px Arial.
    expect(textWidth("Thames Valley Police", 14)).toBeGreaterThan(131);
    expect(textWidth("Thames Valley Police", 14)).toBeLessThan(131 * 1.15);
    expect(textWidth("WWW", 14)).toBeGreaterThan(textWidth("iii", 14) * 3);
    expect(textWidth("Émile", 14)).toBe(textWidth("Emile", 14));
  });
});
