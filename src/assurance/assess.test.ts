import { describe, expect, it } from "vitest";
import { assess, compareRef, refSortKey } from "./assess.js";
import { DEFAULT_RULE_DATA, type RuleData } from "./data.js";
import { cleanAction, findings } from "./testing.js";
import { FINDING_KINDS } from "./types.js";

describe("assess", () => {
  const actions = [
    cleanAction({ organisation: "Zeta Trust", section: "Zeta", ref: "1", lead: "" }),
    cleanAction({ organisation: null, section: "Multi-agency", ref: "2", lead: "" }),
    cleanAction({
      organisation: "Alpha Council",
      section: "B section",
      ref: "7.12",
      due: "2021-01-31",
      lead: "",
    }),
    cleanAction({ organisation: "Alpha Council", section: "B section", ref: "7.2", lead: "" }),
    cleanAction({ organisation: "Alpha Council", section: "A section", ref: "10", lead: "" }),
  ];

  it("sorts by organisation (none last), section, ref in natural order, then kind", () => {
    const out = findings(actions);
    expect(out.map((f) => `${f.organisation}|${f.section}|${f.ref}|${f.kind}`)).toEqual([
      "Alpha Council|A section|10|not-smart",
      "Alpha Council|B section|7.2|not-smart",
      "Alpha Council|B section|7.12|overdue",
      "Alpha Council|B section|7.12|unsupported-rating",
      "Alpha Council|B section|7.12|not-smart",
      "Zeta Trust|Zeta|1|not-smart",
      "null|Multi-agency|2|not-smart",
    ]);
  });

  it("is deterministic and does not depend on the order of the actions", () => {
    const once = findings(actions);
    expect(findings(actions)).toEqual(once);
    expect(findings([...actions].reverse())).toEqual(once);
  });

  it("gives every finding its fields, with kinds from the fixed vocabulary", () => {
    for (const f of findings(actions)) {
      expect(Object.keys(f).sort()).toEqual([
        "kind",
        "organisation",
        "question",
        "reason",
        "ref",
        "section",
        "severity",
      ]);
      expect(FINDING_KINDS).toContain(f.kind);
      expect(["high", "medium", "low"]).toContain(f.severity);
      expect(f.reason.length).toBeGreaterThan(10);
      expect(f.question).toMatch(/[?.]$/);
    }
  });

  it("rejects an as-of date that is not YYYY-MM-DD", () => {
    expect(() =>
      assess({ plan: { title: "x", asOf: null }, actions: [], cadenceDays: 90, asOf: "31/03/2021" }),
    ).toThrow(RangeError);
  });

  it("uses the default cadence when the given one is not a positive number", () => {
    expect(
      findings([cleanAction({ lastUpdate: "2020-12-30" })], { cadenceDays: 0 }).map((f) => f.kind),
    ).toEqual(["stale"]);
  });

  it("takes its thresholds and wording from the data", () => {
    const rules: RuleData = {
      ...DEFAULT_RULE_DATA,
      wording: {
        ...DEFAULT_RULE_DATA.wording,
        overdue: {
          ...DEFAULT_RULE_DATA.wording.overdue,
          severity: [{ minDays: 1, severity: "low" }],
          question: { nominal: "When? ({due})", other: "When? ({due})" },
        },
      },
    };
    const [f] = findings([cleanAction({ due: "2020-01-31", status: "significant-risk" })], { rules });
    expect(f?.severity).toBe("low");
    expect(f?.question).toBe("When? (31 January 2020)");
  });

  it("explains a seed 004 case in the scrutineers' terms", () => {
    const out = findings(
      [
        cleanAction({
          section: "Leicestershire Partnership NHS Trust (LPT)",
          organisation: "Leicestershire Partnership NHS Trust",
          ref: "3.4",
          action:
            "CAMHS to provide data on waiting times for children looked after, reported quarterly to the LAC Health Steering Group.",
          due: "2020-03-31",
          dueText: "March 2020",
          progress: "Data requested from CAMHS performance team. Awaiting response.",
          lastUpdate: "2019-12-20",
        }),
      ],
      { asOf: "2020-11-17" },
    );
    expect(out.map((f) => f.kind)).toEqual(["overdue", "stale", "unsupported-rating"]);
    expect(out[1]?.reason).toContain("Last update 20 December 2019");
    expect(out[1]?.reason).toContain("333 days (about 11 months)");
  });
});

describe("compareRef", () => {
  it("orders refs as people number them", () => {
    const refs = ["28 SY2,8", "7.12", "TP1", "7.2", "10", "9", "7.2a"];
    expect([...refs].sort(compareRef)).toEqual(["7.2", "7.2a", "7.12", "9", "10", "28 SY2,8", "TP1"]);
  });

  it("pads every run of digits to ten, and leaves longer runs and other text as they are", () => {
    expect(refSortKey("7.12")).toBe("0000000007.0000000012");
    expect(refSortKey("TP1a")).toBe("TP0000000001a");
    expect(refSortKey("R")).toBe("R");
    expect(refSortKey("")).toBe("");
    expect(refSortKey("123456789012")).toBe("123456789012");
    expect(refSortKey("28 SY2,8")).toBe("0000000028 SY0000000002,0000000008");
  });
});
