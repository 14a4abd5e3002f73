import { describe, expect, it } from "vitest";
import { defaultDirectory, mergeDirectories, resolveOrganisations } from "./organisations.js";

describe("mergeDirectories", () => {
  const own = {
    organisations: [
      { name: "Milton Keynes University Hospital NHS Foundation Trust", aliases: [] },
      { name: "Bucks Youth Service", aliases: ["BYS"] },
    ],
  };
  const merged = mergeDirectories(own, defaultDirectory());

  it("keeps the partnership's own names and adds the shipped aliases of organisations it knows", () => {
    expect(resolveOrganisations("Safeguarding lead MKUHT", merged)).toEqual([
      "Milton Keynes University Hospital NHS Foundation Trust",
    ]);
    expect(resolveOrganisations("Team leader, BYS", merged)).toEqual(["Bucks Youth Service"]);
  });

  it("still recognises shipped organisations the partnership has not stored yet", () => {
    expect(resolveOrganisations("TVP – DCI Matt Darnell", merged)).toEqual(["Thames Valley Police"]);
  });

  it("lists each organisation once", () => {
    const names = merged.organisations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n.startsWith("Milton Keynes University Hospital"))).toHaveLength(1);
  });
});
