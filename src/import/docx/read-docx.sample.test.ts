import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "../../../test/samples.js";
import { DEFAULT_LIMITS } from "../errors.js";
import type { RawCell, RawParagraph, RawTable } from "../raw.js";
import { readDocx } from "./read-docx.js";

const SAMPLE = `${SAMPLES_DIR}/jtai-mental-health-action-plan.docx`;
const buf = new Uint8Array(readFileSync(SAMPLE));
const doc = readDocx(buf, "jtai-mental-health-action-plan.docx", DEFAULT_LIMITS);
const tables = doc.blocks.filter((b): b is RawTable => b.kind === "table");
const paragraphs = doc.blocks.filter((b): b is RawParagraph => b.kind === "paragraph");
const planTables = tables.slice(1);
const allCells = (): RawCell[] => tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
/** The data row whose first cell is the action number, and the text in a given column. */
const actionCell = (ref: string, column: number): string => {
  for (const t of planTables) {
    for (const r of t.rows) if (r.cells[0]?.text === ref) return r.cells[column]?.text ?? "";
  }
  throw new Error(`no action ${ref}`);
};

describe("readDocx on the sample JTAI plan", () => {
  it("finds the key table and the 16 plan tables, numbered in reading order", () => {
    expect(doc.format).toBe("docx");
    expect(tables).toHaveLength(17);
    expect(tables.map((t) => t.where)).toEqual(Array.from({ length: 17 }, (_, i) => `table ${i + 1}`));
    expect(tables.every((t) => t.sheet === null)).toBe(true);
    expect(doc.warnings).toEqual([]);
  });

  it("reads the RAG key swatches as fills, with the meaning beside them", () => {
    const key = tables[0] as RawTable;
    expect(key.rows.map((r) => r.cells[1]?.fill)).toEqual([
      "D9D9D9",
      "FF0000",
      "FFC000",
      "00B050",
      "0070C0",
      "0070C0",
    ]);
    expect(key.rows.map((r) => r.cells[1]?.text)).toEqual(["", "", "", "", "", "Ev."]);
    expect(key.rows[0]?.cells[0]).toEqual({ text: "Action not yet started", fill: null });
    expect(key.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("lays every plan row on 8 columns and keeps the 36 data rows", () => {
    for (const t of planTables) for (const r of t.rows) expect(r.cells).toHaveLength(8);
    const dataRows = planTables.flatMap((t) => t.rows.filter((r) => !r.headerHint));
    expect(dataRows).toHaveLength(36);
    expect(dataRows.filter((r) => r.cells[0]?.text === "")).toHaveLength(3);
  });

  it("marks the repeated header rows, and only them", () => {
    const withHeader = planTables.filter((t) => t.rows[0]?.headerHint === true);
    expect(withHeader).toHaveLength(15);
    expect(tables[10]?.where).toBe("table 11");
    expect(tables[10]?.rows[0]?.headerHint).toBeUndefined();
    for (const t of withHeader) {
      expect(t.rows[0]?.cells.map((c) => c.text)).toEqual([
        "No.",
        "Area for development identified",
        "Action",
        "Lead",
        "Timescale",
        "Progress / Evidence",
        "RAG",
        "Completed",
      ]);
      expect(t.rows[0]?.cells[0]?.fill).toBe("BDD6EE");
      expect(t.rows.slice(1).every((r) => r.headerHint === undefined)).toBe(true);
    }
  });

  it("flags tables that start after a page break", () => {
    const flagged = tables.filter((t) => t.startsAfterPageBreak).map((t) => t.where);
    expect(flagged).toEqual([2, 3, 4, 5, 7, 8, 9, 11, 12, 14, 17].map((n) => `table ${n}`));
  });

  it("reads the RAG column as fill only", () => {
    expect(tables[1]?.rows[1]?.cells[6]).toEqual({ text: "", fill: "FF0000" });
    expect(tables[2]?.rows[1]?.cells[6]?.fill).toBe("0070C0");
  });

  it("writes Word lists as '- ' lines without the Symbol bullet", () => {
    expect(actionCell("7", 2)).toBe(
      "- New systems for monitoring caseloads in CAMHS, school nursing and for MARF referrals will be introduced.\n" +
        "- Standard Operating Procedures to be developed to outline the process and roles and responsibilities for caseload management.",
    );
    expect(actionCell("1", 5)).toMatch(
      /^Self-service provision is now available for caseload data in:\n- CFP\n- CWD\n/,
    );
    expect(allCells().some((c) => /[\uf000-\uf0ff\u2022]/.test(c.text))).toBe(false);
  });

  it("keeps numbering typed by hand as written", () => {
    expect(actionCell("14", 2)).toMatch(/^1\. A review will be undertaken .* 2\. The review will consider/);
  });

  it("keeps soft line breaks in Lead cells", () => {
    expect(actionCell("13", 3)).toBe("Jane Hannon, CNWL\nHannah Pugliese CCG");
    expect(actionCell("16", 3)).toBe("Jane Hannon, CNWL\nTVP");
    expect(actionCell("33", 3)).toBe("Mac Heath MKC\nHannah Pugliese, CCG");
  });

  it("keeps characters exactly", () => {
    expect(actionCell("21", 3)).toBe("TVP – DCI Matt Darnell");
    expect(actionCell("24", 5)).toContain("£30,000");
    expect(actionCell("28 SY2,8", 4)).toBe("October 2020");
  });

  it("reads headings with their levels and the intro list", () => {
    expect(paragraphs[0]).toMatchObject({
      text: "Action Plan – JTAI children’s mental health",
      headingLevel: 0,
    });
    expect(paragraphs.filter((p) => p.headingLevel === 1).map((p) => p.text)).toEqual([
      "Children's Social Care",
      "Public Health / CNWL",
      "Thames Valley Police",
      "Youth Offending Team",
      "MKUHT",
      "Multi-agency / System areas",
    ]);
    expect(paragraphs.find((p) => p.text === "Governance")?.headingLevel).toBe(2);
    expect(paragraphs.filter((p) => p.isListItem).map((p) => p.text)).toEqual([
      "Children’s Social Care",
      "Public Health / CNWL",
      "Clinical Commissioning Group (CCG)",
      "Thames Valley Police",
      "Youth Offending Team",
      "MKUHFT",
      "Multi-agency",
    ]);
    expect(paragraphs.find((p) => p.headingLevel === 1)?.style).toBe("Heading 1");
    expect(paragraphs.every((p) => p.text !== "")).toBe(true);
  });

  it("reads the footer and the document title", () => {
    expect(doc.marginalia).toEqual(["Plan version: FINAL  Updated: 26/03/2020"]);
    expect(doc.propertiesTitle).toBe("Action Plan – JTAI children’s mental health");
  });

  it("parses quickly once warm", () => {
    for (let i = 0; i < 5; i++) readDocx(buf, "s.docx", DEFAULT_LIMITS);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      readDocx(buf, "s.docx", DEFAULT_LIMITS);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // A few ms on an idle machine. Generous so a busy CI runner passes; a quadratic slip would not.
    expect(times[0]).toBeLessThan(250);
  });
});
