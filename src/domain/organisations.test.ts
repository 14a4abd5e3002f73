import { describe, expect, it } from "vitest";
import defaultData from "./data/organisations.default.json" with { type: "json" };
import type { OrganisationDirectory } from "./organisation.js";
import { canonicalOrganisation, defaultDirectory, resolveOrganisations } from "./organisations.js";

const dir = defaultDirectory();
const MKC = "Milton Keynes Council";
const CNWL = "Central and North West London NHS Foundation Trust";
const CCG = "NHS Milton Keynes Clinical Commissioning Group";
const TVP = "Thames Valley Police";
const MKUH = "Milton Keynes University Hospital NHS Foundation Trust";
const MKT = "MK Together";

describe("the default directory file", () => {
  it("has the documented shape", () => {
    expect(defaultData.version).toBe(1);
    for (const o of defaultData.organisations) {
      expect(typeof o.name).toBe("string");
      expect(Array.isArray(o.aliases)).toBe(true);
    }
  });

  it("gives every alias to one organisation only", () => {
    const owner = new Map<string, string>();
    for (const o of dir.organisations) {
      for (const a of [o.name, ...o.aliases]) {
        const k = a.toLowerCase();
        expect(owner.get(k) ?? o.name, `${a} is claimed twice`).toBe(o.name);
        owner.set(k, o.name);
      }
    }
  });

  it("resolves every name and alias to its own organisation", () => {
    for (const o of dir.organisations) {
      for (const a of [o.name, ...o.aliases]) {
        expect(resolveOrganisations(a, dir), a).toEqual([o.name]);
        expect(canonicalOrganisation(a, dir), a).toBe(o.name);
      }
    }
  });

  it("returns a fresh copy each time", () => {
    const a = defaultDirectory();
    a.organisations[0]?.aliases.push("Something");
    expect(defaultDirectory().organisations[0]?.aliases).not.toContain("Something");
  });
});

describe("resolveOrganisations: leads and sections of plan 001", () => {
  it.each([
    ["Jo Hooper MKC", [MKC]],
    ["Melinda May MKC", [MKC]],
    ["TVP – DCI Matt Darnell", [TVP]],
    ["TVP - Chief Inspector James Hahn", [TVP]],
    ["Safeguarding lead MKUHT", [MKUH]],
    ["Mac Heath MKC Hannah Pugliese, CCG", [MKC, CCG]],
    ["Jane Hannon, CNWL Hannah Pugliese CCG", [CNWL, CCG]],
    ["Jane Hannon, CNWL\nTVP", [CNWL, TVP]],
    ["Public Health / CNWL", [MKC, CNWL]],
    ["Children's Social Care", [MKC]],
    ["Children’s Social Care", [MKC]],
    ["Childrens Social Care", [MKC]],
    ["Clinical Commissioning Group (CCG)", [CCG]],
    ["Thames Valley Police", [TVP]],
    ["Youth Offending Team", [MKC]],
    ["MKUHT", [MKUH]],
    ["MKUHFT", [MKUH]],
    ["Milton Keynes University Hospital", [MKUH]],
    ["Milton Keynes University Hospital NHS Foundation Trust", [MKUH]],
    ["MK University Hospital Foundation Trust", [MKUH]],
    ["MK Together", [MKT]],
    ["MK Together Partnership", [MKT]],
    ["Multi-agency / System areas", []],
    ["MH JTAI T&F Group", []],
    ["Review Board", []],
    ["Jonathan Eastwood", []],
    ["Gavin Sandmann", []],
    ["", []],
  ])("%j → %j", (text, orgs) => {
    expect(resolveOrganisations(text, dir)).toEqual(orgs);
  });
});

