import type { FieldProblem } from "../services/errors.js";

export interface FormErrors {
  /** For the GOV.UK error summary: each message links to its field. */
  list: { text: string; href: string }[];
  /** For each field's errorMessage parameter (the first problem of that field). */
  byField: Record<string, { text: string }>;
}

/** `anchors` maps a field to the element its summary link goes to (a date's day input, for example). */
export function formErrors(
  problems: readonly FieldProblem[],
  anchors: Record<string, string> = {},
): FormErrors {
  const byField: Record<string, { text: string }> = {};
  const list: FormErrors["list"] = [];
  const seen = new Set<string>();
  for (const p of problems) {
    const key = `${p.field}\u0000${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byField[p.field] ??= { text: p.message };
    list.push({ text: p.message, href: `#${anchors[p.field] ?? p.field}` });
  }
  return { list, byField };
}
