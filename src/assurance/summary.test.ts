import { describe, expect, it } from "vitest";
import { formatFindingsSummary } from "./summary.js";
import { cleanAction, findings } from "./testing.js";

describe("formatFindingsSummary", () => {
  it("says so when there is nothing to raise", () => {
    expect(formatFindingsSummary([])).toBe("No findings.\n");
  });

  it("groups findings by organisation and action, with reasons, questions and counts", () => {
    const out = formatFindingsSummary(
      findings([
        cleanAction({ organisation: "Alpha Council", section: "Early Help", ref: "2.1", due: "2020-12-31" }),
        cleanAction({ organisation: null, section: "Multi-agency", ref: "5", lead: "" }),
      ]),
    );
    const lines = out.split("\n");
    expect(lines[0]).toBe("Alpha Council — 2 findings (1 high, 1 medium)");
    expect(lines[1]).toBe("  Early Help 2.1");
    expect(lines[2]).toMatch(/^ {4}overdue \(high\): Due 31 December 2020/);
    expect(lines[3]).toMatch(/^ {6}Question: Please provide an update on/);
    expect(out).toContain("No owning organisation — 1 finding (1 medium)");
    expect(out).toContain("  Multi-agency 5\n    not-smart (medium): No lead named.");
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "3 findings in all: overdue 1, unsupported-rating 1, not-smart 1.",
    );
    expect(out.endsWith("\n")).toBe(true);
  });
});
