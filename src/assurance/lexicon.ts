/**
 * Turning the word lists of data/*.json into regular expressions, once. Verbs are listed by their base
 * form and inflected here, so a partnership can add "triage" and have "triaged" and "triaging" match.
 */

export interface VerbForms {
  base: string;
  s: string;
  past: string;
  pp: string;
  ing: string;
}

const VOWEL = /[aeiou]/;

/** English inflection good enough for the verbs of action plans; irregular ones come as "base|past|pp". */
export function inflect(entry: string): VerbForms {
  const parts = entry.split("|").map((p) => p.trim());
  const base = parts[0] ?? "";
  const [head = "", ...restWords] = base.split(" ");
  const tail = restWords.length > 0 ? ` ${restWords.join(" ")}` : "";
  let s: string;
  let ed: string;
  let ing: string;
  if (/[^aeiou]y$/.test(head)) {
    s = `${head.slice(0, -1)}ies`;
    ed = `${head.slice(0, -1)}ied`;
    ing = `${head}ing`;
  } else if (head.endsWith("ee")) {
    s = `${head}s`;
    ed = `${head}d`;
    ing = `${head}ing`;
  } else if (head.endsWith("e")) {
    s = `${head}s`;
    ed = `${head}d`;
    ing = `${head.slice(0, -1)}ing`;
  } else if (/(s|x|z|ch|sh)$/.test(head)) {
    s = `${head}es`;
    ed = `${head}ed`;
    ing = `${head}ing`;
  } else if (head.length <= 4 && /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(head) && VOWEL.test(head)) {
    const last = head.slice(-1);
    s = `${head}s`;
    ed = `${head}${last}ed`;
    ing = `${head}${last}ing`;
  } else {
    s = `${head}s`;
    ed = `${head}ed`;
    ing = `${head}ing`;
  }
  const past = parts[1] ?? `${ed}${tail}`;
  const pp = parts[2] ?? past;
  return { base, s: `${s}${tail}`, past, pp, ing: `${ing}${tail}` };
}

export function allForms(entry: string): string[] {
  const f = inflect(entry);
  return unique([f.base, f.s, f.past, f.pp, f.ing]);
}

export function pastForms(entry: string): string[] {
  const f = inflect(entry);
  return unique([f.past, f.pp]);
}

export function baseForms(entry: string): string[] {
  return [inflect(entry).base];
}

function unique(list: string[]): string[] {
  return [...new Set(list.filter((x) => x.length > 0))];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A phrase as regex atoms: one per character, except that white space matches any run of white space, a
 * hyphen also matches a space or nothing, and either apostrophe matches.
 */
export function trieAtoms(
  phrase: string,
  charAtom: (c: string) => string = (c) => escapeRegex(c.toLowerCase()),
): string[] {
  const out: string[] = [];
  const t = phrase.trim();
  for (let i = 0; i < t.length; i++) {
    const c = t.charAt(i);
    if (/\s/.test(c)) {
      while (i + 1 < t.length && /\s/.test(t.charAt(i + 1))) i++;
      out.push("\\s+");
    } else if (c === "-") out.push("[- ]?");
    else if (c === "'" || c === "’") out.push("['’]");
    else out.push(charAtom(c));
  }
  return out;
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * Many phrases as one expression shaped like a trie, so the engine branches on the next character instead
 * of trying hundreds of alternatives in turn at every position (the difference between seconds and
 * milliseconds over a hundred thousand actions). Longer phrases are preferred where they match.
 */
export function trieSource(phrases: readonly string[][]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const p of phrases) {
    if (p.length === 0) continue;
    let node = root;
    for (const a of p) {
      let child = node.next.get(a);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(a, child);
      }
      node = child;
    }
    node.end = true;
  }
  return emit(root);
}

function emit(node: TrieNode): string {
  const branches = [...node.next.entries()]
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([atom, child]) => atom + emit(child));
  if (branches.length === 0) return "";
  const body = branches.length === 1 ? (branches[0] ?? "") : `(?:${branches.join("|")})`;
  if (!node.end) return body;
  return branches.length === 1 && body.length > 0 ? `(?:${body})?` : `${body}?`;
}

/** Alternation of phrases (as a trie). */
export function alternation(phrases: readonly string[]): string {
  return trieSource(
    [...new Set(phrases.map((p) => p.trim()).filter((p) => p.length > 0))].map((p) => trieAtoms(p)),
  );
}

/** Whole-word match of any phrase, case-insensitive; word edges are letters and digits so "A&E" and "re-audit" work. */
export function phraseRegex(phrases: readonly string[], flags = "i"): RegExp {
  if (phrases.length === 0) return /(?!)/;
  return new RegExp(`(?<![A-Za-z0-9])(?:${alternation(phrases)})(?![A-Za-z0-9])`, flags);
}

/**
 * For terms written with an abbreviation ("ED", "LAC nurses"): the capitals must match as written, the
 * rest of the term in any case. Keeps "ED" from matching "ed" in "trained".
 */
function termAtoms(term: string): string[] {
  const out: string[] = [];
  const words = term.trim().split(/\s+/);
  words.forEach((w, i) => {
    if (i > 0) out.push("\\s+");
    const acronym = /^[A-Z0-9&-]{2,}s?$/.test(w) && /[A-Z]{2}/.test(w);
    out.push(
      ...trieAtoms(w, (c) =>
        acronym || !/[A-Za-z]/.test(c) ? escapeRegex(c) : `[${c.toLowerCase()}${c.toUpperCase()}]`,
      ),
    );
  });
  return out;
}

export function hasAcronym(term: string): boolean {
  return term.split(/\s+/).some((w) => /^[A-Z0-9&-]{2,}s?$/.test(w) && /[A-Z]{2}/.test(w));
}

/** Terms with abbreviations matched case-sensitively, the rest case-insensitively, in one expression. */
export function termRegex(terms: readonly string[], flags = "g"): RegExp {
  const list = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))];
  if (list.length === 0) return /(?!)/g;
  return new RegExp(`(?<![A-Za-z0-9])(?:${trieSource(list.map(termAtoms))})(?![A-Za-z0-9])`, flags);
}
