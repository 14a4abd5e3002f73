import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { parseBuffer } from "../src/import/parse-file.js";
import { projectRoot } from "../src/paths.js";
import { fmt, time } from "./timing.js";

/** A workbook the way a partnership would keep a big consolidated plan: one row per action. */
export async function generateWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Consolidated plan");
  ws.mergeCells("A1:I1");
  ws.getCell("A1").value = "Consolidated partnership action plan";
  ws.getRow(2).values = ["Updated: 26/03/2020"];
  ws.getRow(3).values = [
    "Ref",
    "Agency",
    "Finding",
    "Action",
    "Lead",
    "Target date",
    "RAG",
    "Progress",
    "Last updated",
  ];
  const agencies = ["Milton Keynes Council", "Thames Valley Police", "CNWL", "MKUHFT", "CCG"];
  const fills = ["FFFF0000", "FFFFC000", "FF00B050", "FF0070C0"];
  for (let i = 0; i < rows; i++) {
    const r = ws.getRow(4 + i);
    r.values = [
      `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      agencies[i % agencies.length],
      `Finding ${i}: practice is not consistently recorded in case files across teams.`,
      `Audit ${i}: sample 20 case files each quarter and report to the board.`,
      `Lead ${i % 37}`,
      new Date(Date.UTC(2020, i % 12, 28)),
      "",
      `Audit completed on ${(i % 28) + 1}/03/2020 showing 85% compliance.\n• Findings shared with teams\n• Re-audit planned`,
      new Date(Date.UTC(2020, 2, (i % 28) + 1)),
    ];
    r.getCell(7).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fills[i % fills.length] } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importBench(): Promise<string[]> {
  const docxPath = join(projectRoot(), "demo", "plans", "jtai-mental-health-action-plan.docx");
  const docx = readFileSync(docxPath);
  const ours = await time(() => parseBuffer(docx, "jtai-mental-health-action-plan.docx"), 30);
  const theirs = await time(() => mammoth.convertToHtml({ buffer: docx }), 30);
  const workbook = await generateWorkbook(10_000);
  const big = await time(() => parseBuffer(workbook, "generated-10000.xlsx"), 3, 1);
  const parsed = await parseBuffer(workbook, "generated-10000.xlsx");
  return [
    `sample .docx parse (Assure, full interpretation): ${fmt(ours.medianMs)} median of ${ours.runs}`,
    `sample .docx to HTML (mammoth ${mammothVersion()}):        ${fmt(theirs.medianMs)} median of ${theirs.runs}`,
    `  ratio Assure / mammoth: ${(ours.medianMs / theirs.medianMs).toFixed(2)}`,
    `generated 10 000-row workbook (${(workbook.length / 1024 / 1024).toFixed(1)} MB, ${parsed.actions.length} actions read): ${fmt(big.medianMs)} median of ${big.runs}`,
  ];
}

function mammothVersion(): string {
  const pkg = JSON.parse(
    readFileSync(join(projectRoot(), "node_modules", "mammoth", "package.json"), "utf8"),
  );
  return String(pkg.version);
}
