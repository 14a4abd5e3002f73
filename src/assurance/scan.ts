import type { BodiesData, LanguageData } from "./data.js";
import { allForms, pastForms, trieAtoms, trieSource } from "./lexicon.js";

/**
 * Every word list of data/language.json in one expression: a text is scanned once and each phrase found
 * comes back with the categories it belongs to. Reading progress and actions then works on these
 * markers instead of scanning the text again for each list.
 */
export const CAT = {
  vague: 1 << 0,
  concreteVerb: 1 << 1,
  concreteNoun: 1 << 2,
  nominal: 1 << 3,
  deliveryPast: 1 << 4,
  inputPast: 1 << 5,
  ambivalent: 1 << 6,
  inputNoun: 1 << 7,
  intent: 1 << 8,
  ongoing: 1 << 9,
  state: 1 << 10,
  delay: 1 << 11,
  delayNegation: 1 << 12,
  recovered: 1 << 13,
  hedge: 1 << 14,
  purpose: 1 << 15,
  transparent: 1 << 16,
  deflectionCue: 1 << 17,
  forWord: 1 << 18,
} as const;

export interface Marker {
  index: number;
  end: number;
  mask: number;
  /** The words found, in lower case. */
  word: string;
}

export interface Scanner {
  re: RegExp;
  /** The same expression without the case flag, for text already in lower case (much faster in V8). */
  lowerRe: RegExp;
  masks: Map<string, number>;
}

/** Lower case, without spaces, hyphens and apostrophes: "Co-ordinate", "co ordinate" and "coordinate" agree. */
export function scanKey(text: string): string {
  return squeeze(text.toLowerCase());
}

/** Drop white space, hyphens and apostrophes; most words have none, and are returned as they are. */
function squeeze(lower: string): string {
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c <= 32 || c === 45 || c === 39 || c === 8217 || c === 160) return lower.replace(/[\s'’-]+/g, "");
  }
  return lower;
}

function firstSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 160) return i;
  }
  return -1;
}

export function buildScanner(lang: LanguageData, bodies: BodiesData): Scanner {
  const masks = new Map<string, number>();
  const phrases: string[] = [];
  const add = (list: readonly string[], cat: number) => {
    for (const p of list) {
      const key = scanKey(p);
      if (!key) continue;
      masks.set(key, (masks.get(key) ?? 0) | cat);
      phrases.push(p);
    }
  };
  const forms = (entries: readonly string[], f: (e: string) => string[]) => entries.flatMap(f);
  const inputLemmas = new Set(lang.inputVerbs.map((v) => v.split("|")[0]));
  add(forms(lang.vagueVerbs, allForms), CAT.vague);
  add(lang.vagueNouns, CAT.vague);
  add(forms(lang.concreteVerbs, allForms), CAT.concreteVerb);
  add(lang.concreteNouns, CAT.concreteNoun);
  add(lang.productionNominals, CAT.nominal);
  add(
    forms(
      lang.deliveryVerbs.filter((v) => !inputLemmas.has(v.split("|")[0])),
      pastForms,
    ),
    CAT.deliveryPast,
  );
  add(forms(lang.inputVerbs, pastForms), CAT.inputPast);
  add(forms(lang.ambivalentVerbs, pastForms), CAT.ambivalent);
  add(lang.inputNouns, CAT.inputNoun);
  add(lang.intentMarkers, CAT.intent);
  add(lang.ongoingMarkers, CAT.ongoing);
  add(lang.stateMarkers, CAT.state);
  add(lang.delayMarkers, CAT.delay);
  add(lang.delayNegations, CAT.delayNegation);
  add(lang.delayRecovered, CAT.recovered);
  add(lang.hedges, CAT.hedge);
  add(lang.purposeCuts, CAT.purpose);
  add(lang.transparentLeads, CAT.transparent);
  add(bodies.cues.words, CAT.deflectionCue);
  add([bodies.cues.forWord], CAT.forWord);
  const unique = [...new Set(phrases.map((p) => p.trim()).filter((p) => p.length > 0))];
  markCuePrefixes(unique, masks, new Set(bodies.cues.words.map(scanKey)));
  const source = `\\b(?:${trieSource(unique.map((p) => trieAtoms(p)))})\\b`;
  return { re: new RegExp(source, "gi"), lowerRe: new RegExp(source, "g"), masks };
}

/**
 * The scan keeps the longest phrase at a place, so "waiting for" (a delay) would hide the cue "waiting"
 * and the text would never be read for a hand-over. A phrase that begins with a cue is therefore a cue too.
 * Only the cue is passed on: it lets a text be read further and changes no reading.
 */
function markCuePrefixes(phrases: readonly string[], masks: Map<string, number>, cues: Set<string>): void {
  for (const phrase of phrases) {
    const words = phrase.split(/\s+/);
    for (let n = 1; n < words.length; n++) {
      if (!cues.has(scanKey(words.slice(0, n).join(" ")))) continue;
      const key = scanKey(phrase);
      masks.set(key, (masks.get(key) ?? 0) | CAT.deflectionCue);
      break;
    }
  }
}

/**
 * The phrases of the lists found in a text, in order, without overlaps (the longest phrase at a place
 * wins: "being developed" is one marker, not "being" and "developed"). A phrase is also found inside a
 * longer one where it starts later ("will be introduced" gives "will", then "introduced").
 */
export function scanText(text: string, scanner: Scanner): Marker[] {
  const out: Marker[] = [];
  if (!text) return out;
  // Lower-casing once and matching without the case flag is several times faster; the phrases are all in
  // lower case. Where lower-casing changes the length (rare letters), indexes would shift: match as written.
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  const re = sameLength ? scanner.lowerRe : scanner.re;
  const subject = sameLength ? lower : text;
  re.lastIndex = 0;
  for (let m = re.exec(subject); m; m = re.exec(subject)) {
    const found = m[0];
    const word = sameLength ? found : found.toLowerCase();
    const mask = scanner.masks.get(squeeze(word));
    if (mask !== undefined) {
      out.push({ index: m.index, end: m.index + found.length, mask, word });
      // Step into the phrase so a shorter phrase starting inside it is found too.
      const space = firstSpace(found);
      if (space > 0) re.lastIndex = m.index + space + 1;
    }
    if (found.length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** Markers within [start, end). */
export function markersBetween(markers: readonly Marker[], start: number, end: number): Marker[] {
  const out: Marker[] = [];
  for (const m of markers) {
    if (m.index >= end) break;
    if (m.index >= start) out.push(m);
  }
  return out;
}

export function firstWith(markers: readonly Marker[], cat: number): Marker | undefined {
  for (const m of markers) if ((m.mask & cat) !== 0) return m;
  return undefined;
}
