import type { CompiledRules } from "./compile.js";

const LIST_MARKER = /^\s*(?:[-*•▪◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;

/**
 * The separators between clauses, as [start, end) pairs: runs of new lines; spaces after a sentence's end
 * before a capital, digit, quote or bracket; a semicolon and its spaces; a colon and its spaces; a spaced
 * dash; a bullet and its spaces. With `clauses` false, only the first two (sentence edges).
 *
 * The same as the global expression CLAUSE_EDGES in text.test.ts (the sentence form is its first two
 * branches), written out because its look-behind is tried at every character and
 * this runs over every progress text.
 */
export function separators(text: string, clauses: boolean): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Letters and digits are most of any text and never start an edge.
    const folded = c | 32;
    if ((folded >= 97 && folded <= 122) || (c >= 48 && c <= 57)) {
      i++;
      continue;
    }
    let end = -1;
    if (c === 10) {
      end = i + 1;
      while (end < n && text.charCodeAt(end) === 10) end++;
    } else if (isSpace(c)) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 0;
      if (before === 46 || before === 33 || before === 63) {
        let j = i + 1;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (j < n && startsSentence(text.charCodeAt(j))) end = j;
      }
      if (end < 0 && clauses) {
        const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if ((d === 0x2013 || d === 0x2014 || d === 45) && i + 2 < n && isSpace(text.charCodeAt(i + 2)))
          end = i + 3;
        else end = bulletFrom(text, i);
      }
    } else if (clauses) {
      if (c === 59) {
        end = i + 1;
        while (end < n && isSpace(text.charCodeAt(end))) end++;
      } else if (c === 58 && i + 1 < n && isSpace(text.charCodeAt(i + 1))) {
        end = i + 2;
        while (end < n && isSpace(text.charCodeAt(end))) end++;
      } else if (c === 0x2022) end = bulletFrom(text, i);
    }
    if (end > i) {
      out.push(i, end);
      i = end;
    } else i++;
  }
  return out;
}

/** Spaces, a bullet, spaces: the end of the match starting at `i`, or -1. */
function bulletFrom(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j >= text.length || text.charCodeAt(j) !== 0x2022) return -1;
  j++;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return j;
}

/** A capital, digit, quote or opening bracket: [A-Z0-9“"'‘(]. */
function startsSentence(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 0x201c ||
    c === 34 ||
    c === 39 ||
    c === 0x2018 ||
    c === 40
  );
}

function isSpace(c: number): boolean {
  return c === 32 || isSpaceCode(c);
}

/** The text between the separators. */
function pieces(text: string, clauses: boolean): string[] {
  return pieceRanges(text, clauses).map(([start, end]) => text.slice(start, end));
}

/** Where the text between the separators starts and ends. */
function pieceRanges(text: string, clauses: boolean): [number, number][] {
  const seps = separators(text, clauses);
  const out: [number, number][] = [];
  let from = 0;
  for (let k = 0; k < seps.length; k += 2) {
    out.push([from, seps[k] as number]);
    from = seps[k + 1] as number;
  }
  out.push([from, text.length]);
  return out;
}

/** One line, single spaces, no edge spaces. Most texts are already so and come back as they are. */
export function collapse(text: string): string {
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return text.replace(/\s+/g, " ").trim();
      previousSpace = true;
    } else if (isSpaceCode(c)) return text.replace(/\s+/g, " ").trim();
    else previousSpace = false;
  }
  return previousSpace && text.length > 0 ? text.replace(/\s+/g, " ").trim() : text;
}

/** What `\s` matches, other than the plain space. */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Clauses with their place in the text (list markers and edge spaces left out), for reading with markers. */
export function clauseSpans(text: string): Span[] {
  const out: Span[] = [];
  if (!text) return out;
  const seps = separators(text, true);
  const count = seps.length / 2 + 1;
  // Piece k runs from the end of separator k-1 to the start of separator k.
  const pieceStart = (k: number) => (k === 0 ? 0 : (seps[2 * k - 1] as number));
  const pieceEnd = (k: number) => (k === count - 1 ? text.length : (seps[2 * k] as number));
  for (let i = 0; i < count; i++) {
    let start = pieceStart(i);
    let end = pieceEnd(i);
    if (i + 1 < count && isListNumberOnly(text, start, end)) {
      end = pieceEnd(i + 1);
      i++;
    }
    start += listMarkerLength(text, start, end);
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start && hasLetterOrDigit(text, start, end))
      out.push({ start, end, text: text.slice(start, end) });
  }
  return out;
}

