/**
 * What a plan's colours and words mean. A plan's own key decides (a key table, a key sheet, a key
 * sentence); DEFAULT_KEY and the word lists here apply only where a plan gives none.
 */
import { type ColourFamily, colourDistance, colourFamily, NEAR_THRESHOLD, normaliseHex } from "./colour.js";
import type { RagKeyEntry } from "./plan.js";
import type { Status } from "./status.js";

/**
 * The key of the Ofsted/JTAI action plan template, the most common shape after an inspection. Grey
 * "not yet started" is in it because that template shades not-started actions grey; white is not,
 * because an unshaded (white) status cell usually means "not rated" rather than anything.
 */
export const DEFAULT_KEY: RagKeyEntry[] = [
  { label: "Action not yet started", colour: "D9D9D9", word: null, status: "not-started" },
  {
    label: "Action in progress but at significant risk of missing completion in agreed timescale",
    colour: "FF0000",
    word: "Red",
    status: "significant-risk",
  },
  {
    label: "Action in progress but a minor risk to missing completion in agreed timescale",
    colour: "FFC000",
    word: "Amber",
    status: "minor-risk",
  },
  {
    label: "Action in progress and on track for completion",
    colour: "00B050",
    word: "Green",
    status: "on-track",
  },
  { label: "Action completed", colour: "0070C0", word: "Blue", status: "completed" },
  {
    label: "Action completed and evidence of impact captured",
    colour: "0070C0",
    word: "Ev.",
    status: "completed-with-impact",
  },
];

/** Colour names as keys write them, with the Office standard colour each stands for. */
const COLOUR_WORDS: Record<string, string> = {
  red: "FF0000",
  "dark red": "C00000",
  amber: "FFC000",
  orange: "ED7D31",
  yellow: "FFFF00",
  green: "00B050",
  "light green": "92D050",
  "pale green": "92D050",
  "dark green": "006100",
  blue: "0070C0",
  "light blue": "00B0F0",
  "dark blue": "002060",
  purple: "7030A0",
  grey: "D9D9D9",
  gray: "D9D9D9",
  white: "FFFFFF",
  black: "000000",
};

/** The single capital letters of R/A/G/B ratings. */
const COLOUR_LETTERS: Record<string, string> = { R: "FF0000", A: "FFC000", G: "00B050", B: "0070C0" };

