import { CsvError, parse } from "csv-parse/sync";
import { ImportError, type ReadLimits } from "../errors.js";
import type { RawCell, RawDocument, RawRow } from "../raw.js";
import { formatBytes } from "../zip.js";
import { capCellText, cutMessage, normaliseCellText } from "./cell-text.js";
import { decodeText } from "./decode-text.js";
import { detectDelimiter } from "./detect-delimiter.js";
import { LineIndex } from "./line-index.js";

type Warning = RawDocument["warnings"][number];

/**
 * Reads a CSV (or tab/semicolon/pipe separated) file into one RawTable. Rows are numbered by the
 * line each record starts on, so a message about "row 12" points at line 12 in a text editor.
 */
export function readCsv(buf: Uint8Array, fileName: string, limits: ReadLimits): RawDocument {
  if (buf.length > limits.maxFileBytes) {
    throw new ImportError(
      fileName,
      `is ${formatBytes(buf.length)}, more than the ${formatBytes(limits.maxFileBytes)} limit`,
    );
  }
  const decoded = decodeText(buf, fileName);
  const warnings: Warning[] = [...decoded.warnings];
  // A BOM can survive decoding when a file carries two (exports re-saved by another tool).
  const text = decoded.text.replace(/^\uFEFF+/, "");
  if (text.trim() === "") throw new ImportError(fileName, "is empty");

  const choice = detectDelimiter(text);
  const rows: RawRow[] = [];
  let width = 0;
  parseRecords(text, choice.delimiter, choice.skipLines, fileName, (fields, line) => {
    const cells = fields.map((value, i): RawCell => {
      const capped = capCellText(normaliseCellText(value), limits.maxCellChars);
      if (capped.cutFrom !== undefined) {
        warnings.push({
          where: `file, line ${line}, column ${i + 1}`,
          message: cutMessage(limits.maxCellChars, capped.cutFrom),
        });
      }
      return { text: capped.text, fill: null };
    });
    // Blank lines carry nothing; numbering by line keeps later rows' positions right without them.
    if (cells.every((c) => c.text === "")) return true;
    if (rows.length >= limits.maxRows) {
      warnings.push({ where: "file", message: `only the first ${limits.maxRows} records were read` });
      return false;
    }
    width = Math.max(width, cells.length);
    rows.push({ number: line, cells });
    return true;
  });
  if (rows.length === 0) throw new ImportError(fileName, "is empty");
  for (const row of rows) {
    while (row.cells.length < width) row.cells.push({ text: "", fill: null });
  }

  return {
    fileName,
    format: "csv",
    blocks: [{ kind: "table", where: "file", sheet: null, rows }],
    marginalia: [],
    propertiesTitle: null,
    warnings,
  };
}

/** Thrown from inside the parser to stop it once enough records are read. */
class StopReading extends Error {}

/**
 * Feeds each record, with the line it starts on, to `visit` until it returns false. The first
 * `skipLines` records (a "sep=" hint line) are not fed.
 */
function parseRecords(
  text: string,
  delimiter: string,
  skipLines: number,
  fileName: string,
  visit: (fields: string[], line: number) => boolean,
): void {
  const bytes = Buffer.from(text, "utf8");
  const lines = new LineIndex(bytes);
  // csv-parse counts a CRLF inside quotes as two lines, so lines are found from byte offsets instead:
  // a record starts where the previous one (delimiter included) ended.
  let nextStart = 0;
  let seen = 0;
  try {
    parse(bytes, {
      delimiter,
      // Excel ends records with CRLF but writes bare LF inside quoted cells; other tools mix them.
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      ltrim: true,
      rtrim: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        const line = lines.lineAt(nextStart);
        nextStart = context.bytes;
        if (seen++ >= skipLines && !visit(record, line)) throw new StopReading();
        return null;
      },
    });
  } catch (err) {
    if (err instanceof StopReading) return;
    if (!(err instanceof CsvError)) throw err;
    const line = lines.lineAt(nextStart);
    if (err.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new ImportError(fileName, `has a quote opened on line ${line} that is never closed`);
    }
    if (
      err.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE" ||
      err.code === "CSV_INVALID_CLOSING_QUOTE"
    ) {
      throw new ImportError(
        fileName,
        `has text after a closing quote in the record starting on line ${line}`,
      );
    }
    throw new ImportError(fileName, `is not readable CSV near line ${line} (${err.message})`);
  }
}