/** /^\s*\(?(?:\d{1,2}|[a-z])[.)]\s*$/ over text[start, end): "1.", "(a)", "b)" alone. */
function isListNumberOnly(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  let e = end;
  while (e > i && isSpace(text.charCodeAt(e - 1))) e--;
  if (i < e && text.charCodeAt(i) === 40) i++;
  const len = e - i;
  if (len < 2 || len > 3) return false;
  const close = text.charCodeAt(e - 1);
  if (close !== 46 && close !== 41) return false;
  if (len === 2) return isDigit(text.charCodeAt(i)) || isLowerLetter(text.charCodeAt(i));
  return isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1));
}

/** The length of LIST_MARKER's match at text[start, end), or 0. */
function listMarkerLength(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  let j = -1;
  if (i < end && (c === 45 || c === 42 || c === 0x2022 || c === 0x25aa || c === 0x25e6)) j = i + 1;
  else {
    const k = i < end && c === 40 ? i + 1 : i;
    const d = text.charCodeAt(k);
    if (k < end && isDigit(d)) {
      let m = k + 1;
      if (m < end && isDigit(text.charCodeAt(m))) m++;
      const p = text.charCodeAt(m);
      if (m < end && (p === 46 || p === 41)) j = m + 1;
    } else if (k < end && isLowerLetter(d)) {
      const p = text.charCodeAt(k + 1);
      if (k + 1 < end && (p === 46 || p === 41)) j = k + 2;
    }
  }
  if (j < 0 || j >= end || !isSpace(text.charCodeAt(j))) return 0;
  while (j < end && isSpace(text.charCodeAt(j))) j++;
  return j - start;
}

function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const folded = c | 32;
    if ((folded >= 97 && folded <= 122) || isDigit(c)) return true;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Progress text as clauses, list markers removed; empty pieces dropped. */
export function clauses(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const piece of rejoinListNumbers(pieces(text, true))) {
    const t = piece.replace(LIST_MARKER, "").trim();
    if (t.length > 0 && /[A-Za-z0-9]/.test(t)) out.push(t);
  }
  return out;
}

export function sentences(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const piece of rejoinListNumbers(pieces(text, false))) {
    const t = piece.replace(LIST_MARKER, "").trim();
    if (t.length > 0 && /[A-Za-z0-9]/.test(t)) out.push(t);
  }
  return out;
}

/** "1. A review will…" is split after "1." by the sentence rule; put the number back with its item. */
function rejoinListNumbers(pieces: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] ?? "";
    if (/^\s*\(?(?:\d{1,2}|[a-z])[.)]\s*$/.test(p) && i + 1 < pieces.length) {
      out.push(`${p.trim()} ${pieces[i + 1] ?? ""}`);
      i++;
    } else out.push(p);
  }
  return out;
}

/** The plan's words for a reason or question: one line, at most `max` characters, cut at a word. */
export function quote(text: string, max = 140): string {
  let t = collapse(text).replace(LIST_MARKER, "");
  if (t.length > max) {
    const cut = t.lastIndexOf(" ", max - 1);
    t = `${t.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:–—-]+$/, "")}…`;
  }
  return t;
}

/** Quote with final sentence punctuation, for use inside “…” at the end of a sentence. */
export function quoteSentence(text: string, max = 140): string {
  const q = quote(text, max);
  return /[.!?…]$/.test(q) ? q : `${q}.`;
}

const STOP_WORDS = new Set(
  "and or of the to for with in on at a an by from their its our as that which who including across within".split(
    " ",
  ),
);
const NOUN_FIRST = new Set([
  "review",
  "audit",
  "report",
  "update",
  "plan",
  "record",
  "support",
  "change",
  "check",
  "use",
  "pilot",
  "test",
  "map",
  "design",
  "survey",
  "training",
  "work",
  "focus",
  "progress",
]);
const PREPOSITION = /^(?:of|in|with|for|on|at|by|from|through|to|into|across|within|and)$/i;
const QUOTED_LEADS = /^(?:this|it|we|n\/?a|not applicable|being|there|see|no|none|tbc)\b/i;
const ABBREVIATION = /^[A-Z]{2}/;

