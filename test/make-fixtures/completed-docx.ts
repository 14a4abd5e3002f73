/**
 * Fixture 6: a later review of part of seed 001 kept without any RAG: status is the "Completed" column
 * in words only (Completed, In progress, In Progress, Not started, N/A), and there is a separate
 * "Evidence of impact" column beside "Progress". No key anywhere, so the default word meanings apply.
 * The as-of date is the sentence "Last reviewed 14/01/2021"; there is no last-update column.
 * Section headings are Heading 2 paragraphs, one table per section.
 */
import { Document, HeadingLevel, Paragraph, Table, TableRow } from "docx";
import type { Status } from "../../src/domain/status.js";
import { cell, headerRow, LANDSCAPE_A4, NUMBERING, pack } from "./docx-kit.js";
import type { BuiltFixture, ExpectedAction, ExpectedPlan } from "./expected.js";
import {
  JTAI_ACTIONS,
  jtaiAlsoOrganisations,
  jtaiExpectedOrganisation,
  jtaiSectionOrganisation,
} from "./seed-001.js";

export const COMPLETED_DOCX = "completed-column-no-rag.docx";

const TITLE = "JTAI children’s mental health – review of youth justice, hospital and system actions";

const COLUMNS = [
  "No.",
  "Finding",
  "Action",
  "Owner",
  "Due by",
  "Progress",
  "Evidence of impact",
  "Completed",
];
const WIDTHS = [600, 2800, 2400, 1500, 1200, 3200, 2600, 1100];

/** What the later review says of each action: the word, its meaning, and any evidence of impact. */
const REVIEW: Record<string, { word: string; status: Status; impact: string; progress?: string }> = {
  "22": {
    word: "Completed",
    status: "completed",
    impact: "Case file audit (March 2020): learning from reviews referenced in 8 of 10 plans.",
  },
  "23": { word: "In progress", status: "on-track", impact: "" },
  "24": {
    word: "Completed",
    status: "completed",
    impact:
      "46 young people supported in 2020/21; 39 have not reoffended – a rate the board calls “encouraging”.",
  },
  "25": {
    word: "Not started",
    status: "not-started",
    impact: "",
    progress: "Clinic facility not yet scoped; deferred by the Youth Offending Strategic Board.",
  },
  "26": { word: "In Progress", status: "on-track", impact: "" },
  "27": {
    word: "N/A",
    status: "not-applicable",
    impact: "",
    progress: "Superseded by the multi-agency training plan (action 30 SY1).",
  },
  "32": { word: "In progress", status: "on-track", impact: "" },
  "33": { word: "Completed", status: "completed", impact: "" },
  "34": { word: "Not started", status: "not-started", impact: "" },
};

export async function buildCompletedDocx(): Promise<BuiltFixture> {
  const part = JTAI_ACTIONS.filter((a) => REVIEW[a.ref]);
  const sections = [...new Set(part.map((a) => a.section))];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: TITLE, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: "Last reviewed 14/01/2021 by the MK Together Quality Assurance Subgroup." }),
  ];
  const actions: ExpectedAction[] = [];
  for (const section of sections) {
    children.push(new Paragraph({ text: section, heading: HeadingLevel.HEADING_2 }));
    const rows = [headerRow(COLUMNS, WIDTHS, "E7E6E6")];
    for (const a of part.filter((x) => x.section === section)) {
      const r = REVIEW[a.ref];
      if (!r) continue;
      const progress = r.progress ?? a.progress;
      const texts = [a.ref, a.finding, a.action, a.lead, a.timescale, progress, r.impact, r.word];
      rows.push(new TableRow({ children: texts.map((t, i) => cell(t, { widthTwips: WIDTHS[i] ?? 1200 })) }));
      const e: ExpectedAction = {
        section,
        ref: a.ref,
        organisation: jtaiExpectedOrganisation(a),
        status: r.status,
        due: a.due,
        lastUpdate: null,
        dueText: a.timescale,
        statusText: r.word,
        evidenceOfImpact: r.impact,
      };
      const also = jtaiAlsoOrganisations(a);
      if (also.length > 0) e.alsoOrganisations = also;
      // Evidence of impact is its own column: it must not be read as progress, nor progress as it.
      // The first line's text, without the bullet or number Word draws for it.
      e.contains = { progress: [(progress.split("\n")[0] ?? "").replace(/^(?:•|\d+\.)\s+/, "")] };
      actions.push(e);
    }
    children.push(new Table({ rows }));
  }
  const doc = new Document({
    creator: "Quality Assurance Subgroup",
    numbering: NUMBERING,
    sections: [{ properties: LANDSCAPE_A4, children }],
  });
  const expected: ExpectedPlan = {
    file: COMPLETED_DOCX,
    about:
      "Status as Completed/In progress/Not started/N/A words only, no RAG and no key; separate Evidence of impact column; 'Last reviewed' as-of sentence.",
    plan: { title: TITLE, asOf: "2021-01-14", ragKey: [] },
    sections: sections.map((name) => ({ name, organisation: jtaiSectionOrganisation(name) })),
    actions,
  };
  return { file: COMPLETED_DOCX, bytes: await pack(doc), expected };
}