describe("resolveOrganisations: other names of seeds 000–004", () => {
  it.each([
    ["Central & North West London Trust", [CNWL]],
    ["Central and North West London Foundation", [CNWL]],
    ["BLMK Integrated Care Board", [CCG]],
    ["Chief Nurse, BLMK ICB", [CCG]],
    ["Bedfordshire, Luton & Milton Keynes Integrated Care Board", [CCG]],
    ["MKCC Director of Public Health", [MKC]],
    ["Milton Keynes City Council", [MKC]],
    ["Bucks Fire & Rescue Service", ["Buckinghamshire Fire and Rescue Service"]],
    ["Buckinghamshire Fire and Rescue Service", ["Buckinghamshire Fire and Rescue Service"]],
    ["SCAS", ["South Central Ambulance Service NHS Foundation Trust"]],
    [
      "Anthony Stansfield, Police and Crime Commissioner, Thames Valley",
      ["Office of the Police and Crime Commissioner for Thames Valley"],
    ],
    [
      "Thames Valley Police and Crime Commissioner",
      ["Office of the Police and Crime Commissioner for Thames Valley"],
    ],
    [
      "Leicester City Clinical Commissioning Group (CCG)",
      ["NHS Leicester City Clinical Commissioning Group"],
    ],
    ["Leicestershire Partnership NHS Trust (LPT)", ["Leicestershire Partnership NHS Trust"]],
    ["Leicestershire Partnership Trust", ["Leicestershire Partnership NHS Trust"]],
    ["Midlands Partnership NHS Foundation Trust (MPT)", ["Midlands Partnership NHS Foundation Trust"]],
    ["Midlands Partnership", ["Midlands Partnership NHS Foundation Trust"]],
    ["University Hospitals Leicester (UHL)", ["University Hospitals of Leicester NHS Trust"]],
    ["Turning Point", ["Turning Point"]],
    ["Care Quality Commission", ["Care Quality Commission"]],
    [
      "Ofsted, HMI Probation (HMIP), the Care Quality Commission (CQC) and HMI Constabulary and Fire & Rescue Services (HMICFRS)",
      [
        "Ofsted",
        "HM Inspectorate of Probation",
        "Care Quality Commission",
        "HM Inspectorate of Constabulary and Fire & Rescue Services",
      ],
    ],
    ["£30,000 from NHS England (Health & Justice)", ["NHS England"]],
    ["OFSTED", ["Ofsted"]],
  ])("%j → %j", (text, orgs) => {
    expect(resolveOrganisations(text, dir)).toEqual(orgs);
  });

  it("prefers the longest alias where aliases overlap", () => {
    // "Leicester City CCG" is not the MK CCG, though it ends in "CCG".
    expect(resolveOrganisations("Leicester City CCG", dir)).toEqual([
      "NHS Leicester City Clinical Commissioning Group",
    ]);
    // Ofsted's full name contains "Children's Services", an alias of the council.
    expect(
      resolveOrganisations("Office for Standards in Education, Children's Services and Skills", dir),
    ).toEqual(["Ofsted"]);
  });
});