/** Lower case, "&" as "and", apostrophes dropped, every other non-letter/digit a single space. */
function norm(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** "Red", "light green", "R" → the colour it names, or null. */
export function colourOfWord(word: string): string | null {
  const t = word.trim().replace(/[.:;,]+$/, "");
  if (COLOUR_LETTERS[t] !== undefined) return COLOUR_LETTERS[t];
  return COLOUR_WORDS[norm(t)] ?? null;
}

type Kind = "phrase" | "generic" | "colour" | "letter" | "unknown";

/** Status language, each phrase as normalised tokens. Longer phrases win over their parts. */
const PHRASES: [string, Status, Kind][] = [
  // Not applicable. Withdrawn/superseded actions need no delivering, the same as not applicable.
  ["n a", "not-applicable", "phrase"],
  ["na", "not-applicable", "phrase"],
  ["not applicable", "not-applicable", "phrase"],
  ["not relevant", "not-applicable", "phrase"],
  ["no longer applicable", "not-applicable", "phrase"],
  ["no longer required", "not-applicable", "phrase"],
  ["no longer relevant", "not-applicable", "phrase"],
  ["withdrawn", "not-applicable", "phrase"],
  ["superseded", "not-applicable", "phrase"],
  // Completed with evidence of impact.
  ["ev", "completed-with-impact", "phrase"],
  ["evidence of impact", "completed-with-impact", "phrase"],
  ["impact evidenced", "completed-with-impact", "phrase"],
  ["impact evident", "completed-with-impact", "phrase"],
  ["impact captured", "completed-with-impact", "phrase"],
  ["impact demonstrated", "completed-with-impact", "phrase"],
  ["completed with impact", "completed-with-impact", "phrase"],
  ["complete with impact", "completed-with-impact", "phrase"],
  ["embedded", "completed-with-impact", "phrase"],
  ["completed and embedded", "completed-with-impact", "phrase"],
  ["complete and embedded", "completed-with-impact", "phrase"],
  ["sustained", "completed-with-impact", "phrase"],
  // Completed.
  ["completed", "completed", "phrase"],
  ["complete", "completed", "phrase"],
  ["done", "completed", "phrase"],
  ["closed", "completed", "phrase"],
  ["achieved", "completed", "phrase"],
  ["delivered", "completed", "phrase"],
  ["finished", "completed", "phrase"],
  ["implemented", "completed", "phrase"],
  // Completion denied or partial: still being delivered.
  ["not completed", "on-track", "generic"],
  ["not complete", "on-track", "generic"],
  ["not yet completed", "on-track", "generic"],
  ["not yet complete", "on-track", "generic"],
  ["incomplete", "on-track", "generic"],
  ["partially completed", "on-track", "generic"],
  ["partially complete", "on-track", "generic"],
  ["partly complete", "on-track", "generic"],
  ["partly completed", "on-track", "generic"],
  ["part complete", "on-track", "generic"],
  ["part completed", "on-track", "generic"],
  ["nearly complete", "on-track", "generic"],
  ["almost complete", "on-track", "generic"],
  ["not embedded", "completed", "phrase"],
  ["not yet embedded", "completed", "phrase"],
  ["no evidence of impact", "completed", "phrase"],
  ["impact not yet evidenced", "completed", "phrase"],
  ["not done", "on-track", "generic"],
  ["not closed", "on-track", "generic"],
  // Not started. An action "not yet due" has not been started because it need not be yet.
  ["not started", "not-started", "phrase"],
  ["not yet started", "not-started", "phrase"],
  ["yet to start", "not-started", "phrase"],
  ["yet to be started", "not-started", "phrase"],
  ["not commenced", "not-started", "phrase"],
  ["not yet commenced", "not-started", "phrase"],
  ["not begun", "not-started", "phrase"],
  ["not yet begun", "not-started", "phrase"],
  ["not due", "not-started", "phrase"],
  ["not yet due", "not-started", "phrase"],
  ["pending", "not-started", "phrase"],
  ["planned", "not-started", "phrase"],
  // Significant risk. "Delayed" without a measure of how much is read as significant: the action has
  // already missed or will miss its timescale, which is what the template's red means.
  ["significant risk", "significant-risk", "phrase"],
  ["high risk", "significant-risk", "phrase"],
  ["major risk", "significant-risk", "phrase"],
  ["serious risk", "significant-risk", "phrase"],
  ["at risk", "significant-risk", "phrase"],
  ["off track", "significant-risk", "phrase"],
  ["not on track", "significant-risk", "phrase"],
  ["delayed", "significant-risk", "phrase"],
  ["overdue", "significant-risk", "phrase"],
  ["behind", "significant-risk", "phrase"],
  ["behind schedule", "significant-risk", "phrase"],
  ["slipped", "significant-risk", "phrase"],
  ["stalled", "significant-risk", "phrase"],
  ["blocked", "significant-risk", "phrase"],
  ["on hold", "significant-risk", "phrase"],
  ["paused", "significant-risk", "phrase"],
  ["not achieved", "significant-risk", "phrase"],
  ["not met", "significant-risk", "phrase"],
  // Minor risk.
  ["minor risk", "minor-risk", "phrase"],
  ["some risk", "minor-risk", "phrase"],
  ["slight risk", "minor-risk", "phrase"],
  ["small risk", "minor-risk", "phrase"],
  ["medium risk", "minor-risk", "phrase"],
  ["moderate risk", "minor-risk", "phrase"],
  ["minor delay", "minor-risk", "phrase"],
  ["slight delay", "minor-risk", "phrase"],
  ["some delay", "minor-risk", "phrase"],
  ["slightly delayed", "minor-risk", "phrase"],
  ["slightly behind", "minor-risk", "phrase"],
  ["minor slippage", "minor-risk", "phrase"],
  ["some slippage", "minor-risk", "phrase"],
  // On track.
  ["on track", "on-track", "phrase"],
  ["on target", "on-track", "phrase"],
  ["on schedule", "on-track", "phrase"],
  ["in progress", "on-track", "generic"],
  ["ongoing", "on-track", "generic"],
  ["on going", "on-track", "generic"],
  ["progressing", "on-track", "generic"],
  ["underway", "on-track", "generic"],
  ["under way", "on-track", "generic"],
  ["started", "on-track", "generic"],
  ["commenced", "on-track", "generic"],
  ["in hand", "on-track", "generic"],
  ["open", "on-track", "generic"],
  // Colour words, read by the default key: yellow and orange are used for amber in practice.
  ["red", "significant-risk", "colour"],
  ["dark red", "significant-risk", "colour"],
  ["amber", "minor-risk", "colour"],
  ["yellow", "minor-risk", "colour"],
  ["orange", "minor-risk", "colour"],
  ["green", "on-track", "colour"],
  ["light green", "on-track", "colour"],
  ["dark green", "on-track", "colour"],
  ["blue", "completed", "colour"],
  ["grey", "not-started", "colour"],
  ["gray", "not-started", "colour"],
  // Single letters only count in a short mark such as "G" or "A/G".
  ["r", "significant-risk", "letter"],
  ["a", "minor-risk", "letter"],
  ["g", "on-track", "letter"],
  ["b", "completed", "letter"],
  // Said to be unknown.
  ["unknown", "unknown", "unknown"],
  ["not known", "unknown", "unknown"],
  ["no update", "unknown", "unknown"],
  ["not rated", "unknown", "unknown"],
];

interface Phrase {
  tokens: string[];
  status: Status;
  kind: Kind;
}

/** Phrases by their first token, longest first. */
const PHRASE_INDEX = new Map<string, Phrase[]>();
for (const [p, status, kind] of PHRASES) {
  const tokens = p.split(" ");
  const list = PHRASE_INDEX.get(tokens[0] ?? "") ?? [];
  list.push({ tokens, status, kind });
  list.sort((a, b) => b.tokens.length - a.tokens.length);
  PHRASE_INDEX.set(tokens[0] ?? "", list);
}

/** Most cautious first: where a cell mixes ratings ("Amber/Green") the less favourable one stands. */
const CAUTION: Status[] = [
  "significant-risk",
  "minor-risk",
  "not-started",
  "on-track",
  "completed",
  "completed-with-impact",
];

function mostCautious(statuses: Status[]): Status | null {
  for (const s of CAUTION) if (statuses.includes(s)) return s;
  return null;
}

interface Hit {
  at: number;
  len: number;
  status: Status;
  kind: Kind;
}

function findPhrases(tokens: string[]): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const p = PHRASE_INDEX.get(tokens[i] ?? "")?.find((c) => c.tokens.every((t, k) => tokens[i + k] === t));
    if (p === undefined) {
      i++;
      continue;
    }
    hits.push({ at: i, len: p.tokens.length, status: p.status, kind: p.kind });
    i += p.tokens.length;
  }
  return hits;
}

