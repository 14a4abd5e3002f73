import { describe, expect, it } from "vitest";
import { columnLetters } from "./read-sheet.js";

describe("columnLetters", () => {
  it("names columns as Excel does", () => {
    expect([1, 6, 26, 27, 52, 702, 703, 16384].map(columnLetters)).toEqual([
      "A",
      "F",
      "Z",
      "AA",
      "AZ",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });
});
