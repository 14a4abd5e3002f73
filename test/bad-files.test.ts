/**
 * The bad-file corpus: every file here is damaged, hostile, not an action plan, or an action plan with
 * problems in it. Each must end in exactly the outcome written beside it:
 *   - an ImportError whose one-line message names the file and whose reason matches, or
 *   - a ParsedPlan carrying the listed warnings (where + message), plus any checks on its actions;
 * never any other exception, always within 5 seconds, and with memory bounded where the file is
 * built to exhaust it. Nothing here touches a database. Files are built at test time in a temporary
 * directory; the 60 MB file and the zip bombs are never committed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedAction, ParsedPlan, Warning } from "../src/domain/plan.js";
import { DEFAULT_LIMITS, ImportError } from "../src/import/errors.js";
import { parseFile } from "../src/import/parse-file.js";
import {
  billionLaughsDocx,
  concatBytes,
  deeplyNestedDocx,
  docxBomb,
  externalEntityDocx,
  htmlSavedAsDocx,
  lyingDocxBomb,
  malformedXmlDocx,
  minimalDocx,
  para,
  pdfBytes,
  pngBytes,
  table,
  utf8,
  win1252,
  wordBody,
  workbook,
  writeLargeCsv,
  xlsxBomb,
  zipWithoutDocument,
} from "./make-fixtures/bad-builders.js";
import { encryptedOfficeFile, legacyDoc, legacyXls, noise } from "./make-fixtures/cfb.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const MB = 1024 * 1024;
const MAX_MS = 5000;

/** Reasons that say "this is not an action plan at all". */
const NOT_A_PLAN =
  /no header|header row|not an action plan|no action plan|no table|no columns? (?:that )?look/i;
/** Reasons that say "a plan's header is here but nothing under it". */
const NO_ACTIONS = /no actions|no rows|no data|nothing to import|no action rows/i;
const DAMAGED_ZIP = /damaged|truncated|corrupt|not a (?:valid |readable )?zip|incomplete/i;
const BOMB = /bomb|expand|uncompressed|limit/i;
const NOT_OFFICE =
  /not a zip|not a word|not an? (?:office|docx|word|open xml)|pdf|html|web page|unrecognised|unsupported|format/i;
const XML_HAZARD = /doctype|dtd|entit|malformed|xml|not well[- ]formed/i;

interface WarningExpectation {
  /** All must match the warning's `where`. */
  where: RegExp[];
  message: RegExp;
}

type Outcome =
  | { kind: "error"; reason: RegExp; reasonNot?: RegExp; messageNot?: RegExp }
  | { kind: "plan"; warnings: WarningExpectation[]; check?: (plan: ParsedPlan) => void };

interface BadCase {
  name: string;
  /** File name given to the importer; the error message must name it. */
  file: string;
  bytes?: () => Uint8Array | Promise<Uint8Array>;
  /** For files too large to build in memory: write the file at `path` instead. */
  write?: (path: string) => void;
  outcome: Outcome;
  /** Largest growth of resident memory allowed while parsing, for files built to exhaust it. */
  maxRssGrowthMb?: number;
}

const csv = (text: string) => () => utf8(text);
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const half = (bytes: Uint8Array) => bytes.slice(0, Math.floor(bytes.length / 2));
const error = (
  reason: RegExp,
  extra: Partial<Omit<Extract<Outcome, { kind: "error" }>, "kind">> = {},
): Outcome => ({
  kind: "error",
  reason,
  ...extra,
});

function byRef(plan: ParsedPlan, ref: string): ParsedAction {
  const found = plan.actions.find((a) => a.ref === ref);
  if (!found)
    throw new Error(`no action with ref "${ref}"; refs read: ${plan.actions.map((a) => a.ref).join(", ")}`);
  return found;
}

const PLAN_HEADER = "Ref,Action,Lead,Timescale,RAG,Progress";

