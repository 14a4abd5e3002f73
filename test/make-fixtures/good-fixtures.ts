/** Every good fixture, in one list, for regeneration and for the corpus test. */
import { buildCompletedDocx, COMPLETED_DOCX } from "./completed-docx.js";
import type { BuiltFixture } from "./expected.js";
import { buildJtaiAgencyXlsx, JTAI_AGENCY_XLSX } from "./jtai-agency-xlsx.js";
import { buildJtaiMergedDocx, JTAI_MERGED_DOCX } from "./jtai-merged-docx.js";
import { buildLeicesterDocx, LEICESTER_DOCX } from "./leicester-docx.js";
import { buildJtaiTabCsv, buildLeicesterCsv, JTAI_TAB_CSV, LEICESTER_CSV } from "./text-exports.js";

export const GOOD_FIXTURES: { file: string; build: () => BuiltFixture | Promise<BuiltFixture> }[] = [
  { file: LEICESTER_DOCX, build: buildLeicesterDocx },
  { file: JTAI_MERGED_DOCX, build: buildJtaiMergedDocx },
  { file: JTAI_AGENCY_XLSX, build: buildJtaiAgencyXlsx },
  { file: LEICESTER_CSV, build: buildLeicesterCsv },
  { file: JTAI_TAB_CSV, build: buildJtaiTabCsv },
  { file: COMPLETED_DOCX, build: buildCompletedDocx },
];

export function expectedFileName(file: string): string {
  return `${file.replace(/\.[^.]+$/, "")}.expected.json`;
}
