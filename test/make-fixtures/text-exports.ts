/**
 * Fixtures 4 and 5: delimited text exports.
 * - 4: the Leicester plans (seed 004) saved by Excel in a continental-locale "CSV (semicolon)" in
 *   windows-1252: £ é – ‘ ’ “ ” as single bytes, CRLF everywhere (also inside quoted multi-line
 *   progress), dates typed as "31 March 2020" and "End Feb 2020", last updates in long form.
 * - 5: part of seed 001 (Thames Valley Police, YOT, MKUHT) saved as Excel "Unicode Text": UTF-16LE
 *   with a BOM, tab-separated, CRLF records, bare LF inside quoted cells. Named .csv, as people do.
 */
import iconv from "iconv-lite";
import {
  type BuiltFixture,
  type ExpectedAction,
  type ExpectedPlan,
  longBritishDate,
  RAG_STATUS,
  slashDate,
} from "./expected.js";
import {
  JTAI_ACTIONS,
  type JtaiAction,
  jtaiAlsoOrganisations,
  jtaiExpectedOrganisation,
} from "./seed-001.js";
import { LEICESTER_ACTIONS, LEICESTER_SECTIONS } from "./seed-004.js";

export const LEICESTER_CSV = "leicester-semicolon-1252.csv";
export const JTAI_TAB_CSV = "jtai-part-utf16-tab.csv";

/** Quote a field the way Excel does: only when it holds the delimiter, a quote or a line break. */
function field(value: string, delimiter: string): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

function agencyName(section: string): string {
  const s = LEICESTER_SECTIONS.find((x) => x.section === section);
  if (!s) throw new Error(`no section ${section}`);
  return s.organisation;
}

export function buildLeicesterCsv(): BuiltFixture {
  const header = [
    "Agency",
    "Rec No",
    "Recommendation",
    "Action",
    "Lead officer",
    "Target date",
    "RAG",
    "Progress",
    "Last update",
  ];
  const lines = [header.join(";")];
  const actions: ExpectedAction[] = [];
  for (const a of LEICESTER_ACTIONS) {
    const agency = agencyName(a.section);
    const last = a.lastUpdate ? longBritishDate(a.lastUpdate) : "";
    const cells = [agency, a.ref, a.recommendation, a.action, a.lead, a.target, a.rag, a.progress, last];
    lines.push(cells.map((c) => field(c.replaceAll("\n", "\r\n"), ";")).join(";"));
    actions.push({
      section: agency,
      ref: a.ref,
      organisation: a.organisation,
      status: a.status,
      due: a.due,
      lastUpdate: a.lastUpdate,
      dueText: a.target,
      statusText: a.rag,
      lead: a.lead,
      contains: { progress: a.progress.split("\n"), action: [a.action], finding: [a.recommendation] },
      progressLines: a.progress.split("\n"),
    });
  }
  const text = `${lines.join("\r\n")}\r\n`;
  const expected: ExpectedPlan = {
    file: LEICESTER_CSV,
    about:
      "Seed 004's plans as a semicolon CSV in windows-1252 with £ é – and curly quotes, CRLF inside quoted multi-line progress, long and 'End Feb 2020' dates.",
    plan: { title: null, asOf: null, ragKey: [] },
    sections: LEICESTER_SECTIONS.map((s) => ({ name: s.organisation, organisation: s.organisation })),
    actions,
  };
  return { file: LEICESTER_CSV, bytes: new Uint8Array(iconv.encode(text, "win1252")), expected };
}

const TAB_SECTIONS = ["Thames Valley Police", "Youth Offending Team", "MKUHT"];

export function buildJtaiTabCsv(): BuiltFixture {
  const part: JtaiAction[] = JTAI_ACTIONS.filter((a) => TAB_SECTIONS.includes(a.section));
  const header = [
    "Section",
    "No.",
    "Area for development",
    "Action",
    "Lead",
    "Timescale",
    "RAG",
    "Progress",
    "Last updated",
  ];
  const lines = [header.join("\t")];
  const actions: ExpectedAction[] = [];
  for (const a of part) {
    const timescale = a.due ? slashDate(a.due) : a.timescale;
    const cells = [
      a.section,
      a.ref,
      a.finding,
      a.action,
      a.lead,
      timescale,
      a.rag,
      a.progress,
      slashDate(a.lastUpdate),
    ];
    lines.push(cells.map((c) => field(c, "\t")).join("\t"));
    const e: ExpectedAction = {
      section: a.section,
      ref: a.ref,
      organisation: jtaiExpectedOrganisation(a),
      status: RAG_STATUS[a.rag],
      due: a.due,
      lastUpdate: a.lastUpdate,
      dueText: timescale,
      statusText: a.rag,
      lead: a.lead,
      progressLines: a.progress.split("\n"),
    };
    const also = jtaiAlsoOrganisations(a);
    if (also.length > 0) e.alsoOrganisations = also;
    if (a.ref === "24") e.contains = { progress: ["£30,000", "£90k"] };
    actions.push(e);
  }
  const text = `${lines.join("\r\n")}\r\n`;
  const expected: ExpectedPlan = {
    file: JTAI_TAB_CSV,
    about:
      "Part of seed 001 as Excel 'Unicode Text': UTF-16LE with BOM, tab-separated, quoted multi-line cells.",
    plan: { title: null, asOf: null, ragKey: [] },
    sections: TAB_SECTIONS.map((name) => ({
      name,
      organisation: jtaiExpectedOrganisation({ section: name, lead: "" }),
    })),
    actions,
  };
  const body = iconv.encode(text, "utf16le");
  const bytes = new Uint8Array(body.length + 2);
  bytes.set([0xff, 0xfe], 0);
  bytes.set(body, 2);
  return { file: JTAI_TAB_CSV, bytes, expected };
}
