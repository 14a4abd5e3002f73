import { describe, expect, it } from "vitest";
import { detectDelimiter, fieldCounts } from "./detect-delimiter.js";

describe("detectDelimiter", () => {
  it("chooses comma for ordinary CSV, ignoring commas inside quotes", () => {
    const text = 'Ref,Action,Lead\n1,"Audit, review; and report",Jo\n2,Train staff,Sam\n';
    expect(detectDelimiter(text)).toEqual({ delimiter: ",", skipLines: 0, fallback: false });
  });

  it("chooses semicolon when commas appear only inside text (European Excel export)", () => {
    const text = "Ref;Action;Lead;Score\n1;Audit, then review;Jo;1,5\n2;Train staff;Sam;2,25\n3;Plan;Al;3\n";
    expect(detectDelimiter(text).delimiter).toBe(";");
  });

  it("chooses tab for tab-separated text with commas in the cells", () => {
    const text = "Ref\tAction\tLead\n1\tAudit, review, report\tJo\n2\tTrain, then test\tSam\n";
    expect(detectDelimiter(text).delimiter).toBe("\t");
  });

  it("chooses pipe when that is what splits the records", () => {
    expect(detectDelimiter("a|b|c\n1|2|3\n").delimiter).toBe("|");
  });

  it("is not misled by delimiters inside quoted multi-line fields", () => {
    const text = 'a;b;c\n1;"line one,\nline, two, three";3\n4;5;6\n';
    expect(detectDelimiter(text).delimiter).toBe(";");
  });

  it("honours Excel's sep= hint line", () => {
    expect(detectDelimiter("sep=;\r\na,b;c\n")).toEqual({ delimiter: ";", skipLines: 1, fallback: false });
  });

  it("falls back to comma for a single column", () => {
    expect(detectDelimiter("Action\nAudit\nTrain\n")).toEqual({
      delimiter: ",",
      skipLines: 0,
      fallback: true,
    });
  });
});

describe("fieldCounts", () => {
  it("counts fields per record, with blank lines as 0", () => {
    expect(fieldCounts('a,b,c\r\n\r\n"x,""y""",z\n', ",", 20)).toEqual([3, 0, 2]);
  });

  it("stops after the limit", () => {
    expect(fieldCounts("a,b\nc,d\ne,f\n", ",", 2)).toEqual([2, 2]);
  });
});
