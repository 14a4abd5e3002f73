import type { RawCell, RawRow } from "../raw.js";
import type { Role } from "./columns.js";
import type { ColumnMap } from "./header.js";

export function hasText(cell: RawCell | undefined): cell is RawCell {
  return cell !== undefined && !cell.merged && cell.text !== "";
}

export function isBlankRow(row: RawRow): boolean {
  for (const cell of row.cells) {
    if (hasText(cell)) return false;
  }
  return true;
}

/** The only cell of a row with text, if there is exactly one. */
export function soleCell(row: RawRow): { cell: RawCell; col: number } | null {
  let found: { cell: RawCell; col: number } | null = null;
  for (let col = 0; col < row.cells.length; col++) {
    const cell = row.cells[col];
    if (!hasText(cell)) continue;
    if (found) return null;
    found = { cell, col };
  }
  return found;
}

/** "7", "7.12", "TP1", "28 SY2,8", "A": what a ref column holds, as opposed to a sub-heading. */
export function looksLikeRef(text: string): boolean {
  return text.length <= 3 || (text.length <= 12 && /\d/.test(text));
}

const HEADING_MAX_CHARS = 150;

/** Roles whose column, when it alone holds text, still belongs to an action (a continuation row). */
const CONTENT_ROLES: readonly Role[] = ["finding", "action", "lead", "progress", "impact", "due", "status"];

/**
 * A row that names a new block of actions: one cell of text starting at the left edge that either
 * spans most of the row or sits alone in a column that is not an action's content.
 */
export function isSubHeadingRow(row: RawRow, map: ColumnMap): boolean {
  const sole = soleCell(row);
  if (sole?.col !== 0) return false;
  const text = sole.cell.text;
  if (text.length > HEADING_MAX_CHARS || text.includes("\n") || !/\p{L}{2}/u.test(text)) return false;
  let spanned = 0;
  for (let col = 1; col < row.cells.length && row.cells[col]?.merged; col++) spanned++;
  if (row.cells.length > 1 && spanned * 2 >= row.cells.length - 1) return true;
  for (const role of CONTENT_ROLES) {
    if (map.roles.get(role)?.includes(0)) return false;
  }
  return !looksLikeRef(text);
}

export function tableWidth(rows: readonly RawRow[]): number {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.cells.length);
  return width;
}
