import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { ImportError, type ReadLimits } from "./errors.js";

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  size: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeZip(buf: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => buf[i] === b);
}

/**
 * Lists a zip's entries from its central directory and refuses archives whose declared sizes are
 * bombs. Throws ImportError for anything that is not a readable zip.
 */
export function listZip(buf: Uint8Array, fileName: string, limits: ReadLimits): ZipEntryInfo[] {
  if (!looksLikeZip(buf))
    throw new ImportError(
      fileName,
      "is not a zip container (the file is damaged or is not an Office Open XML file)",
    );
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(buf, {
      filter(file) {
        entries.push({ name: file.name, compressedSize: file.size, size: file.originalSize });
        return false;
      },
    });
  } catch (err) {
    throw new ImportError(fileName, `is a damaged or truncated zip container (${(err as Error).message})`);
  }
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > 1024 * 1024 && e.size / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
      throw new ImportError(
        fileName,
        `refused as a possible zip bomb: "${e.name}" expands ${Math.round(e.size / Math.max(1, e.compressedSize))} times (limit ${limits.maxCompressionRatio})`,
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new ImportError(
      fileName,
      `refused: it would expand to ${formatBytes(total)}, more than the ${formatBytes(limits.maxUncompressedBytes)} limit`,
    );
  }
  return entries;
}

/**
 * Extracts the wanted entries, counting bytes as they inflate so that an archive whose headers lie
 * about sizes is still stopped at the limit.
 */
export function readZipEntries(
  buf: Uint8Array,
  fileName: string,
  limits: ReadLimits,
  wanted: (name: string) => boolean,
): Map<string, Uint8Array> {
  const infos = listZip(buf, fileName, limits);
  const declared = new Map(infos.map((e) => [e.name, e]));
  const out = new Map<string, Uint8Array>();
  let total = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (!wanted(file.name)) return;
    const info = declared.get(file.name);
    const compressed = info?.compressedSize ?? file.size ?? 0;
    const cap = Math.min(
      limits.maxUncompressedBytes,
      Math.max(1024 * 1024, compressed * limits.maxCompressionRatio),
    );
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw new ImportError(fileName, `has a damaged entry "${file.name}" (${err.message})`);
      size += chunk.length;
      total += chunk.length;
      if (size > cap || total > limits.maxUncompressedBytes) {
        throw new ImportError(
          fileName,
          `refused as a possible zip bomb: "${file.name}" expands beyond its limit`,
        );
      }
      chunks.push(chunk);
      if (final) out.set(file.name, concat(chunks, size));
    };
    file.start();
  };
  try {
    unzip.push(buf, true);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(fileName, `is a damaged or truncated zip container (${(err as Error).message})`);
  }
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
