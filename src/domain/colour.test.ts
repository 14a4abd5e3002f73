import { describe, expect, it } from "vitest";
import {
  applyTint,
  ciede2000,
  colourDistance,
  colourFamily,
  hexToLab,
  NEAR_THRESHOLD,
  nearest,
  normaliseHex,
} from "./colour.js";

describe("normaliseHex", () => {
  it.each([
    ["#ff0000", "FF0000"],
    ["FF0000", "FF0000"],
    ["ff0000", "FF0000"],
    ["FFFF0000", "FF0000"],
    ["00FFC000", "FFC000"],
    ["f00", "FF0000"],
    ["#F00", "FF0000"],
    [" 00b050 ", "00B050"],
    ["0x0070C0", "0070C0"],
  ])("%j → %s", (input, hex) => {
    expect(normaliseHex(input)).toBe(hex);
  });

  it.each(["auto", "", "#", "red", "GGGGGG", "FF00", "FF00000", "FF0000000", "12345"])(
    "%j → null",
    (input) => {
      expect(normaliseHex(input)).toBeNull();
    },
  );
});

/**
 * Channel by channel within two steps of 255: Office applications round HLS in their own integer steps
 * (Word shows DAE3F3 where Excel shows D9E1F2 for the same theme colour and tint).
 */
function expectCloseHex(actual: string, expected: string): void {
  const ch = (h: string) => [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  const a = ch(actual);
  const e = ch(expected);
  a.forEach((v, i) => {
    expect(Math.abs(v - (e[i] ?? 0)), `${actual} vs ${expected}`).toBeLessThanOrEqual(2);
  });
}

describe("applyTint (Office theme tints)", () => {
  it.each([
    // Excel's "Blue, Accent 1" (4472C4) column of the theme palette.
    ["4472C4", 0.7999816888943144, "D9E1F2"],
    ["4472C4", 0.5999938962981048, "B4C6E7"],
    ["4472C4", 0.3999755851924192, "8EA9DB"],
    ["4472C4", -0.249977111117893, "305496"],
    ["4472C4", -0.499984740745262, "203764"],
    // "White, Background 1" darker 5%, 15%, 25%, 35%, 50%.
    ["FFFFFF", -0.0499893185216834, "F2F2F2"],
    ["FFFFFF", -0.1499984740745262, "D9D9D9"],
    ["FFFFFF", -0.249977111117893, "BFBFBF"],
    ["FFFFFF", -0.3499862666707358, "A6A6A6"],
    ["FFFFFF", -0.499984740745262, "808080"],
    // "Black, Text 1" lighter 50%.
    ["000000", 0.499984740745262, "7F7F7F"],
    ["ED7D31", 0.7999816888943144, "FCE4D6"],
    ["70AD47", 0.5999938962981048, "C6E0B4"],
    ["FFC000", -0.249977111117893, "BF8F00"],
  ])("%s tint %d → %s", (hex, tint, expected) => {
    expectCloseHex(applyTint(hex, tint), expected);
  });

  it("leaves the colour as it is for tint 0, and normalises it", () => {
    expect(applyTint("#00b050", 0)).toBe("00B050");
  });
  it("goes to white and black at the extremes and clamps beyond", () => {
    expect(applyTint("00B050", 1)).toBe("FFFFFF");
    expect(applyTint("00B050", -1)).toBe("000000");
    expect(applyTint("00B050", 5)).toBe("FFFFFF");
  });
  it("keeps the hue while lightening", () => {
    expect(colourFamily(applyTint("00B050", 0.6))).toBe("green");
    expect(colourFamily(applyTint("FF0000", 0.6))).toBe("red");
  });
  it("returns an unreadable colour unchanged", () => {
    expect(applyTint("auto", 0.5)).toBe("auto");
  });
});

describe("ciede2000 (Sharma, Wu & Dalal 2005 test data)", () => {
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ] as [[number, number, number], [number, number, number], number][])("%j vs %j → %d", (a, b, d) => {
    expect(ciede2000(a, b)).toBeCloseTo(d, 4);
    expect(ciede2000(b, a)).toBeCloseTo(d, 4);
  });
});

