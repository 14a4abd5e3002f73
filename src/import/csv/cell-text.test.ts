import { describe, expect, it } from "vitest";
import { capCellText, normaliseCellText } from "./cell-text.js";

describe("normaliseCellText", () => {
  it("turns CR, CRLF and Unicode line separators into \\n and trims", () => {
    expect(normaliseCellText("  a\r\nb\rc\u2028d\u000Be  ")).toBe("a\nb\nc\nd\ne");
  });

  it("writes typed bullets as '- ' lines and leaves numbering alone", () => {
    expect(normaliseCellText("Intro:\n• CFP\n·  CWD\n▪ MASH\n- FAST\n\uF0B7\tWord paste\n1. First")).toBe(
      "Intro:\n- CFP\n- CWD\n- MASH\n- FAST\n- Word paste\n1. First",
    );
  });

  it("does not take a minus sign or a lone dash for a bullet", () => {
    expect(normaliseCellText("-5 days\n-")).toBe("-5 days\n-");
    expect(normaliseCellText("TVP – DCI Matt Darnell")).toBe("TVP – DCI Matt Darnell");
  });

  it("keeps one blank line between paragraphs, none at the ends", () => {
    expect(normaliseCellText("\n\nOne\n\n\n\nTwo\n \n")).toBe("One\n\nTwo");
  });

  it("drops control characters that cannot be text but keeps every printable character", () => {
    expect(normaliseCellText("£5 – café ‘quoted’ “double”\u0000\u001F")).toBe("£5 – café ‘quoted’ “double”");
  });
});

describe("capCellText", () => {
  it("leaves short text alone", () => {
    expect(capCellText("abc", 3)).toEqual({ text: "abc" });
  });

  it("cuts long text and reports the original length in characters", () => {
    expect(capCellText("abcdef", 4)).toEqual({ text: "abcd", cutFrom: 6 });
  });

  it("counts a character outside the BMP once and never splits it", () => {
    const s = "😀😀😀";
    expect(capCellText(s, 3)).toEqual({ text: s });
    expect(capCellText(s, 2)).toEqual({ text: "😀😀", cutFrom: 3 });
  });
});
