import { describe, expect, it } from "vitest";
import { formatGeneral, formatNumber } from "./number-format.js";

describe("formatGeneral", () => {
  it("writes integers without a decimal point", () => {
    expect(formatGeneral(27)).toBe("27");
    expect(formatGeneral(-3)).toBe("-3");
    expect(formatGeneral(43921)).toBe("43921");
  });

  it("drops binary noise beyond 15 significant digits", () => {
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
    expect(formatGeneral(7.12)).toBe("7.12");
  });

  it("uses E notation for the tiny and the huge", () => {
    expect(formatGeneral(1.5e-12)).toBe("1.5E-12");
    expect(formatGeneral(2.5e20)).toBe("2.5E+20");
  });
});

describe("formatNumber", () => {
  it("uses General for no format, General and the text format", () => {
    expect(formatNumber(7.1, undefined)).toBe("7.1");
    expect(formatNumber(7.1, "General")).toBe("7.1");
    expect(formatNumber(43900, "@")).toBe("43900");
  });

  it("pads fixed decimals, so a ref of 7.10 keeps its zero", () => {
    expect(formatNumber(7.1, "0.00")).toBe("7.10");
    expect(formatNumber(3, "0")).toBe("3");
    expect(formatNumber(2.456, "0.0")).toBe("2.5");
  });

  it("groups thousands and shows currency literals", () => {
    expect(formatNumber(1234567.891, "#,##0.00")).toBe("1,234,567.89");
    expect(formatNumber(1500, '"£"#,##0')).toBe("£1,500");
    expect(formatNumber(1500, "[$£-809]#,##0.00")).toBe("£1,500.00");
  });

  it("shows percentages", () => {
    expect(formatNumber(0.5, "0%")).toBe("50%");
    expect(formatNumber(0.125, "0.0%")).toBe("12.5%");
  });

  it("uses the negative and zero sections", () => {
    expect(formatNumber(-5, "0.00;(0.00)")).toBe("(5.00)");
    expect(formatNumber(-5, "0.00")).toBe("-5.00");
    expect(formatNumber(-5, "#,##0;[Red]-#,##0")).toBe("-5");
    expect(formatNumber(0, '0;-0;"-"')).toBe("-");
  });

  it("falls back to General for formats it does not render", () => {
    expect(formatNumber(0.75, "# ?/?")).toBe("0.75");
    expect(formatNumber(12345, "0.00E+00")).toBe("12345");
    expect(formatNumber(5, "[>100]0;0.0")).toBe("5");
  });
});
