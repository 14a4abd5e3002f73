import { open, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { OrganisationDirectory } from "../domain/organisation.js";
import { defaultDirectory } from "../domain/organisations.js";
import type { ParsedPlan } from "../domain/plan.js";
import { readCsv } from "./csv/read-csv.js";
import { readDocx } from "./docx/read-docx.js";
import { DEFAULT_LIMITS, ImportError, type ReadLimits } from "./errors.js";
import { interpret } from "./interpret/interpret.js";
import type { RawDocument } from "./raw.js";
import { readXlsx } from "./xlsx/read-xlsx.js";
import { formatBytes, listZip, looksLikeZip } from "./zip.js";

export interface ParseOptions {
  limits?: ReadLimits;
  directory?: OrganisationDirectory;
}

type Kind = "docx" | "xlsx" | "csv";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Office writes an encrypted docx/xlsx as a CFB file holding a stream of this name. */
const ENCRYPTED_PACKAGE = utf16le("EncryptedPackage");
const SNIFF_BYTES = 8192;

/** Reads a plan from bytes, choosing the reader by what the bytes are rather than by the file's name. */
export async function parseBuffer(
  buf: Uint8Array,
  fileName: string,
  opts: ParseOptions = {},
): Promise<ParsedPlan> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  if (buf.length === 0) throw new ImportError(fileName, "is empty");
  if (buf.length > limits.maxFileBytes) throw tooLarge(fileName, buf.length, limits);
  const kind = sniff(buf, fileName, limits);
  let doc: RawDocument;
  try {
    if (kind === "docx") doc = readDocx(buf, fileName, limits);
    else if (kind === "xlsx") doc = await readXlsx(buf, fileName, limits);
    else doc = readCsv(buf, fileName, limits);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(fileName, `could not be read as ${kind} (${oneLine(err)})`);
  }
  try {
    return interpret(doc, { directory: opts.directory ?? defaultDirectory() });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(fileName, `could not be interpreted as an action plan (${oneLine(err)})`);
  }
}

/** Reads a plan file; its size is checked before a byte of it is read. */
export async function parseFile(path: string, opts: ParseOptions = {}): Promise<ParsedPlan> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportError(name, "is not a file");
    size = info.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // The path as typed, so that a mistyped folder shows.
    throw new ImportError(path, code === "ENOENT" ? "does not exist" : `cannot be opened (${oneLine(err)})`);
  }
  if (size === 0) throw new ImportError(name, "is empty");
  if (size > limits.maxFileBytes) throw tooLarge(name, size, limits);
  const buf = await readBounded(path, name, limits);
  return parseBuffer(buf, name, opts);
}

/** Reads at most one byte more than the limit, so a file that grows after stat is still refused. */
async function readBounded(path: string, name: string, limits: ReadLimits): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const cap = limits.maxFileBytes + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, cap - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total >= cap) throw tooLarge(name, total, limits);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function tooLarge(fileName: string, size: number, limits: ReadLimits): ImportError {
  return new ImportError(
    fileName,
    `is too large (${formatBytes(size)}; the limit is ${formatBytes(limits.maxFileBytes)})`,
  );
}

function sniff(buf: Uint8Array, fileName: string, limits: ReadLimits): Kind {
  const ext = extname(fileName).toLowerCase();
  if (looksLikeZip(buf)) return zipKind(buf, fileName, ext, limits);
  if (startsWith(buf, CFB_MAGIC)) {
    if (indexOf(buf, ENCRYPTED_PACKAGE) >= 0) {
      throw new ImportError(fileName, "is password-protected; remove the password and import again");
    }
    throw new ImportError(
      fileName,
      "is a legacy Office 97–2003 file (.xls/.doc); save it as .xlsx or .docx and import again",
    );
  }
  const foreign = foreignFormat(buf);
  if (foreign) throw new ImportError(fileName, foreign);
  if (ext === ".docx" || ext === ".docm" || ext === ".xlsx" || ext === ".xlsm") {
    throw new ImportError(
      fileName,
      `is not a valid ${ext} file: it is not a zip container (the file is damaged or was renamed)`,
    );
  }
  if (!looksLikeText(buf)) {
    throw new ImportError(
      fileName,
      "is not a Word, Excel or CSV file (its content is unrecognised binary data)",
    );
  }
  return "csv";
}

function zipKind(buf: Uint8Array, fileName: string, ext: string, limits: ReadLimits): Kind {
  const names = new Set(listZip(buf, fileName, limits).map((e) => e.name));
  if (names.has("word/document.xml")) return "docx";
  if (names.has("xl/workbook.xml")) return "xlsx";
  if (names.has("mimetype") && (names.has("content.xml") || names.has("META-INF/manifest.xml"))) {
    throw new ImportError(
      fileName,
      "is an OpenDocument file (.odt/.ods); save it as .docx or .xlsx and import again",
    );
  }
  if (names.has("ppt/presentation.xml")) {
    throw new ImportError(fileName, "is a PowerPoint presentation, not an action plan document");
  }
  if (ext === ".docx" || ext === ".docm") {
    throw new ImportError(fileName, `is not a valid ${ext} file: it has no word/document.xml`);
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    throw new ImportError(fileName, `is not a valid ${ext} file: it has no xl/workbook.xml`);
  }
  throw new ImportError(fileName, "is a zip archive, not a Word or Excel document");
}

/** Formats people upload by mistake, each with what to do instead. */
function foreignFormat(buf: Uint8Array): string | null {
  const head = latin1(buf.subarray(0, 512));
  if (head.startsWith("%PDF"))
    return "is a PDF, not an action plan document; import the Word or Excel file it was made from";
  if (head.startsWith("{\\rtf")) return "is a Rich Text (.rtf) file; save it as .docx and import again";
  if (head.startsWith("\x89PNG") || head.startsWith("\xff\xd8\xff") || head.startsWith("GIF8")) {
    return "is an image, not an action plan document";
  }
  if (/^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html[\s>])/i.test(head)) {
    return "is a web page (HTML), not a Word, Excel or CSV file; save it as .xlsx or .docx and import again";
  }
  if (
    /^(?:\xef\xbb\xbf)?\s*<\?xml/i.test(head) &&
    /<(?:w:wordDocument|Workbook|pkg:package)\b/.test(latin1(buf.subarray(0, SNIFF_BYTES)))
  ) {
    return "is a Word or Excel 2003 XML file; save it as .docx or .xlsx and import again";
  }
  return null;
}

/**
 * Text has no NUL bytes, except UTF-16, which has them at every other byte. A few stray control
 * characters are tolerated; a binary file has many.
 */
function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF_BYTES);
  if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] as number;
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  const half = n / 2;
  const utf16 = (nulOdd > half * 0.6 && nulEven === 0) || (nulEven > half * 0.6 && nulOdd === 0);
  if (utf16) return control < n * 0.05;
  return nulEven + nulOdd === 0 && control < n * 0.05;
}

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

function indexOf(buf: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(needle);
}

function utf16le(text: string): Uint8Array {
  return Buffer.from(text, "utf16le");
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, " ").trim().slice(0, 300);
}
