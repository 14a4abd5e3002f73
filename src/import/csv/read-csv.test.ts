import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { SAMPLES_DIR } from "../../../test/samples.js";
import { DEFAULT_LIMITS, ImportError, type ReadLimits } from "../errors.js";
import type { RawDocument, RawTable } from "../raw.js";
import { readCsv } from "./read-csv.js";

const SAMPLE = `${SAMPLES_DIR}/jtai-mental-health-action-plan.csv`;

function table(doc: RawDocument): RawTable {
  expect(doc.blocks).toHaveLength(1);
  const block = doc.blocks[0];
  if (block?.kind !== "table") throw new Error("expected a table");
  return block;
}

function texts(doc: RawDocument): string[][] {
  return table(doc).rows.map((r) => r.cells.map((c) => c.text));
}

function read(content: Uint8Array | string, limits: ReadLimits = DEFAULT_LIMITS): RawDocument {
  return readCsv(typeof content === "string" ? Buffer.from(content, "utf8") : content, "plan.csv", limits);
}

function readError(content: Uint8Array | string): ImportError {
  try {
    read(content);
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error("expected an ImportError");
}

describe("readCsv on the sample plan", () => {
  const buf = readFileSync(SAMPLE);
  const doc = readCsv(buf, "jtai.csv", DEFAULT_LIMITS);
  const t = table(doc);

  it("reads 34 records, header first, with the BOM gone", () => {
    expect(doc.format).toBe("csv");
    expect(t.where).toBe("file");
    expect(t.sheet).toBeNull();
    expect(t.rows).toHaveLength(34);
    expect(t.rows[0]?.cells.map((c) => c.text)).toEqual([
      "Section",
      "No.",
      "Area for development",
      "Action",
      "Lead",
      "Timescale",
      "RAG",
      "Progress",
      "Last updated",
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it("keeps every row on the 9-column grid with no fills", () => {
    for (const row of t.rows) {
      expect(row.cells).toHaveLength(9);
      for (const cell of row.cells) expect(cell.fill).toBeNull();
    }
  });

  it("keeps the quoted comma inside a ref", () => {
    const refs = t.rows.map((r) => r.cells[1]?.text);
    expect(refs).toContain("28 SY2,8");
    expect(refs).toContain("29 SY2,9");
  });

  it("keeps multi-line cells as \\n lines (20 of them in this file)", () => {
    const multiLine = t.rows.flatMap((r) => r.cells).filter((c) => c.text.includes("\n"));
    expect(multiLine).toHaveLength(20);
    for (const c of multiLine) expect(c.text).not.toMatch(/\r/);
  });

  it("numbers each row by the line its record starts on", () => {
    const lines = buf.toString("utf8").split("\n");
    for (const ref of ["28 SY2,8", "7"]) {
      const row = t.rows.find((r) => r.cells[1]?.text === ref);
      const quoted = ref.includes(",") ? `"${ref}"` : ref;
      const lineIndex = lines.findIndex((l) => l.split(",").includes(quoted) || l.includes(`,${quoted},`));
      expect(row?.number).toBe(lineIndex + 1);
    }
    const numbers = t.rows.map((r) => r.number);
    expect(numbers[0]).toBe(1);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  });
});

describe("readCsv encodings", () => {
  const content = "Ref,Action,Cost\r\n1,“Review” the café’s plan – urgent,£500\r\n";
  const expected = [
    ["Ref", "Action", "Cost"],
    ["1", "“Review” the café’s plan – urgent", "£500"],
  ];

  it("reads windows-1252 with a warning, keeping £ é – ’ “ ”", () => {
    const doc = read(iconv.encode(content, "windows-1252"));
    expect(texts(doc)).toEqual(expected);
    expect(doc.warnings).toEqual([{ where: "file", message: "not valid UTF-8; read as Windows-1252" }]);
  });

  it("reads UTF-16LE with a BOM", () => {
    const doc = read(iconv.encode(content, "utf-16le", { addBOM: true }));
    expect(texts(doc)).toEqual(expected);
    expect(doc.warnings).toEqual([]);
  });

  it("reads UTF-16 without a BOM in either byte order", () => {
    expect(texts(read(iconv.encode(content, "utf-16le")))).toEqual(expected);
    expect(texts(read(iconv.encode(content, "utf-16be")))).toEqual(expected);
  });

  it("reads a UTF-8 file with a stray windows-1252 byte, keeping both, with a warning", () => {
    const buf = Buffer.concat([
      Buffer.from("Ref,Action,Cost\n1,“Review” the café’s plan – urgent,", "utf8"),
      iconv.encode("£500\n", "windows-1252"),
    ]);
    const doc = read(buf);
    expect(texts(doc)).toEqual(expected);
    expect(doc.warnings).toEqual([
      { where: "line 2", message: "mostly UTF-8 with some bytes that are not; those read as Windows-1252" },
    ]);
  });

  it("reads UTF-8 without a BOM silently", () => {
    const doc = read(content);
    expect(texts(doc)).toEqual(expected);
    expect(doc.warnings).toEqual([]);
  });
});

describe("readCsv delimiters and line endings", () => {
  it("reads a semicolon file in windows-1252 (European Excel export)", () => {
    const doc = read(
      iconv.encode("Réf;Action;Montant\n1;Revoir, puis agir;1,5\n2;Former;2\n", "windows-1252"),
    );
    expect(texts(doc)).toEqual([
      ["Réf", "Action", "Montant"],
      ["1", "Revoir, puis agir", "1,5"],
      ["2", "Former", "2"],
    ]);
  });

  it("reads tab-separated text, keeping empty cells in place", () => {
    expect(texts(read("Ref\tAction\tLead\n1\t\tJo\n2\tTrain, test\t\n"))).toEqual([
      ["Ref", "Action", "Lead"],
      ["1", "", "Jo"],
      ["2", "Train, test", ""],
    ]);
  });

  it("reads CRLF, bare LF and bare CR record ends mixed in one file", () => {
    const doc = read('a,b\r\n1,"x\r\ny"\n2,z\r3,w\r\n');
    expect(texts(doc)).toEqual([
      ["a", "b"],
      ["1", "x\ny"],
      ["2", "z"],
      ["3", "w"],
    ]);
    expect(table(doc).rows.map((r) => r.number)).toEqual([1, 2, 4, 5]);
  });

  it("skips blank lines without renumbering later rows, and pads short rows", () => {
    const doc = read("a,b,c\n\n1,2\n  \n3,4,5,6\n");
    expect(table(doc).rows.map((r) => r.number)).toEqual([1, 3, 5]);
    expect(texts(doc)).toEqual([
      ["a", "b", "c", ""],
      ["1", "2", "", ""],
      ["3", "4", "5", "6"],
    ]);
  });

  it("trims cells and turns typed bullets into '- ' lines", () => {
    expect(texts(read('Ref,Progress\n 1 ,"Done:\n• one\n· two\n▪ three"\n'))[1]).toEqual([
      "1",
      "Done:\n- one\n- two\n- three",
    ]);
  });

  it("keeps stray quotes inside unquoted fields", () => {
    expect(texts(read('a,b\n1,The 5" screen\n'))[1]).toEqual(["1", 'The 5" screen']);
  });

  it("honours a sep= hint line and keeps counting lines from it", () => {
    const doc = read("sep=;\r\nRef;Action\r\n1;Audit, review\r\n");
    expect(texts(doc)).toEqual([
      ["Ref", "Action"],
      ["1", "Audit, review"],
    ]);
    expect(table(doc).rows.map((r) => r.number)).toEqual([2, 3]);
  });

  it("reads a file of only a header row as one row", () => {
    expect(texts(read("Ref,Action,Lead\n"))).toEqual([["Ref", "Action", "Lead"]]);
  });
});

describe("readCsv limits", () => {
  it("cuts a 100 000-character cell to maxCellChars with a warning naming line and column", () => {
    const big = "x".repeat(100_000);
    const doc = read(`a,b\n1,"${big}"\n`);
    expect(texts(doc)[1]?.[1]).toHaveLength(DEFAULT_LIMITS.maxCellChars);
    expect(doc.warnings).toEqual([
      {
        where: "file, line 2, column 2",
        message: `cell text cut to ${DEFAULT_LIMITS.maxCellChars} characters (it had 100000)`,
      },
    ]);
  });

  it("stops at maxRows with a warning", () => {
    const lines = ["a,b", ...Array.from({ length: 20 }, (_, i) => `${i},x`)].join("\n");
    const doc = read(lines, { ...DEFAULT_LIMITS, maxRows: 5 });
    expect(table(doc).rows).toHaveLength(5);
    expect(doc.warnings).toEqual([{ where: "file", message: "only the first 5 records were read" }]);
  });

  it("does not count blank lines towards maxRows", () => {
    const doc = read("a\n\n\n1\n\n2\n\n3\n", { ...DEFAULT_LIMITS, maxRows: 3 });
    expect(texts(doc)).toEqual([["a"], ["1"], ["2"]]);
    expect(doc.warnings).toEqual([{ where: "file", message: "only the first 3 records were read" }]);
  });

  it("gives no warning when the file has exactly maxRows records", () => {
    const doc = read("a\n1\n2\n", { ...DEFAULT_LIMITS, maxRows: 3 });
    expect(table(doc).rows).toHaveLength(3);
    expect(doc.warnings).toEqual([]);
  });

  it("refuses a file over maxFileBytes", () => {
    expect(() => read("a,b\n1,2\n", { ...DEFAULT_LIMITS, maxFileBytes: 4 })).toThrow(ImportError);
  });
});

describe("readCsv fatal errors", () => {
  it("names the line where an unterminated quote opens", () => {
    const err = readError('Ref,Action\n1,ok\n2,"never closed\n3,more\n4,still\n');
    expect(err.message).toBe("plan.csv: has a quote opened on line 3 that is never closed");
  });

  it("names the record with text after a closing quote", () => {
    expect(readError('Ref,Action\n1,ok\n2,"quoted" then more\n').reason).toBe(
      "has text after a closing quote in the record starting on line 3",
    );
  });

  it("says an empty or whitespace-only file is empty", () => {
    expect(readError("").reason).toBe("is empty");
    expect(readError(" \r\n\t\n").reason).toBe("is empty");
    expect(readError(Buffer.from([0xef, 0xbb, 0xbf])).reason).toBe("is empty");
  });

  it("says a file of empty fields only is empty", () => {
    expect(readError(",,\n , ,\n").reason).toBe("is empty");
  });

  it("refuses binary garbage", () => {
    const garbage = new Uint8Array(4096);
    let seed = 42;
    for (let i = 0; i < garbage.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      garbage[i] = seed >> 16;
    }
    expect(readError(garbage).reason).toBe("is a binary file, not CSV text");
    expect(readError(readFileSync(`${SAMPLES_DIR}/jtai-mental-health-action-plan.xlsx`)).reason).toBe(
      "is a binary file, not CSV text",
    );
  });
});
