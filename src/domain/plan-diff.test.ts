import { describe, expect, it } from "vitest";
import type { ParsedAction } from "./plan.js";
import {
  actionOwners,
  COMPARED_FIELDS,
  compareActions,
  diffPlanActions,
  type ExistingAction,
  FIELD_LABELS,
  summariseDiff,
  withCanonicalOwners,
} from "./plan-diff.js";

function parsedAction(overrides: Partial<ParsedAction> = {}): ParsedAction {
  return {
    section: "Health",
    organisation: "Thames Valley Police",
    organisations: ["Thames Valley Police"],
    ref: "1",
    finding: "Staff do not always recognise the risks to children.",
    action: "Deliver domestic abuse training.",
    lead: "DCI Matt Darnell",
    due: "2020-03-31",
    dueText: "End March 2020",
    status: "on-track",
    statusText: "Green",
    progress: "Training plan agreed.",
    evidenceOfImpact: "",
    lastUpdate: "2020-01-20",
    where: "table 1, row 2",
    ...overrides,
  };
}

let nextId = 1;
function stored(a: ParsedAction, withdrawn = false): ExistingAction & { id: number } {
  return { ...a, organisations: actionOwners(a), id: nextId++, withdrawn };
}

const a1 = parsedAction({ ref: "1", finding: "Referrals are slow.", action: "Audit referral timeliness." });
const a2 = parsedAction({
  ref: "2",
  finding: "Training gaps.",
  action: "Deliver level 3 training to A&E staff.",
});
const a3 = parsedAction({
  ref: "3",
  finding: "No multi-agency audit.",
  action: "Hold a quarterly multi-agency audit.",
});