export type PhraseKind = "nominal" | "gerund" | "quoted";
export interface ActionPhrase {
  text: string;
  kind: PhraseKind;
}

/**
 * The action as a noun phrase for a question: "Review of information sharing" → "the review of information
 * sharing"; "Recruit to the vacant posts" → "recruiting to the vacant posts"; "Health visitors to complete
 * level 2" → "health visitors completing level 2". Falls back to quoting the action.
 */
export function actionPhrase(action: string, rules: CompiledRules, maxWords = 16): ActionPhrase {
  let t = firstSentence(action);
  if (!t) return { text: "this action", kind: "quoted" };
  if (
    t.length > 2 &&
    (t.charCodeAt(0) | 32) === 116 &&
    (t.charCodeAt(1) | 32) === 111 &&
    t.charCodeAt(2) === 32
  )
    t = t.slice(3);
  const cut = PHRASE_CUT.exec(t);
  if (cut && cut.index > 0 && wordCount(t.slice(0, cut.index)) >= 3) t = t.slice(0, cut.index);
  if (QUOTED_LEADS.test(t) && !ABBREVIATION.test(t))
    return { text: `the action “${trimWords(t, maxWords)}”`, kind: "quoted" };

  const words = t.split(" ");
  const w0 = (words[0] ?? "").toLowerCase();
  const w1 = words[1] ?? "";
  const g = rules.gerunds;

  // Imperative: "Recruit to …", "Review the capacity …", "Ensure that …", "Take forward with …".
  const lead = multiWordVerb(words, 0, g);
  if (lead.used > 0 && !(lead.used === 1 && NOUN_FIRST.has(w0) && (w1 === "" || PREPOSITION.test(w1)))) {
    return { text: trimWords(joinFrom(lead.gerund, words, lead.used), maxWords), kind: "gerund" };
  }
  // "<subject> to be <done> …" → "<doing> <subject> …"; "<subject> to <do> …" → "<subject> <doing> …".
  for (let i = 1; i < Math.min(words.length - 1, 12); i++) {
    const w = (words[i] ?? "").toLowerCase();
    if (!MODALS.has(w)) continue;
    const subject = words.slice(0, i).join(" ");
    if ((words[i + 1] ?? "").toLowerCase() === "be") {
      const verb = multiWordVerb(words, i + 2, g);
      if (verb.used > 0) {
        return {
          text: trimWords(
            `${verb.gerund} ${lowerFirst(subject)}${joinFrom("", words, i + 2 + verb.used)}`,
            maxWords,
          ),
          kind: "gerund",
        };
      }
    } else if (i <= 7) {
      const verb = multiWordVerb(words, i + 1, g);
      if (verb.used > 0) {
        return {
          text: trimWords(
            `${articleToThe(lowerFirst(subject))} ${joinFrom(verb.gerund, words, i + 1 + verb.used)}`,
            maxWords,
          ),
          kind: "gerund",
        };
      }
    }
    break;
  }
  // A noun phrase already: "Review of …", "Audit in February …", "Ongoing work to …".
  const nominal = /^(?:a|an|the)\s/i.test(t) ? t.replace(/^(?:a|an)\s+/i, "the ") : `the ${lowerFirst(t)}`;
  return { text: trimWords(nominal.replace(/^The\s/, "the "), maxWords), kind: "nominal" };
}

