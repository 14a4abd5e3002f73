import { describe, expect, it } from "vitest";
import { compileRules } from "./compile.js";
import { DEFAULT_RULE_DATA } from "./data.js";
import { acronymVariants, findBodies, isSelf, ownerOf, themeSections } from "./owner.js";
import { cleanAction } from "./testing.js";

const rules = compileRules(DEFAULT_RULE_DATA);

describe("owners and bodies", () => {
  it("knows the usual abbreviations of a name", () => {
    expect(acronymVariants("Leicestershire Partnership NHS Trust")).toContain("LPT");
    expect(acronymVariants("Milton Keynes University Hospital NHS Foundation Trust")).toEqual(
      expect.arrayContaining(["MKUHFT", "MKUHT"]),
    );
    expect(acronymVariants("Midlands Partnership NHS Foundation Trust")).toEqual(
      expect.arrayContaining(["MPFT", "MPT"]),
    );
    expect(acronymVariants("NHS Northshire Integrated Care Board")).toContain("ICB");
  });

  it("gives a short name for questions", () => {
    expect(ownerOf(cleanAction({ section: "Leicestershire Partnership NHS Trust (LPT)" }), rules).short).toBe(
      "LPT",
    );
    expect(
      ownerOf(cleanAction({ section: "Leicester City Clinical Commissioning Group (CCG)" }), rules).short,
    ).toBe("the CCG");
    expect(ownerOf(cleanAction({ section: "MKUHT" }), rules).short).toBe("MKUHT");
    expect(
      ownerOf(cleanAction({ section: "Thames Valley Police", organisation: "Thames Valley Police" }), rules)
        .short,
    ).toBe("Thames Valley Police");
    expect(ownerOf(cleanAction({ section: "Multi-agency", organisation: null, lead: "" }), rules).short).toBe(
      "the agency",
    );
  });

  it("finds bodies in text", () => {
    const text =
      "This is the responsibility of NHS Digital and the local authority; Children's Services and commissioners agree.";
    expect(findBodies(text, rules).map((b) => b.text)).toEqual([
      "NHS Digital",
      "local authority",
      "Children's Services",
      "commissioners",
    ]);
    expect(findBodies("Review of CP-IS and LAC health", rules).map((b) => b.text)).toEqual(["health"]);
    expect(findBodies("It has to be started by the ICB.", rules).map((b) => b.text)).toEqual(["ICB"]);
    expect(findBodies("Sent to NHS England.", rules).map((b) => b.text)).toEqual(["NHS England"]);
  });

  it("does not take an academy trust for an NHS trust", () => {
    const academy = ownerOf(
      cleanAction({ section: "Education", organisation: "Westbrook Academy Trust" }),
      rules,
    );
    const hospitals = ownerOf(cleanAction({ section: "Acute", organisation: "Westbrook NHS Trust" }), rules);
    expect(isSelf("hospital", academy, rules)).toBe(false);
    expect(isSelf("hospital", hospitals, rules)).toBe(true);
  });

  it("tells the owner from other bodies", () => {
    const lpt = ownerOf(
      cleanAction({
        section: "Leicestershire Partnership NHS Trust (LPT)",
        organisation: "Leicestershire Partnership NHS Trust",
      }),
      rules,
    );
    expect(isSelf("LPT", lpt, rules)).toBe(true);
    expect(isSelf("the Trust", lpt, rules)).toBe(true);
    expect(isSelf("we", lpt, rules)).toBe(true);
    expect(isSelf("CCG", lpt, rules)).toBe(false);
    expect(isSelf("NHS England", lpt, rules)).toBe(false);
    const ccg = ownerOf(
      cleanAction({ section: "NHS Northshire ICB", organisation: "NHS Northshire Integrated Care Board" }),
      rules,
    );
    expect(isSelf("commissioners", ccg, rules)).toBe(true);
    expect(isSelf("Public Health", ccg, rules)).toBe(false);
    const council = ownerOf(
      cleanAction({ section: "Children's Social Care", organisation: "Northshire County Council" }),
      rules,
    );
    expect(isSelf("the local authority", council, rules)).toBe(true);
    expect(isSelf("Milltown Borough Council", council, rules)).toBe(false);
  });

  it("takes a section as the agency's name only where it is not a theme several agencies share", () => {
    const theme = "2. Handing over from youth to adult services";
    const actions = [
      cleanAction({ section: theme, organisation: "Eastvale Council", ref: "2.1" }),
      cleanAction({ section: theme, organisation: "Eastvale Probation Delivery Unit", ref: "2.2" }),
      cleanAction({
        section: "Eastvale ICB",
        organisation: "NHS Eastvale Integrated Care Board",
        ref: "3.1",
      }),
      cleanAction({
        section: "Eastvale ICB",
        organisation: "NHS Eastvale Integrated Care Board",
        ref: "3.2",
      }),
      cleanAction({ section: "No organisation", organisation: null, ref: "4.1" }),
      cleanAction({ section: "No organisation", organisation: "Eastvale Council", ref: "4.2" }),
    ];
    expect([...themeSections(actions)]).toEqual([theme]);
    const asAgency = ownerOf(actions[0] as ReturnType<typeof cleanAction>, rules, false);
    const asTheme = ownerOf(actions[0] as ReturnType<typeof cleanAction>, rules, true);
    expect(isSelf("adult services", asAgency, rules)).toBe(true);
    expect(isSelf("adult services", asTheme, rules)).toBe(false);
    expect(isSelf("Eastvale Council", asTheme, rules)).toBe(true);
    // With no organisation, the section is all there is to name the owner.
    const unnamed = ownerOf(cleanAction({ section: theme, organisation: null }), rules, true);
    expect(isSelf("adult services", unnamed, rules)).toBe(true);
  });
});