/**
 * A status cell's words: "Red", "G", "Amber/Green", "Completed", "In progress", "Not started", "N/A",
 * "Completed – evidence of impact", "Green, Not Applicable", "Blue (Ev.)". Case and punctuation are
 * ignored. Rules where words mix:
 * - "not applicable" anywhere wins ("Green, Not Applicable" is not applicable);
 * - evidence of impact, then completion, win over other words ("Green – complete" is completed);
 * - otherwise the most cautious rating stands ("Amber/Green" is minor-risk, "In progress – delayed" is
 *   significant-risk), and "In progress" alone is on-track;
 * - "Delayed" is significant-risk (see PHRASES).
 * Single letters R/A/G/B (any case) count only when the cell is nothing but a short mark; a tick is completed. In a long text only
 * the first words are read, so a progress sentence is not mistaken for a rating. Null if none of it is
 * status language.
 */
export function statusFromWords(text: string): Status | null {
  if (/^\s*[✓✔☑]\s*$/u.test(text)) return "completed";
  // Only the first words of a long text are read, so there is no need to look further.
  const all = norm(text.slice(0, 2000)).split(" ").filter(Boolean);
  if (all.length === 0) return null;
  const long = all.length > 8;
  const tokens = long ? all.slice(0, 8) : all;
  let hits = findPhrases(tokens);
  if (long) hits = hits.filter((h) => h.at < 4);
  // Letters are ratings only in a mark made of nothing but ratings and numbers ("G", "A/G", "G (4)").
  const shortMark =
    tokens.length <= 4 &&
    tokens.every((t, i) => /^\d+$/.test(t) || hits.some((h) => i >= h.at && i < h.at + h.len));
  if (!shortMark) hits = hits.filter((h) => h.kind !== "letter");
  if (hits.length === 0) return null;
  const of = (...kinds: Kind[]) => hits.filter((h) => kinds.includes(h.kind)).map((h) => h.status);
  if (hits.some((h) => h.status === "not-applicable")) return "not-applicable";
  const phrases = of("phrase");
  if (phrases.includes("completed-with-impact")) return "completed-with-impact";
  if (phrases.includes("completed")) return "completed";
  if (phrases.length > 0) return mostCautious(phrases);
  const colours = of("colour", "letter");
  const generic = of("generic");
  if (colours.length > 0) return mostCautious(generic.length > 0 ? [...colours, "on-track"] : colours);
  if (generic.length > 0) return "on-track";
  return of("unknown").length > 0 ? "unknown" : null;
}

