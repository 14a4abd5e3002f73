import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "../../../test/samples.js";
import { DEFAULT_LIMITS, ImportError, type ReadLimits } from "../errors.js";
import type { RawCell, RawDocument, RawTable } from "../raw.js";
import { readXlsx } from "./read-xlsx.js";

const SAMPLE = `${SAMPLES_DIR}/jtai-mental-health-action-plan.xlsx`;

function tables(doc: RawDocument): RawTable[] {
  return doc.blocks.filter((b): b is RawTable => b.kind === "table");
}

function sheet(doc: RawDocument, name: string): RawTable {
  const found = tables(doc).find((t) => t.sheet === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function cell(t: RawTable, row: number, col: number): RawCell {
  const r = t.rows.find((x) => x.number === row);
  const c = r?.cells[col - 1];
  if (!c) throw new Error(`no cell at row ${row}, column ${col} of ${t.where}`);
  return c;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function build(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return bytesOf(wb);
}

async function readError(buf: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<ImportError> {
  try {
    await readXlsx(buf, "plan.xlsx", limits);
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error("expected an ImportError");
}

describe("readXlsx on the sample plan", async () => {
  const doc = await readXlsx(readFileSync(SAMPLE), "jtai.xlsx", DEFAULT_LIMITS);
  const sections = [
    "Children's Social Care",
    "Public Health - CNWL",
    "Thames Valley Police",
    "Youth Offending Team",
    "MKUHT",
    "Multi-agency - System areas",
  ];

  it("gives one table per sheet, in tab order, with the Key last", () => {
    expect(doc.format).toBe("xlsx");
    expect(tables(doc).map((t) => t.sheet)).toEqual([...sections, "Key"]);
    expect(tables(doc).map((t) => t.where)).toEqual([...sections, "Key"].map((s) => `sheet "${s}"`));
    expect(doc.warnings).toEqual([]);
  });

  it("takes the title from the document properties", () => {
    expect(doc.propertiesTitle).toBe("Action Plan – JTAI children’s mental health");
    expect(doc.marginalia).toContain("Action Plan – JTAI children’s mental health");
  });

  it("lays each section sheet on its 8 columns: merged title, version line, header in row 3", () => {
    for (const name of sections) {
      const t = sheet(doc, name);
      expect(t.rows.map((r) => r.number)).toEqual(t.rows.map((_, i) => i + 1));
      for (const r of t.rows) expect(r.cells).toHaveLength(8);
      const title = t.rows[0]?.cells ?? [];
      expect(title[0]?.text).toMatch(/^Action Plan – JTAI children’s mental health – /);
      expect(title[0]?.merged).toBeUndefined();
      expect(title.slice(1).every((c) => c.merged === true && c.text === "")).toBe(true);
      expect(cell(t, 2, 1).text).toMatch(/^Plan version: FINAL\s+Updated: 26\/03\/2020$/);
      expect(t.rows[2]?.cells.map((c) => c.text)).toEqual([
        "Ref",
        "Finding",
        "Action",
        "Lead",
        "Target date",
        "RAG",
        "Progress",
        "Last updated",
      ]);
      expect(t.rows[2]?.cells.every((c) => c.fill === "BDD6EE")).toBe(true);
    }
  });

  it("holds 33 action rows below the headers", () => {
    const actionRows = sections.reduce((n, s) => n + sheet(doc, s).rows.length - 3, 0);
    expect(actionRows).toBe(33);
  });

  it("reads plain-number refs as numbers and refs like 28 SY2,8 as text", () => {
    const refs = sections.flatMap((s) =>
      sheet(doc, s)
        .rows.slice(3)
        .map((r) => r.cells[0]),
    );
    const numeric = refs.filter((c) => c?.number !== undefined);
    expect(numeric).toHaveLength(29);
    for (const c of numeric) expect(c?.text).toBe(String(c?.number));
    expect(numeric.slice(0, 27).map((c) => c?.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 32,
    ]);
    const textual = refs.filter((c) => c?.number === undefined).map((c) => c?.text);
    expect(textual).toEqual(["28 SY2,8", "29 SY2,9", "30 SY1", "31 SY3"]);
  });

  it("reads RAG fills from the foreground colour, not LibreOffice's background colour", () => {
    const csc = sheet(doc, "Children's Social Care");
    expect(cell(csc, 4, 6)).toEqual({ text: "", fill: "FF0000" });
    expect(cell(csc, 5, 6).fill).toBe("0070C0");
    const ragFills = sections.flatMap((s) =>
      sheet(doc, s)
        .rows.slice(3)
        .map((r) => r.cells[5]?.fill),
    );
    expect(new Set(ragFills)).toEqual(new Set(["FF0000", "FFC000", "00B050", "0070C0"]));
    const allFills = tables(doc).flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.fill)));
    expect(allFills).not.toContain("993300");
    expect(allFills).not.toContain("008080");
  });

  it("reads date serials as dates and keeps a text date as text", () => {
    const csc = sheet(doc, "Children's Social Care");
    expect(cell(csc, 4, 5)).toMatchObject({ text: "29/02/2020", date: "2020-02-29" });
    const lastUpdated = sections.flatMap((s) =>
      sheet(doc, s)
        .rows.slice(3)
        .map((r) => r.cells[7]?.date),
    );
    for (const d of lastUpdated) {
      expect(d).toMatch(/^2020-0[1-3]-\d\d$/);
      expect(d && d >= "2020-01-14" && d <= "2020-03-25").toBe(true);
    }
    const multi = sheet(doc, "Multi-agency - System areas");
    expect(cell(multi, 4, 5)).toEqual({ text: "October 2020", fill: null });
  });

  it("keeps line breaks and turns typed bullets into '- ' lines", () => {
    const progress = cell(sheet(doc, "Children's Social Care"), 4, 7).text;
    expect(progress).toMatch(
      /^Self-service provision is now available for caseload data in:\n- CFP\n- CWD\n/,
    );
    expect(progress).not.toMatch(/•/);
    const numbered = cell(sheet(doc, "Public Health - CNWL"), 4, 3).text;
    expect(numbered.split("\n")[1]).toMatch(/^2\. /);
  });

  it("reads the Key sheet: swatches in A, meaning in B, rating in C", () => {
    const key = sheet(doc, "Key");
    expect(key.rows).toHaveLength(9);
    for (const r of key.rows) expect(r.cells).toHaveLength(3);
    expect(cell(key, 1, 1).text).toBe("RAG key");
    expect(cell(key, 1, 2).merged).toBe(true);
    const swatches = key.rows.slice(3).map((r) => [r.cells[0]?.fill, r.cells[0]?.text, r.cells[2]?.text]);
    expect(swatches).toEqual([
      ["D9D9D9", "", "Not started"],
      ["FF0000", "", "Red"],
      ["FFC000", "", "Amber"],
      ["00B050", "", "Green"],
      ["0070C0", "", "Blue"],
      ["0070C0", "Ev.", "Blue (Ev.)"],
    ]);
  });
});

/** Swaps an entry of a zip for new content, as a different tool writing the file would. */
function replaceEntry(buf: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(buf);
  const entry = files[name];
  if (!entry) throw new Error(`no ${name}`);
  files[name] = strToU8(edit(strFromU8(entry)));
  return zipSync(files);
}

describe("readXlsx on synthetic workbooks", () => {
  it("resolves theme fills with tints through the workbook's own theme", async () => {
    const solid = (theme: number, tint?: number): ExcelJS.Fill => ({
      type: "pattern",
      pattern: "solid",
      fgColor: (tint === undefined ? { theme } : { theme, tint }) as ExcelJS.Color,
    });
    let buf = await build((wb) => {
      const ws = wb.addWorksheet("Plan");
      ws.getRow(1).values = ["Ref", "accent4", "lt1 -15%", "dk1", "dk2", "dk1 +25%"];
      ws.getCell("A2").value = "1";
      ws.getCell("B2").fill = solid(7);
      ws.getCell("C2").fill = solid(0, -0.1499984740745262);
      ws.getCell("D2").fill = solid(1);
      ws.getCell("E2").fill = solid(3);
      ws.getCell("F2").fill = solid(1, 0.249977111117893);
    });
    // Give the theme colours that neither ExcelJS's theme nor the Office default has.
    buf = replaceEntry(buf, "xl/theme/theme1.xml", (xml) =>
      xml
        .replace(/<a:accent4>[\s\S]*?<\/a:accent4>/, '<a:accent4><a:srgbClr val="7030A0"/></a:accent4>')
        .replace(/<a:dk1>[\s\S]*?<\/a:dk1>/, '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>')
        .replace(/<a:dk2>[\s\S]*?<\/a:dk2>/, '<a:dk2><a:srgbClr val="123456"/></a:dk2>'),
    );
    const doc = await readXlsx(buf, "theme.xlsx", DEFAULT_LIMITS);
    const t = sheet(doc, "Plan");
    expect(t.rows[1]?.cells.slice(1).map((c) => c.fill)).toEqual([
      "7030A0",
      "D9D9D9",
      "000000",
      "123456",
      "404040",
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it("falls back to the Office theme, with a warning, when the theme part is missing", async () => {
    const built = await build((wb) => {
      const ws = wb.addWorksheet("Plan");
      ws.getRow(1).values = ["RAG", "Status"];
      ws.getCell("B2").value = "on track";
      ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 9 } };
    });
    const files = unzipSync(built);
    delete files["xl/theme/theme1.xml"];
    const doc = await readXlsx(zipSync(files), "notheme.xlsx", DEFAULT_LIMITS);
    expect(cell(sheet(doc, "Plan"), 2, 1).fill).toBe("70AD47");
    expect(doc.warnings).toEqual([
      {
        where: "workbook",
        message: "theme colours read with the default Office theme (the workbook has no readable theme)",
      },
    ]);
  });

  it("reads indexed colours, gradient fills and ignores white and empty patterns", async () => {
    const buf = await build((wb) => {
      const ws = wb.addWorksheet("Fills");
      ws.getRow(1).values = ["indexed", "gradient", "white", "none", "argb", "note"];
      ws.getCell("F2").value = "fills only to the left";
      ws.getCell("A2").fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { indexed: 10 } as unknown as ExcelJS.Color,
      };
      ws.getCell("B2").fill = {
        type: "gradient",
        gradient: "angle",
        degree: 0,
        stops: [
          { position: 0, color: { argb: "FF92D050" } },
          { position: 1, color: { argb: "FFFFFFFF" } },
        ],
      };
      ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } };
      ws.getCell("D2").fill = { type: "pattern", pattern: "none", fgColor: { argb: "FFFF0000" } };
      ws.getCell("E2").fill = {
        type: "pattern",
        pattern: "darkGray",
        fgColor: { argb: "FFC00000" },
        bgColor: { argb: "FF00FF00" },
      };
    });
    const t = sheet(await readXlsx(buf, "fills.xlsx", DEFAULT_LIMITS), "Fills");
    expect(t.rows[1]?.cells.map((c) => c.fill)).toEqual(["FF0000", "92D050", null, null, "C00000", null]);
  });

  it("expands merged ranges: text at the top-left, covered cells merged and painted like it", async () => {
    const buf = await build((wb) => {
      const ws = wb.addWorksheet("Merges");
      ws.getCell("A1").value = "Finding";
      ws.getCell("B1").value = "Progress";
      ws.mergeCells("B1:C1");
      ws.getCell("D1").value = "RAG";
      ws.getCell("A2").value = "Shared finding";
      ws.mergeCells("A2:A4");
      ws.getCell("B2").value = "a";
      ws.getCell("B3").value = "b";
      ws.getCell("B4").value = "c";
      ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
      ws.mergeCells("D2:D3");
    });
    const t = sheet(await readXlsx(buf, "merges.xlsx", DEFAULT_LIMITS), "Merges");
    expect(t.rows.map((r) => r.cells.map((c) => (c.merged ? "^" : c.text)))).toEqual([
      ["Finding", "Progress", "^", "RAG"],
      ["Shared finding", "a", "", ""],
      ["^", "b", "", "^"],
      ["^", "c", "", ""],
    ]);
    expect(cell(t, 3, 1)).toEqual({ text: "", fill: null, merged: true });
    expect(cell(t, 3, 4)).toEqual({ text: "", fill: "FF0000", merged: true });
  });

  it("reads formulas' saved results, rich text, hyperlinks, booleans and errors", async () => {
    const buf = await build((wb) => {
      const ws = wb.addWorksheet("Values");
      ws.getCell("A1").value = { formula: "2*3", result: 6 };
      ws.getCell("B1").value = { formula: 'IF(A1>5,"Green","Red")', result: "Green" };
      ws.getCell("C1").value = { formula: "NA()", result: { error: "#N/A" } };
      ws.getCell("D1").value = { richText: [{ text: "Partly " }, { text: "done", font: { bold: true } }] };
      ws.getCell("E1").value = { text: "Evidence", hyperlink: "https://example.org/evidence" };
      ws.getCell("F1").value = false;
      ws.getCell("G1").value = { formula: "A1+1" } as ExcelJS.CellFormulaValue;
    });
    const doc = await readXlsx(buf, "values.xlsx", DEFAULT_LIMITS);
    const t = sheet(doc, "Values");
    expect(t.rows[0]?.cells.map((c) => c.text)).toEqual([
      "6",
      "Green",
      "#N/A",
      "Partly done",
      "Evidence",
      "FALSE",
    ]);
    expect(cell(t, 1, 1).number).toBe(6);
    expect(JSON.stringify(doc)).not.toMatch(/IF\(|2\*3|NA\(\)/);
    expect(doc.warnings).toEqual([
      {
        where: 'sheet "Values"',
        message: "1 formula cell(s) had no saved result and were read as empty (G1)",
      },
    ]);
  });

  it("reads date serials as dates and numbers in text-formatted cells as text", async () => {
    const buf = await build((wb) => {
      wb.addWorksheet("Dates").addRows([
        ["Due", "Serial as text", "Ref", "Written date", "Time"],
        [43921, 43921, 7.1, "End June 2020", 0.5],
      ]);
      const ws = wb.getWorksheet("Dates");
      if (!ws) throw new Error("no sheet");
      ws.getCell("A2").numFmt = "dd/mm/yyyy";
      ws.getCell("B2").numFmt = "@";
      ws.getCell("C2").numFmt = "0.00";
      ws.getCell("E2").numFmt = "hh:mm";
    });
    const t = sheet(await readXlsx(buf, "dates.xlsx", DEFAULT_LIMITS), "Dates");
    expect(t.rows[1]?.cells).toEqual([
      { text: "31/03/2020", fill: null, date: "2020-03-31" },
      { text: "43921", fill: null, number: 43921 },
      { text: "7.10", fill: null, number: 7.1 },
      { text: "End June 2020", fill: null },
      { text: "12:00", fill: null },
    ]);
  });

  it("reads hidden sheets with a warning and skips empty sheets silently", async () => {
    const buf = await build((wb) => {
      wb.addWorksheet("Plan").getCell("A1").value = "Ref";
      wb.addWorksheet("Lookups", { state: "hidden" }).getCell("A1").value = "Red";
      wb.addWorksheet("Secret", { state: "veryHidden" }).getCell("A1").value = "x";
      wb.addWorksheet("Blank");
      wb.addWorksheet("Colour only").getCell("C3").fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FFFF0000" },
      };
    });
    const doc = await readXlsx(buf, "hidden.xlsx", DEFAULT_LIMITS);
    expect(tables(doc).map((t) => t.sheet)).toEqual(["Plan", "Lookups", "Secret"]);
    expect(doc.warnings).toEqual([
      { where: 'sheet "Lookups"', message: "this sheet is hidden in the workbook; it was read all the same" },
      { where: 'sheet "Secret"', message: "this sheet is hidden in the workbook; it was read all the same" },
    ]);
  });

  it("keeps empty rows inside the sheet so numbers match Excel, and drops trailing ones", async () => {
    const buf = await build((wb) => {
      const ws = wb.addWorksheet("Gaps");
      ws.getCell("B2").value = "Ref";
      ws.getCell("C2").value = "Action";
      ws.getCell("B5").value = "1";
      ws.getCell("B9").border = { top: { style: "thin" } };
      ws.getCell("F12").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    });
    const t = sheet(await readXlsx(buf, "gaps.xlsx", DEFAULT_LIMITS), "Gaps");
    expect(t.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["", "", ""],
      ["", "Ref", "Action"],
      ["", "", ""],
      ["", "", ""],
      ["", "1", ""],
    ]);
  });

  it("writes cell line breaks as \\n and typed bullets as '- ' lines", async () => {
    const buf = await build((wb) => {
      wb.addWorksheet("Text").getCell("A1").value = "  Done:\r\n• audit\r\n▪ training\n\n\nNext: review  ";
    });
    const t = sheet(await readXlsx(buf, "text.xlsx", DEFAULT_LIMITS), "Text");
    expect(cell(t, 1, 1).text).toBe("Done:\n- audit\n- training\n\nNext: review");
  });

  it("keeps every character: en dash, pound, accents, curly quotes", async () => {
    const text = "“Review” the café’s £500 plan – urgent";
    const buf = await build((wb) => {
      wb.addWorksheet("Chars").getCell("A1").value = text;
    });
    expect(cell(sheet(await readXlsx(buf, "chars.xlsx", DEFAULT_LIMITS), "Chars"), 1, 1).text).toBe(text);
  });

  it("cuts a 100 000-character cell with a warning naming sheet, row and column", async () => {
    const buf = await build((wb) => {
      const ws = wb.addWorksheet("Long");
      ws.getCell("A12").value = "Ref";
      ws.getCell("F12").value = "y".repeat(100_000);
    });
    const doc = await readXlsx(buf, "long.xlsx", DEFAULT_LIMITS);
    expect(cell(sheet(doc, "Long"), 12, 6).text).toBe("y".repeat(DEFAULT_LIMITS.maxCellChars));
    expect(doc.warnings).toEqual([
      {
        where: 'sheet "Long", row 12, column F',
        message: `cell text cut to ${DEFAULT_LIMITS.maxCellChars} characters (it had 100000)`,
      },
    ]);
  });

  it("stops a sheet at maxRows with a warning", async () => {
    const buf = await build((wb) => {
      const ws = wb.addWorksheet("Many");
      for (let r = 1; r <= 30; r++) ws.getCell(r, 1).value = `row ${r}`;
    });
    const doc = await readXlsx(buf, "many.xlsx", { ...DEFAULT_LIMITS, maxRows: 10 });
    expect(sheet(doc, "Many").rows).toHaveLength(10);
    expect(doc.warnings).toEqual([{ where: 'sheet "Many"', message: "only the first 10 rows were read" }]);
  });

  it("puts the title and each sheet's header and footer text in marginalia, once each", async () => {
    const buf = await build((wb) => {
      wb.title = "Partnership action plan";
      for (const name of ["One", "Two"]) {
        const ws = wb.addWorksheet(name);
        ws.getCell("A1").value = "Ref";
        ws.headerFooter.oddFooter = "&LUpdated: 14/01/2021&RPage &P of &N";
      }
    });
    const doc = await readXlsx(buf, "hf.xlsx", DEFAULT_LIMITS);
    expect(doc.propertiesTitle).toBe("Partnership action plan");
    expect(doc.marginalia).toEqual(["Partnership action plan", "Updated: 14/01/2021"]);
  });
});

