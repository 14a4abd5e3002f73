export const DELIMITER_CANDIDATES = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITER_CANDIDATES)[number];

export interface DelimiterChoice {
  delimiter: Delimiter;
  /** Lines to skip before the data: 1 when the file opens with Excel's "sep=;" hint line. */
  skipLines: number;
  /** True when no candidate split the records into more than one column. */
  fallback: boolean;
}

const SAMPLE_RECORDS = 20;
const SEP_HINT = /^sep=([,;\t|])\r?\n/i;

/**
 * Picks the delimiter that splits the first records into the most consistent number (>1) of
 * columns. Counting happens outside quotes, with quotes recognised only at the start of a field for
 * that candidate, the same rule the parser applies.
 */
export function detectDelimiter(text: string): DelimiterChoice {
  const hint = SEP_HINT.exec(text);
  if (hint?.[1]) return { delimiter: hint[1] as Delimiter, skipLines: 1, fallback: false };

  let best: { delimiter: Delimiter; share: number; columns: number } | null = null;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const counts = fieldCounts(text, delimiter, SAMPLE_RECORDS).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const { value: columns, frequency } = mode(counts);
    if (columns <= 1) continue;
    const share = frequency / counts.length;
    if (
      !best ||
      share > best.share + 1e-9 ||
      (Math.abs(share - best.share) <= 1e-9 && columns > best.columns)
    ) {
      best = { delimiter, share, columns };
    }
  }
  return best
    ? { delimiter: best.delimiter, skipLines: 0, fallback: false }
    : { delimiter: ",", skipLines: 0, fallback: true };
}

/**
 * Number of fields in each of the first `limit` records; a blank line counts as 0 so that it does
 * not vote.
 */
export function fieldCounts(text: string, delimiter: string, limit: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < limit; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      blank = false;
    } else if (ch === delimiter) {
      fields++;
      atFieldStart = true;
      blank = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      counts.push(blank ? 0 : fields);
      fields = 1;
      atFieldStart = true;
      blank = true;
    } else if (ch === " " && atFieldStart) {
      // Spaces before an opening quote are allowed, as the parser trims them.
    } else {
      atFieldStart = false;
      blank = false;
    }
  }
  if (counts.length < limit && !blank) counts.push(fields);
  return counts;
}

function mode(values: number[]): { value: number; frequency: number } {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let value = 0;
  let frequency = 0;
  for (const [v, f] of tally) {
    if (f > frequency || (f === frequency && v > value)) {
      value = v;
      frequency = f;
    }
  }
  return { value, frequency };
}
