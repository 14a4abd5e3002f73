import { excelSerialToIso, type ParsedDate, parseBritishDate } from "../../domain/dates.js";
import type { RawCell } from "../raw.js";

/** Serials of 1950-01-01 .. 2099-12-31: a number outside this is a year, a count or a ref, not a date. */
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_050;

export interface CellDate {
  date: string | null;
  problem: string | null;
}

/**
 * Reads dates, remembering each text's result: plans repeat the same few timescales ("End June 2020")
 * in thousands of rows.
 */
export class DateReader {
  private readonly cache = new Map<string, ParsedDate>();

  parse(text: string): ParsedDate {
    let hit = this.cache.get(text);
    if (!hit) {
      hit = parseBritishDate(text);
      this.cache.set(text, hit);
    }
    return hit;
  }

  /** A real date cell first, then a plausible Excel serial, then the text as a British date. */
  cell(cell: RawCell): CellDate {
    if (cell.date) return { date: cell.date, problem: null };
    if (cell.number !== undefined && Number.isFinite(cell.number)) {
      const n = cell.number;
      if (n >= SERIAL_MIN && n <= SERIAL_MAX) {
        const iso = excelSerialToIso(n);
        if (iso) return { date: iso, problem: null };
      }
    }
    const text = cell.text.trim();
    if (text === "") return { date: null, problem: null };
    const parsed = this.parse(text);
    return { date: parsed.date, problem: parsed.problem };
  }

  /**
   * The latest date that starts a line of progress text: "20/12/19 – Police…", "Update March 2021: …",
   * "[12.03.2020] …". Dates inside sentences are about other things (meetings, deadlines) and are ignored.
   */
  latestLineDate(text: string): string | null {
    let latest: string | null = null;
    for (const line of text.split("\n")) {
      const lead = leadingDateText(line);
      if (!lead) continue;
      const parsed = this.parse(lead);
      // A day or a month dates an update; "2020/21" or "Q3" at the start of a line is what it is about.
      const dated = parsed.precision === "day" || parsed.precision === "month";
      if (parsed.date && dated && !parsed.problem && (latest === null || parsed.date > latest))
        latest = parsed.date;
    }
    return latest;
  }
}

const LINE_PREFIX = /^[\s\-•*–·]*[([]?\s*/;
const UPDATE_WORDS = /\b(?:progress\s+)?(?:update[sd]?|reviewed|review|as\s+(?:at|of)|on)\b\.?/gi;
const MAX_DATE_CHARS = 28;
const NUMERIC_DATE_START = /^(\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?![\d./-])/;

/** The words before the first separator of a line, when they are short enough to be only a date. */
export function leadingDateText(line: string): string | null {
  const body = line.replace(LINE_PREFIX, "");
  if (!/^[\p{L}\p{N}]/u.test(body) || !/\d/.test(body.slice(0, MAX_DATE_CHARS + 20))) return null;
  const numeric = NUMERIC_DATE_START.exec(body);
  if (numeric) return numeric[1] ?? null;
  const cut = body.search(/\s[–—-]\s|:\s|:$|[)\]]|\s[–—]|[–—]\s/);
  if (cut <= 0) return null;
  const head = body.slice(0, cut).replace(UPDATE_WORDS, " ").replace(/\s+/g, " ").trim();
  if (head === "" || head.length > MAX_DATE_CHARS || !/\d/.test(head)) return null;
  return head;
}
