import type { ReadLimits } from "../errors.js";
import type { RawBlock, RawCell, RawDocument, RawTable } from "../raw.js";
import { highlightColour, shadingColour, type ThemeColours } from "./colour.js";
import {
  BodyFrame,
  BoxFrame,
  CellFrame,
  composeText,
  type Frame,
  flattenTable,
  ParaFrame,
  type ParaResult,
  RowFrame,
  TableFrame,
  textFill,
} from "./frames.js";
import { headingLevelFromOutline, type StyleSheet, toInt } from "./styles.js";
import { cleanParagraph, cutText, stripBullet } from "./text.js";
import { type Attrs, attr, isOn, Ns, streamXml, type XmlHandler } from "./xml-stream.js";

export interface PartContext {
  fileName: string;
  limits: ReadLimits;
  styles: StyleSheet;
  theme: ThemeColours;
}

/**
 * Subtrees whose content is not part of the text a reader sees: tracked deletions and moves away,
 * field instructions, ruby guides, the previous formatting kept by tracked changes (it would
 * overwrite the current formatting), and content-control properties.
 */
const SKIPPED = new Set([
  "del",
  "moveFrom",
  "delText",
  "delInstrText",
  "instrText",
  "rt",
  "pPrChange",
  "rPrChange",
  "tblPrChange",
  "trPrChange",
  "tcPrChange",
  "sectPrChange",
  "tblGridChange",
  "numberingChange",
  "sdtPr",
  "sdtEndPr",
  "cellDel",
  "fldData",
]);

type Warning = RawDocument["warnings"][number];

/** A table whose page-break status depends on how the following section starts. */
interface SectionDependent {
  table: RawTable;
  section: number;
}

/**
 * Turns WordprocessingML events into blocks as they stream past. Frames on a stack stand for the
 * open paragraphs, tables, rows, cells and text boxes, so nesting (tables in cells, text boxes in
 * paragraphs) needs no tree.
 */
class PartReader implements XmlHandler {
  readonly blocks: RawBlock[] = [];
  readonly warnings: Warning[] = [];
  private readonly frames: Frame[];
  private readonly path: string[] = [];
  private skip = 0;
  private inText = false;
  private tables = 0;
  private paragraphs = 0;
  private readonly sections: string[] = [];
  private sectionType = "nextPage";
  private readonly dependents: SectionDependent[] = [];
  /** Page break seen in the paragraphs leading up to the next body table. */
  private pageBreakPending = false;
  private sectionPending: number | null = null;
  /** Whether the part's root element is w:document. */
  isWordDocument = false;

  constructor(
    private readonly ctx: PartContext,
    root: BodyFrame | BoxFrame,
  ) {
    this.frames = [root];
  }

  get root(): Frame {
    return this.frames[0] as Frame;
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  private para(): ParaFrame | null {
    const f = this.top();
    return f.kind === "para" ? f : null;
  }

  open(ns: Ns, local: string, attrs: Attrs): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    if (ns === Ns.Mc && local === "Fallback") {
      // mc:Choice already holds the same content in its modern form.
      this.skip = 1;
      return;
    }
    const path = this.path;
    const parent = path[path.length - 1];
    if (path.length === 0 && ns === Ns.W && local === "document") this.isWordDocument = true;
    if (ns !== Ns.W) {
      path.push("");
      return;
    }
    if (SKIPPED.has(local)) {
      if (local === "del" && parent === "trPr") {
        const row = this.top();
        if (row.kind === "row") row.deleted = true;
      }
      this.skip = 1;
      return;
    }
    if (local === "tr") {
      const table = this.top();
      if (table.kind === "table") {
        table.rowsSeen++;
        if (table.number !== null && table.rowsSeen > this.ctx.limits.maxRows) {
          this.skip = 1;
          return;
        }
        this.frames.push(new RowFrame(table, table.rowsSeen));
      }
      path.push(local);
      return;
    }
    path.push(local);
    switch (local) {
      case "p":
        this.frames.push(new ParaFrame());
        return;
      case "r":
        this.para()?.startRun();
        return;
      case "t":
        this.inText = true;
        return;
      case "tab":
        if (parent === "r") this.para()?.add(" ");
        return;
      case "ptab":
        this.para()?.add(" ");
        return;
      case "br": {
        const p = this.para();
        if (!p) return;
        if (attr(attrs, "type") === "page") p.breaksPage = true;
        else p.add("\n");
        return;
      }
      case "cr":
        this.para()?.add("\n");
        return;
      case "noBreakHyphen":
        this.para()?.add("-");
        return;
      case "sym": {
        const code = Number.parseInt(attr(attrs, "char") ?? "", 16);
        if (Number.isInteger(code) && code > 0 && code <= 0xffff) this.para()?.add(String.fromCharCode(code));
        return;
      }
      case "tbl": {
        const container = this.top();
        this.frames.push(new TableFrame(container.kind === "body" ? ++this.tables : null));
        return;
      }
      case "tc": {
        const row = this.top();
        if (row.kind !== "row") return;
        const first = row.cellsOpened === 0 && row.table.rowsSeen === 1;
        row.cellsOpened++;
        this.frames.push(new CellFrame(row, row.cells.length + 1, first));
        return;
      }
      case "txbxContent":
        this.frames.push(new BoxFrame());
        return;
      case "sectPr":
        this.sectionType = "nextPage";
        return;
    }
    this.property(parent, local, attrs);
  }