const CASES: BadCase[] = [
  // --- Zip containers: damaged, hostile, or not what the extension says -----------------------
  {
    name: "a Word file cut in half",
    file: "leicester-plans-cut.docx",
    bytes: () => half(fixture("leicester-health-plans.docx")),
    outcome: error(DAMAGED_ZIP),
  },
  {
    name: "a workbook cut in half",
    file: "jtai-workbook-cut.xlsx",
    bytes: () => half(fixture("jtai-agency-column.xlsx")),
    outcome: error(DAMAGED_ZIP),
  },
  {
    name: "a zip bomb: 60 MB of zeros as word/document.xml (ratio ~1000)",
    file: "innocent-plan.docx",
    bytes: () => docxBomb(60 * MB),
    outcome: error(BOMB),
    maxRssGrowthMb: 150,
  },
  {
    name: "a zip bomb inside a workbook's sheet",
    file: "innocent-book.xlsx",
    bytes: () => xlsxBomb(60 * MB),
    outcome: error(BOMB),
    maxRssGrowthMb: 150,
  },
  {
    name: "a zip bomb whose headers claim every entry is 4 KB",
    file: "modest-plan.docx",
    bytes: () => lyingDocxBomb(60 * MB, 4000),
    outcome: error(/bomb|expand|limit|damaged|size/i),
    maxRssGrowthMb: 150,
  },
  {
    name: "a text file renamed .docx",
    file: "minutes.docx",
    bytes: csv("Minutes of the partnership board, 3 March 2020.\nPresent: Jo Hooper, Jane Hannon.\n"),
    outcome: error(NOT_OFFICE),
  },
  {
    name: "a zip with no word/document.xml",
    file: "package-without-body.docx",
    bytes: zipWithoutDocument,
    outcome: error(/document\.xml|main document|not a word|no document|missing/i),
  },
  {
    name: "a PDF renamed .docx",
    file: "scanned-plan.docx",
    bytes: pdfBytes,
    outcome: error(/pdf|not a zip|not a word/i),
  },
  {
    name: "an HTML page saved as .docx",
    file: "web-export.docx",
    bytes: htmlSavedAsDocx,
    outcome: error(/html|web page|not a zip|not a word/i),
  },
  {
    name: "a zero-byte .xlsx",
    file: "nothing.xlsx",
    bytes: () => new Uint8Array(0),
    outcome: error(/empty|0 bytes|zero/i),
  },

  // --- OLE compound files: encrypted and legacy binary Office ---------------------------------
  {
    name: "a password-protected workbook (CFB with EncryptedPackage)",
    file: "locked-plan.xlsx",
    bytes: encryptedOfficeFile,
    outcome: error(/encrypt|password|protected/i),
  },
  {
    name: "a password-protected Word file (same container, .docx)",
    file: "locked-plan.docx",
    bytes: encryptedOfficeFile,
    outcome: error(/encrypt|password|protected/i),
  },
  {
    name: "a legacy Excel 97-2003 .xls",
    file: "plan-2019.xls",
    bytes: legacyXls,
    outcome: error(/xls\b|excel 97|97-2003|legacy|older|binary/i),
  },
  {
    name: "a legacy .xls renamed .xlsx",
    file: "plan-2019-renamed.xlsx",
    bytes: legacyXls,
    outcome: error(/xls\b|excel 97|97-2003|legacy|older|binary/i),
  },
  {
    name: "a legacy Word 97-2003 .doc",
    file: "plan-2018.doc",
    bytes: legacyDoc,
    outcome: error(/doc\b|word 97|97-2003|legacy|older|binary/i),
  },

  // --- Word files that are not action plans, or hostile XML ------------------------------------
  {
    name: "a Word file with no table",
    file: "letter.docx",
    bytes: () =>
      minimalDocx(
        wordBody(
          para("Dear colleagues,") +
            para("Please find the inspection letter attached. The action plan will follow next month.") +
            para("Yours sincerely"),
        ),
      ),
    outcome: error(NOT_A_PLAN),
  },
  {
    name: "a Word file with tables but no header row",
    file: "contacts.docx",
    bytes: () =>
      minimalDocx(
        wordBody(
          para("Contacts") +
            table([
              ["Jo Hooper", "01908 253000", "jo.hooper@example.gov.uk"],
              ["Jane Hannon", "01908 660033", "jane.hannon@example.nhs.uk"],
            ]) +
            para("Meetings") +
            table([
              ["3 March 2020", "Civic Offices", "10:00"],
              ["7 April 2020", "Civic Offices", "14:00"],
            ]),
        ),
      ),
    outcome: error(NOT_A_PLAN),
  },
  {
    name: "a Word file whose only table has one column",
    file: "one-column.docx",
    bytes: () =>
      minimalDocx(
        wordBody(
          para("Notes") +
            table([
              ["Notes"],
              ["Board met on 3 March; next meeting in April."],
              ["Chair to write to agencies."],
            ]),
        ),
      ),
    outcome: error(NOT_A_PLAN),
  },
  {
    name: "billion laughs: nested entity definitions in document.xml",
    file: "laughing-plan.docx",
    bytes: billionLaughsDocx,
    outcome: error(XML_HAZARD),
    maxRssGrowthMb: 150,
  },
  {
    name: "an external entity pointing at /etc/passwd",
    file: "curious-plan.docx",
    bytes: externalEntityDocx,
    outcome: error(XML_HAZARD, { messageNot: /root:|\/bin\/(?:ba)?sh/ }),
  },
  {
    name: "malformed XML in document.xml",
    file: "broken-xml.docx",
    bytes: malformedXmlDocx,
    outcome: error(/malformed|xml|damaged|corrupt|unclosed|not well[- ]formed/i),
  },
  {
    name: "tables nested 20 000 deep",
    file: "nested.docx",
    bytes: () => deeplyNestedDocx(20_000),
    outcome: error(/nest|deep|header|not an action plan|no table|damaged/i),
  },

  // --- Text files that are not plans ------------------------------------------------------------
  {
    name: "a PNG renamed .csv",
    file: "chart.csv",
    bytes: pngBytes,
    outcome: error(/binary|image|png|not (?:a )?text|not a csv/i),
  },
  {
    name: "an empty csv",
    file: "empty.csv",
    bytes: () => new Uint8Array(0),
    outcome: error(/empty|0 bytes|zero|no (?:content|data)/i),
  },
  {
    name: "a csv holding only a UTF-8 BOM",
    file: "bom-only.csv",
    bytes: () => Uint8Array.from([0xef, 0xbb, 0xbf]),
    outcome: error(/empty|no (?:content|data|text)|blank/i),
  },
  {
    name: "a csv of only white space",
    file: "blank.csv",
    bytes: csv("   \r\n\t\r\n  \n\n"),
    outcome: error(/empty|blank|white ?space|no (?:content|data|text|header)/i),
  },
  {
    name: "a csv of binary garbage",
    file: "garbage.csv",
    bytes: () => noise(64 * 1024, 99),
    outcome: error(/binary|not (?:a )?text|not a csv|encoding|unreadable/i),
  },
  {
    // Not fatal in principle, but a header with nothing under it must not become a plan: imported
    // over an earlier version it would mark every action withdrawn.
    name: "a csv of only headers",
    file: "headers-only.csv",
    bytes: csv(`${PLAN_HEADER}\r\n`),
    outcome: error(NO_ACTIONS),
  },
  {
    name: "a 60 MB csv, refused by its size before it is read",
    file: "huge-export.csv",
    write: (path) => writeLargeCsv(path, 60 * MB),
    outcome: error(/too large|size|limit|larger|MB/i),
    maxRssGrowthMb: 150,
  },

  // --- Workbooks that are not plans, or hide them -----------------------------------------------
  {
    name: "a workbook with only an empty sheet",
    file: "empty-sheet.xlsx",
    bytes: () =>
      workbook((wb) => {
        wb.addWorksheet("Sheet1");
      }),
    outcome: error(/empty|no (?:data|content|cells|rows)|header|not an action plan/i),
  },
  {
    name: "a workbook whose header is on row 40 with nothing under it",
    file: "deep-header.xlsx",
    bytes: () =>
      workbook((wb) => {
        const ws = wb.addWorksheet("Plan");
        ws.getRow(40).values = ["Ref", "Action", "Lead", "Timescale", "RAG", "Progress"];
      }),
    outcome: error(NO_ACTIONS, { reasonNot: /no header/i }),
  },
  {
    name: "a workbook whose plan is on a hidden sheet",
    file: "hidden-plan.xlsx",
    bytes: () =>
      workbook((wb) => {
        const cover = wb.addWorksheet("Cover");
        cover.getCell("A1").value = "JTAI action plan";
        cover.getCell("A2").value = "The plan is on the next sheet.";
        const plan = wb.addWorksheet("Plan", { state: "hidden" });
        plan.addRow(["Ref", "Action", "Lead", "Timescale", "RAG", "Progress"]);
        plan.addRow([
          "1",
          "Dashboard data for frontline managers",
          "Jonathan Eastwood",
          "End February 2020",
          "Red",
          "Delayed",
        ]);
        plan.addRow(["2", "Revise the audit process", "Jo Hooper", "End February 2020", "Blue", "Done"]);
        plan.addRow([
          "3",
          "Audit care plans with LAC nurses",
          "Sivay Heer",
          "End June 2020",
          "Green",
          "Started",
        ]);
      }),
    outcome: {
      kind: "plan",
      warnings: [{ where: [/Plan/], message: /hidden/i }],
      check: (plan) => {
        expect(plan.actions.map((a) => a.ref)).toEqual(["1", "2", "3"]);
        expect(byRef(plan, "1").status).toBe("significant-risk");
        expect(byRef(plan, "2").status).toBe("completed");
        expect(byRef(plan, "3").due).toBe("2020-06-30");
      },
    },
  },

  // --- Plans with problems inside: read what can be read, warn with where ---------------------
  {
    name: "a cell of 100 000 characters is cut, with a warning",
    file: "long-cell.csv",
    bytes: csv(
      `${PLAN_HEADER}\r\n1,Audit of supervision,Jo Hooper,30/06/2020,Green,"${"Progress noted at the monthly board. ".repeat(2703).slice(0, 100_000)}"\r\n2,Review,Jo Hooper,30/06/2020,Amber,Short\r\n`,
    ),
    outcome: {
      kind: "plan",
      warnings: [{ where: [/(?:row|line) 2\b/i], message: /cut|truncat|shorten|too long|characters/i }],
      check: (plan) => {
        const progress = byRef(plan, "1").progress;
        expect(progress.length).toBeGreaterThanOrEqual(DEFAULT_LIMITS.maxCellChars / 2);
        expect(progress.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCellChars + 100);
        expect(progress.startsWith("Progress noted at the monthly board.")).toBe(true);
        expect(byRef(plan, "2").progress).toBe("Short");
      },
    },
  },
  {
    name: "impossible dates (31/02/2020, 32/13/2020) give warnings with where, no date",
    file: "impossible-dates.csv",
    bytes: csv(
      `${PLAN_HEADER},Last updated\r\n1,Audit,Jo Hooper,31/02/2020,Green,Started,32/13/2020\r\n2,Review,Jo Hooper,30/06/2020,Amber,Going,15/03/2020\r\n`,
    ),
    outcome: {
      kind: "plan",
      warnings: [
        { where: [/row 2\b/i, /timescale/i], message: /31\/02\/2020|date/i },
        { where: [/row 2\b/i, /last updated/i], message: /32\/13\/2020|date/i },
      ],
      check: (plan) => {
        const one = byRef(plan, "1");
        expect(one.due).toBeNull();
        expect(one.dueText).toBe("31/02/2020");
        expect(one.lastUpdate).toBeNull();
        const two = byRef(plan, "2");
        expect(two.due).toBe("2020-06-30");
        expect(two.lastUpdate).toBe("2020-03-15");
      },
    },
  },
  {
    // Fatal rather than a warning: everything after the open quote would be swallowed into one
    // cell, and importing the rows before it would mark every later action withdrawn.
    name: "a csv with an unterminated quote is refused, naming the line",
    file: "open-quote.csv",
    bytes: csv(
      `${PLAN_HEADER}\r\n1,Dashboard data for managers,Jonathan Eastwood,31/03/2020,Green,Started\r\n2,"Revise the audit process,Jo Hooper,30/06/2020,Amber,Not yet\r\n3,New protocol,Melinda May,30/06/2020,Green,Issued\r\n`,
    ),
    outcome: error(/quot.*(?:line|row) 3\b|(?:line|row) 3\b.*quot/i),
  },
  {
    name: "duplicate header columns: the first is used, the second is warned about",
    file: "duplicate-columns.csv",
    bytes: csv(
      "Ref,Action,Lead,Action,RAG,Progress\r\n1,Revise the audit process,Jo Hooper,Second text,Green,Done\r\n2,Audit care plans,Sivay Heer,Other text,Amber,Started\r\n",
    ),
    outcome: {
      kind: "plan",
      warnings: [
        {
          where: [/action|column|header/i],
          message: /duplicate|twice|more than once|again|same name|repeated/i,
        },
      ],
      check: (plan) => {
        expect(plan.actions).toHaveLength(2);
        expect(byRef(plan, "1").action).toContain("Revise the audit process");
        expect(byRef(plan, "2").status).toBe("minor-risk");
      },
    },
  },
  {
    name: "rows with more cells than the header",
    file: "ragged-rows.csv",
    bytes: csv(
      "Ref,Action,Lead,Timescale,RAG\r\n1,Audit,Jo Hooper,30/06/2020,Green,stray text,more stray\r\n2,Review,Jo Hooper,31/05/2020,Amber\r\n",
    ),
    outcome: {
      kind: "plan",
      warnings: [{ where: [/(?:row|line) 2\b/i], message: /more|extra|column|cells|fields/i }],
      check: (plan) => {
        expect(plan.actions).toHaveLength(2);
        expect(byRef(plan, "1").status).toBe("on-track");
        expect(byRef(plan, "1").due).toBe("2020-06-30");
        expect(byRef(plan, "2").status).toBe("minor-risk");
        expect(byRef(plan, "2").due).toBe("2020-05-31");
      },
    },
  },
  {
    name: "mixed encodings: UTF-8 with one windows-1252 byte",
    file: "mixed-encoding.csv",
    bytes: () =>
      concatBytes(
        utf8(
          `${PLAN_HEADER}\r\n1,Review of CAMHS waiting lists – phase 2,Jane Hannon’s team,30/06/2020,Green,Wait list halved\r\n`,
        ),
        win1252("2,Secure funding,MK Together,31/03/2020,Blue,Funding of £30000 secured\r\n"),
      ),
    outcome: {
      kind: "plan",
      warnings: [{ where: [/row 3\b|line 3\b/i], message: /encod|utf-?8|byte|character|invalid/i }],
      check: (plan) => {
        expect(byRef(plan, "1").action).toBe("Review of CAMHS waiting lists – phase 2");
        expect(byRef(plan, "1").lead).toBe("Jane Hannon’s team");
        expect(byRef(plan, "2").progress).toMatch(/^Funding of (?:£|\uFFFD)30000 secured$/);
        expect(byRef(plan, "2").status).toBe("completed");
      },
    },
  },
  {
    name: "10 000 half-filled rows, every other one only a ref",
    file: "ten-thousand.csv",
    bytes: () => {
      const lines = [PLAN_HEADER];
      for (let i = 1; i <= 10_000; i++) {
        lines.push(
          i % 2 === 1 ? `${i},Action number ${i},Lead ${i % 7},30/06/2020,Green,Update ${i}` : `${i},,,,,`,
        );
      }
      return utf8(`${lines.join("\r\n")}\r\n`);
    },
    outcome: {
      kind: "plan",
      warnings: [
        { where: [/row/i], message: /only a ref|ref only|nothing (?:else|but)|no action|empty|blank/i },
      ],
      check: (plan) => {
        const full = plan.actions.filter((a) => a.action !== "");
        expect(full).toHaveLength(5000);
        expect(full.every((a) => a.status === "on-track" && a.due === "2020-06-30")).toBe(true);
        expect(byRef(plan, "9999").action).toBe("Action number 9999");
        // A row holding only a ref is not an action with content; if kept, it must stay empty.
        expect(plan.actions.length).toBeLessThanOrEqual(10_000);
      },
    },
  },
];

