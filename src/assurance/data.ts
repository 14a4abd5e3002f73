import bodiesJson from "./data/bodies.json" with { type: "json" };
import guidanceJson from "./data/intercollegiate-2019.json" with { type: "json" };
import languageJson from "./data/language.json" with { type: "json" };
import rulesJson from "./data/rules.json" with { type: "json" };

/** The staff groups and levels of the intercollegiate guidance, as an editable, versioned file. */
export interface GuidanceData {
  version: string;
  title: string;
  published: string;
  integratedTraining: { impliedLevels: number[]; note: string };
  nonClinical: { name: string; minimumLevel: number; note: string; terms: string[] };
  peopleNouns: string[];
  thingNouns: string[];
  staffGroups: StaffGroup[];
}

export interface StaffGroup {
  id: string;
  name: string;
  label: string;
  minimumLevel: number;
  beyondCoreLevel3: boolean;
  staffTerms: string[];
  settingTerms: string[];
  note: string;
}

export interface LanguageData {
  version: number;
  deliveryVerbs: string[];
  inputVerbs: string[];
  ambivalentVerbs: string[];
  inputNouns: string[];
  deliverableMatch: { progress: string; action: string }[];
  preparatoryVerbs: { about: string; words: string[] };
  intentMarkers: string[];
  ongoingMarkers: string[];
  stateMarkers: string[];
  delayMarkers: string[];
  delayNegations: string[];
  delayRecovered: string[];
  waitingCondition: string;
  declaredDone: string;
  /** A clause that only restates the rating ("G", "Green – on track"): it says nothing about the work. */
  ratingOnly: string;
  noEvidence: string;
  feedbackSubjects: string;
  impact: {
    changeVerbs: string;
    absoluteChange: string;
    resultSources: string;
    resultVerbs: string;
    comparison: string;
    outputOnly: string;
    outcomeCounts: string;
  };
  vagueVerbs: string[];
  vagueNouns: string[];
  concreteVerbs: string[];
  concreteNouns: string[];
  productionNominals: string[];
  transparentLeads: string[];
  purposeCuts: string[];
  hedges: string[];
  hedgeVerbs: string[];
  /** Nouns whose "to" starts a complement, not a purpose: "the duty to notify" promises nothing. */
  complementNouns: string[];
  measurePatterns: string[];
  noLead: string;
  notSmartIgnoreStatuses: string[];
  levels: { words: Record<string, number>; trainingContext: string; notTraining: string; integrated: string };
  dataOffer: string;
}

export interface BodiesData {
  version: number;
  notBodies: string[];
  bodyWords: string[];
  capitalisedHeads: string[];
  groups: string[][];
  groupOwners: string[][];
  notGroupOwners: { about: string; phrases: string[] };
  selfPronouns: string[];
  genericAcronyms: string[];
  triggers: DeflectionTrigger[];
  cues: { words: string[]; forWord: string };
  sectorBodies: string[];
  weakDeeds: string;
  /** Words that make a council another one: to a district council, "the county council" is not itself. */
  distinguishingQualifiers: string[];
  /** Nouns a body's name may stand before as a modifier ("the primary care budget"): then it names a thing. */
  modifiedNouns: string[];
  /** A body word that, with the noun after it, names a kind of thing: "practice guidance", "a practice review". */
  kindCompounds: string[];
}

export interface DeflectionTrigger {
  id: string;
  /** other: hands the action to another body; self: says it is not the owner's; onDemand: help only when asked. */
  kind: "other" | "self" | "onDemand";
  /** Where the named body is: after the words, before them, in the pattern's first group, in the clause, or none. */
  body: "after" | "before" | "group" | "window" | "none" | "beforeSelfOrNone";
  pattern: string;
  organisationOnly?: boolean;
  actionOnly?: boolean;
  /**
   * The body must come right before the words ("The ICB has agreed to lead"), or for a body named after
   * them right after ("are for the local authority"), not anywhere else in the clause.
   */
  near?: boolean;
  /** A name the lists do not know, written with a capital right after the words, is the body ("transferred to Doorstep"). */
  properName?: boolean;
}

export type SeverityStep = { minDays?: number; minCadences?: number; severity: "high" | "medium" | "low" };

export interface WordingData {
  version: number;
  defaultCadenceDays: number;
  overdue: { severity: SeverityStep[]; reason: string; question: { nominal: string; other: string } };
  stale: {
    severity: SeverityStep[];
    reason: string;
    sources: { lastUpdate: string; history: string; plan: string };
    question: string;
  };
  deflected: {
    severity: "high" | "medium" | "low";
    reason: { other: string; self: string; onDemand: string; waits: string };
    question: string;
  };
  completedWithoutEvidence: {
    severity: "high" | "medium" | "low";
    reason: { empty: string; noEvidence: string; input: string; noChange: string; handedOver: string };
    what: Record<string, string>;
    question: { empty: string; other: string };
  };
  impactNotEvidenced: {
    severity: "high" | "medium" | "low";
    reason: string;
    outputNote: string;
    question: string;
  };
  unsupportedRating: {
    severity: "high" | "medium" | "low";
    amberGraceDays: number;
    reason: { overdue: string; delay: string; planned: string };
    question: { overdue: string; delay: string; planned: string };
  };
  guidanceMismatch: {
    severity: "high" | "medium" | "low";
    reason: string;
    beyondCore: string;
    question: string;
  };
  notSmart: {
    severity: {
      noLead: "high" | "medium" | "low";
      noDue: "high" | "medium" | "low";
      noMeasure: "high" | "medium" | "low";
    };
    reason: { noLead: string; noDue: string; noMeasure: string };
    how: { vague: string; none: string };
    question: { noLead: string; noDue: string; noMeasure: string };
  };
}

/** Everything the rules read that is data, not code. Pass an edited copy to `assess` to change behaviour. */
export interface RuleData {
  guidance: GuidanceData;
  language: LanguageData;
  bodies: BodiesData;
  wording: WordingData;
}

export const DEFAULT_RULE_DATA: RuleData = Object.freeze({
  guidance: guidanceJson as GuidanceData,
  language: languageJson as LanguageData,
  bodies: bodiesJson as BodiesData,
  wording: rulesJson as WordingData,
});
