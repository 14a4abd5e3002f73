/**
 * The three sample files (the JTAI plan of seed 001 as .docx, .xlsx and .csv) read end to end, action
 * by action. The expected values were written from the seed text and the samples' README, not from
 * the importer's output: statuses from the RAG colours/words, due dates from the timescales as the
 * seed writes them ("End June 2020" is 30 June), last updates from the workbook's and export's column.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "../../test/samples.js";
import type { ParsedAction, ParsedPlan } from "../domain/plan.js";
import type { Status } from "../domain/status.js";
import { DEFAULT_LIMITS, ImportError } from "./errors.js";
import { parseBuffer, parseFile } from "./parse-file.js";

const SAMPLES = SAMPLES_DIR;
const STEM = "jtai-mental-health-action-plan";

const MKC = "Milton Keynes Council";
const CNWL = "Central and North West London NHS Foundation Trust";
const TVP = "Thames Valley Police";
const MKUH = "Milton Keynes University Hospital NHS Foundation Trust";
const CCG = "NHS Milton Keynes Clinical Commissioning Group";
const MKT = "MK Together";

const R: Status = "significant-risk";
const A: Status = "minor-risk";
const G: Status = "on-track";
const B: Status = "completed";

type SectionKey = "csc" | "ph" | "tvp" | "yot" | "mkuh" | "multi";

/** Section headings as the docx and csv write them; the workbook's sheet names replace "/" by " - ". */
const SECTION_NAMES: Record<SectionKey, { docx: string; xlsx: string }> = {
  csc: { docx: "Children's Social Care", xlsx: "Children's Social Care" },
  ph: { docx: "Public Health / CNWL", xlsx: "Public Health - CNWL" },
  tvp: { docx: "Thames Valley Police", xlsx: "Thames Valley Police" },
  yot: { docx: "Youth Offending Team", xlsx: "Youth Offending Team" },
  mkuh: { docx: "MKUHT", xlsx: "MKUHT" },
  multi: { docx: "Multi-agency / System areas", xlsx: "Multi-agency - System areas" },
};

interface Expected {
  ref: string;
  section: SectionKey;
  /** All owners: the lead's organisations where it names any, else the section heading's. */
  organisations: string[];
  status: Status;
  /** The timescale as seed 001 writes it (the docx), and the date it stands for. */
  timescale: string;
  due: string;
  /** From the workbook's and the export's "Last updated" column; the docx has none. */
  lastUpdate: string;
}

