import type { DeflectionTrigger, RuleData, StaffGroup } from "./data.js";
import { allForms, inflect, phraseRegex, termRegex } from "./lexicon.js";
import { buildScanner, type Scanner } from "./scan.js";

/** Every expression the rules use, built once per RuleData (cached), never per action. */
export interface CompiledRules {
  data: RuleData;
  /** Every word list of the language data in one expression (see scan.ts). */
  scanner: Scanner;
  deliverableMatch: { progress: RegExp; action: RegExp }[];
  /** The preparatory verbs (a model agreed, a package commissioned), whole words. */
  preparatory: RegExp;
  waiting: RegExp;
  declaredDone: RegExp;
  ratingOnly: RegExp;
  noEvidence: RegExp;
  feedback: RegExp;
  impactChange: RegExp;
  impactAbsolute: RegExp;
  impactSource: RegExp;
  impactResult: RegExp;
  impactComparison: RegExp;
  outputOnly: RegExp;
  outcomeCount: RegExp;
  concrete: RegExp;
  /** Every form of the hedging verbs ("attempt", "seek", "try") that may stand before "to". */
  hedgeVerbs: Set<string>;
  complementNouns: Set<string>;
  measure: RegExp;
  noLead: RegExp;
  notSmartIgnore: Set<string>;
  /** Every staff term and every setting term of every group in one expression each, with a lookup back to the group. */
  staffTerms: RegExp;
  settingTerms: RegExp;
  termGroup: Map<string, StaffGroup>;
  nonClinical: RegExp;
  peopleNoun: RegExp;
  thingNoun: RegExp;
  dataOffer: RegExp;
  levelWords: Record<string, number>;
  trainingContext: RegExp;
  notTraining: RegExp;
  integratedTraining: RegExp;
  bodyWord: RegExp;
  capitalisedHead: Set<string>;
  notBodies: Set<string>;
  selfPronoun: RegExp;
  triggers: CompiledTrigger[];
  /** Whether any deflection pattern matches a text. */
  anyTrigger: { test(text: string): boolean };
  /** The patterns in a few combined expressions, global, with a group around each, to find which matched where. */
  triggerScans: TriggerScan[];
  sectorBodies: Set<string>;
  bodyModifiedNouns: Set<string>;
  bodyKindCompound: RegExp;
  weakDeed: RegExp;
  /** Every form of every verb the lexicon knows (lower case) → its -ing form, for turning actions into phrases. */
  gerunds: Map<string, string>;
}

/** Part of the deflection patterns in one expression: `first` is the index of its first trigger. */
export interface TriggerScan {
  re: RegExp;
  first: number;
  /** The number of the group around each of its patterns (patterns may have groups of their own). */
  groups: number[];
}

export interface CompiledTrigger {
  trigger: DeflectionTrigger;
  re: RegExp;
  /** The same pattern, sticky: run at the place the combined scan found it, to read its own groups. */
  at: RegExp;
}

const cache = new WeakMap<RuleData, CompiledRules>();

