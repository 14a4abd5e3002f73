/** Day arithmetic on ISO dates without Date objects (this runs for every action of every plan). */

/** Days since 1970-01-01 for "YYYY-MM-DD" (a longer ISO timestamp is cut to its date), or null. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso || iso.length < 10) return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (
    !Number.isInteger(y) ||
    !Number.isInteger(m) ||
    !Number.isInteger(d) ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > 31
  ) {
    return null;
  }
  // Days from civil (Howard Hinnant's algorithm).
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** "1 day", "45 days", "333 days (about 11 months)", "2 years 1 month"-style wording for a gap. */
export function describeDays(days: number): string {
  const n = Math.abs(days);
  const base = `${n} day${n === 1 ? "" : "s"}`;
  if (n < 60) return base;
  const months = Math.round(n / 30.4375);
  if (months < 24) return `${base} (about ${months} months)`;
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  return `${base} (about ${years} years${rest > 0 ? ` ${rest} month${rest === 1 ? "" : "s"}` : ""})`;
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dayNumber(text) !== null;
}