// prettier-ignore
const EXPECTED: Expected[] = [
  {
    ref: "1",
    section: "csc",
    organisations: [MKC],
    status: R,
    timescale: "End February 2020",
    due: "2020-02-29",
    lastUpdate: "2020-03-24",
  },
  {
    ref: "2",
    section: "csc",
    organisations: [MKC],
    status: B,
    timescale: "End February 2020",
    due: "2020-02-29",
    lastUpdate: "2020-02-28",
  },
  {
    ref: "3",
    section: "csc",
    organisations: [MKC],
    status: G,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-17",
  },
  {
    ref: "4",
    section: "csc",
    organisations: [MKC],
    status: G,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-17",
  },
  {
    ref: "5",
    section: "csc",
    organisations: [MKC],
    status: G,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-12",
  },
  {
    ref: "6",
    section: "csc",
    organisations: [MKC],
    status: G,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-05",
  },
  {
    ref: "7",
    section: "ph",
    organisations: [MKC, CNWL],
    status: G,
    timescale: "End May 2020",
    due: "2020-05-31",
    lastUpdate: "2020-03-19",
  },
  {
    ref: "8",
    section: "ph",
    organisations: [MKC, CNWL],
    status: G,
    timescale: "End May 2020",
    due: "2020-05-31",
    lastUpdate: "2020-03-19",
  },
  {
    ref: "9",
    section: "ph",
    organisations: [MKC, CNWL],
    status: A,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-19",
  },
  {
    ref: "10",
    section: "ph",
    organisations: [MKC, CNWL],
    status: B,
    timescale: "31 March 2020",
    due: "2020-03-31",
    lastUpdate: "2020-03-02",
  },
  {
    ref: "11",
    section: "ph",
    organisations: [CNWL],
    status: G,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-20",
  },
  {
    ref: "12",
    section: "ph",
    organisations: [CNWL],
    status: A,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-20",
  },
  {
    ref: "13",
    section: "ph",
    organisations: [CNWL, CCG],
    status: A,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-20",
  },
  {
    ref: "14",
    section: "ph",
    organisations: [MKC, CNWL],
    status: G,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-19",
  },
  {
    ref: "16",
    section: "ph",
    organisations: [CNWL, TVP],
    status: A,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-02-11",
  },
  {
    ref: "17",
    section: "ph",
    organisations: [CNWL],
    status: G,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-02-11",
  },
  {
    ref: "18",
    section: "tvp",
    organisations: [TVP],
    status: G,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-09",
  },
  {
    ref: "19",
    section: "tvp",
    organisations: [TVP],
    status: A,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-09",
  },
  {
    ref: "20",
    section: "tvp",
    organisations: [TVP],
    status: A,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-09",
  },
  {
    ref: "21",
    section: "tvp",
    organisations: [TVP],
    status: R,
    timescale: "End May 2020",
    due: "2020-05-31",
    lastUpdate: "2020-03-13",
  },
  {
    ref: "22",
    section: "yot",
    organisations: [MKC],
    status: B,
    timescale: "End March 2020",
    due: "2020-03-31",
    lastUpdate: "2020-02-26",
  },
  {
    ref: "23",
    section: "yot",
    organisations: [MKC],
    status: A,
    timescale: "End April 2020",
    due: "2020-04-30",
    lastUpdate: "2020-01-31",
  },
  {
    ref: "24",
    section: "yot",
    organisations: [MKT],
    status: B,
    timescale: "End March 2020",
    due: "2020-03-31",
    lastUpdate: "2020-03-23",
  },
  {
    ref: "25",
    section: "yot",
    organisations: [MKC],
    status: G,
    timescale: "End June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-01-31",
  },
  {
    ref: "26",
    section: "mkuh",
    organisations: [MKUH],
    status: G,
    timescale: "End April 2020",
    due: "2020-04-30",
    lastUpdate: "2020-03-16",
  },
  {
    ref: "27",
    section: "mkuh",
    organisations: [MKUH],
    status: A,
    timescale: "End May 2020",
    due: "2020-05-31",
    lastUpdate: "2020-03-16",
  },
  {
    ref: "28 SY2,8",
    section: "multi",
    organisations: [],
    status: G,
    timescale: "October 2020",
    due: "2020-10-31",
    lastUpdate: "2020-03-06",
  },
  {
    ref: "29 SY2,9",
    section: "multi",
    organisations: [MKT],
    status: A,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-06",
  },
  {
    ref: "30 SY1",
    section: "multi",
    organisations: [],
    status: G,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-06",
  },
  {
    ref: "31 SY3",
    section: "multi",
    organisations: [],
    status: G,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-06",
  },
  {
    ref: "32",
    section: "multi",
    organisations: [],
    status: A,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-03-06",
  },
  {
    ref: "33",
    section: "multi",
    organisations: [MKC, CCG],
    status: G,
    timescale: "End April 2020",
    due: "2020-04-30",
    lastUpdate: "2020-03-25",
  },
  {
    ref: "34",
    section: "multi",
    organisations: [],
    status: R,
    timescale: "30 June 2020",
    due: "2020-06-30",
    lastUpdate: "2020-01-14",
  },
];

/** The workbook and export write a timescale that is a date as dd/mm/yyyy, and keep "October 2020". */
function asWrittenInWorkbook(e: Expected): string {
  if (!/\d/.test(e.timescale.slice(0, 2)) && !e.timescale.startsWith("End")) return e.timescale;
  const [y, m, d] = e.due.split("-");
  return `${d}/${m}/${y}`;
}

/** List markers differ by format (Word lists, typed "1.", "• "); the words must not. */
function words(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^(?:- |• |\d+\. )/, "").trim())
    .join("\n");
}

const FORMATS = ["docx", "xlsx", "csv"] as const;
const plans = new Map<string, ParsedPlan>();

beforeAll(async () => {
  for (const ext of FORMATS) plans.set(ext, await parseFile(join(SAMPLES, `${STEM}.${ext}`)));
});

function plan(ext: string): ParsedPlan {
  const p = plans.get(ext);
  if (!p) throw new Error(`${ext} not parsed`);
  return p;
}

function byRef(p: ParsedPlan, ref: string): ParsedAction {
  const found = p.actions.filter((a) => a.ref === ref);
  expect(found, `actions with ref ${ref}`).toHaveLength(1);
  return found[0] as ParsedAction;
}

