import ExcelJS from "exceljs";
import { guardFormula } from "../domain/formula-guard.js";
import type { ParsedAction, ParsedPlan, RagKeyEntry } from "../domain/plan.js";
import { STATUS_LABELS, STATUSES, type Status } from "../domain/status.js";

/**
 * Plan exports. The column names are ones the importer recognises, and statuses are written as the
 * words of an explicit key, so an exported xlsx or csv imports back to the same model.
 */
export const EXPORT_COLUMNS = [
  "Section",
  "Organisation",
  "Ref",
  "Finding",
  "Action",
  "Lead",
  "Timescale",
  "RAG",
  "Progress",
  "Evidence of impact",
  "Last updated",
] as const;

const FALLBACK_COLOURS: Partial<Record<Status, string>> = {
  "not-started": "D9D9D9",
  "significant-risk": "FF0000",
  "minor-risk": "FFC000",
  "on-track": "00B050",
  completed: "0070C0",
  "completed-with-impact": "7030A0",
  "not-applicable": "FFFFFF",
};

/** One key line per status the export can write: the word in the RAG column and its colour. */
export function exportKey(
  planKey: readonly RagKeyEntry[],
): { status: Status; word: string; colour: string }[] {
  return STATUSES.filter((s) => s !== "unknown").map((status) => {
    const own = planKey.find((k) => k.status === status && k.colour && !k.word);
    return {
      status,
      word: STATUS_LABELS[status],
      colour: own?.colour ?? FALLBACK_COLOURS[status] ?? "FFFFFF",
    };
  });
}

function ddmmyyyy(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function timescale(a: ParsedAction): string {
  return a.dueText.trim() !== "" ? a.dueText : ddmmyyyy(a.due);
}

function rowValues(a: ParsedAction): string[] {
  return [
    a.section,
    a.organisations.join("; ") || (a.organisation ?? ""),
    a.ref,
    a.finding,
    a.action,
    a.lead,
    timescale(a),
    a.status === "unknown" ? "" : STATUS_LABELS[a.status],
    a.progress,
    a.evidenceOfImpact,
    ddmmyyyy(a.lastUpdate),
  ];
}

function csvField(value: string): string {
  const v = guardFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** UTF-8 with BOM (so Excel reads the characters right), CRLF records, comma-separated. */
export function exportCsv(parsed: ParsedPlan): Buffer {
  const lines = [EXPORT_COLUMNS.map(csvField).join(",")];
  for (const a of parsed.actions) lines.push(rowValues(a).map(csvField).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

export function exportJson(parsed: ParsedPlan, toJson: (p: ParsedPlan) => unknown): Buffer {
  return Buffer.from(`${JSON.stringify(toJson(parsed), null, 2)}\n`, "utf8");
}

const solid = (hex: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: `FF${hex}` },
});

export async function exportXlsx(parsed: ParsedPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Assure";
  wb.title = parsed.plan.title;
  const key = exportKey(parsed.plan.ragKey);
  const colourOf = new Map(key.map((k) => [k.status, k.colour]));

  const ws = wb.addWorksheet("Plan");
  ws.mergeCells(1, 1, 1, EXPORT_COLUMNS.length);
  ws.getCell(1, 1).value = guardFormula(parsed.plan.title);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const meta: string[] = [];
  if (parsed.plan.version) meta.push(`Plan version: ${parsed.plan.version}`);
  if (parsed.plan.asOf) meta.push(`Updated: ${ddmmyyyy(parsed.plan.asOf)}`);
  ws.getCell(2, 1).value = guardFormula(meta.join("  "));
  const header = ws.getRow(3);
  EXPORT_COLUMNS.forEach((name, i) => {
    const cell = header.getCell(i + 1);
    cell.value = name;
    cell.font = { bold: true };
  });
  ws.views = [{ state: "frozen", ySplit: 3 }];
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: EXPORT_COLUMNS.length } };
  parsed.actions.forEach((a, i) => {
    const row = ws.getRow(4 + i);
    rowValues(a).forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = guardFormula(v);
      cell.alignment = { wrapText: true, vertical: "top" };
    });
    const colour = colourOf.get(a.status);
    if (colour) row.getCell(8).fill = solid(colour);
  });
  const widths = [22, 22, 8, 40, 40, 20, 14, 16, 60, 30, 12];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });

  const ks = wb.addWorksheet("Key");
  ks.getRow(1).values = ["Colour", "Meaning", "Rating"];
  ks.getRow(1).font = { bold: true };
  key.forEach((k, i) => {
    const row = ks.getRow(2 + i);
    row.getCell(1).fill = solid(k.colour);
    row.getCell(2).value = k.word;
    row.getCell(3).value = k.word;
  });
  ks.getColumn(2).width = 36;
  ks.getColumn(3).width = 36;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
