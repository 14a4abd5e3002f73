/**
 * A fatal import error: the file is not an action plan, is corrupt, encrypted or too large.
 * The message is one line that names the file and the reason; nothing is written to the database.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = "ImportError";
    this.file = file;
    this.reason = reason;
  }
}

/** Limits applied to every file read, whatever its format. */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size of a zip container (docx/xlsx), in bytes. */
  maxUncompressedBytes: number;
  /** Largest ratio of uncompressed to compressed size for any zip entry. */
  maxCompressionRatio: number;
  /** Longest cell text kept in full; longer text is cut with a warning. */
  maxCellChars: number;
  /** Most rows read from one table/sheet/file. */
  maxRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxCellChars: 20_000,
  maxRows: 100_000,
};
