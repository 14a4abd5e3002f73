/**
 * The format-neutral shape every reader (docx, xlsx, csv) produces. Readers know file formats;
 * the interpreter knows action plans. Nothing here is specific to any one plan.
 */

export interface RawCell {
  /**
   * Plain text of the cell: paragraphs joined by "\n", list items written as "- item" lines,
   * soft line breaks as "\n". Trimmed of surrounding white space. Never contains HTML markup that was
   * not literally typed in the document.
   */
  text: string;
  /** Background fill as six-digit upper-case hex without '#' (theme colours and tints resolved), or null. */
  fill: string | null;
  /** Date value when the source stored a real date (xlsx date cells), as YYYY-MM-DD. */
  date?: string;
  /** Raw number when the source stored a number (xlsx), e.g. an Excel serial in a text-formatted column. */
  number?: number;
  /**
   * True when this grid position is covered by a merge started elsewhere (docx vMerge continue,
   * xlsx merged range). Its text is "" unless the reader copied the origin's text.
   */
  merged?: boolean;
}

export interface RawRow {
  /** 1-based row number in the source table/sheet/file, for messages. */
  number: number;
  /**
   * Cells laid on the table's grid: horizontal spans (gridSpan, merged ranges) are expanded so that
   * cells[i] is grid column i; covered positions carry `merged: true` and empty text.
   */
  cells: RawCell[];
  /** The source marks this row as a repeating header row (docx w:tblHeader). */
  headerHint?: boolean;
}

export interface RawTable {
  kind: "table";
  /** Human-readable location, e.g. `table 3`, `sheet "CCG"`, `file`. */
  where: string;
  /** Sheet name for workbooks, else null. */
  sheet: string | null;
  rows: RawRow[];
  /** True when the first cell of the table carried a page break before it (docx). */
  startsAfterPageBreak?: boolean;
}

export interface RawParagraph {
  kind: "paragraph";
  text: string;
  /** Heading level 1..9 when the paragraph is styled as a heading (or Title = 0), else null. */
  headingLevel: number | null;
  /** Style name/id as the document writes it, if any. */
  style?: string;
  /** Fill of the paragraph itself or of its runs' highlight, rarely used for keys. */
  isListItem?: boolean;
}

export type RawBlock = RawTable | RawParagraph;

export interface RawDocument {
  fileName: string;
  format: "docx" | "xlsx" | "csv";
  /** Body content in reading order. */
  blocks: RawBlock[];
  /** Text of headers and footers (docx), document properties (title), etc. */
  marginalia: string[];
  /** Title from document properties if present. */
  propertiesTitle?: string | null;
  /** Problems the reader met but could work round (row-level, cell-level). */
  warnings: { where: string; message: string }[];
}
