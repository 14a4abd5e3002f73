import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import type { Finding } from "../assurance/types.js";
import type { ParsedAction } from "../domain/plan.js";
import { findingsXlsx } from "./findings-xlsx.js";
import { convertWithLibreOffice } from "./libreoffice.js";
import { scrutinyDocx } from "./scrutiny-docx.js";
import type { ScrutinyReportInput } from "./scrutiny-input.js";

function action(over: Partial<ParsedAction>): ParsedAction {
  return {
    section: "LPT",
    organisation: "Leicestershire Partnership NHS Trust",
    organisations: ["Leicestershire Partnership NHS Trust"],
    ref: "1.1",
    finding: "",
    action: "",
    lead: "",
    due: null,
    dueText: "",
    status: "on-track",
    statusText: "Green",
    progress: "",
    evidenceOfImpact: "",
    lastUpdate: null,
    where: "table 1, row 2",
    ...over,
  };
}

const hostile = '=HYPERLINK("http://evil.example","click")<script>alert(1)</script>';
const findings: Finding[] = [
  {
    kind: "stale",
    severity: "medium",
    section: "LPT",
    organisation: "Leicestershire Partnership NHS Trust",
    ref: "3.4",
    reason: "Last updated 20 December 2019; 333 days before 17 November 2020.",
    question:
      "Please provide an update from CAMHS requesting current data, as the plan shows no update since 20/12/19.",
  },
  {
    kind: "deflected",
    severity: "high",
    section: "LPT",
    organisation: "Leicestershire Partnership NHS Trust",
    ref: "1.1",
    reason: `Progress says "${hostile}".`,
    question: "What actually is LPT doing itself?",
  },
  {
    kind: "guidance-mismatch",
    severity: "high",
    section: "MKUHT",
    organisation: "Milton Keynes University Hospital NHS Foundation Trust",
    ref: "26",
    reason: "Offers level 1 & 2 training to paediatric staff.",
    question: "How will MKUHT ensure paediatric staff are trained to level 3?",
  },
];

const input: ScrutinyReportInput = {
  partnership: "Rutland & Leicester",
  asOf: "2020-11-17",
  plans: [
    {
      title: "CQC review action plans",
      asOf: "2020-11-17",
      actions: [
        action({ ref: "3.4" }),
        action({ ref: "1.1", statusText: "Green, Not Applicable" }),
        action({ ref: "26", section: "MKUHT", statusText: "", status: "minor-risk" }),
      ],
      findings,
    },
  ],
};

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

describe("scrutiny Word report", () => {
  it("has a part per organisation with each recommendation, its rating and its questions", async () => {
    const buf = await scrutinyDocx(input);
    const xml = strFromU8(unzipSync(buf)["word/document.xml"] as Uint8Array);
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("Questions resulting from review of Action Plans");
    expect(text).toContain("Leicestershire Partnership NHS Trust");
    expect(text).toContain("Recommendation 1.1 – Green, Not Applicable");
    expect(text).toContain("Recommendation 3.4 – Green");
    expect(text).toContain("Recommendation 26 – Minor risk");
    expect(text).toContain("no update since 20/12/19");
    // plan text is data, never markup
    expect(xml).not.toContain("<script>");
    // parts in alphabetical order of organisation
    expect(text.indexOf("Recommendation 3.4")).toBeLessThan(text.indexOf("Recommendation 26"));
  });

  it("opens cleanly in LibreOffice", async () => {
    const conv = await convertWithLibreOffice(await scrutinyDocx(input), "questions.docx", "pdf");
    cleanups.push(conv.cleanup);
    expect(conv.outputs).toEqual(["questions.pdf"]);
    expect(
      readFileSync(join(conv.dir, "out", "questions.pdf"))
        .subarray(0, 4)
        .toString(),
    ).toBe("%PDF");
  });
});

describe("findings workbook", () => {
  it("lists every finding in a filterable sheet with no formula injection", async () => {
    const buf = await findingsXlsx(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Findings");
    expect(ws?.rowCount).toBe(1 + findings.length);
    expect(ws?.autoFilter).toBeTruthy();
    const cells: string[] = [];
    ws?.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        cells.push(String(cell.value));
      });
    });
    expect(cells.some((c) => c.startsWith("="))).toBe(false);
    expect(cells).toContain("deflected");
  });

  it("opens cleanly in LibreOffice and keeps the hostile text as text", async () => {
    const conv = await convertWithLibreOffice(await findingsXlsx(input), "findings.xlsx", "csv");
    cleanups.push(conv.cleanup);
    expect(conv.outputs).toEqual(["findings.csv"]);
    const csv = readFileSync(join(conv.dir, "out", "findings.csv"), "utf8");
    expect(csv).toContain("HYPERLINK");
    expect(csv).toContain("guidance-mismatch");
  });
});