describe("resolveOrganisations: matching rules", () => {
  it("keeps order of first appearance without duplicates", () => {
    expect(resolveOrganisations("CCG and TVP, then the CCG again and MKC", dir)).toEqual([CCG, TVP, MKC]);
    expect(resolveOrganisations("MKUHT / MKUHFT / Milton Keynes University Hospital", dir)).toEqual([MKUH]);
  });

  it("matches short capital abbreviations only in capitals and only as whole words", () => {
    expect(resolveOrganisations("tvp", dir)).toEqual([]);
    expect(resolveOrganisations("Tvp", dir)).toEqual([]);
    expect(resolveOrganisations("tvpackage", dir)).toEqual([]);
    expect(resolveOrganisations("TVPackage", dir)).toEqual([]);
    expect(resolveOrganisations("CSCS card holders", dir)).toEqual([]);
    expect(resolveOrganisations("csc", dir)).toEqual([]);
    expect(resolveOrganisations("MKCS", dir)).toEqual([]);
    expect(resolveOrganisations("ccg", dir)).toEqual([]);
    expect(resolveOrganisations("LPTs", dir)).toEqual([]);
    expect(resolveOrganisations("(TVP)", dir)).toEqual([TVP]);
    expect(resolveOrganisations("TVP/MKC", dir)).toEqual([TVP, MKC]);
    expect(resolveOrganisations("TVP-led", dir)).toEqual([TVP]);
  });

  it("reads a possessive as the name", () => {
    expect(resolveOrganisations("TVP's custody suite", dir)).toEqual([TVP]);
    expect(resolveOrganisations("the CCG’s designated nurse", dir)).toEqual([CCG]);
    expect(resolveOrganisations("Thames Valley Police's call takers", dir)).toEqual([TVP]);
  });

  it("matches names in any case", () => {
    expect(resolveOrganisations("THAMES VALLEY POLICE", dir)).toEqual([TVP]);
    expect(resolveOrganisations("thames valley police", dir)).toEqual([TVP]);
    expect(resolveOrganisations("youth offending team", dir)).toEqual([MKC]);
  });

  it("does not match part of a name or a word", () => {
    expect(resolveOrganisations("Thames Valley", dir)).toEqual([]);
    expect(resolveOrganisations("Milton Keynes", dir)).toEqual([]);
    expect(resolveOrganisations("Police", dir)).toEqual([]);
    expect(resolveOrganisations("Healthwatchers", dir)).toEqual([]);
    expect(resolveOrganisations("Turning Pointless", dir)).toEqual([]);
  });

  it("works with any directory, and aliases of one letter case", () => {
    const custom: OrganisationDirectory = {
      organisations: [
        { name: "Leicester City Council", aliases: ["LCC", "Leicester City Council Children's Services"] },
        { name: "Leicestershire Police", aliases: ["Leics Police"] },
      ],
    };
    expect(resolveOrganisations("LCC and Leics Police", custom)).toEqual([
      "Leicester City Council",
      "Leicestershire Police",
    ]);
    expect(resolveOrganisations("Jo Hooper MKC", custom)).toEqual([]);
    expect(resolveOrganisations("anything", { organisations: [] })).toEqual([]);
  });
});

describe("canonicalOrganisation", () => {
  it.each([
    ["MKC", MKC],
    ["mkc", MKC],
    ["Milton Keynes Council", MKC],
    ["milton keynes council.", MKC],
    ["Children’s Social Care", MKC],
    ["MKUHT", MKUH],
    ["MKUHFT", MKUH],
    ["Milton Keynes University Hospital", MKUH],
    ["Milton Keynes University Hospital NHS Foundation Trust", MKUH],
    ["Milton Keynes University Hospital Foundation Trust", MKUH],
    ["Milton Keynes University Hospital NHS Trust", MKUH],
    ["The Milton Keynes Council", MKC],
    ["Central & North West London NHS Foundation Trust", CNWL],
    ["Central and North West London", CNWL],
    ["Thames  Valley  Police", TVP],
    ["NHS Milton Keynes CCG", CCG],
    ["Leicestershire Partnership Trust", "Leicestershire Partnership NHS Trust"],
  ])("%j → %s", (name, org) => {
    expect(canonicalOrganisation(name, dir)).toBe(org);
  });

  it.each(["", "NHS", "Trust", "Jo Hooper MKC", "TVP – DCI Matt Darnell", "Milton Keynes", "Police", "MKCS"])(
    "%j → null",
    (name) => {
      expect(canonicalOrganisation(name, dir)).toBeNull();
    },
  );
});

describe("resolveOrganisations: bracketed abbreviations", () => {
  it("does not count an abbreviation that restates the name before it", () => {
    expect(resolveOrganisations("Leicester City Clinical Commissioning Group (CCG)", dir)).toEqual([
      "NHS Leicester City Clinical Commissioning Group",
    ]);
    expect(resolveOrganisations("Leicester City CCG ( CCG ) and TVP", dir)).toEqual([
      "NHS Leicester City Clinical Commissioning Group",
      TVP,
    ]);
  });
  it("counts a bracketed name that is not straight after another, or has words in between", () => {
    expect(resolveOrganisations("Joint review (CCG)", dir)).toEqual([CCG]);
    expect(resolveOrganisations("Leicester City CCG (with the CCG)", dir)).toEqual([
      "NHS Leicester City Clinical Commissioning Group",
      CCG,
    ]);
    expect(resolveOrganisations("Leicester City CCG, CCG", dir)).toEqual([
      "NHS Leicester City Clinical Commissioning Group",
      CCG,
    ]);
  });
});
