import { describe, expect, it } from "vitest";
import { STATUSES } from "../domain/status.js";
import { assess } from "./assess.js";
import { GENERATED_AS_OF, generateActions } from "./generate.js";
import { FINDING_KINDS } from "./types.js";

describe("generateActions", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateActions(50, 7)).toEqual(generateActions(50, 7));
    expect(generateActions(50, 7)).not.toEqual(generateActions(50, 8));
  });

  it("makes well-formed actions", () => {
    const actions = generateActions(500, 3);
    expect(actions).toHaveLength(500);
    for (const a of actions) {
      expect(STATUSES).toContain(a.status);
      if (a.due) expect(a.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (a.lastUpdate) expect(a.lastUpdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("exercises every finding kind", () => {
    const findings = assess({
      plan: { title: "g", asOf: "2021-03-31" },
      actions: generateActions(3000, 11),
      cadenceDays: 90,
      asOf: GENERATED_AS_OF,
    });
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(FINDING_KINDS));
  });
});
