import { describe, expect, it } from "vitest";
import {
  applyTint,
  type ColourSources,
  DEFAULT_INDEXED_PALETTE,
  OFFICE_THEME,
  parseIndexedPalette,
  parseThemeColours,
  resolveColour,
} from "./colours.js";

/** Largest per-channel difference between two hex colours. */
function channelGap(a: string, b: string): number {
  let gap = 0;
  for (let i = 0; i < 6; i += 2) {
    gap = Math.max(
      gap,
      Math.abs(Number.parseInt(a.slice(i, i + 2), 16) - Number.parseInt(b.slice(i, i + 2), 16)),
    );
  }
  return gap;
}

const THEME_XML = `<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<a:themeElements><a:clrScheme name="Test">
<a:dk1><a:sysClr val="windowText" lastClr="101010"/></a:dk1>
<a:lt1><a:sysClr val="window" lastClr="FAFAFA"/></a:lt1>
<a:dk2><a:srgbClr val="202020"/></a:dk2>
<a:lt2><a:srgbClr val="E0E0E0"/></a:lt2>
<a:accent1><a:srgbClr val="4472c4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2>
<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>
<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>
<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>
</a:clrScheme></a:themeElements></a:theme>`;

describe("parseThemeColours", () => {
  it("returns colours in SpreadsheetML index order, light and dark swapped from the XML", () => {
    expect(parseThemeColours(THEME_XML)).toEqual([
      "FAFAFA",
      "101010",
      "E0E0E0",
      "202020",
      "4472C4",
      "ED7D31",
      "A5A5A5",
      "FFC000",
      "5B9BD5",
      "70AD47",
      "0563C1",
      "954F72",
    ]);
  });

  it("returns null when there is no colour scheme", () => {
    expect(parseThemeColours("<a:theme/>")).toBeNull();
  });
});

describe("parseIndexedPalette", () => {
  it("reads a custom palette from styles.xml", () => {
    const xml =
      '<styleSheet><colors><indexedColors><rgbColor rgb="FF112233"/><rgbColor rgb="00445566"/></indexedColors></colors></styleSheet>';
    expect(parseIndexedPalette(xml)).toEqual(["112233", "445566"]);
  });

  it("returns null without one", () => {
    expect(parseIndexedPalette("<styleSheet/>")).toBeNull();
  });
});

describe("applyTint", () => {
  it("leaves a colour alone at tint 0 and reaches black and white at the ends", () => {
    expect(applyTint("4472C4", 0)).toBe("4472C4");
    expect(applyTint("4472C4", -1)).toBe("000000");
    expect(applyTint("4472C4", 1)).toBe("FFFFFF");
  });

  it("gives Excel's greys for the standard shade steps of white and black", () => {
    expect(applyTint("FFFFFF", -0.0499893185216834)).toBe("F2F2F2");
    expect(applyTint("FFFFFF", -0.1499984740745262)).toBe("D9D9D9");
    expect(applyTint("FFFFFF", -0.249977111117893)).toBe("BFBFBF");
    expect(applyTint("FFFFFF", -0.3499862666707358)).toBe("A6A6A6");
    expect(applyTint("000000", 0.249977111117893)).toBe("404040");
  });

  it("lands within a shade or two of the colours Excel shows for accent tints", () => {
    const excel: [string, number, string][] = [
      ["4472C4", 0.7999816888943144, "D9E1F2"],
      ["4472C4", 0.3999755851924192, "8EA9DB"],
      ["4472C4", -0.249977111117893, "305496"],
      ["ED7D31", 0.5999938962981048, "F8CBAD"],
      ["FFC000", 0.7999816888943144, "FFF2CC"],
      ["FFC000", -0.249977111117893, "BF8F00"],
      ["70AD47", 0.3999755851924192, "A9D08E"],
      ["70AD47", -0.499984740745262, "375623"],
    ];
    for (const [base, tint, shown] of excel) {
      expect(channelGap(applyTint(base, tint), shown), `${base} ${tint}`).toBeLessThanOrEqual(2);
    }
  });
});

describe("resolveColour", () => {
  const theme = parseThemeColours(THEME_XML) ?? OFFICE_THEME;
  const sources: ColourSources = { theme: () => theme, indexed: () => DEFAULT_INDEXED_PALETTE };

  it("drops the alpha byte of ARGB, whatever it is", () => {
    expect(resolveColour({ argb: "FFFF0000" }, sources)).toBe("FF0000");
    expect(resolveColour({ argb: "0000b050" }, sources)).toBe("00B050");
    expect(resolveColour({ argb: "not a colour" }, sources)).toBeNull();
  });

  it("resolves theme indexes through the scheme, with tint", () => {
    expect(resolveColour({ theme: 0 }, sources)).toBe("FAFAFA");
    expect(resolveColour({ theme: 1 }, sources)).toBe("101010");
    expect(resolveColour({ theme: 7 }, sources)).toBe("FFC000");
    expect(resolveColour({ theme: 0, tint: -0.5 }, sources)).toBe(applyTint("FAFAFA", -0.5));
  });

  it("resolves indexed colours through the legacy palette", () => {
    expect(resolveColour({ indexed: 10 }, sources)).toBe("FF0000");
    expect(resolveColour({ indexed: 17 }, sources)).toBe("008000");
    expect(resolveColour({ indexed: 51 }, sources)).toBe("FFCC00");
    expect(resolveColour({ indexed: 64 }, sources)).toBe("000000");
    expect(resolveColour({ indexed: 200 }, sources)).toBeNull();
  });

  it("has no colour for auto or nothing", () => {
    expect(resolveColour({ auto: true }, sources)).toBeNull();
    expect(resolveColour(undefined, sources)).toBeNull();
  });

  it("reads theme and palette only when asked", () => {
    let asked = 0;
    const lazy: ColourSources = {
      theme: () => {
        asked++;
        return theme;
      },
      indexed: () => {
        asked++;
        return DEFAULT_INDEXED_PALETTE;
      },
    };
    resolveColour({ argb: "FF00FF00" }, lazy);
    expect(asked).toBe(0);
  });
});
