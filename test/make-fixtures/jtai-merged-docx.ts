/**
 * Fixture 2: seed 001 as one big Word table, the way an officer tidies a plan by merging cells.
 * - Section titles are rows inside the table: one cell spanning all eight columns (gridSpan), shaded
 *   grey D9D9D9, the same grey the key uses for "not yet started".
 * - Vertically merged cells (vMerge): the Lead of actions 22 and 23; Action and Lead of 26 and 27;
 *   the Lead of 30, 31 and 32 (three rows); and action 9 split into 9.1 and 9.2 whose Finding and Lead
 *   span both rows.
 * - RAG cells are shaded in other shades than the key's: C00000 red, FFFF00 amber, 92D050 green,
 *   2E74B5 blue. The key table has its swatches on the LEFT and the meaning on the right.
 */
import { Document, HeadingLevel, Paragraph, Table, TableRow } from "docx";
import { cell, headerRow, LANDSCAPE_A4, NUMBERING, pack } from "./docx-kit.js";
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
  JTAI_TITLE,
  type JtaiAction,
  jtaiAlsoOrganisations,
  jtaiExpectedOrganisation,
  jtaiSectionOrganisation,
} from "./seed-001.js";

export const JTAI_MERGED_DOCX = "jtai-merged-cells.docx";

const COLUMNS = [
  "No.",
  "Area for development identified",
  "Action",
  "Lead",
  "Timescale",
  "Progress / Evidence",
  "RAG",
  "Updated",
];
const WIDTHS = [700, 3000, 2400, 1700, 1200, 4200, 700, 1100];
const PLAN_SHADE = { Red: "C00000", Amber: "FFFF00", Green: "92D050", Blue: "2E74B5" } as const;

type Col = "finding" | "action" | "lead";

/** Action 9 has two numbered actions and two progress items under one finding: the officer splits it. */
function splitNine(a: JtaiAction): JtaiAction[] {
  const strip = (s: string) => s.replace(/^\d+\.\s+/, "");
  const actions = a.action.split("\n").map(strip);
  const progress = a.progress.split("\n").map(strip);
  return [0, 1].map((i) => ({
    ...a,
    ref: `9.${i + 1}`,
    action: actions[i] ?? "",
    progress: progress[i] ?? "",
  }));
}

/** Which cells start a vertical merge, keyed by ref, and how many rows they cover. */
const MERGES: Record<string, Partial<Record<Col, number>>> = {
  "9.1": { finding: 2, lead: 2 },
  "22": { lead: 2 },
  "26": { action: 2, lead: 2 },
  "30 SY1": { lead: 3 },
};

