import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import { formatLongDate } from "../domain/dates.js";
import { STATUS_LABELS } from "../domain/status.js";
import { type ActionFindings, groupByOrganisation, type ScrutinyReportInput } from "./scrutiny-input.js";

const TITLE = "Questions resulting from review of Action Plans";

function recommendationHeading(item: ActionFindings): string {
  const rating = item.action
    ? item.action.statusText.split(" / ")[0] || STATUS_LABELS[item.action.status]
    : "";
  const ref = item.ref || "(no ref)";
  return rating ? `Recommendation ${ref} – ${rating}` : `Recommendation ${ref}`;
}

/**
 * A Word document in the shape partnership scrutineers already write (seed 004): a contents list, a
 * part per organisation, each recommendation headed with its ref and rating and its questions beneath.
 * The reasons follow each question so the agency can see exactly what prompted it.
 */
export async function scrutinyDocx(input: ScrutinyReportInput): Promise<Buffer> {
  const parts = groupByOrganisation(input);
  const plansLine = input.plans.map((p) => p.title).join("; ");
  const contents: Paragraph[] = [new Paragraph({ text: "Contents", heading: HeadingLevel.HEADING_1 })];
  const body: Paragraph[] = [];

  parts.forEach((part, i) => {
    const anchor = `org${i + 1}`;
    contents.push(
      new Paragraph({
        children: [
          new InternalHyperlink({
            anchor,
            children: [new TextRun({ text: part.organisation, style: "Hyperlink" })],
          }),
        ],
      }),
    );
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: i > 0,
        children: [new Bookmark({ id: anchor, children: [new TextRun(part.organisation)] })],
      }),
    );
    const count = part.items.reduce((n, item) => n + item.findings.length, 0);
    body.push(
      new Paragraph(
        `${count} question${count === 1 ? "" : "s"} on ${part.items.length} recommendation${part.items.length === 1 ? "" : "s"}.`,
      ),
    );
    for (const item of part.items) {
      body.push(new Paragraph({ text: recommendationHeading(item), heading: HeadingLevel.HEADING_2 }));
      if (input.plans.length > 1 || item.section) {
        body.push(
          new Paragraph({
            children: [
              new TextRun({ text: [item.plan, item.section].filter(Boolean).join(" — "), italics: true }),
            ],
          }),
        );
      }
      for (const f of item.findings) {
        body.push(new Paragraph({ text: f.question, spacing: { before: 120 } }));
        body.push(
          new Paragraph({
            children: [
              new TextRun({
                text: `Why we ask (${f.kind}, ${f.severity}): ${f.reason}`,
                size: 18,
                color: "505A5F",
              }),
            ],
          }),
        );
      }
    }
  });

  const doc = new Document({
    creator: "Assure",
    title: TITLE,
    description: `Scrutiny questions for ${input.partnership} as of ${input.asOf}`,
    styles: { default: { document: { run: { font: "Arial", size: 22 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: TITLE, heading: HeadingLevel.TITLE }),
          new Paragraph(
            `The following questions were raised by Assure from a review of the action plans of ${input.partnership} as at ${formatLongDate(input.asOf)}. Plans reviewed: ${plansLine || "none"}.`,
          ),
          ...contents,
          ...(parts.length === 0
            ? [new Paragraph("No questions were raised: no action met any finding rule on this date.")]
            : body),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
