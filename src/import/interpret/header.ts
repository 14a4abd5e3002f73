import type { RawRow } from "../raw.js";
import { type Role, roleOfHeader } from "./columns.js";

/** Where each role's columns are in a table, read from its header row. */
export interface ColumnMap {
  /** Columns per role, left to right. */
  roles: Map<Role, number[]>;
  /** Header text per grid column (white space collapsed), for messages. */
  headers: string[];
  /** Number of grid columns of the header row. */
  width: number;
  /** Header positions covered by a merge from the left: a column name spanning several grid columns. */
  spanned: boolean[];
  /** One past the last column with a name (or under a spanning name): cells beyond it have no column. */
  named: number;
}

/** Title rows, notes and merged banners above the header are normal; the header is near the top. */
export const HEADER_SEARCH_ROWS = 50;

const MIN_ROLES = 3;
/** Extra white space a repeated column name may carry. */
const REPEAT_SLACK = 8;

export function headerText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Roles of a row read as a header row, or null when it does not look like one. */
export function readHeaderRow(row: RawRow): ColumnMap | null {
  const roles = new Map<Role, number[]>();
  const headers: string[] = [];
  const spanned: boolean[] = [];
  row.cells.forEach((cell, i) => {
    headers.push(headerText(cell.text));
    spanned.push(cell.merged === true);
    if (cell.merged || cell.text === "") return;
    const role = roleOfHeader(cell.text);
    if (!role) return;
    const list = roles.get(role);
    if (list) list.push(i);
    else roles.set(role, [i]);
  });
  const needed = row.headerHint ? MIN_ROLES - 1 : MIN_ROLES;
  if (roles.size < needed || !(roles.has("action") || roles.has("finding"))) return null;
  let named = headers.length;
  while (named > 0 && headers[named - 1] === "" && !spanned[named - 1]) named--;
  return { roles, headers, width: row.cells.length, spanned, named };
}

/** The first header row within the top rows of a table, and its index. */
export function findHeader(rows: readonly RawRow[]): { index: number; map: ColumnMap } | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = rows[i];
    if (!row) continue;
    const map = readHeaderRow(row);
    if (map) return { index: i, map };
  }
  return null;
}

/**
 * A header row repeated inside a table (after a page break, or pasted between blocks of rows): the
 * same column names in the same places. Data that merely contains column words ("In progress") is not.
 */
export function isRepeatedHeader(row: RawRow, map: ColumnMap): boolean {
  if (row.headerHint) return true;
  let same = 0;
  for (const cols of map.roles.values()) {
    for (const col of cols) {
      const cell = row.cells[col];
      const name = map.headers[col] ?? "";
      // Most data cells differ from the column name in length; only near-equal ones are compared.
      if (
        !cell ||
        cell.merged ||
        cell.text.length < name.length ||
        cell.text.length > name.length + REPEAT_SLACK
      ) {
        continue;
      }
      if (headerText(cell.text).toLowerCase() === name.toLowerCase()) same++;
    }
  }
  return same >= MIN_ROLES;
}
