/**
 * A minimal OLE Compound File (CFB, [MS-CFB]) written by hand, for the files Office wraps in one:
 * password-protected workbooks and documents ("EncryptionInfo" + "EncryptedPackage" streams), legacy
 * .xls ("Workbook") and legacy .doc ("WordDocument" + "1Table"). The importer only has to recognise
 * them and refuse with the right reason; these containers are nevertheless valid enough for a real
 * CFB reader to list their streams.
 *
 * Layout, version 3 (512-byte sectors):
 *   header (512 bytes): signature D0 CF 11 E0 A1 B1 1A E1, minor 0x3E, major 3, byte order FFFE,
 *     sector shift 9, mini sector shift 6, 1 FAT sector, first directory sector 1, mini stream
 *     cutoff 4096, no mini FAT, no DIFAT sectors, DIFAT[0] = sector 0.
 *   sector 0: the FAT (0xFFFFFFFD for itself, 0xFFFFFFFE ends a chain, 0xFFFFFFFF free).
 *   sector 1..: the directory, 128-byte entries: name in UTF-16LE with its byte length including
 *     the terminating NUL, type (5 root, 2 stream), colour, left/right sibling and child ids, start
 *     sector, size. Root's child is the first stream; the streams hang off each other as right
 *     siblings, sorted as CFB sorts names (shorter first, then upper-cased code units).
 *   then each stream in whole sectors. Every stream is at least 4096 bytes so that it lives in
 *   ordinary sectors and no mini stream is needed.
 */

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const ua = a.toUpperCase();
  const ub = b.toUpperCase();
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

export function buildCfb(streams: CfbStream[]): Uint8Array {
  const sorted = [...streams]
    .map((s) => ({ ...s, data: s.data.length >= 4096 ? s.data : padTo(s.data, 4096) }))
    .sort((a, b) => compareNames(a.name, b.name));
  const entries = sorted.length + 1;
  const dirSectors = Math.ceil((entries * 128) / SECTOR);
  const streamSectors = sorted.map((s) => Math.ceil(s.data.length / SECTOR));
  const totalSectors = 1 + dirSectors + streamSectors.reduce((a, b) => a + b, 0);
  if (totalSectors > SECTOR / 4) throw new Error("buildCfb: one FAT sector is enough only for small files");

  const out = new Uint8Array(SECTOR * (1 + totalSectors));
  const view = new DataView(out.buffer);

  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x003e, true);
  view.setUint16(0x1a, 0x0003, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, ENDOFCHAIN, true); // first mini FAT sector
  view.setUint32(0x40, 0, true);
  view.setUint32(0x44, ENDOFCHAIN, true); // first DIFAT sector
  view.setUint32(0x48, 0, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : FREESECT, true);

  const sectorOffset = (sid: number) => SECTOR * (1 + sid);

  // FAT.
  const fat = new Array<number>(SECTOR / 4).fill(FREESECT);
  fat[0] = FATSECT;
  for (let i = 0; i < dirSectors; i++) fat[1 + i] = i === dirSectors - 1 ? ENDOFCHAIN : 2 + i;
  const starts: number[] = [];
  let next = 1 + dirSectors;
  for (const n of streamSectors) {
    starts.push(next);
    for (let i = 0; i < n; i++) fat[next + i] = i === n - 1 ? ENDOFCHAIN : next + i + 1;
    next += n;
  }
  fat.forEach((v, i) => {
    view.setUint32(sectorOffset(0) + i * 4, v, true);
  });

  // Directory.
  const dir = sectorOffset(1);
  const writeEntry = (
    index: number,
    name: string,
    type: number,
    right: number,
    child: number,
    start: number,
    size: number,
  ) => {
    const at = dir + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    out[at + 0x42] = type;
    out[at + 0x43] = 1; // black
    view.setUint32(at + 0x44, NOSTREAM, true);
    view.setUint32(at + 0x48, right, true);
    view.setUint32(at + 0x4c, child, true);
    view.setUint32(at + 0x74, start, true);
    view.setUint32(at + 0x78, size, true);
  };
  writeEntry(0, "Root Entry", 5, NOSTREAM, sorted.length > 0 ? 1 : NOSTREAM, ENDOFCHAIN, 0);
  sorted.forEach((s, i) => {
    const right = i + 2 <= sorted.length ? i + 2 : NOSTREAM;
    writeEntry(i + 1, s.name, 2, right, NOSTREAM, starts[i] ?? ENDOFCHAIN, s.data.length);
  });
  for (let i = entries; i < (dirSectors * SECTOR) / 128; i++) {
    const at = dir + i * 128;
    view.setUint32(at + 0x44, NOSTREAM, true);
    view.setUint32(at + 0x48, NOSTREAM, true);
    view.setUint32(at + 0x4c, NOSTREAM, true);
  }

  // Streams.
  sorted.forEach((s, i) => {
    out.set(s.data, sectorOffset(starts[i] ?? 0));
  });
  return out;
}

function padTo(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(data, 0);
  return out;
}

/** Deterministic filler bytes, so that encrypted payloads look like ciphertext and tests repeat. */
export function noise(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** What Office writes for a workbook or document saved with a password to open. */
export function encryptedOfficeFile(): Uint8Array {
  const info = new Uint8Array(4096);
  // EncryptionInfo version 4.4 (agile encryption) followed by its XML descriptor.
  const view = new DataView(info.buffer);
  view.setUint16(0, 4, true);
  view.setUint16(2, 4, true);
  view.setUint32(4, 0x40, true);
  const xml = new TextEncoder().encode(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
  );
  info.set(xml, 8);
  const pkg = noise(8192, 7);
  new DataView(pkg.buffer).setUint32(0, 20_000, true); // declared size of the decrypted package
  return buildCfb([
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: pkg },
  ]);
}

/** An Excel 97-2003 workbook: a CFB whose "Workbook" stream starts with a BIFF8 BOF record. */
export function legacyXls(): Uint8Array {
  const book = new Uint8Array(4096);
  book.set([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00], 0);
  return buildCfb([
    { name: "Workbook", data: book },
    { name: "\u0005SummaryInformation", data: new Uint8Array(4096) },
  ]);
}

/** A Word 97-2003 document: "WordDocument" starting with the FIB magic 0xA5EC, plus "1Table". */
export function legacyDoc(): Uint8Array {
  const word = new Uint8Array(4096);
  word.set([0xec, 0xa5, 0xc1, 0x00], 0);
  return buildCfb([
    { name: "WordDocument", data: word },
    { name: "1Table", data: new Uint8Array(4096) },
  ]);
}
