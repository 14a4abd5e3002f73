import { describe, expect, it } from "vitest";
import { guardFormula, unguardFormula } from "./formula-guard.js";

describe("formula injection guard", () => {
  it.each([
    ['=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["- list item", "'- list item"],
    ["'=already quoted", "''=already quoted"],
  ])("guards %j", (input, guarded) => {
    expect(guardFormula(input)).toBe(guarded);
    expect(unguardFormula(guarded)).toBe(input);
  });

  it.each(["Plain text", "", "'quoted speech'", "£30,000 secured", "1. numbered"])(
    "leaves %j alone",
    (text) => {
      expect(guardFormula(text)).toBe(text);
      expect(unguardFormula(text)).toBe(text);
    },
  );
});