  /** Formatting elements, told apart by the element that holds them. */
  private property(parent: string | undefined, local: string, attrs: Attrs): void {
    const f = this.top();
    switch (parent) {
      case "pPr":
        if (f.kind !== "para") return;
        if (local === "pStyle") f.styleId = attr(attrs, "val") ?? null;
        else if (local === "outlineLvl") f.outlineLvl = toInt(attr(attrs, "val")) ?? undefined;
        else if (local === "pageBreakBefore") f.pageBreakBefore = isOn(attrs);
        else if (local === "shd") f.shading = shadingColour(attrs, this.ctx.theme);
        return;
      case "numPr":
        if (local === "numId" && f.kind === "para" && this.path[this.path.length - 3] === "pPr") {
          f.numId = attr(attrs, "val") ?? undefined;
        }
        return;
      case "rPr":
        if (f.kind !== "para" || this.path[this.path.length - 3] !== "r") return;
        if (local === "highlight") f.runHighlight = highlightColour(attr(attrs, "val"));
        else if (local === "shd") f.runShading = shadingColour(attrs, this.ctx.theme);
        return;
      case "tcPr":
        if (f.kind !== "cell") return;
        if (local === "gridSpan") f.span = Math.max(1, Math.min(toInt(attr(attrs, "val")) ?? 1, 1000));
        else if (local === "vMerge" || local === "hMerge") f.merged = attr(attrs, "val") !== "restart";
        else if (local === "shd") f.shading = shadingColour(attrs, this.ctx.theme);
        return;
      case "trPr":
        if (f.kind !== "row") return;
        if (local === "tblHeader") f.header = isOn(attrs);
        else if (local === "gridBefore") {
          const n = Math.min(toInt(attr(attrs, "val")) ?? 0, 1000);
          for (let i = 0; i < n; i++) f.cells.push({ text: "", fill: null });
        } else if (local === "gridAfter") f.gridAfter = Math.min(toInt(attr(attrs, "val")) ?? 0, 1000);
        return;
      case "tblPrEx":
        if (local === "shd" && f.kind === "row") f.shading = shadingColour(attrs, this.ctx.theme);
        return;
      case "tblPr":
        if (local === "shd" && f.kind === "table") f.shading = shadingColour(attrs, this.ctx.theme);
        return;
      case "sectPr":
        if (local === "type") this.sectionType = attr(attrs, "val") ?? "nextPage";
        return;
    }
  }

  close(ns: Ns, local: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    this.path.pop();
    if (ns !== Ns.W) return;
    switch (local) {
      case "t":
        this.inText = false;
        return;
      case "r":
        this.para()?.endRun();
        return;
      case "p":
        if (this.top().kind === "para") this.finishParagraph(this.frames.pop() as ParaFrame);
        return;
      case "tc":
        if (this.top().kind === "cell") this.finishCell(this.frames.pop() as CellFrame);
        return;
      case "tr":
        if (this.top().kind === "row") this.finishRow(this.frames.pop() as RowFrame);
        return;
      case "tbl":
        if (this.top().kind === "table") this.finishTable(this.frames.pop() as TableFrame);
        return;
      case "txbxContent":
        if (this.top().kind === "box") this.finishBox(this.frames.pop() as BoxFrame);
        return;
      case "sectPr": {
        const index = this.sections.length;
        this.sections.push(this.sectionType);
        const p = this.para();
        if (p && this.path[this.path.length - 1] === "pPr") p.sectionIndex = index;
        return;
      }
    }
  }

  text(text: string): void {
    if (!this.inText || this.skip > 0) return;
    // Line ends and tabs inside w:t are layout of the XML, not of the document.
    this.para()?.add(/[\t\n\r]/.test(text) ? text.replace(/[\t\n\r]/g, " ") : text);
  }

  private finishParagraph(f: ParaFrame): void {
    const style = this.ctx.styles.resolve(f.styleId);
    const headingLevel =
      f.outlineLvl !== undefined ? headingLevelFromOutline(f.outlineLvl) : (style?.headingLevel ?? null);
    const numbered = f.numId !== undefined ? f.numId !== "0" : (style?.numbered ?? false);
    const pageBreakBefore = f.pageBreakBefore ?? style?.pageBreakBefore ?? false;
    const result: ParaResult = {
      raw: f.pieces.join(""),
      // Numbered headings ("1.2 Governance") are headings, not list items.
      isList: numbered && headingLevel === null,
      headingLevel,
      style: style?.name ?? f.styleId ?? undefined,
      breaksPage: f.breaksPage || pageBreakBefore,
      pageBreakBefore,
      sectionIndex: f.sectionIndex,
      inkBackground: f.inkBackground,
      blankBackground: f.blankBackground,
      shading: f.shading,
    };
    this.deliver(result);
    for (const p of f.after) this.deliver(p);
  }