describe("hexToLab", () => {
  it("gives the D65 white point for white and zero for black", () => {
    const [l, a, b] = hexToLab("FFFFFF");
    expect(l).toBeCloseTo(100, 2);
    expect(a).toBeCloseTo(0, 2);
    expect(b).toBeCloseTo(0, 2);
    expect(hexToLab("000000")[0]).toBeCloseTo(0, 5);
  });
  it("matches published sRGB red", () => {
    const [l, a, b] = hexToLab("FF0000");
    expect(l).toBeCloseTo(53.24, 1);
    expect(a).toBeCloseTo(80.09, 1);
    expect(b).toBeCloseTo(67.2, 1);
  });
});

describe("colourDistance and NEAR_THRESHOLD", () => {
  it("is zero for the same colour written differently", () => {
    expect(colourDistance("#ff0000", "FFFF0000")).toBe(0);
  });
  it("throws for an unreadable colour", () => {
    expect(() => colourDistance("auto", "FF0000")).toThrow(RangeError);
  });
  it.each([
    ["FF0000", "C00000"],
    ["FFC000", "FFFF00"],
    ["00B050", "92D050"],
    ["0070C0", "00B0F0"],
  ])("%s is near %s", (a, b) => {
    expect(colourDistance(a, b)).toBeLessThan(NEAR_THRESHOLD);
  });
  it.each([
    ["FF0000", "FFC000"],
    ["00B050", "0070C0"],
    ["FFC000", "92D050"],
    ["7030A0", "0070C0"],
    ["FF0000", "00B050"],
  ])("%s is not near %s", (a, b) => {
    expect(colourDistance(a, b)).toBeGreaterThan(NEAR_THRESHOLD);
  });
});

describe("nearest", () => {
  const key = ["FF0000", "FFC000", "00B050", "0070C0"];
  it.each([
    ["C00000", 0],
    ["FF0000", 0],
    ["FFFF00", 1],
    ["92D050", 2],
    ["00B0F0", 3],
  ])("%s → index %d", (hex, index) => {
    expect(nearest(hex, key)?.index).toBe(index);
  });
  it("gives distance 0 for an exact match", () => {
    expect(nearest("00b050", key)).toEqual({ index: 2, distance: 0 });
  });
  it("skips unreadable candidates but keeps their index positions", () => {
    expect(nearest("0070C0", ["auto", "0070C0"])).toEqual({ index: 1, distance: 0 });
  });
  it("is null with no candidates or an unreadable colour", () => {
    expect(nearest("FF0000", [])).toBeNull();
    expect(nearest("FF0000", ["auto"])).toBeNull();
    expect(nearest("auto", key)).toBeNull();
  });
});

describe("colourFamily", () => {
  it.each([
    ["FF0000", "red"],
    ["C00000", "red"],
    ["FFC7CE", "red"],
    ["FFC000", "amber"],
    ["ED7D31", "amber"],
    ["E26B0A", "amber"],
    ["FFEB9C", "amber"],
    ["FFFF00", "yellow"],
    ["00B050", "green"],
    ["92D050", "green"],
    ["C6EFCE", "green"],
    ["006100", "green"],
    ["0070C0", "blue"],
    ["00B0F0", "blue"],
    ["BDD6EE", "blue"],
    ["002060", "blue"],
    ["7030A0", "purple"],
    ["FF00FF", "purple"],
    ["D9D9D9", "grey"],
    ["808080", "grey"],
    ["E7E6E6", "grey"],
    ["FFFFFF", "white"],
    ["F2F2F2", "white"],
    ["000000", "black"],
    ["0D0D0D", "black"],
    ["5C3D14", "other"],
    ["auto", "other"],
  ])("%s → %s", (hex, family) => {
    expect(colourFamily(hex)).toBe(family);
  });
});
