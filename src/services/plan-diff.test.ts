import { describe, expect, it } from "vitest";
import { diffPlan } from "./plan-diff.js";
import type { ActionRecord } from "./store.js";
import { parsedAction } from "./testing/fixtures.js";

function stored(ref: string, over: Partial<ActionRecord> = {}): ActionRecord {
  const p = parsedAction({ ref });
  return {
    id: `id-${ref}`,
    planId: "p",
    section: p.section,
    ref,
    organisations: [{ id: "o", name: "Thames Valley Police" }],
    finding: p.finding,
    action: p.action,
    lead: p.lead,
    due: p.due,
    dueText: p.dueText,
    status: p.status,
    statusText: p.statusText,
    progress: p.progress,
    evidenceOfImpact: "",
    lastUpdate: p.lastUpdate,
    rowVersion: 1,
    withdrawn: false,
    ...over,
  };
}

describe("diffPlan", () => {
  it("matches by section and ref and lists added, withdrawn and changed fields", () => {
    const diff = diffPlan(
      [stored("1"), stored("2"), stored("3")],
      [
        parsedAction({ ref: "1" }),
        parsedAction({ ref: "2", status: "completed", statusText: "Blue", progress: "Done." }),
        parsedAction({ ref: "4" }),
      ],
    );
    expect(diff.unchanged).toBe(1);
    expect(diff.added).toEqual([{ section: "Section 1", ref: "4" }]);
    expect(diff.withdrawn).toEqual([{ section: "Section 1", ref: "3" }]);
    expect(diff.changed).toEqual([
      {
        section: "Section 1",
        ref: "2",
        changes: [
          { field: "status", before: "on-track", after: "completed" },
          { field: "statusText", before: "Green", after: "Blue" },
          { field: "progress", before: "Work is under way.", after: "Done." },
        ],
      },
    ]);
  });
  it("treats the same ref in another section as another action", () => {
    const diff = diffPlan([stored("1")], [parsedAction({ ref: "1", section: "Health" })]);
    expect(diff.added).toHaveLength(1);
    expect(diff.withdrawn).toHaveLength(1);
  });
  it("ignores actions already withdrawn", () => {
    const diff = diffPlan([stored("1", { withdrawn: true })], [parsedAction({ ref: "1" })]);
    expect(diff.added).toHaveLength(1);
    expect(diff.withdrawn).toHaveLength(0);
  });
});