describe.each(FORMATS)("the sample .%s", (ext) => {
  it("has all 33 actions, in order, and nothing else", () => {
    expect(plan(ext).actions.map((a) => a.ref)).toEqual(EXPECTED.map((e) => e.ref));
  });

  it.each(EXPECTED)("action $ref", (e) => {
    const a = byRef(plan(ext), e.ref);
    const names = SECTION_NAMES[e.section];
    expect({
      section: a.section,
      organisation: a.organisation,
      organisations: a.organisations,
      status: a.status,
      due: a.due,
      dueText: a.dueText,
      lastUpdate: a.lastUpdate,
    }).toEqual({
      section: ext === "xlsx" ? names.xlsx : names.docx,
      organisation: e.organisations[0] ?? null,
      organisations: e.organisations,
      status: e.status,
      due: e.due,
      dueText: ext === "docx" ? e.timescale : asWrittenInWorkbook(e),
      lastUpdate: ext === "docx" ? null : e.lastUpdate,
    });
  });

  it("lists the six sections in order with their organisations", () => {
    const key = ext === "xlsx" ? "xlsx" : "docx";
    expect(plan(ext).sections).toEqual([
      { name: SECTION_NAMES.csc[key], organisation: MKC },
      { name: SECTION_NAMES.ph[key], organisation: MKC },
      { name: SECTION_NAMES.tvp[key], organisation: TVP },
      { name: SECTION_NAMES.yot[key], organisation: MKC },
      { name: SECTION_NAMES.mkuh[key], organisation: MKUH },
      { name: SECTION_NAMES.multi[key], organisation: null },
    ]);
  });

  it("keeps every character: dashes, pound signs, curly quotes, ampersands", () => {
    const p = plan(ext);
    expect(byRef(p, "21").lead).toBe("TVP – DCI Matt Darnell");
    expect(byRef(p, "24").progress).toContain("£30,000 from NHS England (Health & Justice)");
    expect(byRef(p, "27").finding).toContain("A&E practitioners");
    expect(byRef(p, "28 SY2,8").lead).toBe("MH JTAI T&F Group");
    expect(byRef(p, "13").lead).toBe("Jane Hannon, CNWL Hannah Pugliese CCG");
  });

  it("gathers the rows that continue actions 3 and 21 into their progress", () => {
    const p = plan(ext);
    const three = words(byRef(p, "3").progress).split("\n");
    expect(three).toHaveLength(2);
    expect(three[1]).toMatch(/^Work by Safeguarding Service \(IROs\)/);
    const twentyOne = words(byRef(p, "21").progress).split("\n");
    expect(twentyOne[0]).toMatch(/^Police are prioritising based on risk/);
    expect(twentyOne[1]).toMatch(/^Example 1 – a DA incident/);
    expect(twentyOne.at(-1)).toBe(
      "The MASH will always have a level of throughflow challenge but high-risk cases are prioritised.",
    );
  });

  it("keeps lists as '- ' lines and paragraphs on their own lines", () => {
    const progress = byRef(plan(ext), "1").progress.split("\n");
    expect(progress[0]).toBe("Self-service provision is now available for caseload data in:");
    expect(progress.slice(1, 8)).toEqual([
      "- CFP",
      "- CWD",
      "- Corporate Parenting (Inc. care leavers)",
      "- Exploitation",
      "- Family Support",
      "- FAST",
      "- MASH",
    ]);
    expect(progress).toHaveLength(11);
  });
});

describe("what differs by format, where the files really differ", () => {
  it("reads the plan's own key from the docx key table and the workbook's Key sheet; the csv has none", () => {
    for (const ext of ["docx", "xlsx"]) {
      const key = plan(ext).plan.ragKey;
      expect(key.map((k) => [k.colour, k.status])).toEqual([
        ["D9D9D9", "not-started"],
        ["FF0000", "significant-risk"],
        ["FFC000", "minor-risk"],
        ["00B050", "on-track"],
        ["0070C0", "completed"],
        ["0070C0", "completed-with-impact"],
      ]);
      expect(key[5]?.word).toBe("Ev.");
      expect(plan(ext).warnings.filter((w) => /RAG key/.test(w.message))).toEqual([]);
    }
    expect(plan("csv").warnings).toContainEqual({
      where: `${STEM}.csv`,
      message: "no RAG key found; default colours and words used",
    });
  });

  it("takes title, version and as-of date from the docx footer and the workbook's title rows", () => {
    for (const ext of ["docx", "xlsx"]) {
      expect(plan(ext).plan).toMatchObject({
        title: "Action Plan – JTAI children’s mental health",
        version: "FINAL",
        asOf: "2020-03-26",
        source: { kind: "jtai" },
      });
    }
    expect(plan("csv").plan).toMatchObject({ title: STEM, version: null, asOf: null });
  });

  it("writes the status as the docx and workbook show it (the key's meaning) and as the csv writes it", () => {
    expect(byRef(plan("docx"), "2").statusText).toBe("Action completed / Completed");
    expect(byRef(plan("docx"), "1").statusText).toBe(
      "Action in progress but at significant risk of missing completion in agreed timescale (>30 days) / In progress",
    );
    expect(byRef(plan("xlsx"), "9").statusText).toBe(
      "Action in progress but a minor risk to missing completion in agreed timescale (<30 days)",
    );
    expect(byRef(plan("csv"), "34").statusText).toBe("Red");
  });

  it("reads the same words in every format, whatever their list markers", () => {
    for (const e of EXPECTED) {
      const texts = FORMATS.map((ext) => byRef(plan(ext), e.ref));
      for (const field of ["finding", "action", "progress"] as const) {
        const [docx, xlsx, csv] = texts.map((a) => words(a[field]));
        expect(xlsx, `${e.ref} ${field} xlsx`).toBe(csv);
        expect(docx, `${e.ref} ${field} docx`).toBe(csv);
      }
    }
  });

  it("has no warnings for the docx and workbook", () => {
    expect(plan("docx").warnings).toEqual([]);
    expect(plan("xlsx").warnings).toEqual([]);
  });
});

