import { extname } from "node:path";
import { DEFAULT_LIMITS, ImportError } from "../import/errors.js";
import { formatBytes, listZip } from "../import/zip.js";
import { ValidationError } from "./errors.js";
import type { UploadedFile } from "./types.js";

/** Evidence files people may attach to an update, recognised by their content, not their name. */
export const ATTACHMENT_TYPES = {
  pdf: { mediaType: "application/pdf", label: "PDF" },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "Word (.docx)",
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Excel (.xlsx)",
  },
  png: { mediaType: "image/png", label: "PNG" },
  jpg: { mediaType: "image/jpeg", label: "JPEG" },
  txt: { mediaType: "text/plain; charset=utf-8", label: "text (.txt)" },
  csv: { mediaType: "text/csv; charset=utf-8", label: "CSV" },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

const EXTENSIONS: Record<string, AttachmentKind> = {
  ".pdf": "pdf",
  ".docx": "docx",
  ".xlsx": "xlsx",
  ".png": "png",
  ".jpg": "jpg",
  ".jpeg": "jpg",
  ".txt": "txt",
  ".csv": "csv",
};

export const ALLOWED_ATTACHMENTS_TEXT = "PDF, DOCX, XLSX, PNG, JPG, TXT or CSV";

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    // Windows-1252 text is common from Excel; accept it when it has no control bytes other than whitespace.
    return bytes.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
  }
}

/** What the content says it is, or null. Extensions only choose between kinds the bytes allow. */
export function sniffAttachment(bytes: Uint8Array, fileName: string): AttachmentKind | null {
  const byName = EXTENSIONS[extname(fileName).toLowerCase()];
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      const names = listZip(bytes, fileName, DEFAULT_LIMITS).map((e) => e.name);
      if (names.includes("word/document.xml")) return "docx";
      if (names.includes("xl/workbook.xml")) return "xlsx";
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
    }
    return null;
  }
  if ((byName === "txt" || byName === "csv") && isPlainText(bytes)) return byName;
  return null;
}

/** A name safe to store and to send back in Content-Disposition. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base]
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x20 && code !== 0x7f && !'"<>|:*?'.includes(ch);
    })
    .join("")
    .trim();
  return cleaned.slice(0, 200) || "attachment";
}

/**
 * Checks every file of an update: each within the size limit and of an allowed type whose content
 * matches its extension. Throws one ValidationError naming each bad file.
 */
export function checkAttachments(
  files: readonly UploadedFile[],
  maxBytes: number,
  field = "attachments",
): { fileName: string; mediaType: string; bytes: Buffer }[] {
  const problems: { field: string; message: string }[] = [];
  const accepted: { fileName: string; mediaType: string; bytes: Buffer }[] = [];
  for (const f of files) {
    const fileName = safeFileName(f.fileName);
    if (f.bytes.length === 0) {
      problems.push({ field, message: `The selected file ${fileName} is empty` });
      continue;
    }
    if (f.truncated || f.bytes.length > maxBytes) {
      problems.push({
        field,
        message: `The selected file ${fileName} must be smaller than ${formatBytes(maxBytes)}`,
      });
      continue;
    }
    const kind = sniffAttachment(f.bytes, fileName);
    const byName = EXTENSIONS[extname(fileName).toLowerCase()];
    if (!kind || kind !== byName) {
      problems.push({
        field,
        message: `The selected file ${fileName} must be a ${ALLOWED_ATTACHMENTS_TEXT}`,
      });
      continue;
    }
    accepted.push({ fileName, mediaType: ATTACHMENT_TYPES[kind].mediaType, bytes: f.bytes });
  }
  if (problems.length) throw new ValidationError(problems);
  return accepted;
}
