import { describe, expect, it } from "vitest";
import { headerFooterTexts } from "./header-footer.js";

describe("headerFooterTexts", () => {
  it("splits sections and removes formatting codes", () => {
    expect(
      headerFooterTexts(
        { oddHeader: '&L&"Arial,Bold"&14Action plan&RPlan version: FINAL  Updated: 26/03/2020' },
        "CSC",
        "plan.xlsx",
      ),
    ).toEqual(["Action plan", "Plan version: FINAL Updated: 26/03/2020"]);
  });

  it("drops page numbers and print dates, and keeps a literal ampersand", () => {
    expect(headerFooterTexts({ oddFooter: "&LPage &P of &N&C&D &T&RHealth && Care" }, "S", "f")).toEqual([
      "Health & Care",
    ]);
  });

  it("fills in the sheet and file names and strips colours", () => {
    expect(headerFooterTexts({ firstHeader: "&KFF0000&A – &F" }, "Key", "plan.xlsx")).toEqual([
      "Key – plan.xlsx",
    ]);
  });

  it("gives nothing for no header or footer", () => {
    expect(headerFooterTexts(null, "S", "f")).toEqual([]);
    expect(headerFooterTexts({ oddHeader: "" }, "S", "f")).toEqual([]);
  });
});
