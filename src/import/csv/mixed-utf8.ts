import iconv from "iconv-lite";

/** Length of the UTF-8 sequence starting at `i`, or 0 when the bytes there are not valid UTF-8. */
function sequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i] ?? 0;
  if (b < 0x80) return 1;
  let n: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) {
    n = 2;
    min = 0x80;
  } else if (b >= 0xe0 && b <= 0xef) {
    n = 3;
    min = 0x800;
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = buf[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

/** Counts valid multi-byte UTF-8 sequences and bytes that belong to none. */
export function scanUtf8(buf: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length; ) {
    const n = sequenceLength(buf, i);
    if (n === 0) {
      invalid++;
      i++;
    } else {
      if (n > 1) multibyte++;
      i += n;
    }
  }
  return { multibyte, invalid };
}

/**
 * Decodes bytes that are mostly UTF-8 but carry some windows-1252 bytes (a file edited by two
 * tools): each valid UTF-8 sequence is read as UTF-8 and each stray byte as windows-1252, so that
 * both kinds of character survive.
 */
export function decodeMixedUtf8(buf: Uint8Array): string {
  const decoder = new TextDecoder("utf-8");
  let out = "";
  let runStart = 0;
  for (let i = 0; i < buf.length; ) {
    const n = sequenceLength(buf, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += decoder.decode(buf.subarray(runStart, i));
    out += iconv.decode(Buffer.from([buf[i] ?? 0]), "windows-1252");
    i++;
    runStart = i;
  }
  return out + decoder.decode(buf.subarray(runStart));
}

/** 1-based line numbers holding bytes that are not UTF-8, for warnings that say where to look. */
export function linesWithInvalidUtf8(buf: Uint8Array, most = 5): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    if (b === 0x0a) line++;
    const n = sequenceLength(buf, i);
    if (n === 0) {
      if (lines[lines.length - 1] !== line) lines.push(line);
      if (lines.length >= most) break;
      i++;
    } else {
      i += n;
    }
  }
  return lines;
}