describe("diffPlanActions", () => {
  it("treats everything as added when nothing is stored", () => {
    const d = diffPlanActions([], [a1, a2]);
    expect(d.counts).toEqual({ added: 2, changed: 0, unchanged: 0, withdrawn: 0, reinstated: 0 });
    expect(d.entries.map((e) => e.kind)).toEqual(["added", "added"]);
  });

  it("finds changed, unchanged, new and missing actions by section and ref", () => {
    const old = [stored(a1), stored(a2), stored(a3)];
    const a2b = {
      ...a2,
      status: "completed" as const,
      statusText: "Blue",
      progress: "All A&E staff trained.",
    };
    const a4 = parsedAction({ ref: "4", finding: "New finding", action: "New action" });
    const d = diffPlanActions(old, [a1, a2b, a4]);
    expect(d.counts).toEqual({ added: 1, changed: 1, unchanged: 1, withdrawn: 1, reinstated: 0 });
    const changed = d.entries.find((e) => e.kind === "changed");
    expect(changed?.kind === "changed" && changed.existing.id).toBe(old[1]?.id);
    expect(changed?.kind === "changed" && changed.changes).toEqual({
      status: { before: "on-track", after: "completed" },
      statusText: { before: "Green", after: "Blue" },
      progress: { before: a2.progress, after: "All A&E staff trained." },
    });
    const withdrawn = d.entries.find((e) => e.kind === "withdrawn");
    expect(withdrawn?.kind === "withdrawn" && withdrawn.existing.id).toBe(old[2]?.id);
    expect(withdrawn?.changes).toEqual({ withdrawn: { before: false, after: true } });
  });

  it("does not count line endings, trailing spaces or case of the section as changes", () => {
    const old = [stored({ ...a1, progress: "Line one\nLine two" })];
    const d = diffPlanActions(old, [{ ...a1, section: "  HEALTH ", progress: "Line one  \r\nLine two\r\n" }]);
    expect(d.counts.unchanged).toBe(1);
  });

  it("keeps the same action when its section was renamed, matching by ref and wording", () => {
    const old = [stored(a1), stored(a2)];
    const renamed = [
      { ...a1, section: "Health services" },
      { ...a2, section: "Health services" },
    ];
    const d = diffPlanActions(old, renamed);
    expect(d.counts).toEqual({ added: 0, changed: 2, unchanged: 0, withdrawn: 0, reinstated: 0 });
    for (const e of d.entries) {
      expect(e.kind === "changed" && e.matchedBy).toBe("ref");
      expect(e.kind === "changed" && Object.keys(e.changes)).toEqual(["section"]);
    }
  });

  it("does not pair a ref reused for an unrelated action in another section", () => {
    const old = [stored({ ...a1, section: "Police" })];
    const other = parsedAction({
      section: "Education",
      ref: "1",
      finding: "School attendance",
      action: "Track exclusions weekly",
    });
    const d = diffPlanActions(old, [other]);
    expect(d.counts).toEqual({ added: 1, changed: 0, unchanged: 0, withdrawn: 1, reinstated: 0 });
  });

  it("matches actions without refs by their text", () => {
    const noRef = (a: ParsedAction) => ({ ...a, ref: "" });
    const old = [stored(noRef(a1)), stored(noRef(a2))];
    const d = diffPlanActions(old, [noRef({ ...a2, progress: "Done" }), noRef(a1)]);
    expect(d.counts).toEqual({ added: 0, changed: 1, unchanged: 1, withdrawn: 0, reinstated: 0 });
    const first = d.entries[0];
    expect(first?.kind === "changed" && first.existing.id).toBe(old[1]?.id);
    expect(first?.kind === "changed" && first.matchedBy).toBe("text");
  });

  it("follows a renumbered action by its text once section and ref find nothing", () => {
    const old = [stored(a1)];
    const d = diffPlanActions(old, [{ ...a1, ref: "1.1" }]);
    expect(d.counts.changed).toBe(1);
    expect(d.entries[0]?.kind === "changed" && d.entries[0].changes.ref).toEqual({
      before: "1",
      after: "1.1",
    });
  });

  it("treats '7.12.' and '7.12' as the same ref but records the rewrite", () => {
    const old = [stored({ ...a1, ref: "7.12" })];
    const d = diffPlanActions(old, [{ ...a1, ref: "7.12." }]);
    expect(d.entries[0]?.kind === "changed" && d.entries[0].matchedBy).toBe("section-and-ref");
  });

  it("reinstates a withdrawn action that comes back, and leaves withdrawn ones alone otherwise", () => {
    const gone = stored(a2, true);
    const stillGone = stored(a3, true);
    const d = diffPlanActions([stored(a1), gone, stillGone], [a1, a2]);
    expect(d.counts).toEqual({ added: 0, changed: 0, unchanged: 1, withdrawn: 0, reinstated: 1 });
    const back = d.entries.find((e) => e.kind === "reinstated");
    expect(back?.kind === "reinstated" && back.changes).toEqual({
      withdrawn: { before: true, after: false },
    });
  });

  it("pairs repeated refs by their wording, not just their order", () => {
    const x = parsedAction({ ref: "5", finding: "Same rec", action: "Write the neglect strategy." });
    const y = parsedAction({ ref: "5", finding: "Same rec", action: "Launch neglect toolkit training." });
    const old = [stored(x), stored(y)];
    const d = diffPlanActions(old, [y, x]);
    expect(d.counts.unchanged).toBe(2);
    expect(d.entries.map((e) => (e.kind === "unchanged" ? e.existing.id : null))).toEqual([
      old[1]?.id,
      old[0]?.id,
    ]);
  });

  it("records a change of owner, with the primary first", () => {
    const old = [stored(a1)];
    const moved = {
      ...a1,
      organisation: "Milton Keynes Council",
      organisations: ["Milton Keynes Council", "Thames Valley Police"],
    };
    const d = diffPlanActions(old, [moved]);
    expect(d.entries[0]?.kind === "changed" && d.entries[0].changes.organisations).toEqual({
      before: ["Thames Valley Police"],
      after: ["Milton Keynes Council", "Thames Valley Police"],
    });
  });
});

