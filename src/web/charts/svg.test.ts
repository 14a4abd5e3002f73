import { describe, expect, it } from "vitest";
import { STATUSES } from "../../domain/status.js";
import { zeroStatusCounts } from "../../services/views.js";
import { openFindingsSvg, STATUS_STYLES, statusByOrganisationSvg } from "./svg.js";

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