export async function buildJtaiMergedDocx(): Promise<BuiltFixture> {
  const actions = JTAI_ACTIONS.flatMap((a) => (a.ref === "9" ? splitNine(a) : [a]));
  const covered = new Map<string, Set<Col>>();
  for (const [ref, spans] of Object.entries(MERGES)) {
    const start = actions.findIndex((a) => a.ref === ref);
    for (const [col, n] of Object.entries(spans) as [Col, number][]) {
      for (let k = 1; k < n; k++) {
        const r = actions[start + k]?.ref ?? "";
        if (!covered.has(r)) covered.set(r, new Set());
        covered.get(r)?.add(col);
      }
    }
  }

  const rows: TableRow[] = [headerRow(COLUMNS, WIDTHS, "BDD6EE")];
  let section = "";
  for (const a of actions) {
    if (a.section !== section) {
      section = a.section;
      rows.push(
        new TableRow({
          children: [cell(section, { bold: true, fill: "D9D9D9", columnSpan: COLUMNS.length })],
        }),
      );
    }
    const skip = covered.get(a.ref) ?? new Set<Col>();
    const spans = MERGES[a.ref] ?? {};
    const cells = [cell(a.ref, { widthTwips: WIDTHS[0] })];
    for (const [i, col] of (["finding", "action", "lead"] as const).entries()) {
      if (skip.has(col)) continue;
      const span = spans[col];
      cells.push(cell(a[col], { widthTwips: WIDTHS[i + 1], ...(span ? { rowSpan: span } : {}) }));
    }
    cells.push(
      cell(a.timescale, { widthTwips: WIDTHS[4] }),
      cell(a.progress, { widthTwips: WIDTHS[5] }),
      cell("", { widthTwips: WIDTHS[6], fill: PLAN_SHADE[a.rag] }),
      cell(slashDate(a.lastUpdate), { widthTwips: WIDTHS[7] }),
    );
    rows.push(new TableRow({ children: cells }));
  }

  const key: [string, string, string][] = [
    ["D9D9D9", "", JTAI_KEY_MEANINGS.notStarted],
    ["FF0000", "", JTAI_KEY_MEANINGS.significant],
    ["FFC000", "", JTAI_KEY_MEANINGS.minor],
    ["00B050", "", JTAI_KEY_MEANINGS.onTrack],
    ["0070C0", "", JTAI_KEY_MEANINGS.completed],
    ["0070C0", "Ev.", JTAI_KEY_MEANINGS.impact],
  ];
  const keyTable = new Table({
    rows: key.map(
      ([fill, mark, meaning]) =>
        new TableRow({
          children: [
            cell(mark, { fill, widthTwips: 700, ...(mark ? { fontColour: "FFFFFF", bold: true } : {}) }),
            cell(meaning, { widthTwips: 9000 }),
          ],
        }),
    ),
  });

  const doc = new Document({
    creator: "MK Together Business Unit",
    numbering: NUMBERING,
    sections: [
      {
        properties: LANDSCAPE_A4,
        children: [
          new Paragraph({ text: JTAI_TITLE, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: "Plan version: FINAL    Updated: 26/03/2020" }),
          new Paragraph({
            text: "This action plan has been developed from recommendations from the Joint Targeted Area Inspection (JTAI) of the multi-agency response to children’s mental health.",
          }),
          new Paragraph({ text: "Governance", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            text: "To ensure progress is clearly measured the following RAG rating will be applied to each action:",
          }),
          keyTable,
          new Paragraph({ text: "" }),
          new Table({ rows }),
        ],
      },
    ],
  });

  const expectedActions: ExpectedAction[] = actions.map((a) => {
    const e: ExpectedAction = {
      section: a.section,
      ref: a.ref,
      organisation: jtaiExpectedOrganisation(a),
      status: RAG_STATUS[a.rag],
      due: a.due,
      lastUpdate: a.lastUpdate,
      dueText: a.timescale,
    };
    const also = jtaiAlsoOrganisations(a);
    if (also.length > 0) e.alsoOrganisations = also;
    if (MERGES[a.ref] || covered.has(a.ref)) {
      e.lead = a.lead;
      if (a.ref.startsWith("9.")) e.finding = a.finding;
      if (a.ref === "26" || a.ref === "27") e.contains = { action: [a.action] };
    }
    if (a.ref === "1") e.progressLines = ["- CFP", "- MASH", a.progress.split("\n")[0] ?? ""];
    if (a.ref === "21")
      e.contains = { lead: ["TVP – DCI Matt Darnell"], progress: ["risk assessment etc – it is"] };
    if (a.ref === "24") e.contains = { progress: ["£30,000", "£90k"] };
    return e;
  });
  const expected: ExpectedPlan = {
    file: JTAI_MERGED_DOCX,
    about:
      "Seed 001 as one Word table with merged cells (gridSpan section rows, vMerge leads/findings across actions), RAG shades unlike the key's, key swatches on the left.",
    plan: {
      title: JTAI_TITLE,
      asOf: JTAI_AS_OF,
      ragKey: [
        { colour: "D9D9D9", status: "not-started" },
        { colour: "FF0000", status: "significant-risk" },
        { colour: "FFC000", status: "minor-risk" },
        { colour: "00B050", status: "on-track" },
        { colour: "0070C0", status: "completed" },
        { colour: "0070C0", word: "Ev.", status: "completed-with-impact" },
      ],
    },
    sections: JTAI_SECTIONS.map((name) => ({ name, organisation: jtaiSectionOrganisation(name) })),
    actions: expectedActions,
  };
  return { file: JTAI_MERGED_DOCX, bytes: await pack(doc), expected };
}
