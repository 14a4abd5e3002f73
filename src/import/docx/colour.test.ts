import { describe, expect, it } from "vitest";
import { hexColour, highlightColour, shadingColour, themeColour } from "./colour.js";

const theme = new Map([
  ["accent1", "4472C4"],
  ["accent2", "ED7D31"],
  ["accent6", "70AD47"],
  ["lt1", "FFFFFF"],
]);

const channels = (hex: string) => [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

describe("theme colours", () => {
  // The hex values Word caches beside themeFill for its standard "Lighter/Darker" swatches.
  const word: [string, string | undefined, string | undefined, string][] = [
    ["accent1", "33", undefined, "D9E2F3"],
    ["accent1", "66", undefined, "B4C6E7"],
    ["accent1", "99", undefined, "8EAADB"],
    ["accent1", undefined, "BF", "2F5496"],
    ["accent1", undefined, "80", "1F3864"],
    ["accent2", "33", undefined, "FBE4D5"],
    ["accent2", "99", undefined, "F4B083"],
    ["accent2", undefined, "BF", "C45911"],
    ["accent6", "66", undefined, "C5E0B3"],
    ["accent6", undefined, "BF", "538135"],
  ];

  it.each(word)("%s tint %s shade %s is within one unit of Word's %s", (name, tint, shade, expected) => {
    const got = themeColour(theme, name, tint, shade);
    expect(got).toMatch(/^[0-9A-F]{6}$/);
    const diffs = channels(got as string).map((c, i) => Math.abs(c - (channels(expected)[i] as number)));
    expect(Math.max(...diffs)).toBeLessThanOrEqual(1);
  });

  it("hits Word's values exactly for the common accent1 swatches", () => {
    expect(themeColour(theme, "accent1", "99", undefined)).toBe("8EAADB");
    expect(themeColour(theme, "accent1", undefined, "BF")).toBe("2F5496");
  });

  it("maps Word's names onto scheme slots and gives null for unknown ones", () => {
    expect(themeColour(theme, "background1", undefined, undefined)).toBe("FFFFFF");
    expect(themeColour(theme, "accent4", undefined, undefined)).toBeNull();
    expect(themeColour(theme, undefined, undefined, undefined)).toBeNull();
  });
});

describe("shading", () => {
  it("reads hex, auto and patterns", () => {
    expect(hexColour("ff0000")).toBe("FF0000");
    expect(hexColour("#00b050")).toBe("00B050");
    expect(hexColour("auto")).toBeNull();
    expect(shadingColour({ "w:val": "clear", "w:fill": "BDD6EE" }, theme)).toBe("BDD6EE");
    expect(shadingColour({ "w:val": "pct50", "w:color": "FF0000", "w:fill": "FFFFFF" }, theme)).toBe(
      "FF8080",
    );
    expect(shadingColour({ "w:val": "horzStripe", "w:color": "auto", "w:fill": "FFC000" }, theme)).toBe(
      "FFC000",
    );
    expect(shadingColour({ val: "clear", fill: "00B050" }, theme)).toBe("00B050");
  });

  it("reads highlight names", () => {
    expect(highlightColour("darkYellow")).toBe("808000");
    expect(highlightColour("white")).toBeNull();
    expect(highlightColour("none")).toBeNull();
  });
});
