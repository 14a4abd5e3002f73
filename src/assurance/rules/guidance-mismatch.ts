import { type CompiledRules, termKey } from "../compile.js";
import { finding, type RuleContext } from "../context.js";
import type { StaffGroup } from "../data.js";
import { fill, quote, sentences } from "../text.js";
import type { AssuredAction, Finding } from "../types.js";

const LEVEL_WORD = "(?:[1-5]|one|two|three|four|five)";
const LEVELS = new RegExp(
  `\\b(?:levels?|lvl)\\s*(${LEVEL_WORD}(?:\\s*(?:,|&|and|\\/|-|–|to|or)\\s*(?:levels?\\s*)?${LEVEL_WORD})*)(\\+|\\s+\\+(?!\\s*[A-Za-z0-9(])|\\s*(?:and above|or above|or higher|and higher|plus(?=\\s*(?:[.;,)]|$))))?`,
  "gi",
);
const L_FORM = /(?<![A-Za-z0-9])L([1-5])((?:\s*(?:\/|&|and|,|-|–)\s*L?[1-5])*)(?![A-Za-z0-9])/g;
const ABOVE = new RegExp(
  `\\b(?:above|beyond|over and above|higher than|more than)\\s+(?:core\\s+)?level\\s*(${LEVEL_WORD})\\b`,
  "gi",
);
const PREFILTER =
  /\blevels?\b|\blvl\b|(?<![A-Za-z0-9])L[1-5]|\b(?:joint|integrated|combined|whole[- ]family|all[- ]age|think\s+family)\b/i;
const CONJUNCTION = /^(?:and|or|&|,|plus|as well as)$/i;
const LOCATION_AFTER =
  /\s+(?:working\s+|based\s+)?(?:in|on|at|within|from|across)\s+(?:the\s+|a\s+|our\s+)?$/i;

interface Mention {
  group: StaffGroup;
  term: string;
  person: boolean;
}

/**
 * A training action that offers a staff group a lower level than the intercollegiate guidance requires:
 * "Level 1 & 2" (or "levels 1-2", "L1/L2", integrated adult-and-children training, which is the level 1–2
 * offer) for paediatric or A&E staff, whom the guidance places at level 3 or above.
 */
export function guidanceMismatch(action: AssuredAction, ctx: RuleContext): Finding | null {
  if (action.status === "not-applicable") return null;
  if (!PREFILTER.test(action.action) && !PREFILTER.test(action.progress)) return null;
  const offerText = `${action.action}\n${action.progress}`;
  const rules = ctx.rules;
  // Levels first: most texts that say "level" offer no training level, and naming staff groups costs more.
  const offers: { sentence: string; levels: number[] }[] = [];
  for (const sentence of sentences(offerText)) {
    for (const part of sentence.includes(";") ? sentence.split(";") : [sentence]) {
      const levels = offeredLevels(part, rules);
      if (levels.length > 0) offers.push({ sentence: part, levels });
    }
  }
  if (offers.length === 0) return null;
  const required = new Map<string, Mention>();
  // Named or designated professionals in the plural ("named nurses") are an audience; in the singular ("the
  // Named Doctor", "the ICB's Named GP") they are the person leading or writing the training.
  const audience = new Set<string>();
  for (const m of mentions(`${action.finding}\n${offerText}`, rules)) {
    if (!required.has(m.group.id)) required.set(m.group.id, m);
    if (m.group.minimumLevel <= 3 || /s$/i.test(m.term)) audience.add(m.group.id);
  }
  if (required.size === 0) return null;

  const offered = new Map<string, { level: number; levels: number[]; sentence: string }>();
  for (const { sentence, levels } of offers) {
    const here = mentions(sentence, rules);
    rules.nonClinical.lastIndex = 0;
    const nonClinical = rules.nonClinical.test(sentence);
    rules.nonClinical.lastIndex = 0;
    // A sentence that names no staff group offers its level to the audience named elsewhere.
    const elsewhere = [...audience];
    const applies = here.length > 0 ? here.map((m) => m.group.id) : nonClinical ? [] : elsewhere;
    const top = Math.max(...levels);
    for (const id of applies) {
      const before = offered.get(id);
      if (!before || top > before.level) offered.set(id, { level: top, levels, sentence });
    }
  }

  const short: Mention[] = [];
  let offer: { level: number; levels: number[]; sentence: string } | null = null;
  for (const [id, o] of offered) {
    const m = required.get(id);
    if (m && o.level < m.group.minimumLevel) {
      short.push(m);
      offer ??= o;
    }
  }
  if (short.length === 0 || !offer) return null;

  const w = rules.data.wording.guidanceMismatch;
  const guidance = rules.data.guidance;
  const requiredLevel = Math.min(...short.map((m) => m.group.minimumLevel));
  const values = {
    offered: listLevels(offer.levels),
    quote: quote(offer.sentence, 120),
    groups: describeGroups(short),
    groupNames: joinAnd([...new Set(short.map((m) => m.group.label))]),
    required: String(requiredLevel),
    beyond: short.some((m) => m.group.beyondCoreLevel3 && m.group.minimumLevel === 3) ? w.beyondCore : "",
    guidance: `${guidance.published.slice(0, 4)}, version ${guidance.version}`,
    org: ctx.facts(action).owner.short,
  };
  return finding(action, "guidance-mismatch", w.severity, fill(w.reason, values), fill(w.question, values));
}

