import type { RawCell, RawRow } from "../raw.js";
import type { Role } from "./columns.js";
import type { ColumnMap } from "./header.js";
import { hasText } from "./rows.js";
import type { StatusCell, WordKind } from "./status.js";

/** Text roles whose cells are gathered as written, paragraphs on their own lines. */
export const TEXT_ROLES = ["finding", "action", "lead", "organisation", "progress", "impact"] as const;
export type TextRole = (typeof TEXT_ROLES)[number];

export interface PlacedCell {
  cell: RawCell;
  where: string;
}

/** One action as gathered from its row and any continuation rows, before it is interpreted. */
export interface Draft {
  /** Section name, or null when only the plan's title can name it. */
  section: string | null;
  where: string;
  ref: string;
  /** True when the row's table has a ref column at all. */
  hasRefColumn: boolean;
  texts: Record<TextRole, string[]>;
  due: PlacedCell | null;
  rag: StatusCell | null;
  words: (StatusCell & { kind: WordKind })[];
  lastUpdates: PlacedCell[];
}

export interface RowContext {
  map: ColumnMap;
  /** `table 3` or `sheet "CCG"`: the start of every message about this row. */
  tableWhere: string;
}

export function cellWhere(ctx: RowContext, row: RawRow, col: number): string {
  return `${ctx.tableWhere}, row ${row.number}, column "${ctx.map.headers[col] ?? `#${col + 1}`}"`;
}

function cols(map: ColumnMap, role: Role): readonly number[] {
  return map.roles.get(role) ?? [];
}

export function firstText(row: RawRow, map: ColumnMap, role: Role): string {
  for (const col of cols(map, role)) {
    const cell = row.cells[col];
    if (hasText(cell)) return cell.text;
  }
  return "";
}

export function refOf(row: RawRow, map: ColumnMap): { text: string; merged: boolean } | null {
  const col = cols(map, "ref")[0];
  if (col === undefined) return null;
  const cell = row.cells[col];
  if (!cell) return { text: "", merged: false };
  if (cell.merged) return { text: "", merged: true };
  const text = cell.text !== "" ? cell.text : cell.number !== undefined ? String(cell.number) : "";
  return { text, merged: false };
}

export function newDraft(section: string | null, where: string, ref: string, hasRefColumn: boolean): Draft {
  return {
    section,
    where,
    ref,
    hasRefColumn,
    texts: { finding: [], action: [], lead: [], organisation: [], progress: [], impact: [] },
    due: null,
    rag: null,
    words: [],
    lastUpdates: [],
  };
}

function isEmptyStatusCell(cell: RawCell | undefined): boolean {
  return !cell || cell.merged === true || (cell.text === "" && !cell.fill);
}

/** Adds what a row says to an action: its first row, or a row that continues it. */
export function absorbRow(draft: Draft, row: RawRow, ctx: RowContext): void {
  const { map } = ctx;
  for (const role of TEXT_ROLES) {
    for (const col of cols(map, role)) {
      const cell = row.cells[col];
      if (hasText(cell)) draft.texts[role].push(cell.text);
    }
  }
  const dueCol = cols(map, "due")[0];
  if (dueCol !== undefined && draft.due === null) {
    const cell = row.cells[dueCol];
    if (cell && !cell.merged && (cell.text !== "" || cell.date || cell.number !== undefined)) {
      draft.due = { cell, where: cellWhere(ctx, row, dueCol) };
    }
  }
  const statusCols = cols(map, "status");
  statusCols.forEach((col, i) => {
    const cell = row.cells[col];
    if (!cell) return;
    if (i === 0) {
      if (draft.rag === null || (isEmptyStatusCell(draft.rag.cell) && !isEmptyStatusCell(cell))) {
        draft.rag = { cell, where: cellWhere(ctx, row, col) };
      }
    } else if (hasText(cell)) {
      draft.words.push({ cell, where: cellWhere(ctx, row, col), kind: "status" });
    }
  });
  // Without a RAG column, a "Completed" column's words are the plan's only status.
  const completedKind = statusCols.length > 0 ? "completed" : "completedOnly";
  for (const col of cols(map, "completed")) {
    const cell = row.cells[col];
    if (hasText(cell)) draft.words.push({ cell, where: cellWhere(ctx, row, col), kind: completedKind });
  }
  for (const col of cols(map, "lastUpdate")) {
    const cell = row.cells[col];
    if (cell && !cell.merged && (cell.text !== "" || cell.date || cell.number !== undefined)) {
      draft.lastUpdates.push({ cell, where: cellWhere(ctx, row, col) });
    }
  }
}
