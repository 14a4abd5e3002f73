import { describe, expect, it } from "vitest";
import { findingOf } from "../testing.js";

const impact = { status: "completed-with-impact" as const, statusText: "Ev." };

describe("impact-not-evidenced", () => {
  it("is raised when only an output is described", () => {
    const f = findingOf("impact-not-evidenced", {
      ...impact,
      progress: "Training delivered to 120 staff across the Emergency Department.",
    });
    expect(f?.reason).toContain("no measurable effect is described");
    expect(f?.reason).toContain("is an output, not an effect");
    expect(f?.question).toContain("What difference has");
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "95% of staff have completed the e-learning.",
      }),
    ).toBeDefined();
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Staff feedback on the briefings was positive.",
      }),
    ).toBeDefined();
  });

  it("is raised for empty progress", () => {
    expect(findingOf("impact-not-evidenced", { ...impact, progress: "" })).toBeDefined();
  });

  it("is not raised for a measured effect", () => {
    for (const progress of [
      "Re-audit in September found that 88% of strategy discussions included health, up from 52% in January.",
      "Average wait reduced from 14 weeks to 6 weeks.",
      "The wait list has halved.",
      "Parents' survey: 9 out of 10 families knew who to contact, compared with 4 out of 10 before.",
    ]) {
      expect(findingOf("impact-not-evidenced", { ...impact, progress }), progress).toBeUndefined();
    }
  });

  it("reads the evidence-of-impact column", () => {
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Training delivered to 64 staff.",
        evidenceOfImpact:
          "Audit of 40 MARFs after the training: analysis completed in 36 (90%), compared with 18 (45%) before.",
      }),
    ).toBeUndefined();
  });

  it("is only raised for completed-with-impact", () => {
    expect(findingOf("impact-not-evidenced", { status: "completed", progress: "" })).toBeUndefined();
    expect(findingOf("impact-not-evidenced", { status: "not-applicable", progress: "" })).toBeUndefined();
  });

  it("does not depend on dates", () => {
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Two posts recruited.",
        due: null,
        lastUpdate: "2019-01-01",
      }),
    ).toBeDefined();
  });

  it("counts a rate of use of the thing introduced as an output, not an effect", () => {
    const chronology = {
      ...impact,
      action: "Introduce a multi-agency chronology for every child on a CP plan.",
    };
    expect(
      findingOf("impact-not-evidenced", {
        ...chronology,
        progress: "Template in place. 94% of CP cases have an up to date chronology.",
      }),
    ).toBeDefined();
    expect(
      findingOf("impact-not-evidenced", {
        ...chronology,
        progress: "94% of CP cases have an up to date chronology, up from 40% before the template.",
      }),
    ).toBeUndefined();
  });

  it("counts outcomes for adults and households, not only children", () => {
    const impact = {
      status: "completed-with-impact" as const,
      statusText: "Blue",
      progress: "Panel set up in March.",
    };
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        evidenceOfImpact: "Of 14 adults discussed, 9 who had refused care accepted a service by June.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        evidenceOfImpact: "3 eviction notices were withdrawn after the panel agreed plans.",
      }),
    ).toBeUndefined();
    // "set up to" is not the "up to" of a figure.
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "A working group has been set up to finalise the template.",
      }),
    ).toBeDefined();
  });

  it("reads figures before and since a change as a comparison", () => {
    expect(
      findingOf("impact-not-evidenced", {
        status: "completed-with-impact",
        statusText: "Blue",
        progress:
          "Clinic running weekly. Starts in treatment: 4 in the three months before it opened, 12 in the three months since.",
      }),
    ).toBeUndefined();
  });

  it("counts attendance, utilisation and uptake rates as outputs", () => {
    for (const progress of [
      "Briefing delivered to all teams. 94% attendance.",
      "Extra clinics running every week. Clinic utilisation 96%.",
      "Uptake of the new screening offer is 81%.",
    ]) {
      expect(findingOf("impact-not-evidenced", { ...impact, progress }), progress).toBeDefined();
    }
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Clinics running since July; waits for a first appointment fell from 14 weeks to 6.",
      }),
    ).toBeUndefined();
  });

  it("reads rates before and after a change, and a count of reports audited as an output", () => {
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        action: "Introduce a three-attempt contact protocol and report engagement rates.",
        progress: "Protocol in use since September.",
        evidenceOfImpact: "Engagement rate: 54% in Q1 before the protocol, 71% in Q3.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress:
          "Audit of 100 reports done in March, findings to the partnership. 96% of sergeants briefed.",
      }),
    ).toBeDefined();
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        action: "Introduce an annual tenancy visit for every tenant aged 65 and over living alone.",
        progress: "1,214 of 1,380 eligible households visited (88%).",
      }),
    ).toBeDefined();
  });

  it("reads periods compared across sentences, and one figure against another", () => {
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Policy revised in January.",
        evidenceOfImpact:
          "In the 12 months before the change, no cancellation was reported to the council. Since March, 37 have been reported within 24 hours.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Briefing delivered at all 12 shift briefings.",
        evidenceOfImpact:
          "Dip sample of 30 incidents: sleeping arrangements recorded in 21/30 vs 2/30 before.",
      }),
    ).toBeUndefined();
    // A period named, with nothing measured after it, is no comparison.
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress:
          "Before the change, staff were unsure of the route. Since then, all staff have been briefed.",
      }),
    ).toBeDefined();
  });

  it("reads children still living at home months later as an outcome, not an output", () => {
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress:
          "Outreach workers took 12 families at the edge of care from April. Six months on, 10 children are still living at home.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Outreach workers took 12 families at the edge of care from April.",
      }),
    ).toBeDefined();
  });

  it("reads figures joined by an arrow as a change", () => {
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Missed first appointments 41 (Q1) → 17 (Q3).",
      }),
    ).toBeUndefined();
  });

  it("reads attendances and positive feedback as outputs, and a drop-in as no drop", () => {
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress:
          "Drop-in clinics running at all 3 libraries since May. 64 attendances so far. Feedback from carers has been very positive.",
      }),
    ).toBeDefined();
  });

  it("does not read a change word inside a name as a change", () => {
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Two navigators in post since May, paid from the Violence Reduction Unit grant of £60k.",
      }),
    ).toBeDefined();
    expect(
      findingOf("impact-not-evidenced", {
        ...impact,
        progress: "Repeat attendances reduced from 40 in the year before to 12 since May.",
      }),
    ).toBeUndefined();
  });
});