/** Levels a sentence offers as training; none when it is not about training or names a threshold level. */
export function offeredLevels(sentence: string, rules: CompiledRules): number[] {
  if (!rules.trainingContext.test(sentence)) return [];
  const text = sentence.replace(rules.notTraining, " ");
  const out = new Set<number>();
  const word = (w: string) => rules.levelWords[w.toLowerCase()] ?? Number(w);
  for (const m of text.matchAll(ABOVE)) {
    const n = word(m[1] ?? "");
    if (n) out.add(Math.min(5, n + 1));
  }
  const withoutAbove = text.replace(ABOVE, " ");
  for (const m of withoutAbove.matchAll(LEVELS)) {
    const nums = (m[1] ?? "").match(/[1-5]|one|two|three|four|five/gi) ?? [];
    const values = nums.map(word).filter((n) => n >= 1 && n <= 5);
    const isRange = /[-–]|\bto\b/.test(m[1] ?? "") && values.length === 2;
    if (isRange && values[0] !== undefined && values[1] !== undefined) {
      for (let n = Math.min(values[0], values[1]); n <= Math.max(values[0], values[1]); n++) out.add(n);
    } else for (const n of values) out.add(n);
    if (m[2] && values.length > 0) out.add(5);
  }
  for (const m of withoutAbove.matchAll(L_FORM)) {
    out.add(Number(m[1]));
    for (const n of (m[2] ?? "").match(/[1-5]/g) ?? []) out.add(Number(n));
  }
  if (out.size === 0 && rules.integratedTraining.test(sentence)) {
    for (const n of rules.data.guidance.integratedTraining.impliedLevels) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/** Staff groups named as people who work with children (not "ED reception staff", not "porters on the children's ward"). */
const BY_BEFORE = /\b(?:by|from)\s+(?:the\s+|our\s+|a\s+|an\s+|their\s+)?$/i;

export function mentions(text: string, rules: CompiledRules): Mention[] {
  const out: Mention[] = [];
  collect(rules.staffTerms, true, text, rules, out);
  collect(rules.settingTerms, false, text, rules, out);
  return out;
}

function collect(re: RegExp, person: boolean, text: string, rules: CompiledRules, out: Mention[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const group = rules.termGroup.get(termKey(m[0]));
    if (!group) continue;
    const end = m.index + m[0].length;
    const next = nextWords(text.slice(end), 4);
    if (person) {
      if (modifiesNonClinical(next, rules) || (next[0] !== undefined && isThing(next[0], rules))) continue;
      // "Module written by the Named Nurse": who wrote or gives the training, not who it is for.
      if (BY_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    } else {
      const decided = firstPeopleWord(next, rules);
      if (decided === "non-clinical") continue;
      if (decided === null && locatedNonClinical(text.slice(Math.max(0, m.index - 50), m.index), rules))
        continue;
    }
    out.push({ group, term: m[0], person });
  }
  re.lastIndex = 0;
}

const WORD = /[^\s(),.;:]+/g;

function nextWords(text: string, n: number): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && out.length < n; m = WORD.exec(text)) out.push(m[0]);
  WORD.lastIndex = 0;
  return out;
}

function isNonClinical(word: string, rules: CompiledRules): boolean {
  rules.nonClinical.lastIndex = 0;
  const hit = rules.nonClinical.exec(word);
  rules.nonClinical.lastIndex = 0;
  return hit !== null && hit[0].length === word.length;
}

function isThing(word: string, rules: CompiledRules): boolean {
  rules.thingNoun.lastIndex = 0;
  const hit = rules.thingNoun.exec(word);
  rules.thingNoun.lastIndex = 0;
  return hit !== null && hit[0].length === word.length;
}

function isPeople(word: string, rules: CompiledRules): boolean {
  rules.peopleNoun.lastIndex = 0;
  const hit = rules.peopleNoun.exec(word);
  rules.peopleNoun.lastIndex = 0;
  return hit !== null && hit[0].length === word.length;
}

/** "GP practice receptionists", "ED reception staff": the term describes non-clinical staff. */
function modifiesNonClinical(next: string[], rules: CompiledRules): boolean {
  for (const w of next.slice(0, 2)) {
    if (CONJUNCTION.test(w)) return false;
    if (isNonClinical(w, rules)) return true;
  }
  return false;
}

function firstPeopleWord(next: string[], rules: CompiledRules): "people" | "non-clinical" | null {
  for (const w of next) {
    if (isNonClinical(w, rules)) return "non-clinical";
    if (isPeople(w, rules)) return "people";
  }
  return null;
}

/** "administrative staff in the Emergency Department": a place where non-clinical staff work. */
function locatedNonClinical(before: string, rules: CompiledRules): boolean {
  rules.nonClinical.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = rules.nonClinical.exec(before); m; m = rules.nonClinical.exec(before)) last = m;
  rules.nonClinical.lastIndex = 0;
  if (!last) return false;
  const after = before.slice(last.index + last[0].length).replace(/^\s+staff\b/i, "");
  return LOCATION_AFTER.test(after);
}

function listLevels(levels: number[]): string {
  return joinAnd(levels.map(String));
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "paediatric and A&E staff", "health visitors", "the named nurse", in the plan's own words. */
function describeGroups(short: Mention[]): string {
  const modifiers: string[] = [];
  const people: string[] = [];
  for (const m of short) {
    const term = /[A-Z].*[A-Z]/.test(m.term) ? m.term : m.term.toLowerCase();
    if (m.person) people.push(/s$/.test(term) ? term : `the ${term}`);
    else modifiers.push(term);
  }
  const parts = [...people];
  if (modifiers.length > 0) parts.push(`${joinAnd([...new Set(modifiers)])} staff`);
  return joinAnd([...new Set(parts)]);
}
