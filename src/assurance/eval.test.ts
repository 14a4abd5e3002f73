import { describe, expect, it } from "vitest";
import { heldOutDirectory, loadCorpus } from "./corpus.js";
import { evaluateCorpus } from "./evaluate.js";
import { FINDING_KINDS } from "./types.js";

describe("the labelled assurance corpus", () => {
  const cases = loadCorpus();
  const result = evaluateCorpus(cases);

  it("is large enough, with positives for every kind", () => {
    expect(result.labelledActions).toBeGreaterThanOrEqual(150);
    for (const s of result.scores) expect(s.labelled, s.kind).toBeGreaterThanOrEqual(20);
    expect(result.scores.map((s) => s.kind)).toEqual([...FINDING_KINDS]);
  });

  it.each(FINDING_KINDS.map((k) => [k]))("%s reaches 0.95 precision and recall", (kind) => {
    const s = result.scores.find((x) => x.kind === kind);
    const misses = result.mismatches
      .filter((m) => m.kind === kind)
      .map((m) => `${m.error} ${m.caseId} ${m.section} ${m.ref}`);
    expect(s?.precision, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
    expect(s?.recall, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the held-out plans", () => {
  // Printed by npm run eval and not held to the threshold; here only their labels' shape is checked.
  it("are valid labelled plans with a positive for every kind between them", () => {
    const cases = loadCorpus(heldOutDirectory());
    expect(cases.length).toBeGreaterThanOrEqual(1);
    const result = evaluateCorpus(cases);
    for (const s of result.scores) expect(s.labelled, s.kind).toBeGreaterThan(0);
  });
});
