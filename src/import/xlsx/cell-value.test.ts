import { describe, expect, it } from "vitest";
import { cellContent } from "./cell-value.js";

describe("cellContent", () => {
  it("reads plain values", () => {
    expect(cellContent(null, undefined)).toEqual({ text: "" });
    expect(cellContent("Jo Hooper", undefined)).toEqual({ text: "Jo Hooper" });
    expect(cellContent(12, "General")).toEqual({ text: "12", number: 12 });
    expect(cellContent(true, undefined)).toEqual({ text: "TRUE" });
    expect(cellContent({ error: "#N/A" }, undefined)).toEqual({ text: "#N/A" });
  });

  it("reads dates from their UTC parts as dd/mm/yyyy", () => {
    expect(cellContent(new Date(Date.UTC(2020, 1, 29)), "dd/mm/yyyy")).toEqual({
      text: "29/02/2020",
      date: "2020-02-29",
    });
    expect(cellContent(new Date(Date.UTC(2020, 2, 31, 23, 30)), "mm-dd-yy")).toMatchObject({
      date: "2020-03-31",
    });
  });

  it("shows a time-only value as a time, not as a date in 1899", () => {
    expect(cellContent(new Date(Date.UTC(1899, 11, 30, 14, 5)), "h:mm")).toEqual({ text: "14:05" });
  });

  it("flags an impossible date", () => {
    expect(cellContent(new Date(Number.NaN), "dd/mm/yyyy")).toEqual({ text: "", problem: "invalid-date" });
  });

  it("joins rich text runs", () => {
    expect(
      cellContent({ richText: [{ text: "In " }, { text: "progress", font: { bold: true } }] }, undefined),
    ).toEqual({
      text: "In progress",
    });
  });

  it("gives a hyperlink's text, or its address when it has none", () => {
    expect(cellContent({ text: "Evidence folder", hyperlink: "https://example.org/x" }, undefined)).toEqual({
      text: "Evidence folder",
    });
    expect(
      cellContent({ text: { richText: [{ text: "rich link" }] }, hyperlink: "https://x" }, undefined),
    ).toEqual({
      text: "rich link",
    });
    expect(cellContent({ text: "", hyperlink: "https://example.org/y" }, undefined)).toEqual({
      text: "https://example.org/y",
    });
  });

  it("gives a formula's saved result, never the formula", () => {
    expect(cellContent({ formula: "A1*2", result: 14 }, "0.0")).toEqual({ text: "14.0", number: 14 });
    expect(cellContent({ sharedFormula: "B2", result: "Green" }, undefined)).toEqual({ text: "Green" });
    expect(cellContent({ formula: "1/0", result: { error: "#DIV/0!" } }, undefined)).toEqual({
      text: "#DIV/0!",
    });
    expect(
      cellContent({ formula: "TODAY()", result: new Date(Date.UTC(2021, 0, 14)) }, "dd/mm/yyyy"),
    ).toEqual({
      text: "14/01/2021",
      date: "2021-01-14",
    });
    expect(cellContent({ formula: "X1" }, undefined)).toEqual({
      text: "",
      problem: "formula-without-result",
    });
  });
});