describe("actionOwners", () => {
  it("puts the primary first and names each organisation once", () => {
    expect(actionOwners({ organisation: "TVP", organisations: ["MKC", "tvp", "TVP "] })).toEqual([
      "TVP",
      "MKC",
    ]);
    expect(actionOwners({ organisation: null, organisations: [] })).toEqual([]);
  });
});

describe("compareActions", () => {
  it("reports nothing for identical actions and due dates by value", () => {
    expect(compareActions(a1, { ...a1 })).toEqual({});
    expect(compareActions(a1, { ...a1, due: null })).toEqual({ due: { before: "2020-03-31", after: null } });
  });
});

describe("summariseDiff", () => {
  it("lists added, withdrawn and changed actions with each changed field in a person's words", () => {
    const a2b = {
      ...a2,
      status: "completed" as const,
      statusText: "Blue",
      progress: "All A&E staff trained.",
    };
    const a4 = parsedAction({ ref: "4", finding: "New finding", action: "New action" });
    const summary = summariseDiff(
      diffPlanActions([stored(a1), stored(a2), stored(a3)], [a1, a2b, a4]).entries,
    );
    expect(summary).toEqual({
      added: [{ section: "Health", ref: "4" }],
      withdrawn: [{ section: "Health", ref: "3" }],
      changed: [
        {
          section: "Health",
          ref: "2",
          changes: [
            { field: "status", before: "on-track", after: "completed" },
            { field: "statusText", before: "Green", after: "Blue" },
            { field: "progress", before: "Training plan agreed.", after: "All A&E staff trained." },
          ],
        },
      ],
      unchanged: 1,
    });
  });

  it("puts a moved action's section and ref first, and writes owners and empty values as text", () => {
    const moved = {
      ...a1,
      section: "Police",
      ref: "1.1",
      organisations: ["Thames Valley Police", "Milton Keynes Council"],
      due: null,
      lead: "DS Jones",
    };
    const summary = summariseDiff(diffPlanActions([stored(a1)], [moved]).entries);
    expect(summary.changed[0]?.changes).toEqual([
      { field: "section", before: "Health", after: "Police" },
      { field: "ref", before: "1", after: "1.1" },
      { field: "lead", before: "DCI Matt Darnell", after: "DS Jones" },
      {
        field: "organisations",
        before: "Thames Valley Police",
        after: "Thames Valley Police, Milton Keynes Council",
      },
      { field: "due", before: "2020-03-31", after: "" },
    ]);
    expect(FIELD_LABELS.map(([field]) => field).sort()).toEqual([...COMPARED_FIELDS].sort());
  });

  it("shows an action coming back to the plan as added, and one already withdrawn not at all", () => {
    const back = summariseDiff(diffPlanActions([stored(a1, true)], [a1]).entries);
    expect(back).toEqual({
      added: [{ section: "Health", ref: "1" }],
      withdrawn: [],
      changed: [],
      unchanged: 0,
    });
    const gone = summariseDiff(diffPlanActions([stored(a1, true), stored(a2)], [a2]).entries);
    expect(gone).toEqual({ added: [], withdrawn: [], changed: [], unchanged: 1 });
  });
});

describe("withCanonicalOwners", () => {
  it("writes every owner as the partnership's name for it, each once, primary first", () => {
    const names: Record<string, string> = {
      tvp: "Thames Valley Police",
      "thames valley police": "Thames Valley Police",
    };
    const [a] = withCanonicalOwners(
      [parsedAction({ organisation: "TVP", organisations: ["Thames Valley Police", "  New Agency "] })],
      (name) => names[name.trim().toLowerCase()] ?? name.trim(),
    );
    expect(a?.organisation).toBe("Thames Valley Police");
    expect(a?.organisations).toEqual(["Thames Valley Police", "New Agency"]);
  });
});
