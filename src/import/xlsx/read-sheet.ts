import type ExcelJS from "exceljs";
import { capCellText, cutMessage, normaliseCellText } from "../csv/cell-text.js";
import type { ReadLimits } from "../errors.js";
import type { RawCell, RawDocument, RawRow, RawTable } from "../raw.js";
import { cellContent } from "./cell-value.js";
import type { WorkbookColours } from "./fill.js";

export type Warning = RawDocument["warnings"][number];

interface PendingCell extends RawCell {
  /** Counts towards the sheet's used area (text, fill, or part of a merge that has either). */
  used: boolean;
}

/**
 * One worksheet as a RawTable: rows 1 to the last row with text (empty rows inside kept so numbers
 * match Excel's), columns 1 to the last one used. Returns null for a sheet with no text at all.
 */
export function readSheet(
  sheet: ExcelJS.Worksheet,
  where: string,
  colours: WorkbookColours,
  limits: ReadLimits,
  warnings: Warning[],
): RawTable | null {
  const lastRow = sheet.rowCount;
  if (lastRow === 0) return null;
  const readTo = Math.min(lastRow, limits.maxRows);
  const pending: PendingCell[][] = [];
  const formulasWithoutResult: string[] = [];
  let lastTextRow = 0;

  for (let r = 1; r <= readTo; r++) {
    const row = sheet.findRow(r);
    const cells: PendingCell[] = [];
    pending.push(cells);
    if (!row) continue;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const rawCell = readCell(
        cell,
        colours,
        limits,
        () => `${where}, row ${r}, column ${columnLetters(col)}`,
        warnings,
      );
      if (rawCell.problem === "formula-without-result")
        formulasWithoutResult.push(`${columnLetters(col)}${r}`);
      cells[col - 1] = rawCell.cell;
      if (rawCell.cell.text !== "") lastTextRow = r;
    });
  }

  if (lastRow > limits.maxRows && hasValuesBeyond(sheet, limits.maxRows)) {
    warnings.push({ where, message: `only the first ${limits.maxRows} rows were read` });
  }
  if (formulasWithoutResult.length > 0) {
    const shown =
      formulasWithoutResult.slice(0, 5).join(", ") + (formulasWithoutResult.length > 5 ? ", ..." : "");
    warnings.push({
      where,
      message: `${formulasWithoutResult.length} formula cell(s) had no saved result and were read as empty (${shown})`,
    });
  }
  // Sheets with nothing written on them (chart holders, blank tabs, colour-only scraps) say nothing.
  if (lastTextRow === 0) return null;

  const width = usedWidth(pending, lastTextRow);
  const rows: RawRow[] = [];
  for (let r = 1; r <= lastTextRow; r++) {
    const source = pending[r - 1] ?? [];
    const cells: RawCell[] = [];
    for (let c = 0; c < width; c++) {
      const p = source[c];
      if (!p) {
        cells.push({ text: "", fill: null });
        continue;
      }
      const { used: _used, ...cell } = p;
      cells.push(cell);
    }
    rows.push({ number: r, cells });
  }
  return { kind: "table", where, sheet: sheet.name, rows };
}

/** Columns up to the last one used (text, fill or merge) in the rows kept. */
function usedWidth(rows: PendingCell[][], lastRow: number): number {
  let width = 0;
  for (let r = 0; r < lastRow; r++) {
    const row = rows[r] ?? [];
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c]?.used) {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

function readCell(
  cell: ExcelJS.Cell,
  colours: WorkbookColours,
  limits: ReadLimits,
  where: () => string,
  warnings: Warning[],
): { cell: PendingCell; problem?: string } {
  if (cell.isMerged && cell.master.address !== cell.address) {
    // Excel paints a merged area with its top-left cell's formatting.
    const master = cell.master;
    const fill = colours.fillColour(master.fill);
    const masterHasText = cellContent(master.value, master.numFmt).text.trim() !== "";
    return { cell: { text: "", fill, merged: true, used: fill !== null || masterHasText } };
  }
  const content = cellContent(cell.value, cell.numFmt);
  if (content.problem === "invalid-date")
    warnings.push({ where: where(), message: "date value out of range; read as empty" });
  const capped = capCellText(normaliseCellText(content.text), limits.maxCellChars);
  if (capped.cutFrom !== undefined) {
    warnings.push({ where: where(), message: cutMessage(limits.maxCellChars, capped.cutFrom) });
  }
  const fill = colours.fillColour(cell.fill);
  const out: PendingCell = { text: capped.text, fill, used: capped.text !== "" || fill !== null };
  if (content.number !== undefined) out.number = content.number;
  if (content.date !== undefined) out.date = content.date;
  return { cell: out, problem: content.problem };
}

function hasValuesBeyond(sheet: ExcelJS.Worksheet, row: number): boolean {
  for (let r = row + 1; r <= sheet.rowCount; r++) {
    if (sheet.findRow(r)?.hasValues) return true;
  }
  return false;
}

export function columnLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