export function compileRules(data: RuleData): CompiledRules {
  const hit = cache.get(data);
  if (hit) return hit;
  const lang = data.language;
  const verbList = (entries: string[], forms: (e: string) => string[]) => entries.flatMap(forms);
  const compiled: CompiledRules = {
    data,
    scanner: buildScanner(lang, data.bodies),
    deliverableMatch: lang.deliverableMatch.map((m) => ({
      progress: new RegExp(m.progress, "i"),
      action: new RegExp(m.action, "i"),
    })),
    preparatory: phraseRegex(lang.preparatoryVerbs.words, "gi"),
    waiting: new RegExp(lang.waitingCondition, "i"),
    declaredDone: new RegExp(lang.declaredDone, "i"),
    ratingOnly: new RegExp(lang.ratingOnly, "i"),
    noEvidence: new RegExp(lang.noEvidence, "i"),
    feedback: new RegExp(lang.feedbackSubjects, "i"),
    impactChange: new RegExp(lang.impact.changeVerbs, "i"),
    impactAbsolute: new RegExp(lang.impact.absoluteChange, "i"),
    impactSource: new RegExp(lang.impact.resultSources, "i"),
    impactResult: new RegExp(lang.impact.resultVerbs, "i"),
    impactComparison: new RegExp(lang.impact.comparison, "i"),
    outputOnly: new RegExp(lang.impact.outputOnly, "i"),
    outcomeCount: new RegExp(lang.impact.outcomeCounts, "i"),
    concrete: phraseRegex(verbList(lang.concreteVerbs, allForms), "gi"),
    hedgeVerbs: new Set(verbList(lang.hedgeVerbs, allForms).map((f) => f.toLowerCase())),
    complementNouns: new Set(lang.complementNouns),
    measure: new RegExp(lang.measurePatterns.join("|"), "i"),
    noLead: new RegExp(lang.noLead, "i"),
    notSmartIgnore: new Set(lang.notSmartIgnoreStatuses),
    staffTerms: termRegex(
      data.guidance.staffGroups.flatMap((g) => g.staffTerms),
      "g",
    ),
    settingTerms: termRegex(
      data.guidance.staffGroups.flatMap((g) => g.settingTerms),
      "g",
    ),
    termGroup: termIndex(data.guidance.staffGroups),
    nonClinical: termRegex(data.guidance.nonClinical.terms, "g"),
    peopleNoun: termRegex(data.guidance.peopleNouns, "g"),
    thingNoun: termRegex(data.guidance.thingNouns, "g"),
    dataOffer: new RegExp(lang.dataOffer, "i"),
    levelWords: lang.levels.words,
    trainingContext: new RegExp(lang.levels.trainingContext, "i"),
    notTraining: new RegExp(lang.levels.notTraining, "gi"),
    integratedTraining: new RegExp(lang.levels.integrated, "i"),
    bodyWord: phraseRegex(data.bodies.bodyWords, "gi"),
    capitalisedHead: new Set(data.bodies.capitalisedHeads),
    notBodies: new Set(data.bodies.notBodies.map((b) => b.toUpperCase())),
    selfPronoun: phraseRegex(data.bodies.selfPronouns, "i"),
    triggers: data.bodies.triggers.map((trigger) => ({
      trigger,
      re: new RegExp(trigger.pattern, "gi"),
      at: new RegExp(trigger.pattern, "iy"),
    })),
    ...triggerScans(data.bodies.triggers),
    sectorBodies: new Set(data.bodies.sectorBodies),
    bodyModifiedNouns: new Set(data.bodies.modifiedNouns),
    bodyKindCompound: phraseRegex(data.bodies.kindCompounds, "iy"),
    weakDeed: new RegExp(data.bodies.weakDeeds, "i"),
    gerunds: gerundIndex([
      "ensure",
      "make sure|made sure|made sure",
      ...lang.concreteVerbs,
      ...lang.vagueVerbs,
      ...lang.deliveryVerbs,
      ...lang.inputVerbs,
    ]),
  };
  cache.set(data, compiled);
  return compiled;
}

function gerundIndex(entries: string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of entries) {
    const f = inflect(entry);
    for (const form of [f.base, f.s, f.past, f.pp, f.ing]) {
      const key = form.toLowerCase();
      if (!index.has(key)) index.set(key, f.ing);
    }
  }
  return index;
}

/** Term (lower case, white space and apostrophes normalised) → its staff group; the first group listing a term wins. */
function termIndex(groups: StaffGroup[]): Map<string, StaffGroup> {
  const index = new Map<string, StaffGroup>();
  for (const g of groups) {
    for (const t of [...g.staffTerms, ...g.settingTerms]) {
      const key = termKey(t);
      if (!index.has(key)) index.set(key, g);
    }
  }
  return index;
}

export function termKey(term: string): string {
  return term.toLowerCase().replace(/\s+/g, " ").replace(/’/g, "'").replace(/-/g, " ");
}

/**
 * The patterns put together a few at a time, each in a group (a numbered group is much cheaper to read than a
 * named one). Not all in one: past a certain size V8 stops compiling an expression to machine code and
 * interprets it, and the one expression of every pattern crossed that size, tripling the rule's time.
 */
const PATTERNS_PER_SCAN = 20;

function triggerScans(triggers: readonly DeflectionTrigger[]): {
  triggerScans: TriggerScan[];
  anyTrigger: { test(text: string): boolean };
} {
  const scans: TriggerScan[] = [];
  for (let first = 0; first < triggers.length; first += PATTERNS_PER_SCAN) {
    const part = triggers.slice(first, first + PATTERNS_PER_SCAN);
    const groups: number[] = [];
    let next = 1;
    for (const t of part) {
      // Numbered back-references would point at the wrong group once the patterns are put together.
      if (/\\[1-9]/.test(t.pattern))
        throw new Error(
          `deflection trigger "${t.id}": use a named back-reference (\\k<name>), not a numbered one`,
        );
      groups.push(next);
      next += 1 + ((new RegExp(`${t.pattern}|`).exec("")?.length ?? 1) - 1);
    }
    scans.push({ re: new RegExp(part.map((t) => `(${t.pattern})`).join("|"), "gi"), first, groups });
  }
  const any = scans.map((scan) => new RegExp(scan.re.source, "i"));
  return { triggerScans: scans, anyTrigger: { test: (text) => any.some((re) => re.test(text)) } };
}
