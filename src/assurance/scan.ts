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
  /** The words as written. */
  word: string;
}

export interface Scanner {
  re: RegExp;
  masks: Map<string, number>;
}

/** Lower case, without spaces, hyphens and apostrophes: "Co-ordinate", "co ordinate" and "coordinate" agree. */
export function scanKey(text: string): string {
  return text.toLowerCase().replace(/[\s'’-]+/g, "");
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
  const re = new RegExp(`\\b(?:${trieSource(unique.map((p) => trieAtoms(p)))})\\b`, "gi");
  return { re, masks };
}

/**
 * The phrases of the lists found in a text, in order, without overlaps (the longest phrase at a place
 * wins: "being developed" is one marker, not "being" and "developed"). A phrase is also found inside a
 * longer one where it starts later ("will be introduced" gives "will", then "introduced").
 */
export function scanText(text: string, scanner: Scanner): Marker[] {
  const out: Marker[] = [];
  if (!text) return out;
  const re = scanner.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const mask = scanner.masks.get(scanKey(m[0]));
    if (mask !== undefined) {
      out.push({ index: m.index, end: m.index + m[0].length, mask, word: m[0] });
      // Step into the phrase so a shorter phrase starting inside it is found too.
      const space = m[0].search(/\s/);
      if (space > 0) re.lastIndex = m.index + space + 1;
    }
    if (m[0].length === 0) re.lastIndex++;
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
