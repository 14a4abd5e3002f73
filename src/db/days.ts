/** The calendar day in England at `at` — the day a person in the partnership would write down. */
export function englandDay(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The later of two YYYY-MM-DD days (ISO days compare correctly as text); null counts as no day. */
export function laterDay(day: string, other: string | null): string {
  return other !== null && other > day ? other : day;
}
