/**
 * Fixture 3: seed 001 as a workbook an officer keeps by hand.
 * - One sheet "Action plan" with an Agency column (no sheet per section), under a title block of three
 *   rows each merged across the table; header on row 4 with an autofilter and frozen panes.
 * - RAG cells are fill only, in THEME colours with tints (accent2, accent6 +40%, accent3 +40%,
 *   accent1 +40%, background darker 15%, text 2), exactly as the "Key" sheet shows them.
 * - A "Key" sheet in words: rating word, meaning, swatch.
 * - Target dates mixed: real date cells (dd/mm/yyyy), a bare serial number in a General cell (22),
 *   text "End June 2020", "Q3 2020/21" (28) and "Ongoing" (11). Last updated: date cells, with three
 *   typed as text.
 * - Refs typed as numbers where they are numbers.
 */
import ExcelJS from "exceljs";
import {
  type BuiltFixture,
  type ExpectedAction,
  type ExpectedPlan,
  JTAI_KEY_MEANINGS,
  RAG_STATUS,
  slashDate,
} from "./expected.js";
import {
  JTAI_ACTIONS,
  JTAI_AS_OF,
  JTAI_SECTIONS,
  type JtaiAction,
  jtaiAlsoOrganisations,
  jtaiExpectedOrganisation,
  jtaiSectionOrganisation,
} from "./seed-001.js";

export const JTAI_AGENCY_XLSX = "jtai-agency-column.xlsx";

const TITLE = "MK Together – JTAI children’s mental health action plan";

/** Theme index as Excel numbers them: 0 lt1 (window/white), 1 dk1, 2 lt2, 3 dk2, 4.. accent1... */
const THEME_FILL = {
  notStarted: { theme: 0, tint: -0.1499984740745262 },
  Red: { theme: 5, tint: 0 },
  Amber: { theme: 9, tint: 0.3999755851924192 },
  Green: { theme: 6, tint: 0.3999755851924192 },
  Blue: { theme: 4, tint: 0.3999755851924192 },
  impact: { theme: 3, tint: 0 },
} as const;

