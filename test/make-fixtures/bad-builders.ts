/**
 * Builders for the bad-file corpus (test/bad-files.test.ts). Everything is made at test time, in
 * memory or in a temporary directory: the 60 MB file and the zip bombs are never committed.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import ExcelJS from "exceljs";
import { deflateSync, strToU8, zipSync } from "fflate";
import iconv from "iconv-lite";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const DOCX_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A Word package around the given document.xml text, as small as Word will open. */
export function minimalDocx(documentXml: string | Uint8Array): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(DOCX_CONTENT_TYPES),
    "_rels/.rels": strToU8(DOCX_RELS),
    "word/document.xml": typeof documentXml === "string" ? strToU8(documentXml) : documentXml,
  });
}

export function wordBody(inner: string, prolog = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prolog}<w:document xmlns:w="${W_NS}"><w:body>${inner}</w:body></w:document>`;
}

export function para(text: string, style?: string): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : "";
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

export function table(rows: string[][]): string {
  const cols = Math.max(...rows.map((r) => r.length));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(cols)}</w:tblGrid>`;
  const trs = rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join("")}</w:tr>`).join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${trs}</w:tbl>`;
}

function escapeXml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Ten levels of entities each ten times the last: 10^9 "lol"s if a parser expands them. */
export function billionLaughsDocx(): Uint8Array {
  const lines = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) {
    const prev = i === 1 ? "lol" : `lol${i - 1}`;
    lines.push(`<!ENTITY lol${i} "${`&${prev};`.repeat(10)}">`);
  }
  const prolog = `<!DOCTYPE w:document [\n${lines.join("\n")}\n]>\n`;
  const body =
    para("Action plan") +
    table([
      ["Ref", "Action", "Lead", "RAG"],
      ["1", "&lol9;", "Jo Hooper", "Green"],
    ]);
  // The entity reference must reach the XML unescaped.
  return minimalDocx(wordBody(body.replace("&amp;lol9;", "&lol9;"), prolog));
}

/** An external entity pointing at a local file: must never be fetched or shown. */
export function externalEntityDocx(): Uint8Array {
  const prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n';
  const body = table([
    ["Ref", "Action", "Lead", "RAG"],
    ["1", "&xxe;", "Jo Hooper", "Green"],
  ]);
  return minimalDocx(wordBody(body.replace("&amp;xxe;", "&xxe;"), prolog));
}

export function malformedXmlDocx(): Uint8Array {
  const body = `${table([
    ["Ref", "Action", "Lead", "RAG"],
    ["1", "Audit", "Jo Hooper", "Green"],
  ])}<w:tbl><w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Review</w:t></w:r></w:tc></w:tr>`;
  return minimalDocx(wordBody(body).replace("</w:body></w:document>", "</w:bdy>"));
}

/** Tables nested inside tables, far deeper than any document: a recursive reader would overflow. */
export function deeplyNestedDocx(depth: number): Uint8Array {
  const open = "<w:tbl><w:tr><w:tc>".repeat(depth);
  const close = "<w:p/></w:tc></w:tr></w:tbl>".repeat(depth);
  return minimalDocx(wordBody(para("Nested") + open + para("deep") + close));
}

interface RawZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The bytes as they sit in the archive (already deflated when method is 8). */
  data: Uint8Array;
  /** Uncompressed size written in the headers (a bomb may lie here). */
  size: number;
  crc: number;
}

/**
 * Writes a zip from entries whose compressed bytes are given, so that one deflated run of zeros can
 * be reused by every bomb instead of deflating 60 MB each time.
 */
export function rawZip(entries: RawZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint16(12, 0x5021, true); // 1 January 2020
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method, true);
    cv.setUint16(14, 0x5021, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concatBytes(...locals, ...centrals, end);
}

let crcTable: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++)
    crc = (crcTable[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const zeroRuns = new Map<number, { data: Uint8Array; crc: number }>();

/** `size` zero bytes deflated (about 1000 to 1), made once per size. */
function deflatedZeros(size: number): { data: Uint8Array; crc: number } {
  let run = zeroRuns.get(size);
  if (!run) {
    const zeros = new Uint8Array(size);
    run = { data: deflateSync(zeros, { level: 1 }), crc: crc32(zeros) };
    zeroRuns.set(size, run);
  }
  return run;
}

function storedEntry(name: string, text: string): RawZipEntry {
  const data = strToU8(text);
  return { name, method: 0, data, size: data.length, crc: crc32(data) };
}

function bombEntry(name: string, size: number, claimed = size): RawZipEntry {
  const run = deflatedZeros(size);
  return { name, method: 8, data: run.data, size: claimed, crc: run.crc };
}

/** A Word package whose document.xml is `size` zero bytes deflated. */
export function docxBomb(size: number): Uint8Array {
  return rawZip([
    storedEntry("[Content_Types].xml", DOCX_CONTENT_TYPES),
    storedEntry("_rels/.rels", DOCX_RELS),
    bombEntry("word/document.xml", size),
  ]);
}

export function xlsxBomb(size: number): Uint8Array {
  return rawZip([
    storedEntry(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    ),
    storedEntry(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    storedEntry(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    bombEntry("xl/worksheets/sheet1.xml", size),
  ]);
}

/**
 * A docx bomb whose local and central headers both claim the document is `claimed` bytes, so that
 * only counting bytes as they inflate can stop it. The CRC is the true one.
 */
export function lyingDocxBomb(size: number, claimed: number): Uint8Array {
  return rawZip([
    storedEntry("[Content_Types].xml", DOCX_CONTENT_TYPES),
    storedEntry("_rels/.rels", DOCX_RELS),
    bombEntry("word/document.xml", size, claimed),
  ]);
}

/** A zip that is a perfectly good archive but not a Word package. */
export function zipWithoutDocument(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(DOCX_CONTENT_TYPES),
    "_rels/.rels": strToU8(DOCX_RELS),
    "notes/readme.txt": strToU8("Minutes of the March meeting."),
  });
}

export function pdfBytes(): Uint8Array {
  const text = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;
  return strToU8(text);
}

/** A real (1x1, red) PNG. */
export function pngBytes(): Uint8Array {
  return Uint8Array.from(
    Buffer.from(
      "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082",
      "hex",
    ),
  );
}

export function htmlSavedAsDocx(): Uint8Array {
  return strToU8(`<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><title>Action plan</title></head>
<body><h1>Action plan</h1><table><tr><th>Ref</th><th>Action</th><th>Lead</th><th>RAG</th></tr>
<tr><td>1</td><td>Audit</td><td>Jo Hooper</td><td>Green</td></tr></table></body></html>`);
}

export function utf8(text: string): Uint8Array {
  return strToU8(text);
}

/** Writes a CSV of about `bytes` bytes to `path` in 1 MB pieces, so building it holds little memory. */
export function writeLargeCsv(path: string, bytes: number): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, "Ref,Action,Lead,Timescale,RAG,Progress\r\n");
    let row = 1;
    let piece = "";
    let written = 0;
    while (written < bytes) {
      piece += `${row},Review of multi-agency audit arrangements number ${row},Jo Hooper,30/06/2020,Green,Work under way with partners across the system\r\n`;
      row += 1;
      if (piece.length >= 1024 * 1024) {
        written += writeSync(fd, piece);
        piece = "";
      }
    }
    if (piece) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

export function win1252(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, "win1252"));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
