/**
 * How wide text is in the charts' font (Arial, or a metric-compatible Liberation Sans or Helvetica), so
 * that SVG labels can be wrapped and their column sized on the server, where no browser measures them.
 * Widths are the Helvetica/Arial advance widths in thousandths of an em; a small margin covers a wider
 * fallback font.
 */

// Printable ASCII from space (32) to tilde (126).
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const OTHER: Record<string, number> = {
  "…": 1000,
  "–": 556,
  "—": 1000,
  "‘": 222,
  "’": 222,
  "“": 333,
  "”": 333,
  "£": 556,
  "€": 556,
};

/** Headroom for a fallback font a little wider than Arial (DejaVu Sans is about 10% wider). */
const SAFETY = 1.1;

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32] ?? 556;
  const known = OTHER[ch];
  if (known !== undefined) return known;
  // An accented letter is as wide as its letter.
  const base = ch.normalize("NFD")[0];
  if (base && base !== ch && (base.codePointAt(0) ?? 0) < 127) return charWidth(base);
  if (/\p{Mn}/u.test(ch)) return 0;
  // Wide scripts (CJK, Hangul, emoji) take a whole em; anything else an average letter's width.
  if (
    code >= 0x1100 &&
    /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Extended_Pictographic}]/u.test(
      ch,
    )
  )
    return 1000;
  return 600;
}

/** The width in px of text at a font size, with a margin for fallback fonts. */
export function textWidth(text: string, fontSize: number, opts: { bold?: boolean } = {}): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch);
  // Arial Bold runs about 8% wider than regular over letters; its digits are the same width.
  const bold = opts.bold && /[^\d\s]/.test(text) ? 1.08 : 1;
  return (units / 1000) * fontSize * bold * SAFETY;
}

/** As much of text as fits in maxWidth with an ellipsis after it. */
function ellipsize(text: string, maxWidth: number, fontSize: number): string {
  const chars = [...text];
  while (chars.length > 0) {
    const kept = chars.join("").replace(/[\s,;:.\-–—(]+$/u, "");
    if (kept && textWidth(`${kept}…`, fontSize) <= maxWidth) return `${kept}…`;
    chars.pop();
  }
  return "…";
}

/** A word too long for a line, cut into pieces that fit. */
function breakWord(word: string, maxWidth: number, fontSize: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (piece && textWidth(piece + ch, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export interface WrappedText {
  lines: string[];
  /** Whether the text was cut short (the last line ends with an ellipsis). */
  truncated: boolean;
}

/**
 * Text broken into at most maxLines lines no wider than maxWidth, at spaces where it can be (inside a
 * word only when the word is wider than a line); what does not fit ends the last line with "…".
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): WrappedText {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  // Each line with what joined it to the line before: a space, or nothing inside a broken word.
  const lines: { text: string; glue: string }[] = [];
  let current = "";
  let glue = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) {
      lines.push({ text: current, glue });
      glue = " ";
    }
    const pieces = textWidth(word, fontSize) <= maxWidth ? [word] : breakWord(word, maxWidth, fontSize);
    current = pieces.pop() ?? "";
    for (const piece of pieces) {
      lines.push({ text: piece, glue });
      glue = "";
    }
  }
  if (current) lines.push({ text: current, glue });
  if (lines.length <= maxLines) return { lines: lines.map((l) => l.text), truncated: false };
  const rest = lines
    .slice(maxLines - 1)
    .map((l, i) => (i === 0 ? l.text : l.glue + l.text))
    .join("");
  const kept = lines.slice(0, maxLines - 1).map((l) => l.text);
  kept.push(ellipsize(rest, maxWidth, fontSize));
  return { lines: kept, truncated: true };
}