describe("readXlsx on workbooks with parts it does not need", () => {
  it("ignores chart sheets", async () => {
    const files = unzipSync(
      await build((wb) => {
        wb.addWorksheet("Plan").getCell("A1").value = "Ref";
      }),
    );
    const edit = (name: string, change: (xml: string) => string) => {
      const entry = files[name];
      if (!entry) throw new Error(`no ${name}`);
      files[name] = strToU8(change(strFromU8(entry)));
    };
    edit("xl/workbook.xml", (x) =>
      x.replace("</sheets>", '<sheet name="Chart1" sheetId="9" r:id="rIdC"/></sheets>'),
    );
    edit("xl/_rels/workbook.xml.rels", (x) =>
      x.replace(
        "</Relationships>",
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    files["xl/chartsheets/sheet1.xml"] = strToU8(
      '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    );
    const doc = await readXlsx(zipSync(files), "chart.xlsx", DEFAULT_LIMITS);
    expect(tables(doc).map((t) => t.sheet)).toEqual(["Plan"]);
    expect(doc.warnings).toEqual([]);
  });

  it("reads quickly a sheet whose RAG drop-downs cover whole columns", async () => {
    const built = await build((wb) => {
      const ws = wb.addWorksheet("Plan");
      ws.getRow(1).values = ["Ref", "RAG"];
      ws.getRow(2).values = ["1", "Red"];
      ws.getCell("B2").dataValidation = { type: "list", allowBlank: true, formulae: ['"Red,Amber,Green"'] };
    });
    // ExcelJS expands a validated range cell by cell unless told to skip validations: four whole
    // columns take minutes that way.
    const buf = replaceEntry(built, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace('sqref="B2"', 'sqref="B2:B1048576 C2:C1048576 D2:D1048576 E2:E1048576"'),
    );
    const started = performance.now();
    const doc = await readXlsx(buf, "dropdowns.xlsx", DEFAULT_LIMITS);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(cell(sheet(doc, "Plan"), 2, 2).text).toBe("Red");
  });
});

describe("readXlsx refusals", () => {
  it("refuses a file that is not a zip", async () => {
    expect((await readError(new TextEncoder().encode("Ref,Action\n1,x\n"))).message).toMatch(/^plan\.xlsx: /);
  });

  it("refuses a truncated workbook", async () => {
    const buf = readFileSync(SAMPLE);
    const err = await readError(new Uint8Array(buf.subarray(0, Math.floor(buf.length / 2))));
    expect(err.reason).toMatch(/damaged|truncated|not a zip/);
  });

  it("says a Word document is not a workbook", async () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8("<w:document/>"),
    });
    expect((await readError(docx)).reason).toBe("is not an Excel workbook (it is a Word document)");
  });

  it("says why a workbook with broken XML cannot be read", async () => {
    const good = await build((wb) => {
      wb.addWorksheet("S").getCell("A1").value = "x";
    });
    const broken = replaceEntry(good, "xl/workbook.xml", (xml) => xml.slice(0, xml.length / 2));
    expect((await readError(broken)).reason).toMatch(/^is not a readable Excel workbook \(.+\)$/);
  });

  it("refuses XML entity expansion instead of expanding it", async () => {
    const good = await build((wb) => {
      wb.addWorksheet("S").getCell("A1").value = "x";
    });
    const lol = replaceEntry(good, "xl/worksheets/sheet1.xml", (xml) =>
      xml
        .replace(
          /<worksheet/,
          '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet',
        )
        .replace(/<v>[^<]*<\/v>/, "<v>&b;</v>"),
    );
    expect((await readError(lol)).reason).toMatch(/^is not a readable Excel workbook \(.+\)$/);
  });
});