function themeFill(c: { theme: number; tint: number }): ExcelJS.Fill {
  // ExcelJS types colours as ARGB only, but writes theme and tint attributes as given.
  const colour = { theme: c.theme, tint: c.tint } as unknown as Partial<ExcelJS.Color>;
  return {
    type: "pattern",
    pattern: "solid",
    fgColor: colour,
    bgColor: { indexed: 64 } as Partial<ExcelJS.Color>,
  };
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

interface Variant {
  target: string | Date | number;
  dueText: string | null;
  due: string | null;
  lastUpdate: string | Date;
}

function variant(a: JtaiAction): Variant {
  let target: Variant["target"] = a.timescale;
  let dueText: string | null = a.timescale;
  let due = a.due;
  if (a.ref === "11") {
    target = "Ongoing";
    dueText = "Ongoing";
    due = null;
  } else if (a.ref === "28 SY2,8") {
    target = "Q3 2020/21";
    dueText = "Q3 2020/21";
    due = "2020-12-31";
  } else if (a.ref === "22") {
    target = 43921; // 31/03/2020 as Excel counts days, left in a General cell
    dueText = null;
  } else if (/^\d{1,2} \w+ \d{4}$/.test(a.timescale) && a.due) {
    target = utcDate(a.due);
    dueText = null;
  }
  const typed = ["11", "12", "13"].includes(a.ref);
  return { target, dueText, due, lastUpdate: typed ? slashDate(a.lastUpdate) : utcDate(a.lastUpdate) };
}

export async function buildJtaiAgencyXlsx(): Promise<BuiltFixture> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MK Together Business Unit";
  wb.title = TITLE;
  const ws = wb.addWorksheet("Action plan", { views: [{ state: "frozen", ySplit: 4 }] });
  ws.columns = [
    { width: 22 },
    { width: 9 },
    { width: 45 },
    { width: 40 },
    { width: 24 },
    { width: 14 },
    { width: 8 },
    { width: 60 },
    { width: 14 },
  ];
  const titleRows = [
    TITLE,
    "Plan version: FINAL    Updated: 26/03/2020",
    "RAG ratings as set out on the Key sheet. Each agency updates its own rows.",
  ];
  titleRows.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    ws.getCell(i + 1, 1).font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    ws.mergeCells(i + 1, 1, i + 1, 9);
  });
  const header = [
    "Agency",
    "Ref",
    "Finding",
    "Action",
    "Lead",
    "Target date",
    "RAG",
    "Progress",
    "Last updated",
  ];
  const headerRow = ws.getRow(4);
  headerRow.values = header;
  headerRow.font = { bold: true };
  headerRow.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  ws.autoFilter = "A4:I4";

  const expectedActions: ExpectedAction[] = [];
  JTAI_ACTIONS.forEach((a, i) => {
    const v = variant(a);
    const r = ws.getRow(5 + i);
    const ref: string | number = /^\d+$/.test(a.ref) ? Number(a.ref) : a.ref;
    r.values = [a.section, ref, a.finding, a.action, a.lead, v.target, null, a.progress, v.lastUpdate];
    r.alignment = { wrapText: true, vertical: "top" };
    const target = r.getCell(6);
    if (v.target instanceof Date) target.numFmt = "dd/mm/yyyy";
    const last = r.getCell(9);
    if (v.lastUpdate instanceof Date) last.numFmt = "dd/mm/yyyy";
    r.getCell(7).fill = themeFill(THEME_FILL[a.rag]);
    const e: ExpectedAction = {
      section: a.section,
      ref: a.ref,
      organisation: jtaiExpectedOrganisation(a),
      status: RAG_STATUS[a.rag],
      due: v.due,
      lastUpdate: a.lastUpdate,
    };
    const also = jtaiAlsoOrganisations(a);
    if (also.length > 0) e.alsoOrganisations = also;
    if (v.dueText !== null) e.dueText = v.dueText;
    if (a.ref === "24") e.contains = { progress: ["£30,000", "£90k"] };
    if (a.ref === "21") e.contains = { lead: ["TVP – DCI Matt Darnell"] };
    if (a.ref === "1") e.progressLines = [a.progress.split("\n")[0] ?? ""];
    expectedActions.push(e);
  });

  const key = wb.addWorksheet("Key");
  key.columns = [{ width: 14 }, { width: 90 }, { width: 10 }];
  key.getRow(1).values = ["Rating", "What it means", "Colour"];
  key.getRow(1).font = { bold: true };
  const keyRows: [string, string, { theme: number; tint: number }][] = [
    ["Not started", JTAI_KEY_MEANINGS.notStarted, THEME_FILL.notStarted],
    ["Red", JTAI_KEY_MEANINGS.significant, THEME_FILL.Red],
    ["Amber", JTAI_KEY_MEANINGS.minor, THEME_FILL.Amber],
    ["Green", JTAI_KEY_MEANINGS.onTrack, THEME_FILL.Green],
    ["Blue", JTAI_KEY_MEANINGS.completed, THEME_FILL.Blue],
    ["Ev.", JTAI_KEY_MEANINGS.impact, THEME_FILL.impact],
  ];
  keyRows.forEach(([word, meaning, fill], i) => {
    const r = key.getRow(2 + i);
    r.getCell(1).value = word;
    r.getCell(2).value = meaning;
    const swatch = r.getCell(3);
    swatch.fill = themeFill(fill);
    if (word === "Ev.") {
      swatch.value = "Ev.";
      swatch.font = { bold: true, color: { argb: "FFFFFFFF" } };
    }
  });

  const expected: ExpectedPlan = {
    file: JTAI_AGENCY_XLSX,
    about:
      "Seed 001 as a single-sheet workbook with an Agency column, a three-row merged title block, theme-colour RAG fills with tints, a Key sheet in words, and mixed serial/text dates.",
    plan: {
      title: TITLE,
      asOf: JTAI_AS_OF,
      ragKey: [
        { colour: "D9D9D9", status: "not-started" },
        { colour: "C0504D", word: "Red", status: "significant-risk" },
        { colour: "FAC090", word: "Amber", status: "minor-risk" },
        { colour: "C3D69B", word: "Green", status: "on-track" },
        { colour: "95B3D7", word: "Blue", status: "completed" },
        { colour: "1F497D", word: "Ev.", status: "completed-with-impact" },
      ],
    },
    sections: JTAI_SECTIONS.map((name) => ({ name, organisation: jtaiSectionOrganisation(name) })),
    actions: expectedActions,
  };
  return { file: JTAI_AGENCY_XLSX, bytes: new Uint8Array(await wb.xlsx.writeBuffer()), expected };
}
