/**
 * Small helpers for building Word fixtures with the `docx` package the way an officer's document
 * looks: real bullet and numbered lists in cells, bold header rows, landscape A4.
 */
import {
  AlignmentType,
  type Document,
  type INumberingOptions,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

export const NUMBERED = "numbered-list";

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: NUMBERED,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
    },
  ],
};

export const LANDSCAPE_A4 = {
  page: {
    size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
    margin: { top: 720, bottom: 720, left: 720, right: 720 },
  },
};

/** Each numbered list in its own instance so that every list restarts at 1, as lists typed by hand do. */
let listInstance = 0;

/**
 * Lines of text into cell paragraphs: "• item" lines become a real bullet list, "1. item" lines a real
 * numbered list (the number is Word's, not typed), anything else a paragraph.
 */
export function cellParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let inNumbered = false;
  for (const line of text.split("\n")) {
    const bullet = /^•\s*(.*)$/.exec(line);
    const numbered = /^\d+\.\s+(.*)$/.exec(line);
    if (bullet) {
      inNumbered = false;
      out.push(new Paragraph({ text: bullet[1] ?? "", bullet: { level: 0 } }));
    } else if (numbered) {
      if (!inNumbered) listInstance += 1;
      inNumbered = true;
      out.push(
        new Paragraph({
          text: numbered[1] ?? "",
          numbering: { reference: NUMBERED, level: 0, instance: listInstance },
        }),
      );
    } else {
      inNumbered = false;
      out.push(new Paragraph({ text: line }));
    }
  }
  return out;
}

export interface CellOptions {
  fill?: string;
  bold?: boolean;
  rowSpan?: number;
  columnSpan?: number;
  widthTwips?: number;
  /** Keep the text as one paragraph even if it has line breaks (written as soft breaks). */
  softBreaks?: boolean;
  fontColour?: string;
}

export function cell(text: string, opts: CellOptions = {}): TableCell {
  let children: Paragraph[];
  if (opts.bold || opts.fontColour || opts.softBreaks) {
    const runs = text.split("\n").map(
      (part, i) =>
        new TextRun({
          text: part,
          bold: opts.bold ?? false,
          ...(opts.fontColour ? { color: opts.fontColour } : {}),
          ...(i > 0 ? { break: 1 } : {}),
        }),
    );
    children = [new Paragraph({ children: runs })];
  } else {
    children = cellParagraphs(text);
  }
  return new TableCell({
    children,
    ...(opts.fill ? { shading: { fill: opts.fill, color: "auto", type: ShadingType.CLEAR } } : {}),
    ...(opts.rowSpan ? { rowSpan: opts.rowSpan } : {}),
    ...(opts.columnSpan ? { columnSpan: opts.columnSpan } : {}),
    ...(opts.widthTwips ? { width: { size: opts.widthTwips, type: WidthType.DXA } } : {}),
  });
}

export function headerRow(titles: string[], widths: number[], fill: string): TableRow {
  return new TableRow({
    tableHeader: true,
    children: titles.map((t, i) => cell(t, { bold: true, fill, widthTwips: widths[i] ?? 1500 })),
  });
}

export async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}
