import { describe, expect, it } from "vitest";
import { dayNumber, describeDays } from "./days.js";
import { inflect, phraseRegex, termRegex } from "./lexicon.js";

describe("inflect", () => {
  it.each([
    ["deliver", "delivers", "delivered", "delivering"],
    ["introduce", "introduces", "introduced", "introducing"],
    ["plan", "plans", "planned", "planning"],
    ["identify", "identifies", "identified", "identifying"],
    ["address", "addresses", "addressed", "addressing"],
    ["roll out", "rolls out", "rolled out", "rolling out"],
    ["audit", "audits", "audited", "auditing"],
  ])("%s", (base, s, past, ing) => {
    const f = inflect(base);
    expect([f.s, f.past, f.ing]).toEqual([s, past, ing]);
  });

  it("takes irregular forms as written", () => {
    expect(inflect("hold|held|held")).toMatchObject({
      base: "hold",
      past: "held",
      pp: "held",
      ing: "holding",
    });
  });
});

describe("phrase expressions", () => {
  it("match whole words, any case, with flexible spaces, hyphens and apostrophes", () => {
    const re = phraseRegex(["roll out", "co-ordinate", "children's services", "A&E"]);
    expect(re.test("Rolled out? no: Roll  out the plan")).toBe(true);
    expect(re.test("coordinate")).toBe(true);
    expect(re.test("Children’s Services")).toBe(true);
    expect(re.test("an A&E attendance")).toBe(true);
    expect(re.test("enrol outcomes")).toBe(false);
  });

  it("match abbreviations only as written", () => {
    const re = termRegex(["ED", "LAC nurses", "health visitors"]);
    expect("trained ED staff".match(re)).toEqual(["ED"]);
    expect("we trained them".match(re)).toBeNull();
    expect("LAC Nurses and Health Visitors".match(re)).toEqual(["LAC Nurses", "Health Visitors"]);
    expect("lac nurses".match(re)).toBeNull();
  });
});

describe("days", () => {
  it("counts days across months and leap years", () => {
    expect((dayNumber("2021-03-31") ?? 0) - (dayNumber("2020-12-31") ?? 0)).toBe(90);
    expect((dayNumber("2020-03-01") ?? 0) - (dayNumber("2020-02-28") ?? 0)).toBe(2);
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2020-13-01")).toBeNull();
    expect(dayNumber(null)).toBeNull();
    expect(dayNumber("2021-03-02T10:00:00Z")).toBe(dayNumber("2021-03-02"));
  });

  it("describes gaps in days and months", () => {
    expect(describeDays(1)).toBe("1 day");
    expect(describeDays(45)).toBe("45 days");
    expect(describeDays(333)).toBe("333 days (about 11 months)");
    expect(describeDays(800)).toBe("800 days (about 2 years 2 months)");
  });
});
