export interface HeaderFooterSource {
  oddHeader?: string | null;
  oddFooter?: string | null;
  evenHeader?: string | null;
  evenFooter?: string | null;
  firstHeader?: string | null;
  firstFooter?: string | null;
}

const PARTS = ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"] as const;

/**
 * Plain text of a sheet's printed headers and footers, one entry per left/centre/right section.
 * Formatting codes (&"font", &12, &B, &K colour) are removed; page numbers and print dates are
 * dropped as they say nothing about the plan; &A and &F become the sheet and file names.
 */
export function headerFooterTexts(
  source: HeaderFooterSource | null | undefined,
  sheetName: string,
  fileName: string,
): string[] {
  if (!source) return [];
  const out: string[] = [];
  for (const part of PARTS) {
    const code = source[part];
    if (typeof code === "string" && code !== "") out.push(...sectionsOf(code, sheetName, fileName));
  }
  return out;
}

function sectionsOf(code: string, sheetName: string, fileName: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch !== "&") {
      current += ch;
      continue;
    }
    const next = code[i + 1] ?? "";
    i++;
    if (next === "&") current += "&";
    else if (next === "L" || next === "C" || next === "R") {
      sections.push(current);
      current = "";
    } else if (next === '"') {
      const end = code.indexOf('"', i + 1);
      i = end === -1 ? code.length : end;
    } else if (/\d/.test(next)) {
      while (/\d/.test(code[i + 1] ?? "")) i++;
    } else if (next === "K") {
      const colour = /^(?:[0-9A-Fa-f]{6}|\d\d[+-]\d{3})/.exec(code.slice(i + 1))?.[0] ?? "";
      i += colour.length;
    } else if (next === "A") current += sheetName;
    else if (next === "F") current += fileName;
    // &P, &N, &D, &T, &Z, &G and the style toggles (&B, &I, &U, &S, &X, &Y, &E, &O, &H) add no text.
  }
  sections.push(current);
  return sections
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s !== "" && !/^(?:page\s*(?:of)?)$/i.test(s));
}
