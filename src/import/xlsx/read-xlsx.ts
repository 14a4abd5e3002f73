import ExcelJS from "exceljs";
import { ImportError, type ReadLimits } from "../errors.js";
import type { RawDocument, RawTable } from "../raw.js";
import { readZipEntries } from "../zip.js";
import { WorkbookColours, type WorkbookParts } from "./fill.js";
import { headerFooterTexts } from "./header-footer.js";
import { readSheet, type Warning } from "./read-sheet.js";
import { checkWorkbookContainer } from "./workbook-guard.js";

/**
 * Reads every visible worksheet of an .xlsx workbook into a RawTable laid on the sheet's own grid,
 * so that row numbers and column letters match what the user sees in Excel.
 */
export async function readXlsx(buf: Uint8Array, fileName: string, limits: ReadLimits): Promise<RawDocument> {
  checkWorkbookContainer(buf, fileName, limits);
  const workbook = await loadWorkbook(buf, fileName);
  const warnings: Warning[] = [];
  const colours = new WorkbookColours(
    () => readColourParts(buf, fileName, limits),
    (message) => warnings.push({ where: "workbook", message }),
  );

  const blocks: RawTable[] = [];
  const marginalia: string[] = [];
  const title = typeof workbook.title === "string" ? workbook.title.trim() : "";
  if (title) marginalia.push(title);

  for (const sheet of workbook.worksheets) {
    const where = `sheet "${sheet.name}"`;
    const table = readSheet(sheet, where, colours, limits, warnings);
    if (!table) continue;
    // A hidden sheet is read all the same: skipping it could silently drop actions. Saying so lets a
    // person check whether it belongs in the plan (lookup lists without a header row are ignored later).
    if (sheet.state === "hidden" || sheet.state === "veryHidden") {
      warnings.push({ where, message: "this sheet is hidden in the workbook; it was read all the same" });
    }
    blocks.push(table);
    for (const text of headerFooterTexts(sheet.headerFooter, sheet.name, fileName)) {
      if (!marginalia.includes(text)) marginalia.push(text);
    }
  }

  return { fileName, format: "xlsx", blocks, marginalia, propertiesTitle: title || null, warnings };
}

/**
 * Worksheet parts that say nothing about cell content. Data validations matter most: ExcelJS expands
 * each validated range cell by cell, and RAG drop-downs are often set on whole columns, which costs
 * a million entries per column.
 */
const IGNORED_SHEET_PARTS = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "drawing",
  "picture",
  "tableParts",
  "autoFilter",
  "sheetProtection",
  "pageSetup",
  "pageMargins",
  "printOptions",
  "rowBreaks",
];

async function loadWorkbook(buf: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; this view shares the bytes rather than copying them.
    await workbook.xlsx.load(
      Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as ExcelJS.Buffer,
      {
        ignoreNodes: IGNORED_SHEET_PARTS,
      },
    );
  } catch (err) {
    throw new ImportError(fileName, `is not a readable Excel workbook (${shortReason(err)})`);
  }
  return workbook;
}

function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split("\n")[0]?.trim() || "unknown error";
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

function readColourParts(buf: Uint8Array, fileName: string, limits: ReadLimits): WorkbookParts {
  const isTheme = (name: string) => /^xl\/theme\/[^/]+\.xml$/.test(name);
  const parts = readZipEntries(buf, fileName, limits, (name) => isTheme(name) || name === "xl/styles.xml");
  const decoder = new TextDecoder("utf-8");
  const themeName = parts.has("xl/theme/theme1.xml")
    ? "xl/theme/theme1.xml"
    : [...parts.keys()].filter(isTheme).sort()[0];
  const theme = themeName ? parts.get(themeName) : undefined;
  const styles = parts.get("xl/styles.xml");
  return {
    themeXml: theme ? decoder.decode(theme) : undefined,
    stylesXml: styles ? decoder.decode(styles) : undefined,
  };
}
