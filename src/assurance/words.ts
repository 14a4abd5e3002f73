/**
 * Looking at the words right before or after a place in a text without regular expressions (an
 * end-anchored expression is tried at every position of the slice it is given, which adds up).
 */

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 39 ||
    code === 8217 ||
    code === 45
  );
}

/** The n words before `index` (nearest last), lower case, stopping at sentence punctuation. */
export function wordsBefore(text: string, index: number, n: number, from = 0): string[] {
  const out: string[] = [];
  let i = index - 1;
  while (out.length < n && i >= from) {
    while (i >= from && !isWordChar(text.charCodeAt(i))) {
      const c = text.charAt(i);
      if (c === "." || c === ";" || c === ":" || c === "\n" || c === "!" || c === "?") return out.reverse();
      i--;
    }
    if (i < from) break;
    const end = i + 1;
    while (i >= from && isWordChar(text.charCodeAt(i))) i--;
    out.push(text.slice(i + 1, end).toLowerCase());
  }
  return out.reverse();
}

/** The word right before `index`, lower case, or "" at the start or after punctuation other than a space. */
export function previousWord(text: string, index: number, from = 0): string {
  return wordsBefore(text, index, 1, from)[0] ?? "";
}

/**
 * What follows `index`: "end" (nothing, or only spaces), "punct" (a comma, full stop, bracket…), or the
 * next word in lower case.
 */
export function nextToken(text: string, index: number, to = text.length): string {
  let i = index;
  while (
    i < to &&
    (text.charCodeAt(i) === 32 ||
      text.charCodeAt(i) === 9 ||
      text.charCodeAt(i) === 10 ||
      text.charCodeAt(i) === 13)
  )
    i++;
  if (i >= to) return "end";
  if (!isWordChar(text.charCodeAt(i))) return "punct";
  const start = i;
  while (i < to && isWordChar(text.charCodeAt(i))) i++;
  return text.slice(start, i).toLowerCase();
}