describe("bad files", () => {
  let dir = "";
  const dataDir = () => join(dir, "assure-data");

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assure-bad-files-"));
    // If anything here opened the embedded database, it would create this directory.
    process.env.ASSURE_DATA_DIR = dataDir();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("has at least 30 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const path = join(dir, c.file);
      if (c.write) c.write(path);
      else if (c.bytes) writeFileSync(path, await c.bytes());
      if (c.name.startsWith("a 60 MB"))
        expect(statSync(path).size).toBeGreaterThan(DEFAULT_LIMITS.maxFileBytes);

      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      let plan: ParsedPlan | undefined;
      let thrown: unknown;
      try {
        plan = await parseFile(path);
      } catch (err) {
        thrown = err;
      }
      const ms = performance.now() - started;
      const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / MB;

      if (thrown !== undefined && !(thrown instanceof ImportError)) {
        throw new Error(
          `crashed instead of an ImportError: ${thrown instanceof Error ? thrown.stack : String(thrown)}`,
        );
      }
      expect(ms, "wall time in ms").toBeLessThan(MAX_MS);
      if (c.maxRssGrowthMb !== undefined)
        expect(rssGrowthMb, "RSS growth in MB").toBeLessThan(c.maxRssGrowthMb);
      expect(existsSync(dataDir()), "no database was opened").toBe(false);

      const o = c.outcome;
      if (o.kind === "error") {
        expect(
          thrown,
          `expected an ImportError, got a plan with ${plan?.actions.length} actions`,
        ).toBeInstanceOf(ImportError);
        const err = thrown as ImportError;
        expect(err.message).toContain(basename(path));
        expect(err.message).not.toMatch(/\n/);
        expect(err.reason).toMatch(o.reason);
        if (o.reasonNot) expect(err.reason).not.toMatch(o.reasonNot);
        if (o.messageNot) expect(err.message).not.toMatch(o.messageNot);
      } else {
        expect(thrown, "expected a plan, not an error").toBeUndefined();
        if (!plan) throw new Error("no plan");
        for (const w of o.warnings) {
          const hit = plan.warnings.some(
            (x: Warning) => w.where.every((re) => re.test(x.where)) && w.message.test(x.message),
          );
          expect(
            hit,
            `a warning where ${w.where.join(" & ")} saying ${w.message}; got:\n${describeWarnings(plan)}`,
          ).toBe(true);
        }
        o.check?.(plan);
      }
    });
  }
});

function describeWarnings(plan: ParsedPlan): string {
  return plan.warnings
    .slice(0, 20)
    .map((w) => `  ${w.where}: ${w.message}`)
    .join("\n");
}
