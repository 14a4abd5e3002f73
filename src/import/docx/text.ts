/**
 * Glyphs people type (or Word stores as text) in front of list items. U+F000–U+F0FF are the
 * private-use code points of symbol fonts (Symbol U+F0B7 is the usual bullet, Wingdings U+F0A7,
 * U+F0D8, U+F076 and friends); outside their font they mean nothing, so they never survive.
 */
const BULLET_ALWAYS =
  /^[\u2022\u00b7\u25aa\u25ab\u25cf\u25e6\u25cb\u25a0\u25a1\u27a2\u25ba\uf000-\uf0ff][ \u00a0]*/;
/** Dashes only count as bullets when a space follows, so "-5" or "–2%" stay as written. */
const BULLET_DASH = /^[\u2013\u2014-][ \u00a0]+/;

/** Removes a typed bullet glyph from the start of a list item's text. */
export function stripBullet(text: string): string {
  const m = BULLET_ALWAYS.exec(text) ?? BULLET_DASH.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/**
 * Tidies the text of one paragraph: soft breaks stay as "\n", each line loses surrounding spaces,
 * runs of spaces become one when `collapse` is set, blank lines at either end go and inner runs of
 * blank lines shrink to one. Every other character is kept exactly.
 */
export function cleanParagraph(raw: string, collapse: boolean): string {
  if (raw.length === 0) return raw;
  const lines = raw.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (collapse) line = line.replace(/ {2,}/g, " ");
    lines[i] = line.trim();
  }
  return joinLines(lines);
}

/** Joins lines, dropping blank lines at the ends and keeping at most one blank line in a row. */
export function joinLines(lines: readonly string[]): string {
  const out: string[] = [];
  let blank = false;
  for (const line of lines) {
    if (line === "") {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push("");
    blank = false;
    out.push(line);
  }
  return out.join("\n");
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, Math.max(0, end));
}
