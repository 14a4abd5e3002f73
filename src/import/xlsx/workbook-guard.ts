import { Unzip, UnzipInflate } from "fflate";
import { ImportError, type ReadLimits } from "../errors.js";
import { formatBytes, listZip, type ZipEntryInfo } from "../zip.js";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Refuses, with a reason a user can act on, the files that are not an Office Open XML workbook
 * even though people save them as one, then checks the zip against the bomb limits. Returns the
 * zip's entries.
 */
export function checkWorkbookContainer(
  buf: Uint8Array,
  fileName: string,
  limits: ReadLimits,
): ZipEntryInfo[] {
  if (buf.length > limits.maxFileBytes) {
    throw new ImportError(
      fileName,
      `is ${formatBytes(buf.length)}, more than the ${formatBytes(limits.maxFileBytes)} limit`,
    );
  }
  if (CFB_MAGIC.every((b, i) => buf[i] === b)) {
    // Excel wraps an encrypted .xlsx in an OLE compound file holding an "EncryptedPackage" stream;
    // a legacy .xls is a compound file holding a "Workbook" (or Excel 5 "Book") stream.
    if (containsUtf16(buf, "EncryptedPackage")) {
      throw new ImportError(
        fileName,
        "is password-protected; remove the password in Excel and import it again",
      );
    }
    throw new ImportError(
      fileName,
      "is a legacy Excel 97–2003 (.xls) workbook; save it as .xlsx and import it again",
    );
  }
  const entries = listZip(buf, fileName, limits);
  const names = new Set(entries.map((e) => e.name));
  if (names.has("xl/workbook.bin")) {
    throw new ImportError(
      fileName,
      "is an Excel binary (.xlsb) workbook; save it as .xlsx and import it again",
    );
  }
  if (!names.has("xl/workbook.xml")) {
    const what = names.has("word/document.xml")
      ? "it is a Word document"
      : names.has("ppt/presentation.xml")
        ? "it is a PowerPoint file"
        : "it has no workbook part";
    throw new ImportError(fileName, `is not an Excel workbook (${what})`);
  }
  assertInflatesWithinLimits(buf, fileName, limits, entries);
  return entries;
}

/**
 * Inflates every entry, counting bytes and keeping none, so that an archive whose headers understate
 * its sizes is refused before ExcelJS inflates it whole into memory.
 */
function assertInflatesWithinLimits(
  buf: Uint8Array,
  fileName: string,
  limits: ReadLimits,
  entries: ZipEntryInfo[],
): void {
  const declared = new Map(entries.map((e) => [e.name, e]));
  let total = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    const compressed = declared.get(file.name)?.compressedSize ?? file.size ?? 0;
    const cap = Math.min(
      limits.maxUncompressedBytes,
      Math.max(1024 * 1024, compressed * limits.maxCompressionRatio),
    );
    let size = 0;
    file.ondata = (err, chunk) => {
      if (err) throw new ImportError(fileName, `has a damaged entry "${file.name}" (${err.message})`);
      size += chunk.length;
      total += chunk.length;
      if (size > cap || total > limits.maxUncompressedBytes) {
        throw new ImportError(
          fileName,
          `refused as a possible zip bomb: "${file.name}" expands beyond its limit`,
        );
      }
    };
    file.start();
  };
  try {
    unzip.push(buf, true);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(fileName, `is a damaged or truncated zip container (${(err as Error).message})`);
  }
}

function containsUtf16(buf: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(needle) !== -1;
}
