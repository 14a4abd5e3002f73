/**
 * Spreadsheet formula injection guard (OWASP "CSV injection"). Plan text is written by many people
 * and may begin with characters a spreadsheet treats as the start of a formula. Every exported text
 * cell that starts with one of them is prefixed with an apostrophe, which spreadsheets show as text.
 * The importer removes exactly that prefix again, so an exported plan imports back unchanged.
 */
const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

export function guardFormula(text: string): string {
  const first = text[0];
  if (first === undefined) return text;
  if (TRIGGERS.has(first) || (first === "'" && TRIGGERS.has(text[1] ?? ""))) return `'${text}`;
  return text;
}

/** The reverse of guardFormula, for cells read from csv/xlsx files. */
export function unguardFormula(text: string): string {
  if (text[0] === "'" && text.length > 1 && (TRIGGERS.has(text[1] ?? "") || text[1] === "'")) {
    return text.slice(1);
  }
  return text;
}