  private deliver(p: ParaResult): void {
    const container = this.top();
    switch (container.kind) {
      case "cell":
        if (container.first && container.paras.length === 0 && p.pageBreakBefore) {
          container.row.table.firstCellPageBreak = true;
        }
        container.paras.push(p);
        return;
      case "box":
        container.paras.push(p);
        return;
      case "para":
        container.after.push(p);
        return;
      case "body":
        this.bodyParagraph(p);
        return;
    }
  }

  private bodyParagraph(p: ParaResult): void {
    let text = cleanParagraph(p.raw, true);
    if (p.isList) text = stripBullet(text);
    // A break counts for the next table when only blank paragraphs and headings follow it.
    if (text === "" || p.headingLevel !== null) {
      this.pageBreakPending ||= p.breaksPage;
      this.sectionPending = p.sectionIndex ?? this.sectionPending;
    } else {
      this.pageBreakPending = p.breaksPage;
      this.sectionPending = p.sectionIndex;
    }
    if (text === "") return;
    this.paragraphs++;
    text = this.cut(text, `paragraph ${this.paragraphs}`, "paragraph");
    this.blocks.push({
      kind: "paragraph",
      text,
      headingLevel: p.headingLevel,
      ...(p.style !== undefined ? { style: p.style } : {}),
      ...(p.isList ? { isListItem: true } : {}),
    });
  }

  private finishCell(c: CellFrame): void {
    const row = this.top();
    if (row.kind !== "row") return;
    const table = row.table;
    let text = c.merged ? "" : composeText(c.paras, true);
    if (table.number !== null) {
      text = this.cut(text, `table ${table.number}, row ${row.number}, column ${c.column}`, "cell");
    }
    const fill = c.shading ?? textFill(c.paras) ?? row.shading ?? table.shading;
    const cell: RawCell = { text, fill };
    if (c.merged) cell.merged = true;
    row.cells.push(cell);
    for (let i = 1; i < c.span; i++) row.cells.push({ text: "", fill, merged: true });
  }

  private finishRow(r: RowFrame): void {
    const table = this.top();
    if (table.kind !== "table" || r.deleted) return;
    for (let i = 0; i < r.gridAfter; i++) r.cells.push({ text: "", fill: null });
    table.rows.push(
      r.header
        ? { number: r.number, cells: r.cells, headerHint: true }
        : { number: r.number, cells: r.cells },
    );
  }

  private finishTable(t: TableFrame): void {
    const container = this.top();
    if (container.kind === "cell" || container.kind === "box") {
      container.paras.push(...flattenTable(t.rows));
      return;
    }
    if (container.kind === "para") {
      container.after.push(...flattenTable(t.rows));
      return;
    }
    if (container.kind !== "body" || t.number === null) return;
    const table: RawTable = { kind: "table", where: `table ${t.number}`, sheet: null, rows: t.rows };
    if (t.firstCellPageBreak || this.pageBreakPending) table.startsAfterPageBreak = true;
    else if (this.sectionPending !== null) this.dependents.push({ table, section: this.sectionPending });
    if (t.rowsSeen > this.ctx.limits.maxRows) {
      this.warnings.push({
        where: table.where,
        message: `only the first ${this.ctx.limits.maxRows} of its ${t.rowsSeen} rows were read`,
      });
    }
    this.blocks.push(table);
    this.pageBreakPending = false;
    this.sectionPending = null;
  }

  private finishBox(box: BoxFrame): void {
    for (const p of box.paras) this.deliver(p);
  }

  private cut(text: string, where: string, what: "cell" | "paragraph"): string {
    const max = this.ctx.limits.maxCellChars;
    if (text.length <= max) return text;
    this.warnings.push({ where, message: `${what} text cut to ${max} characters (it had ${text.length})` });
    return cutText(text, max);
  }

  /** A section break starts a new page unless the section after it is continuous. */
  resolveSectionBreaks(): void {
    for (const d of this.dependents) {
      const next = this.sections[d.section + 1] ?? "nextPage";
      if (next !== "continuous") d.table.startsAfterPageBreak = true;
    }
  }
}

export function readBody(
  bytes: Uint8Array,
  part: string,
  ctx: PartContext,
): { blocks: RawBlock[]; warnings: Warning[]; isWordDocument: boolean } {
  const reader = new PartReader(ctx, new BodyFrame());
  streamXml(bytes, ctx.fileName, part, reader);
  reader.resolveSectionBreaks();
  return { blocks: reader.blocks, warnings: reader.warnings, isWordDocument: reader.isWordDocument };
}

/** Text of a header or footer part; spacing is kept as written (people align footers with spaces). */
export function readMarginal(bytes: Uint8Array, part: string, ctx: PartContext): string {
  const box = new BoxFrame();
  const reader = new PartReader(ctx, box);
  streamXml(bytes, ctx.fileName, part, reader);
  return composeText(box.paras, false);
}
