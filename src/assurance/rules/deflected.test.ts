import { describe, expect, it } from "vitest";
import { findingOf } from "../testing.js";

const LPT = {
  section: "Leicestershire Partnership NHS Trust (LPT)",
  organisation: "Leicestershire Partnership NHS Trust",
  lead: "Head of Safeguarding",
};
const CCG = {
  section: "Leicester City Clinical Commissioning Group (CCG)",
  organisation: "Leicester City Clinical Commissioning Group",
  lead: "Designated Nurse",
};

describe("deflected", () => {
  it("raises an action handed to another body, quoting it", () => {
    const f = findingOf("deflected", {
      ...LPT,
      action: "This action is for the CCG.",
      progress: "We will provide the current performance data.",
    });
    expect(f?.reason).toBe(
      "“This action is for the CCG.” hands the action to the CCG, and the plan says nothing LPT is doing itself.",
    );
    expect(f?.question).toBe(
      "The plan says “This action is for the CCG.” What is LPT itself doing to address this recommendation, and by when?",
    );
    expect(f?.severity).toBe("high");
  });

  it("does not raise the same words from the body named", () => {
    expect(
      findingOf("deflected", {
        ...CCG,
        action: "This action is for the CCG.",
        progress: "The CCG has commissioned a review.",
      }),
    ).toBeUndefined();
  });

  it("knows an agency by its abbreviation", () => {
    expect(
      findingOf("deflected", { ...LPT, progress: "This sits with commissioners; no further action for LPT." })
        ?.reason,
    ).toContain("hands the action to commissioners");
    expect(findingOf("deflected", { ...LPT, progress: "No further action for LPT." })?.reason).toContain(
      "says the action is not for LPT",
    );
    expect(
      findingOf("deflected", {
        ...LPT,
        progress: "This action is for LPT: the Trust has introduced a tracker.",
      }),
    ).toBeUndefined();
  });

  it("raises help offered only when asked", () => {
    const f = findingOf("deflected", { ...LPT, progress: "We will provide the data when requested." });
    expect(f?.reason).toContain("offers help only when asked");
  });

  it("raises 'for the CCG to monitor', but not when the CCG is a joint owner", () => {
    const progress = "For the CCG to monitor through the contract.";
    expect(findingOf("deflected", { ...LPT, progress })).toBeDefined();
    expect(
      findingOf("deflected", {
        ...LPT,
        organisations: [
          "Leicestershire Partnership NHS Trust",
          "Leicester City Clinical Commissioning Group",
        ],
        progress,
      }),
    ).toBeUndefined();
    expect(
      findingOf("deflected", { ...LPT, lead: "Head of Safeguarding LPT / Designated Nurse CCG", progress }),
    ).toBeUndefined();
  });

  it("is not raised when another body is named beside the agency's own deed", () => {
    expect(
      findingOf("deflected", {
        section: "Northshire Police",
        organisation: "Northshire Police",
        progress:
          "The local authority leads on return home interviews. Police have revised the missing person procedure and issued it in June.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("deflected", {
        section: "Northshire Police",
        organisation: "Northshire Police",
        progress: "The local authority leads on return home interviews.",
      }),
    ).toBeDefined();
  });

  it("is raised for a not-applicable action that hands the work away", () => {
    expect(
      findingOf("deflected", {
        ...LPT,
        status: "not-applicable",
        action: "Not applicable – this recommendation is for the CCG to monitor through the contract.",
        progress: "N/A for LPT.",
      }),
    ).toBeDefined();
  });

  it("is raised when waiting on another body, not when waiting on nothing named", () => {
    expect(
      findingOf("deflected", { progress: "Awaiting a decision from NHS England on funding." }),
    ).toBeDefined();
    expect(findingOf("deflected", { progress: "Awaiting response." })).toBeUndefined();
  });

  it("is not raised for empty text or ordinary joint working", () => {
    expect(findingOf("deflected", { progress: "" })).toBeUndefined();
    expect(
      findingOf("deflected", {
        action: "Work with the ICB to agree a joint protocol.",
        progress: "Protocol agreed with the ICB in May and used for all 37 transfers since.",
      }),
    ).toBeUndefined();
  });

  it("does not depend on dates", () => {
    expect(
      findingOf(
        "deflected",
        {
          ...LPT,
          due: null,
          dueText: "",
          lastUpdate: null,
          action: "This action is for the CCG.",
          progress: "",
        },
        { planAsOf: null },
      ),
    ).toBeDefined();
  });
});