const MODALS = new Set(["to", "will", "shall", "should", "must"]);
const PHRASE_CUT =
  /\s+(?:to\s+ensure|in\s+line\s+with|so\s+that|in\s+order\s+to|in\s+order\s+that|with\s+(?:a\s+)?view\s+to|with\s+the\s+aim\s+of|as\s+a\s+means\s+of)\b|,\s+(?:including|so|which|who|where)\b|\s+\(|\s[–—-]\s|:\s/i;

/** The first sentence or list item, on one line, without its list marker or final stop. */
function firstSentence(text: string): string {
  let t = text.replace(LIST_MARKER, "");
  const nl = t.indexOf("\n");
  if (nl >= 0) t = t.slice(0, nl);
  const stop = /[.!?]\s+(?=[A-Z0-9“"'‘(])/.exec(t);
  if (stop) t = t.slice(0, stop.index);
  return collapse(t).replace(/[.;:!]+$/, "");
}

function joinFrom(first: string, words: string[], from: number): string {
  let out = first;
  for (let i = from; i < words.length; i++) out += (out ? " " : "") + words[i];
  return out ? (first ? out : ` ${out}`) : out;
}

function multiWordVerb(
  words: string[],
  at: number,
  g: Map<string, string>,
): { gerund: string; used: number } {
  const first = (words[at] ?? "").toLowerCase();
  if (multiWordHeads(g).has(first)) {
    for (let n = 3; n >= 2; n--) {
      if (words.length < at + n) continue;
      let key = first;
      for (let k = 1; k < n; k++) key += ` ${(words[at + k] ?? "").toLowerCase()}`;
      const gerund = g.get(key);
      if (gerund) return { gerund, used: n };
    }
  }
  const gerund = words.length > at ? g.get(first) : undefined;
  return gerund ? { gerund, used: 1 } : NO_VERB;
}

const NO_VERB = { gerund: "", used: 0 };
const heads = new WeakMap<Map<string, string>, Set<string>>();

/** The first words of the verbs of more than one word ("take forward", "make sure"). */
function multiWordHeads(g: Map<string, string>): Set<string> {
  let set = heads.get(g);
  if (!set) {
    set = new Set<string>();
    for (const key of g.keys()) {
      const space = key.indexOf(" ");
      if (space > 0) set.add(key.slice(0, space));
    }
    heads.set(g, set);
  }
  return set;
}

function articleToThe(text: string): string {
  return text.replace(/^(?:a|an)\s+/i, "the ");
}

function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function trimWords(text: string, maxWords: number): string {
  let out = text;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 32 || ++spaces < maxWords) continue;
    out = text.slice(0, i);
    // Rather end at the last comma than in the middle of a phrase.
    const comma = out.lastIndexOf(",");
    if (comma > 0 && wordCount(out.slice(0, comma)) >= 5) out = out.slice(0, comma);
    break;
  }
  for (let i = 0; i < 4; i++) {
    const before = out;
    let end = out.length;
    while (end > 0 && isTrailing(out.charCodeAt(end - 1))) end--;
    if (end < out.length) out = out.slice(0, end);
    const space = out.lastIndexOf(" ");
    if (space > 0 && STOP_WORDS.has(out.slice(space + 1).toLowerCase())) out = out.slice(0, space);
    if (out === before) break;
  }
  return out;
}

/** Spaces and the punctuation a trimmed phrase should not end with: , ; : . – — - */
function isTrailing(c: number): boolean {
  return (
    c === 32 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 46 ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 45 ||
    isSpaceCode(c)
  );
}

/** Lower-case an ordinary first word; keep abbreviations and names ("CAMHS", "MiDOS", "Early Help"). */
export function lowerFirst(text: string): string {
  const m = /^(\S+)(\s+(\S+))?/.exec(text);
  if (!m?.[1]) return text;
  const w = m[1];
  const next = m[3] ?? "";
  if (/^(?:the|a|an)$/i.test(w)) return w.toLowerCase() + text.slice(w.length);
  if (/[A-Z].*[A-Z]/.test(w) || /\d/.test(w)) return text;
  if (/^[A-Z]/.test(next) && !/^[A-Z]{2,}/.test(next) && !/^Level$/.test(next)) return text;
  return w.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const templates = new Map<string, string[]>();

/** Fill "{name}" placeholders; unknown names are left as they are so a template mistake shows. */
export function fill(template: string, values: Record<string, string>): string {
  let parts = templates.get(template);
  if (!parts) {
    // Even indexes are literal text, odd ones placeholder names.
    parts = template.split(/\{(\w+)\}/);
    templates.set(template, parts);
  }
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? "";
    const v = values[name];
    out += (v === undefined ? `{${name}}` : v) + (parts[i + 1] ?? "");
  }
  return out;
}