describe("files that are not action plans", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assure-parse-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function reason(bytes: Uint8Array | string, name: string): Promise<string> {
    const buf = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    try {
      await parseBuffer(buf, name);
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).message.startsWith(`${name}: `)).toBe(true);
      return (err as ImportError).reason;
    }
    throw new Error("no error");
  }

  const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  it("says an empty file is empty", async () => {
    expect(await reason(new Uint8Array(0), "plan.csv")).toBe("is empty");
  });

  it("names PDFs, images and web pages", async () => {
    expect(await reason("%PDF-1.7\n%âãÏÓ\n1 0 obj", "plan.pdf")).toMatch(/^is a PDF/);
    expect(
      await reason(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "plan.png"),
    ).toMatch(/image/);
    expect(
      await reason("<!DOCTYPE html><html><table><tr><td>Ref</td></tr></table></html>", "plan.xls"),
    ).toMatch(/web page/);
  });

  it("tells a password-protected file from a legacy Office file", async () => {
    const name = new Uint8Array(Buffer.from("EncryptedPackage", "utf16le"));
    const encrypted = new Uint8Array([...CFB, ...new Uint8Array(600), ...name, 0, 0]);
    expect(await reason(encrypted, "plan.xlsx")).toBe(
      "is password-protected; remove the password and import again",
    );
    const legacy = new Uint8Array([...CFB, ...new Uint8Array(600)]);
    expect(await reason(legacy, "plan.xls")).toBe(
      "is a legacy Office 97–2003 file (.xls/.doc); save it as .xlsx or .docx and import again",
    );
  });

  it("says a .docx or .xlsx that is not a zip is not a valid file of its kind", async () => {
    expect(await reason("Ref,Action\n1,Audit\n", "plan.docx")).toMatch(/^is not a valid \.docx file: /);
    expect(await reason("Ref,Action\n1,Audit\n", "plan.xlsx")).toMatch(/^is not a valid \.xlsx file: /);
  });

  it("refuses binary content that is not text", async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(await reason(noise, "plan.csv")).toMatch(/unrecognised binary/);
  });

  it("says a csv without a plan header is not an action plan", async () => {
    expect(await reason("Name,Email\nJo,jo@example.org\n", "contacts.csv")).toBe(
      "is not an action plan: no table with a header row naming refs/actions was found",
    );
  });

  it("reads a text file by its content whatever its name", async () => {
    const p = await parseBuffer(
      new TextEncoder().encode("Ref;Action;Lead;RAG\r\n1;Audit case files;Jo Hooper;Amber\r\n"),
      "export.txt",
    );
    expect(p.actions.map((a) => [a.ref, a.status])).toEqual([["1", "minor-risk"]]);
  });

  it("checks a file's size before reading it, and a buffer's before parsing it", async () => {
    const path = join(dir, "big.csv");
    writeFileSync(path, `Ref,Action,Lead,RAG\n${"1,Audit,Jo,Green\n".repeat(200)}`);
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 1000 };
    await expect(parseFile(path, { limits })).rejects.toThrow(
      /big\.csv: is too large \(\d+ KB; the limit is 1000 bytes\)/,
    );
    await expect(parseBuffer(new Uint8Array(2000).fill(65), "big.csv", { limits })).rejects.toThrow(
      /is too large/,
    );
  });

  it("says a missing file does not exist", async () => {
    const missing = join(dir, "nowhere.docx");
    await expect(parseFile(missing)).rejects.toThrow(`${missing}: does not exist`);
  });
});
