/**
 * Dates as English safeguarding partnerships write them in action plans: always day-first, often a month
 * ("End June 2020"), a quarter of the UK financial year ("Q3 2020/21"), a season, or a sentence
 * with a date inside. Dates are returned as ISO strings "YYYY-MM-DD".
 */

export type DatePrecision = "day" | "month" | "quarter" | "season" | "year";

export interface ParsedDate {
  /** YYYY-MM-DD; for anything coarser than a day, the last day of the period (a due date). */
  date: string | null;
  precision: DatePrecision | null;
  /** Set when the text holds something date-like that cannot be a real date; the caller warns. */
  problem: string | null;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Month names in calendar order, for writing dates the British way. */
export const MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

// "febuary" is a misspelling common enough in real plans to accept.
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary|uary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?`;
const ORD = "(?:st|nd|rd|th)";
const YEAR = String.raw`(\d{4}|\d{2})`;
// Separator between a month name and its year: "March 2020", "Oct-20", "Oct '20", "June, 2020".
// Deliberately not " - ", so that "31 March - 30 June 2021" does not read "March - 30" as 2030.
const MY_SEP = String.raw`(?:[\s,]+|[-/.'’]|\s*['’])`;
const NOT_MORE = String.raw`(?![\d:]|\s*${ORD}\b|${ORD}\b)`;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function iso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** The last day of a month as YYYY-MM-DD. Throws RangeError for a month outside 1–12. */
export function lastDayOfMonth(year: number, month1to12: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(month1to12) || month1to12 < 1 || month1to12 > 12) {
    throw new RangeError(`no such month: ${year}-${month1to12}`);
  }
  return iso(year, month1to12, daysInMonth(year, month1to12));
}

/** Two-digit years as partnerships use them: 00–69 are 2000–2069, 70–99 are 1970–1999. */
function expandYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n <= 69 ? 2000 + n : 1900 + n;
}

/** The second year of "2020/21", "20/21", "2020/2021" in the same century as the first. */
function secondYear(first: number, text: string): number {
  if (text.length > 2) return Number(text);
  let y = first - (first % 100) + Number(text);
  if (y <= first - 50) y += 100;
  return y;
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3)] ?? 0;
}

interface Candidate {
  start: number;
  end: number;
  date: string | null;
  precision: DatePrecision | null;
  problem: string | null;
  /** A day and month with no year ("30 April"): not a date, but worth a warning if nothing else is found. */
  noYear?: boolean;
}

/**
 * Lower-cases and unifies dashes and spaces without changing the length of the string, so positions
 * in the result index the original too.
 */
function normalise(text: string): { low: string; orig: string } {
  const orig = text
    .replace(/<sup>\s*(st|nd|rd|th)\s*<\/sup>/gi, "$1")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\r\n]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
  let low = "";
  for (const ch of orig) {
    const l = ch.toLowerCase();
    low += l.length === ch.length ? l : ch;
  }
  return { low, orig };
}

/** `written` is the matched text as the document writes it; `whole` the entire text. */
type Maker = (m: RegExpExecArray, written: string, whole: string) => Omit<Candidate, "start" | "end"> | null;

function dayCandidate(y: number, m: number, d: number, written: string): Omit<Candidate, "start" | "end"> {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { date: null, precision: null, problem: `no such date: ${written}` };
  }
  return checkYear(y, iso(y, m, d), "day", written);
}

function checkYear(
  y: number,
  date: string,
  precision: DatePrecision,
  written: string,
): Omit<Candidate, "start" | "end"> {
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return { date: null, precision: null, problem: `implausible year ${y}: ${written}` };
  }
  return { date, precision, problem: null };
}

function quarterEnd(fyStart: number, quarter: number): { y: number; m: number } {
  return quarter === 4 ? { y: fyStart + 1, m: 3 } : { y: fyStart, m: quarter * 3 + 3 };
}

function quarterCandidate(
  quarter: number,
  first: string,
  second: string | undefined,
  written: string,
): Omit<Candidate, "start" | "end"> {
  const y1 = expandYear(first);
  if (second !== undefined && secondYear(y1, second) !== y1 + 1) {
    return { date: null, precision: null, problem: `not a financial year: ${written}` };
  }
  // A quarter with a single year ("Q1 2021") is read as a quarter of the financial year that starts in
  // that year (FY 2021/22), because plans in English public services count quarters from April.
  const { y, m } = quarterEnd(y1, quarter);
  return checkYear(y, lastDayOfMonth(y, m), "quarter", written);
}

const SEASON_END: Record<string, number> = { spring: 5, summer: 8, autumn: 11, fall: 11 };
// School terms end earlier than the seasons: autumn term before Christmas, spring term at Easter
// (which can fall in April), summer term in July.
const TERM_END: Record<string, number> = { autumn: 12, fall: 12, spring: 4, summer: 7, winter: 12 };

/** Patterns from the most specific to the least; a later pattern never reuses text an earlier one took. */
const PATTERNS: { re: RegExp; make: Maker }[] = [
  {
    // ISO and other year-first forms: 2020-03-31, 2020/03/31, 2020-03-31T00:00:00.
    re: /(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/-]|\.\d)/g,
    make: (m, written) => dayCandidate(Number(m[1]), Number(m[3]), Number(m[4]), written),
  },
  {
    // Day-first numeric: 31/03/2020, 31/3/20, 31-03-2020, 31.12.19.
    re: /(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)/g,
    make: (m, written) => dayCandidate(expandYear(m[4] ?? ""), Number(m[3]), Number(m[1]), written),
  },
  {
    // Day month year: "31 March 2020", "31st of March, 2020", "30-Apr-20", "Tuesday 31 March 2020".
    re: new RegExp(
      String.raw`(?<![\d.,])(\d{1,2})${ORD}?(?:\s+of)?[\s/.-]*${MONTH}(?:${MY_SEP}${YEAR}${NOT_MORE})?`,
      "g",
    ),
    make: (m, written) => {
      const day = Number(m[1]);
      const month = monthNumber(m[2] ?? "");
      if (m[3] === undefined) {
        return { date: null, precision: null, problem: `no year given: ${written.trim()}`, noYear: true };
      }
      return dayCandidate(expandYear(m[3]), month, day, written);
    },
  },
  {
    // Month day year: "March 31st 2020", "April 30th, 2020", "June 30 2020".
    re: new RegExp(String.raw`\b${MONTH}\s*(\d{1,2})(?:${ORD}\b)?,?\s+(\d{4})(?!\d)`, "g"),
    make: (m, written) => dayCandidate(Number(m[3]), monthNumber(m[1] ?? ""), Number(m[2]), written),
  },
  {
    // "Q3 2020/21", "Q2 20/21", "Quarter 4 2020-21", "Q3 FY20/21", "Q4 of 2020/21", "Q1 2021".
    re: /\b(?:q|quarter\s*)([1-4])(?:\s+(?:of|in))?(?:\s*(?:the\s+)?(?:fy|financial\s+year))?[\s,-]*(\d{4}|\d{2})(?:\s*[/-]\s*(\d{4}|\d{2}))?(?![\d/])/g,
    make: (m, written) => quarterCandidate(Number(m[1]), m[2] ?? "", m[3], written),
  },
  {
    // "3rd quarter 2020/21", "4th quarter of 2020-21".
    re: /\b([1-4])(?:st|nd|rd|th)\s+quarter(?:\s+of)?(?:\s*(?:the\s+)?(?:fy|financial\s+year))?[\s,-]*(\d{4}|\d{2})(?:\s*[/-]\s*(\d{4}|\d{2}))?(?![\d/])/g,
    make: (m, written) => quarterCandidate(Number(m[1]), m[2] ?? "", m[3], written),
  },
  {
    // Financial year first: "2020/21 Q3", "FY20/21 Q3".
    re: /(?<![\d./-])(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})[\s,]*(?:q|quarter\s*)([1-4])\b/g,
    make: (m, written) => quarterCandidate(Number(m[3]), m[1] ?? "", m[2], written),
  },
  {
    // Seasons and school terms: "Spring 2020", "Autumn term 2020", "Winter 2020/21".
    re: /\b(spring|summer|autumn|fall|winter)(\s+term)?(?:\s+of)?[\s,-]*(\d{4}|\d{2})(?:\s*[/-]\s*(\d{4}|\d{2}))?(?![\d/])/g,
    make: (m, written) => {
      const season = m[1] ?? "";
      const term = m[2] !== undefined;
      const y1 = expandYear(m[3] ?? "");
      // With an academic or winter year pair (2020/21), autumn falls in the first year, the rest in the second.
      const y2 = m[4] === undefined ? null : secondYear(y1, m[4]);
      if (y2 !== null && y2 !== y1 + 1) {
        return { date: null, precision: null, problem: `not a year pair: ${written}` };
      }
      let y = y2 !== null && season !== "autumn" && season !== "fall" ? y2 : y1;
      let month: number;
      if (term) month = TERM_END[season] ?? 12;
      else if (season === "winter") {
        // Winter 2020 runs into 2021: it ends on the last day of February 2021.
        month = 2;
        if (y2 === null) y = y1 + 1;
      } else month = SEASON_END[season] ?? 12;
      return checkYear(y, lastDayOfMonth(y, month), "season", written);
    },
  },
  {
    // Month and year: "October 2020", "End February 2020", "Oct-20", "June 20", "Mar 21".
    re: new RegExp(String.raw`\b${MONTH}${MY_SEP}(?:of\s+)?${YEAR}${NOT_MORE}`, "g"),
    make: (m, written) => {
      const name = m[1] ?? "";
      const yearText = m[2] ?? "";
      // "may" is also a verb: "staff may 20…" is not May 2020 unless written with a capital.
      if (name === "may" && yearText.length === 2 && !written.startsWith("May")) return null;
      const y = expandYear(yearText);
      return checkYear(y, lastDayOfMonth(y, monthNumber(name)), "month", written);
    },
  },
  {
    // Numeric month and year: "03/2020".
    re: /(?<![\d./-])(\d{1,2})\/(\d{4})(?![\d/])/g,
    make: (m, written) => {
      const month = Number(m[1]);
      if (month < 1 || month > 12) return null;
      const y = Number(m[2]);
      return checkYear(y, lastDayOfMonth(y, month), "month", written);
    },
  },
  {
    // A financial year on its own: "2020/21", "2020-21", "FY 2020/2021", "FY20/21" → 31 March of its end.
    // A longer span of whole years ("2020-2022") ends on 31 December of its last year.
    re: /(?:\bfy\s*(\d{2})|(?<![\d./-])((?:19|20|21)\d\d))\s*[/-]\s*(\d{4}|\d{2})(?![\d/-])/g,
    make: (m, written) => {
      const y1 = m[1] !== undefined ? expandYear(m[1]) : Number(m[2]);
      const y2 = secondYear(y1, m[3] ?? "");
      if (y2 === y1 + 1) return checkYear(y2, lastDayOfMonth(y2, 3), "year", written);
      if (m[1] === undefined && (m[3] ?? "").length === 4 && y2 > y1) {
        return checkYear(y2, `${y2}-12-31`, "year", written);
      }
      return null;
    },
  },
  {
    // A year on its own: "2021", "by 2021", "end of 2021" → 31 December.
    re: /(?<![\d£$€.,/-])((?:19|20|21)\d\d)(?![\d%]|[.,]\d|\s*[/-]\s*\d)/g,
    make: (m, _written, whole) => {
      const y = Number(m[1]);
      if (y < MIN_YEAR || y > MAX_YEAR) {
        // A number such as "1950 staff" is not a year; only a text that is nothing but a year is worth a warning.
        return /^\s*(?:(?:by|in|during|from|until|till|to|end|of|the|year|before)\s+)*\d{4}\s*$/i.test(whole)
          ? { date: null, precision: null, problem: `implausible year ${y}: ${whole.trim()}` }
          : null;
      }
      return { date: `${y}-12-31`, precision: "year", problem: null };
    },
  },
];

/** Every date expression in a text, in order of position. */
function scanDates(text: string): Candidate[] {
  const { low, orig } = normalise(text);
  const taken = new Uint8Array(low.length);
  const found: Candidate[] = [];
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(low); m !== null; m = re.exec(low)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (taken.subarray(start, end).some((t) => t === 1)) continue;
      const c = make(m, orig.slice(start, end), orig);
      if (c === null) continue;
      taken.fill(1, start, end);
      found.push({ ...c, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, quarter: 2, season: 3, year: 4 };

/**
 * Reads a timescale or date as written. Rules:
 * - Day-first always (31/03/2020 is 31 March); two-digit years 00–69 are 20xx, 70–99 are 19xx.
 * - A month, quarter, season or year stands for its last day: "End June 2020" → 2020-06-30,
 *   "Q3 2020/21" → 2020-12-31 (UK financial year, April to March), "Spring 2021" → 2021-05-31,
 *   "Winter 2020" → 2021-02-28, "2021" → 2021-12-31, "2020/21" → 2021-03-31.
 * - A text with several dates ("Jan–Mar 2021", "From April 2020 to September 2020", "Report in
 *   April 2020, then quarterly to March 2021") gives the latest one: a timescale is met when its last part is.
 * - Words without a date ("Ongoing", "TBC", "Quarterly", "") give no date and no problem.
 * - Something date-shaped that cannot be a date ("31/02/2020", year 1985) gives a problem; if the text
 *   also holds a real date, that date is returned with the problem.
 */
export function parseBritishDate(text: string): ParsedDate {
  const found = scanDates(text);
  let best: Candidate | null = null;
  for (const c of found) {
    if (c.date === null || c.precision === null) continue;
    if (
      best === null ||
      c.date > (best.date ?? "") ||
      (c.date === best.date && PRECISION_RANK[c.precision] < PRECISION_RANK[best.precision ?? "year"])
    ) {
      best = c;
    }
  }
  const problems = found.filter((c) => c.problem !== null && !c.noYear).map((c) => c.problem);
  const noYear = found.find((c) => c.noYear);
  let problem: string | null = problems.length > 0 ? problems.join("; ") : null;
  if (best === null && problem === null && noYear !== undefined) problem = noYear.problem;
  return { date: best?.date ?? null, precision: best?.precision ?? null, problem };
}

/**
 * An Excel date serial (1900 date system) as YYYY-MM-DD; a time of day is ignored. Excel counts a
 * 29 February 1900 that never existed (serial 60), so serials from 61 on are one day ahead of a plain
 * count; serial 60 itself gives null. Null outside 1..2958465 (9999-12-31) and for non-numbers.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const n = Math.floor(serial);
  if (n < 1 || n > 2958465 || n === 60) return null;
  const days = n < 60 ? n : n - 1;
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const AS_OF_TRIGGERS: RegExp[] = [
  /\bdate\s+(?:of\s+)?(?:last\s+)?(?:update|updated|review|reviewed|revision|refresh)\b/g,
  /\blast\s+(?:updated|update|reviewed|review|revised|revision|amended|refreshed|modified|edited)\b/g,
  /\b(?:updated|reviewed|revised|amended|refreshed)\b/g,
  /\breceived\b/g,
  /\b(?:as|correct\s+as|current\s+as|accurate\s+as|position\s+as|status\s+as)\s+(?:at|of)\b/g,
  /\b(?:position|status)\s+at\b/g,
  /\bversion(?:\s*(?:no\.?|number))?\s*[:.]?\s*[\w.]+/g,
  /\bv\d+(?:\.\d+)*\b/g,
  /\bdated\b/g,
];

/**
 * The plan's own "as of" date: the date that follows a phrase such as "Updated:", "Last reviewed",
 * "Consolidated plan received", "received on the", "As at", "Date of last update:", "Reviewed on",
 * "Version 3 –". At most three short words may sit between the phrase and the date. With several such
 * dates the latest is returned: a plan is as current as its newest stamp. Null if there is none.
 */
export function findAsOfDate(text: string): string | null {
  const { low } = normalise(text);
  const dated = scanDates(text).filter((c) => c.date !== null);
  if (dated.length === 0) return null;
  let latest: string | null = null;
  for (const trigger of AS_OF_TRIGGERS) {
    trigger.lastIndex = 0;
    for (let m = trigger.exec(low); m !== null; m = trigger.exec(low)) {
      const after = m.index + m[0].length;
      const next = dated.find((c) => c.start >= after);
      if (next === undefined || next.start - after > 40) continue;
      const filler = low.slice(after, next.start);
      if (/\d/.test(filler) || (filler.match(/[a-z]+/g) ?? []).length > 3) continue;
      if (next.date !== null && (latest === null || next.date > latest)) latest = next.date;
    }
  }
  return latest;
}

/** Today's date in England (Europe/London), where a date changes at local midnight, not UTC's. */
export function isoToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** "2020-04-30" → "30 April 2020", as GOV.UK writes dates. Anything that is not an ISO date is returned unchanged. */
export function formatLongDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return iso;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  if (month < 1 || month > 12 || d < 1 || d > daysInMonth(y, month)) return iso;
  return `${d} ${MONTH_NAMES[month - 1]} ${y}`;
}
