import { formatNumber } from "./number-format.js";

export interface CellContent {
  /** Display text before clean-up (line breaks may still be CR/CRLF). */
  text: string;
  number?: number;
  date?: string;
  /** Set when the value could not be read and the text stands in for it. */
  problem?: "formula-without-result" | "invalid-date";
}

/**
 * Turns an ExcelJS cell value into what a reader of the sheet sees. Formulas give their saved
 * result, never their source; hyperlinks give their text.
 */
export function cellContent(value: unknown, numFmt: string | undefined): CellContent {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: formatNumber(value, numFmt), number: value };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return dateContent(value, numFmt);
  if (typeof value !== "object") return { text: String(value) };

  if ("richText" in value && Array.isArray(value.richText)) {
    return {
      text: value.richText
        .map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : ""))
        .join(""),
    };
  }
  if ("hyperlink" in value) {
    const text = "text" in value ? value.text : undefined;
    // A hyperlink without display text shows its address.
    return text === undefined || text === null || text === ""
      ? { text: typeof value.hyperlink === "string" ? value.hyperlink : "" }
      : cellContent(text, numFmt);
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = "result" in value ? value.result : undefined;
    if (result === undefined || result === null) return { text: "", problem: "formula-without-result" };
    return cellContent(result, numFmt);
  }
  if ("error" in value && typeof value.error === "string") return { text: value.error };
  if ("text" in value && typeof value.text === "string") return { text: value.text };
  return { text: "" };
}

function dateContent(value: Date, numFmt: string | undefined): CellContent {
  if (Number.isNaN(value.getTime())) return { text: "", problem: "invalid-date" };
  // ExcelJS builds dates from serials in UTC, so UTC parts are the sheet's own calendar date.
  const y = value.getUTCFullYear();
  const mo = pad(value.getUTCMonth() + 1);
  const d = pad(value.getUTCDate());
  const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  const format = stripLiterals(numFmt ?? "");
  const hasDate = /[dy]/i.test(format) || !/[hs]/i.test(format);
  if (!hasDate) return { text: /s/i.test(format) ? `${time}:${pad(value.getUTCSeconds())}` : time };
  const dateText = `${d}/${mo}/${String(y).padStart(4, "0")}`;
  const hasTime = /h/i.test(format) && (value.getUTCHours() !== 0 || value.getUTCMinutes() !== 0);
  return {
    text: hasTime ? `${dateText} ${time}` : dateText,
    date: `${String(y).padStart(4, "0")}-${mo}-${d}`,
  };
}

function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
