/**
 * Small builders for hand-made RawDocuments, so that interpreter tests read like the tables they
 * describe. Used by tests only.
 */
import type { RawCell, RawDocument, RawParagraph, RawRow, RawTable } from "../raw.js";

/** A cell written as text, or as an object when it needs a fill, a date, a number or a merge. */
export type CellSpec = string | (Partial<RawCell> & { text?: string });

export function cell(spec: CellSpec): RawCell {
  if (typeof spec === "string") return { text: spec, fill: null };
  return { ...spec, text: spec.text ?? "", fill: spec.fill ?? null };
}

/** A merged (covered) grid position. */
export const M: CellSpec = { text: "", merged: true };

export function rows(specs: readonly (readonly CellSpec[])[], firstNumber = 1): RawRow[] {
  return specs.map((cells, i) => ({ number: firstNumber + i, cells: cells.map(cell) }));
}

export function table(
  where: string,
  specs: readonly (readonly CellSpec[])[],
  sheet: string | null = null,
): RawTable {
  return { kind: "table", where, sheet, rows: rows(specs) };
}

export function sheet(name: string, specs: readonly (readonly CellSpec[])[]): RawTable {
  return table(`sheet "${name}"`, specs, name);
}

export function para(
  text: string,
  headingLevel: number | null = null,
  extra: Partial<RawParagraph> = {},
): RawParagraph {
  return { kind: "paragraph", text, headingLevel, ...extra };
}

export function rawDoc(
  blocks: RawDocument["blocks"],
  extra: Partial<Omit<RawDocument, "blocks">> = {},
): RawDocument {
  return {
    fileName: extra.fileName ?? "plan.docx",
    format: extra.format ?? "docx",
    blocks,
    marginalia: extra.marginalia ?? [],
    propertiesTitle: extra.propertiesTitle ?? null,
    warnings: extra.warnings ?? [],
  };
}