const MAX_MEANING = 500;

function has(t: string, ...phrases: string[]): boolean {
  const padded = ` ${t} `;
  return phrases.some((p) => padded.includes(` ${p} `));
}

/**
 * A key's meaning text: "Action not yet started", "Action in progress but at significant risk of
 * missing completion in agreed timescale (>30 days)", "… minor risk … (<30 days)", "Action in progress
 * and on track for completion", "Action completed", "Action completed and evidence of impact captured",
 * "some risk", "on track or complete", "completed and embedded", "off track", "not due", "not applicable".
 * Read in this order, so that a meaning naming several things gets the one it is about:
 * not applicable; not started/not due; completed with impact (unless the impact is said to be missing);
 * minor risk (<30 days); significant risk (>30 days, off track, delayed); on track (so "on track or
 * complete", a rating that does not tell done from doing, is on-track); completed; then the words of a
 * colour name ("Amber" means minor-risk). Null if none.
 */
export function statusFromMeaning(label: string): Status | null {
  // A key's meaning is a phrase or a sentence; a longer text is not one.
  if (label.length > MAX_MEANING) return null;
  const raw = label.toLowerCase();
  const t = norm(label);
  if (t === "") return null;
  if (has(t, "n a", "na", "not applicable", "not relevant", "no longer applicable", "no longer required"))
    return "not-applicable";
  if (has(t, "withdrawn", "superseded")) return "not-applicable";
  if (
    has(
      t,
      "not started",
      "not yet started",
      "yet to start",
      "yet to be started",
      "not commenced",
      "not yet commenced",
      "not begun",
      "not yet begun",
      "not due",
      "not yet due",
    )
  )
    return "not-started";
  const impact =
    has(t, "embedded", "sustained", "ev") ||
    /\b(evidence of|evidenced|evident|demonstrat\w*|captured|measurable|demonstrable)\b.*\bimpact\b|\bimpact\b.*\b(evidenced|evident|captured|demonstrated|shown|achieved)\b/.test(
      t,
    );
  const impactDenied =
    /\b(no|not|without|awaiting|yet to|pending)\b( \w+){0,3} (impact|evidence|evidenced|embedded)\b/.test(
      t,
    ) || /\b(impact|embedded)\b( \w+){0,2} not\b/.test(t);
  if (impact && !impactDenied) return "completed-with-impact";
  if (
    /<\s*30|less than 30|under 30|within 30/.test(raw) ||
    has(
      t,
      "minor risk",
      "some risk",
      "slight risk",
      "small risk",
      "medium risk",
      "moderate risk",
      "minor delay",
      "slight delay",
      "some delay",
      "slightly delayed",
      "slightly behind",
      "minor slippage",
      "some slippage",
    )
  )
    return "minor-risk";
  if (
    />\s*30|more than 30|over 30/.test(raw) ||
    has(
      t,
      "significant risk",
      "high risk",
      "major risk",
      "serious risk",
      "at risk",
      "off track",
      "not on track",
      "delayed",
      "overdue",
      "behind",
      "slipped",
      "stalled",
      "blocked",
      "on hold",
      "missed",
      "not achieved",
      "not met",
      "will not be met",
      "unlikely",
    )
  )
    return "significant-risk";
  if (
    has(
      t,
      "on track",
      "on target",
      "on schedule",
      "in progress",
      "ongoing",
      "progressing",
      "underway",
      "under way",
    )
  )
    return "on-track";
  if (has(t, "completed", "complete", "done", "closed", "achieved", "delivered", "finished", "implemented"))
    return "completed";
  return statusFromWords(label);
}

