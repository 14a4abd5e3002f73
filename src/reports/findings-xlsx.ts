import ExcelJS from "exceljs";
import { FINDING_KINDS } from "../assurance/types.js";
import { guardFormula } from "../domain/formula-guard.js";
import { STATUS_LABELS } from "../domain/status.js";
import { groupByOrganisation, type ScrutinyReportInput } from "./scrutiny-input.js";

const COLUMNS: { header: string; width: number }[] = [
  { header: "Plan", width: 30 },
  { header: "Organisation", width: 28 },
  { header: "Section", width: 24 },
  { header: "Ref", width: 10 },
  { header: "Finding kind", width: 24 },
  { header: "Severity", width: 10 },
  { header: "Status", width: 18 },
  { header: "Due", width: 12 },
  { header: "Last update", width: 12 },
  { header: "Reason", width: 70 },
  { header: "Question", width: 70 },
];

/** Every finding in one filterable sheet, and a count per organisation and kind. */
export async function findingsXlsx(input: ScrutinyReportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Assure";
  wb.title = `Assurance findings as at ${input.asOf}`;
  const ws = wb.addWorksheet("Findings");
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const parts = groupByOrganisation(input);
  for (const part of parts) {
    for (const item of part.items) {
      for (const f of item.findings) {
        const row = ws.addRow(
          [
            item.plan,
            part.organisation,
            item.section,
            item.ref,
            f.kind,
            f.severity,
            item.action ? STATUS_LABELS[item.action.status] : "",
            item.action?.due ?? "",
            item.action?.lastUpdate ?? "",
            f.reason,
            f.question,
          ].map((v) => guardFormula(String(v))),
        );
        row.alignment = { wrapText: true, vertical: "top" };
      }
    }
  }
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, ws.rowCount), column: COLUMNS.length },
  };

  const summary = wb.addWorksheet("Summary");
  summary.addRow(["Organisation", ...FINDING_KINDS, "Total"]).font = { bold: true };
  for (const part of parts) {
    const counts = FINDING_KINDS.map((k) =>
      part.items.reduce((n, item) => n + item.findings.filter((f) => f.kind === k).length, 0),
    );
    summary.addRow([guardFormula(part.organisation), ...counts, counts.reduce((a, b) => a + b, 0)]);
  }
  summary.getColumn(1).width = 32;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
