import type { RawCell, RawRow } from "../raw.js";
import { cleanParagraph, joinLines, stripBullet } from "./text.js";

/**
 * What is known about a colour across several runs or paragraphs: undefined when nothing has
 * been seen yet, a hex when everything seen agrees on it, null when something had none or they differ.
 */
export type Agreement = string | null | undefined;

export function agree(a: Agreement, b: Agreement): Agreement {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a === b ? a : null;
}

/** A finished paragraph, before it is placed in the body, a cell, a text box or a margin. */
export interface ParaResult {
  raw: string;
  isList: boolean;
  headingLevel: number | null;
  style: string | undefined;
  /** Page break in the text, or page break before the paragraph. */
  breaksPage: boolean;
  pageBreakBefore: boolean;
  /** Index of the section whose properties this paragraph ends, if it ends one. */
  sectionIndex: number | null;
  /** Text background agreed by runs with visible text, and by runs of white space only. */
  inkBackground: Agreement;
  blankBackground: Agreement;
  shading: Agreement;
}

export class ParaFrame {
  readonly kind = "para";
  readonly pieces: string[] = [];
  styleId: string | null = null;
  /** undefined: the paragraph sets no numbering of its own and its style decides. */
  numId: string | undefined;
  outlineLvl: number | undefined;
  pageBreakBefore: boolean | undefined;
  breaksPage = false;
  sectionIndex: number | null = null;
  shading: string | null = null;
  inkBackground: Agreement;
  blankBackground: Agreement;
  /** Paragraphs of text boxes anchored in this paragraph, placed after it. */
  readonly after: ParaResult[] = [];
  private runStart = 0;
  runHighlight: string | null = null;
  runShading: string | null = null;

  add(text: string): void {
    this.pieces.push(text);
  }

  startRun(): void {
    this.runStart = this.pieces.length;
    this.runHighlight = null;
    this.runShading = null;
  }

  endRun(): void {
    if (this.pieces.length === this.runStart) return;
    const text = this.pieces.slice(this.runStart).join("");
    const bg = this.runHighlight ?? this.runShading ?? this.shading;
    if (/\S/.test(text)) this.inkBackground = agree(this.inkBackground, bg);
    else this.blankBackground = agree(this.blankBackground, bg);
  }
}

export class TableFrame {
  readonly kind = "table";
  readonly rows: RawRow[] = [];
  shading: string | null = null;
  rowsSeen = 0;
  firstCellPageBreak = false;
  /** 1-based number among body tables; null for tables nested in a cell or text box. */
  constructor(readonly number: number | null) {}
}

export class RowFrame {
  readonly kind = "row";
  readonly cells: RawCell[] = [];
  header = false;
  deleted = false;
  gridAfter = 0;
  shading: string | null = null;
  cellsOpened = 0;
  constructor(
    readonly table: TableFrame,
    readonly number: number,
  ) {}
}

export class CellFrame {
  readonly kind = "cell";
  readonly paras: ParaResult[] = [];
  span = 1;
  merged = false;
  shading: string | null = null;
  constructor(
    readonly row: RowFrame,
    /** 1-based grid column where the cell starts. */
    readonly column: number,
    /** First cell of the table's first row. */
    readonly first: boolean,
  ) {}
}

export class BoxFrame {
  readonly kind = "box";
  readonly paras: ParaResult[] = [];
}

export class BodyFrame {
  readonly kind = "body";
}

export type Frame = ParaFrame | TableFrame | RowFrame | CellFrame | BoxFrame | BodyFrame;

/** Paragraphs of a cell, text box or margin as one text: list items become "- " lines. */
export function composeText(paras: readonly ParaResult[], collapse: boolean): string {
  const lines: string[] = [];
  for (const p of paras) {
    let text = cleanParagraph(p.raw, collapse);
    if (p.isList) {
      text = stripBullet(text);
      if (text !== "") text = `- ${text}`;
    }
    lines.push(text);
  }
  return joinLines(lines);
}

/**
 * The fill a cell shows through its text when the cell itself has none: some plans colour the
 * text background (highlight, run or paragraph shading) instead of the cell.
 */
export function textFill(paras: readonly ParaResult[]): string | null {
  let ink: Agreement;
  let blank: Agreement;
  let shading: Agreement;
  for (const p of paras) {
    ink = agree(ink, p.inkBackground);
    blank = agree(blank, p.blankBackground);
    shading = agree(shading, p.shading);
  }
  if (ink !== undefined) return ink;
  if (blank !== undefined) return blank;
  return shading ?? null;
}

/** A table inside a cell or text box as lines: one per row, cells joined with " | ". */
export function flattenTable(rows: readonly RawRow[]): ParaResult[] {
  const out: ParaResult[] = [];
  for (const row of rows) {
    const texts: string[] = [];
    for (const cell of row.cells) {
      if (cell.merged || cell.text === "") continue;
      texts.push(cell.text.replace(/\n+/g, " "));
    }
    if (texts.length === 0) continue;
    out.push(plainLine(texts.join(" | ")));
  }
  return out;
}

function plainLine(raw: string): ParaResult {
  return {
    raw,
    isList: false,
    headingLevel: null,
    style: undefined,
    breaksPage: false,
    pageBreakBefore: false,
    sectionIndex: null,
    inkBackground: undefined,
    blankBackground: undefined,
    shading: undefined,
  };
}
