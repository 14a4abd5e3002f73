import { unguardFormula } from "../../domain/formula-guard.js";

/**
 * Text clean-up shared by the readers that see cell text as plain characters (csv, xlsx).
 * RawCell.text promises "\n" line breaks, "- " list lines and no surrounding white space.
 */

// Glyphs that only ever serve as bullets, so no space is needed after them. U+F0B7/U+F0A7/U+F076/
// U+F0D8/U+F0FC are the Symbol/Wingdings private-use code points Word leaves behind when lists are
// pasted into Excel.
const BULLET_GLYPHS = "•·▪◦‣●○■►▸➢➤\uF0B7\uF0A7\uF076\uF0D8\uF0FC";
// Characters that are bullets only when a space follows ("-5" or "*note" are not list items).
const BULLET_MARKS = "-–—*";

const BULLET_LINE = new RegExp(
  `^(?:[${BULLET_GLYPHS}]\\s*|[${BULLET_MARKS.replace("-", "\\-")}]\\s+)(?=\\S)`,
  "u",
);
// Controls that can only be debris (NUL, form feed, escape...), never meaningful cell text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const STRAY_CONTROLS = /[\u0000-\u0008\u000C\u000E-\u001F\u007F]/g;

// Vertical tab is Word's soft line break when its text is pasted into a cell.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const LINE_BREAKS = /\r\n?|[\u000B\u2028\u2029\u0085]/g;

export function normaliseCellText(raw: string): string {
  if (raw === "") return "";
  // Undo the formula-injection guard of Assure's own exports (and of tools that do the same).
  const lines = unguardFormula(raw).replace(LINE_BREAKS, "\n").replace(STRAY_CONTROLS, "").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "") {
      // Keep a paragraph gap, but only one, and never at the start.
      if (out.length > 0 && out[out.length - 1] !== "") out.push("");
      continue;
    }
    out.push(trimmed.replace(BULLET_LINE, "- "));
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

export interface CappedText {
  text: string;
  /** Length in characters before cutting, when the text was cut. */
  cutFrom?: number;
}

/** Cuts text to `max` characters (code points, so a surrogate pair is never split). */
export function capCellText(text: string, max: number): CappedText {
  if (text.length <= max) return { text };
  const chars = Array.from(text);
  if (chars.length <= max) return { text };
  return { text: chars.slice(0, max).join(""), cutFrom: chars.length };
}

export function cutMessage(kept: number, had: number): string {
  return `cell text cut to ${kept} characters (it had ${had})`;
}
