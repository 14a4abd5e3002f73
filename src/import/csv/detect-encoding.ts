import { scanUtf8 } from "./mixed-utf8.js";

/** "mixed": mostly UTF-8 with stray windows-1252 bytes, each read as what it is. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "mixed";

export type DetectedEncoding =
  | {
      kind: "text";
      encoding: TextEncodingName;
      /** Bytes of byte-order mark to skip before decoding. */
      bomLength: number;
      /** True when nothing in the bytes proves the encoding (windows-1252 is a fallback). */
      guessed: boolean;
    }
  | { kind: "binary" };

const SAMPLE_BYTES = 64 * 1024;

/**
 * Decides how a text file's bytes are encoded. Pure: looks only at the bytes.
 * Order matters: a BOM is proof; alternating NULs mean UTF-16 written without a BOM (Excel's
 * "Unicode text" export has one, other tools do not); any other NUL means the file is not text;
 * bytes that decode as UTF-8 are UTF-8 (random legacy bytes almost never do); the rest is taken to
 * be windows-1252, the encoding of Excel's "CSV" export on English Windows, unless it is mostly
 * UTF-8 with a few stray bytes.
 */
export function detectEncoding(buf: Uint8Array): DetectedEncoding {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { kind: "text", encoding: "utf-8", bomLength: 3, guessed: false };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { kind: "text", encoding: "utf-16le", bomLength: 2, guessed: false };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { kind: "text", encoding: "utf-16be", bomLength: 2, guessed: false };

  const sample = buf.subarray(0, Math.min(buf.length, SAMPLE_BYTES));
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { kind: "text", encoding: utf16, bomLength: 0, guessed: false };
  if (looksBinary(buf)) return { kind: "binary" };
  if (isValidUtf8(buf)) return { kind: "text", encoding: "utf-8", bomLength: 0, guessed: false };
  // Chance pairs of windows-1252 bytes rarely form valid UTF-8, so more valid sequences than stray
  // bytes means a UTF-8 file with a few foreign bytes pasted in.
  const { multibyte, invalid } = scanUtf8(buf);
  if (multibyte > invalid) return { kind: "text", encoding: "mixed", bomLength: 0, guessed: true };
  return { kind: "text", encoding: "windows-1252", bomLength: 0, guessed: true };
}

/**
 * Text in UTF-16 that is mostly Latin script has a NUL in every other byte: the high byte of each
 * code unit. Which half holds the NULs tells the byte order.
 */
function utf16WithoutBom(sample: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const many = pairs * 0.3;
  const few = pairs * 0.05;
  const order = oddNuls >= many && evenNuls <= few ? "le" : evenNuls >= many && oddNuls <= few ? "be" : null;
  if (!order) return null;
  // Binary formats have NUL-rich stretches too; real UTF-16 text has almost no control code units.
  let controls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const unit =
      order === "le"
        ? (sample[i] ?? 0) | ((sample[i + 1] ?? 0) << 8)
        : ((sample[i] ?? 0) << 8) | (sample[i + 1] ?? 0);
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) controls++;
  }
  if (controls > pairs * 0.05) return null;
  return order === "le" ? "utf-16le" : "utf-16be";
}

/** NUL bytes, or a high share of control characters that text never holds, mark a binary file. */
function looksBinary(buf: Uint8Array): boolean {
  if (buf.indexOf(0) !== -1) return true;
  const sample = buf.subarray(0, Math.min(buf.length, SAMPLE_BYTES));
  let controls = 0;
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.05;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function isValidUtf8(buf: Uint8Array): boolean {
  try {
    strictUtf8.decode(buf);
    return true;
  } catch {
    return false;
  }
}