interface Marker {
  start: number;
  end: number;
  word: string;
  colour: string | null;
  /** The separator opened a bracket: the meaning ends at the closing one. */
  bracket: boolean;
}

const NAMES = Object.keys(COLOUR_WORDS).sort((a, b) => b.length - a.length);
const SEP = String.raw`\s*(?:[-–—=:]+|\()\s*`;
const NAME_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NAMES.map((n) => n.replace(" ", "\\s+")).join("|")}|ev\.?)(?![\p{L}\p{N}])(${SEP})`,
  "giu",
);
const LETTER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])([RAGB])(?![\p{L}\p{N}])(${SEP})`, "gu");

function markers(text: string): Marker[] {
  const found: Marker[] = [];
  const taken = new Uint8Array(text.length);
  for (const re of [NAME_RE, LETTER_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const word = m[1] ?? "";
      const start = m.index;
      if (taken.subarray(start, start + m[0].length).some((t) => t === 1)) continue;
      taken.fill(1, start, start + m[0].length);
      found.push({
        start,
        end: start + m[0].length,
        word,
        colour: colourOfWord(word),
        bracket: (m[2] ?? "").includes("("),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function tidyMeaning(text: string): string {
  return text
    .replace(/^[\s;,.:–—-]+/, "")
    .replace(/[\s;,.:–—-]+$/, "")
    .replace(/\s+(?:and|or)$/i, "")
    .trim();
}

/** "Red – significant risk; Amber – some risk" → entries whose meanings resolve, in order. */
function entriesColourFirst(text: string): RagKeyEntry[] {
  const ms = markers(text);
  const entries: RagKeyEntry[] = [];
  ms.forEach((m, i) => {
    let meaning = text.slice(m.end, ms[i + 1]?.start ?? text.length);
    if (m.bracket) {
      const close = meaning.indexOf(")");
      if (close >= 0) meaning = meaning.slice(0, close);
    } else {
      // A key sentence's items are separated by ";" or "," or a line: later text is not part of the meaning.
      meaning = meaning.split(/[;\n]/)[0] ?? "";
    }
    meaning = tidyMeaning(meaning);
    const status = statusFromMeaning(meaning);
    if (meaning === "" || status === null) return;
    entries.push({ label: meaning, colour: m.colour, word: m.word.trim(), status });
  });
  return entries;
}

/** "significant risk (Red); some risk (Amber)", "on track = Green" → entries. */
function entriesMeaningFirst(text: string): RagKeyEntry[] {
  const entries: RagKeyEntry[] = [];
  const nameAlt = [...NAMES.map((n) => n.replace(" ", "\\s+")), "ev\\.?"].join("|");
  const re = new RegExp(String.raw`^(.*?)\s*(?:[-–—=:]+\s*|\(\s*)(${nameAlt}|[RAGB])\s*\)?\s*\.?$`, "iu");
  for (const part of text.split(/[;,\n]/)) {
    if (part.length > MAX_MEANING) continue;
    const m = re.exec(part.trim());
    if (m === null) continue;
    const word = m[2] ?? "";
    if (word.length === 1 && word !== word.toUpperCase()) continue;
    const meaning = tidyMeaning((m[1] ?? "").replace(/^.*\b(?:rag\s+)?key\s*[:\-–—]\s*/i, ""));
    const status = statusFromMeaning(meaning);
    if (meaning === "" || status === null) continue;
    entries.push({ label: meaning, colour: colourOfWord(word), word, status });
  }
  return entries;
}

/**
 * A key written as a sentence: "RAG key: Red – significant risk; Amber – some risk; Green – on track or
 * complete; Blue – completed and embedded", "Red = not started, Amber = in progress, Green = complete",
 * "R: not started A: in progress G: complete", "Red (significant risk), Green (on track)", or the meaning
 * first: "significant risk (Red); on track (Green)". Separators -, –, —, =, :, ( ). Meanings longer than
 * 500 characters are not read. Colour words map to
 * Office colours (Red FF0000, Amber FFC000, Yellow FFFF00, Green 00B050, Light green 92D050, Blue 0070C0,
 * Purple 7030A0, Grey D9D9D9, White FFFFFF, Black 000000); "Ev." gives an entry with no colour.
 * Null unless at least two entries are found.
 */
export function parseKeySentence(text: string): RagKeyEntry[] | null {
  const forward = entriesColourFirst(text);
  if (forward.length >= 2) return forward;
  const reverse = entriesMeaningFirst(text);
  return reverse.length >= 2 ? reverse : null;
}

function isColourName(text: string): boolean {
  return colourOfWord(text) !== null;
}

/**
 * A key table: each row has a meaning, a swatch (a filled cell) and/or a colour word or mark ("Ev.").
 * Works with the swatch left or right, 2 or 3 columns, header rows (skipped: they mean nothing), and
 * single-cell rows such as "Red – significant risk". For each row: the meaning is the longest text that
 * reads as a status; the word is the shortest other text, a mark such as "Ev." before a colour name; the
 * colour is the swatch's fill, else the colour the word names. A white fill counts only on a cell of its
 * own, so a white-shaded table gives no colours. Null unless at least two rows resolve to a status.
 */
export function keyFromRows(rows: { texts: string[]; fills: (string | null)[] }[]): RagKeyEntry[] | null {
  const entries: RagKeyEntry[] = [];
  for (const row of rows) {
    const entry = keyRow(row);
    if (entry !== null) entries.push(entry);
  }
  return entries.length >= 2 ? entries : null;
}

function keyRow(row: { texts: string[]; fills: (string | null)[] }): RagKeyEntry | null {
  const width = Math.max(row.texts.length, row.fills.length);
  const cells = Array.from({ length: width }, (_, i) => ({
    text: (row.texts[i] ?? "").replace(/\s+/g, " ").trim(),
    fill: normaliseHex(row.fills[i] ?? ""),
  }));
  let meaningAt = -1;
  let meaningStatus: Status | null = null;
  cells.forEach((c, i) => {
    if (c.text === "") return;
    const s = statusFromMeaning(c.text);
    if (s !== null && (meaningAt < 0 || c.text.length > (cells[meaningAt]?.text.length ?? 0))) {
      meaningAt = i;
      meaningStatus = s;
    }
  });
  const others = cells.filter((c, i) => i !== meaningAt && c.text !== "" && c.text.length <= 30);
  const marks = others.filter((c) => !isColourName(c.text)).sort((a, b) => a.text.length - b.text.length);
  const names = others.filter((c) => isColourName(c.text));
  const wordCell = marks[0] ?? names[0] ?? null;
  let word = wordCell?.text ?? null;
  let label = meaningAt >= 0 ? (cells[meaningAt]?.text ?? "") : (word ?? "");
  let status: Status | null = meaningStatus ?? (word !== null ? statusFromWords(word) : null);

  // A single cell "Red – significant risk" carries its own colour word.
  let inlineColour: string | null = null;
  if (meaningAt >= 0 && word === null) {
    const inline = entriesColourFirst(label);
    if (inline.length === 1 && inline[0] !== undefined) {
      ({ label, word, status } = inline[0]);
      inlineColour = inline[0].colour;
    }
  }
  if (status === null) return null;

  const meaningFill = meaningAt >= 0 ? (cells[meaningAt]?.fill ?? null) : null;
  const swatches = cells
    .map((c, i) => ({ ...c, i }))
    .filter((c) => c.fill !== null && c.i !== meaningAt && !(c.fill === "FFFFFF" && c.fill === meaningFill));
  const coloured = swatches.find((c) => c.fill !== "FFFFFF") ?? swatches[0];
  let colour = coloured?.fill ?? null;
  if (colour === null && meaningFill !== null && meaningFill !== "FFFFFF") colour = meaningFill;
  if (colour === null) {
    colour = inlineColour ?? names.map((c) => colourOfWord(c.text)).find((c) => c !== null) ?? null;
  }
  if (colour === null && word !== null) colour = colourOfWord(word);
  return { label, colour, word, status };
}

export interface ColourMatch {
  status: Status;
  entry: RagKeyEntry | null;
  distance: number;
  near: boolean;
}

type FamilyGroup = Exclude<ColourFamily, "yellow">;

/** Yellow is amber in practice; everything else is its own family. */
function familyGroup(hex: string): FamilyGroup {
  const f = colourFamily(hex);
  return f === "yellow" ? "amber" : f;
}

const ACHROMATIC: readonly FamilyGroup[] = ["grey", "white", "black", "other"];

function isMark(word: string | null): boolean {
  return word !== null && colourOfWord(word) === null;
}

/**
 * The key entry a fill colour stands for. A key colour of the same colour family wins (a pale red
 * FFC7CE is the key's red, an orange E26B0A its amber, yellow its amber, a light green its green),
 * nearest by CIEDE2000 among several of the family; otherwise the nearest of all. `near` is true for a
 * family match, or within NEAR_THRESHOLD between two chromatic colours; never for grey, white or black
 * by distance alone, so a white cell is not read as a grey "not started". When entries share the
 * colour (0070C0 completed, 0070C0 with "Ev." completed-with-impact), the one without a mark wins:
 * the mark is what tells them apart. Status "unknown" when the key has no colours or the hex is unreadable.
 */
export function statusFromColour(hex: string, key: readonly RagKeyEntry[]): ColourMatch {
  const none: ColourMatch = {
    status: "unknown",
    entry: null,
    distance: Number.POSITIVE_INFINITY,
    near: false,
  };
  const h = normaliseHex(hex);
  if (h === null) return none;
  const coloured = key.filter((e) => e.colour !== null && normaliseHex(e.colour) !== null);
  if (coloured.length === 0) return none;
  const fam = familyGroup(h);
  const sameFamily = fam === "other" ? [] : coloured.filter((e) => familyGroup(e.colour ?? "") === fam);
  const pool = sameFamily.length > 0 ? sameFamily : coloured;
  let best: { entry: RagKeyEntry; distance: number } | null = null;
  for (const entry of pool) {
    const distance = colourDistance(h, entry.colour ?? "");
    if (
      best === null ||
      distance < best.distance - 1e-9 ||
      (Math.abs(distance - best.distance) <= 1e-9 && isMark(best.entry.word) && !isMark(entry.word))
    ) {
      best = { entry, distance };
    }
  }
  if (best === null) return none;
  const near =
    sameFamily.length > 0 ||
    (best.distance <= NEAR_THRESHOLD &&
      !ACHROMATIC.includes(fam) &&
      !ACHROMATIC.includes(familyGroup(best.entry.colour ?? "")));
  return { status: best.entry.status, entry: best.entry, distance: best.distance, near };
}

/**
 * A mark or word in a status cell ("Ev.", "G", "Red", "Complete") read through the plan's key: first a
 * key entry with that word; then, for a colour name, the key entry of that colour (so "Green" means
 * what the key's green means); then statusFromWords. Null if none applies.
 */
export function statusFromMark(text: string, key: readonly RagKeyEntry[]): Status | null {
  // Symbols such as "✓" have no letters: compare them as written.
  const markKey = (s: string) => norm(s) || s.trim();
  const t = markKey(text);
  if (t === "") return null;
  const byWord = key.find((e) => e.word !== null && markKey(e.word) === t);
  if (byWord !== undefined) return byWord.status;
  const named = colourOfWord(text);
  if (named !== null) {
    const m = statusFromColour(named, key);
    if (m.near) return m.status;
  }
  return statusFromWords(text);
}
