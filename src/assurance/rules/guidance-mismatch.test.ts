import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusDirectory } from "../corpus.js";
import { DEFAULT_RULE_DATA, type RuleData } from "../data.js";
import type { LabelledAction } from "../evaluate.js";
import { findingOf, findings } from "../testing.js";

const MKUHT = {
  section: "MKUHT",
  organisation: "Milton Keynes University Hospital NHS Foundation Trust",
  lead: "Safeguarding lead MKUHT",
};

function plan001(): LabelledAction[] {
  const file = `${corpusDirectory(import.meta.url)}/001-jtai-mk-seed.json`;
  return (JSON.parse(readFileSync(file, "utf8")) as { actions: LabelledAction[] }).actions;
}

/** A health trust's training action, with its progress. */
function offered(action: string, progress = "") {
  return findingOf("guidance-mismatch", {
    section: "Health",
    organisation: "Westbrook Community Health NHS Trust",
    action,
    progress,
  });
}

describe("guidance-mismatch", () => {
  it("catches actions 26 and 27 of plan 001, and no other action of it", () => {
    const raised = findings(plan001(), { asOf: "2020-03-26", planAsOf: "2020-03-26" }).filter(
      (f) => f.kind === "guidance-mismatch",
    );
    expect(raised.map((f) => f.ref)).toEqual(["26", "27"]);
    expect(raised[0]?.question).toBe(
      "Level 1 and 2 training would not meet the needs of paediatric and A&E staff, whom the intercollegiate guidance places at level 3 or above. How will MKUHT ensure these staff are trained to level 3?",
    );
    expect(raised[0]?.reason).toContain(
      "“Review of safeguarding training undertaken to focus on Think Family, delivering Level 1 & 2",
    );
    expect(raised[0]?.reason).toContain("over and above core level 3");
    expect(raised[0]?.severity).toBe("high");
  });

  it("reads levels however they are written", () => {
    for (const action of [
      "CAMHS clinicians to attend the L1/L2 safeguarding update.",
      "Looked after children nurses to complete a levels 1-2 safeguarding refresher.",
      "Urgent care centre clinicians to complete level one and two safeguarding training.",
      "Health visitors to complete Level 2 safeguarding children e-learning.",
      "Deliver integrated adult and children safeguarding training to children's ward nurses.",
    ]) {
      expect(findingOf("guidance-mismatch", { action, progress: "" }), action).toBeDefined();
    }
  });

  it("knows named and designated professionals need levels 4 and 5", () => {
    expect(
      findingOf("guidance-mismatch", {
        action: "The Named Nurse to complete Level 3 safeguarding training.",
        progress: "",
      })?.question,
    ).toContain("at level 4 or above");
    expect(
      findingOf("guidance-mismatch", {
        action: "Named nurses to complete Level 4 safeguarding training.",
        progress: "",
      }),
    ).toBeUndefined();
  });

  it("is not raised for the right level, for non-clinical staff, or for levels that are not training", () => {
    for (const action of [
      "Level 3 safeguarding children training for all ED nurses and doctors.",
      "Reception and administrative staff in the Emergency Department to complete Level 2; all ED clinicians to complete Level 3.",
      "Urgent care centre receptionists to complete Level 2 safeguarding training.",
      "Additional safeguarding training for school nurses above level 3 on exploitation.",
      "Health visitors to use Level 2 of the continuum of need when stepping down cases.",
      "All frontline officers to complete level 2 vulnerability training.",
    ]) {
      expect(findingOf("guidance-mismatch", { action, progress: "" }), action).toBeUndefined();
    }
  });

  it("is not raised for not-applicable actions, and needs no dates", () => {
    const action = "Health visitors to complete Level 2 safeguarding children e-learning.";
    expect(findingOf("guidance-mismatch", { action, status: "not-applicable" })).toBeUndefined();
    expect(
      findingOf(
        "guidance-mismatch",
        { action, progress: "", due: null, dueText: "", lastUpdate: null },
        { planAsOf: null },
      ),
    ).toBeDefined();
    expect(findingOf("guidance-mismatch", { action, status: "completed-with-impact" })).toBeDefined();
  });

  it("follows the editable guidance file, not code", () => {
    const edited: RuleData = {
      ...DEFAULT_RULE_DATA,
      guidance: {
        ...DEFAULT_RULE_DATA.guidance,
        staffGroups: DEFAULT_RULE_DATA.guidance.staffGroups.map((g) =>
          g.id === "health-visitors" ? { ...g, minimumLevel: 2 } : g,
        ),
      },
    };
    const action = "Health visitors to complete Level 2 safeguarding children e-learning.";
    expect(findingOf("guidance-mismatch", { action }, { rules: edited })).toBeUndefined();
    expect(
      findingOf(
        "guidance-mismatch",
        { ...MKUHT, action: "Level 2 training for paediatric staff." },
        { rules: edited },
      ),
    ).toBeDefined();
  });

  it("reads an integrated adults-and-children session, course or module as the level 1–2 offer", () => {
    const action = (text: string) =>
      findingOf("guidance-mismatch", {
        section: "Mental Health Trust",
        organisation: "Westbrook Mental Health NHS Trust",
        action: text,
        progress: "",
      });
    expect(
      action("CAMHS clinicians to attend the joint adult and children safeguarding module."),
    ).toBeDefined();
    expect(action("ED nurses to complete the combined adults and children e-learning.")).toBeDefined();
    expect(action("CAMHS clinicians to attend Level 3 safeguarding children training.")).toBeUndefined();
  });

  it("reads whole-family updates, a children in care team's nurses and named professionals in short forms", () => {
    expect(
      offered("GPs: whole-family (adults & children) safeguarding update at the spring PLT."),
    ).toBeDefined();
    expect(
      offered("New nurses in the children in care health team to complete Level 2 e-learning."),
    ).toBeDefined();
    expect(offered("Named s/g professionals to attend a Level 3 update.")).toBeDefined();
    expect(offered("ED nurses to attend joint adults & children training.")).toBeDefined();
    expect(offered("GPs: whole-family Level 3 safeguarding update at the spring PLT.")).toBeUndefined();
    // The named nurse wrote the module; the adult clinicians it is for are at their level.
    expect(
      offered(
        "Adult community mental health clinicians to complete the Level 2 adult safeguarding refresher.",
        "Module written by the Named Nurse and added to the Level 2 refresher in November.",
      ),
    ).toBeUndefined();
  });

  it("reads 'Level 2 + a module' as level 2, 'Level 2+' as level 2 and above, and paramedics as urgent care", () => {
    expect(
      offered(
        "School nurses to complete Level 2 training.",
        "31 of 44 school nurses completed Level 2 + CCE module.",
      ),
    ).toBeDefined();
    expect(offered("School nurses to complete Level 2+ safeguarding training.")).toBeUndefined();
    expect(offered("Deliver a Level 2 safeguarding refresher to all frontline paramedics.")).toBeDefined();
  });

  it("does not read a named professional leading the training as its audience", () => {
    expect(
      offered(
        "Paediatric staff to have a Level 3 update; the Named Doctor to add a neglect prompt to the proforma.",
        "Level 3 updates: three sessions run in May.",
      ),
    ).toBeUndefined();
    expect(offered("Named nurses to attend a Level 3 update.", "Two sessions run in May.")).toBeDefined();
  });

  it("reads a Think Family day with no level as the integrated offer", () => {
    expect(
      offered("Think Family safeguarding day (adults & children together) for paediatric ward nurses."),
    ).toBeDefined();
    expect(offered("Level 3 Think Family training for paediatric ward nurses.")).toBeUndefined();
  });
});
