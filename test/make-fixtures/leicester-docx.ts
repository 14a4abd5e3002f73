/**
 * Fixture 1: the Leicester health action plans (seed 004) collated into one Word file by a scrutiny
 * officer. One table per agency under a heading; columns in a different order from the JTAI plan
 * (Ref | Recommendation | Action | Responsible lead | Target date | Progress update | Date of last
 * update | RAG); RAG as words; the key given as a sentence under the title; the "received" date
 * written with a superscript ordinal as Word does it; last updates typed as 31.12.19, 30-11-19, 20/12/19.
 */
import { Document, HeadingLevel, Paragraph, Table, TableRow, TextRun } from "docx";
import { cell, headerRow, LANDSCAPE_A4, NUMBERING, pack } from "./docx-kit.js";
import type { BuiltFixture, ExpectedAction, ExpectedPlan } from "./expected.js";
import {
  LEICESTER_ACTIONS,
  LEICESTER_AS_OF,
  LEICESTER_KEY_SENTENCE,
  LEICESTER_SECTIONS,
  LEICESTER_TITLE,
  type LeicesterAction,
} from "./seed-004.js";

export const LEICESTER_DOCX = "leicester-health-plans.docx";

const COLUMNS = [
  "Ref",
  "Recommendation",
  "Action",
  "Responsible lead",
  "Target date",
  "Progress update",
  "Date of last update",
  "RAG",
];
const WIDTHS = [700, 2800, 2600, 1700, 1200, 3400, 1200, 1100];

function row(a: LeicesterAction): TableRow {
  const texts = [a.ref, a.recommendation, a.action, a.lead, a.target, a.progress, a.lastUpdateText, a.rag];
  return new TableRow({ children: texts.map((t, i) => cell(t, { widthTwips: WIDTHS[i] ?? 1200 })) });
}

export async function buildLeicesterDocx(): Promise<BuiltFixture> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: LEICESTER_TITLE, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: LEICESTER_KEY_SENTENCE }),
    new Paragraph({
      children: [
        new TextRun("Action Plans received on the 17"),
        new TextRun({ text: "th", superScript: true }),
        new TextRun(
          " November 2020 from each health agency, collated for the Adults and Young People scrutiny panels.",
        ),
      ],
    }),
  ];
  for (const s of LEICESTER_SECTIONS) {
    children.push(new Paragraph({ text: s.section, heading: HeadingLevel.HEADING_1 }));
    const rows = LEICESTER_ACTIONS.filter((a) => a.section === s.section).map(row);
    children.push(new Table({ rows: [headerRow(COLUMNS, WIDTHS, "D9E2F3"), ...rows] }));
    children.push(new Paragraph({ text: "" }));
  }
  const doc = new Document({
    creator: "Scrutiny Officer",
    title: LEICESTER_TITLE,
    numbering: NUMBERING,
    sections: [{ properties: LANDSCAPE_A4, children }],
  });

  const actions: ExpectedAction[] = LEICESTER_ACTIONS.map((a) => ({
    section: a.section,
    ref: a.ref,
    organisation: a.organisation,
    status: a.status,
    due: a.due,
    lastUpdate: a.lastUpdate,
    dueText: a.target,
    statusText: a.rag,
    lead: a.lead,
    contains: { progress: a.progress.split("\n") },
  }));
  const expected: ExpectedPlan = {
    file: LEICESTER_DOCX,
    about:
      "Seed 004's Leicester plans in Word: one table per agency, other column order, RAG words, key sentence, two-digit-year last updates in three styles, the same ref in several agencies.",
    plan: {
      title: LEICESTER_TITLE,
      asOf: LEICESTER_AS_OF,
      ragKey: [
        { word: "Red", status: "significant-risk" },
        { word: "Amber", status: "minor-risk" },
        { word: "Green", status: "on-track" },
        { word: "Blue", status: ["completed", "completed-with-impact"] },
      ],
    },
    sections: LEICESTER_SECTIONS.map((s) => ({ name: s.section, organisation: s.organisation })),
    actions,
  };
  return { file: LEICESTER_DOCX, bytes: await pack(doc), expected };
}
