import { compileRules } from "./compile.js";
import { createContext } from "./context.js";
import { DEFAULT_RULE_DATA, type RuleData } from "./data.js";
import { themeSections } from "./owner.js";
import { RULES } from "./rules/index.js";
import { type AssuranceInput, FINDING_KINDS, type Finding } from "./types.js";

/**
 * Every finding for a plan's actions on the as-of date. Pure and deterministic: the same input and data
 * give the same findings in the same order (organisation, section, ref, kind).
 */
export function assess(input: AssuranceInput, rules: RuleData = DEFAULT_RULE_DATA): Finding[] {
  const compiled = compileRules(rules);
  const cadence =
    Number.isFinite(input.cadenceDays) && input.cadenceDays > 0
      ? input.cadenceDays
      : rules.wording.defaultCadenceDays;
  const ctx = createContext(input.asOf, cadence, input.plan, compiled, themeSections(input.actions));
  // Sorting the actions (not the findings) by precomputed keys keeps this O(n log n) on cheap comparisons;
  // each action's findings then come out in kind order because RULES is in kind order.
  const order = input.actions.map((action, index) => ({
    action,
    index,
    org: action.organisation,
    section: action.section,
    ref: refSortKey(action.ref),
  }));
  order.sort(
    (a, b) =>
      compareOrganisation(a.org, b.org) ||
      compareText(a.section, b.section) ||
      compareText(a.ref, b.ref) ||
      a.index - b.index,
  );
  const findings: Finding[] = [];
  for (const { action } of order) {
    for (const [, rule] of RULES) {
      const f = rule(action, ctx);
      if (f) findings.push(f);
    }
  }
  return findings;
}

/** "7.12" → "0000000007.0000000012", so that text order is natural order ("7.2" before "7.12"). */
export function refSortKey(ref: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < ref.length; ) {
    if (!isDigit(ref.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < ref.length && isDigit(ref.charCodeAt(j))) j++;
    out += ref.slice(from, i) + (j - i < 10 ? ZEROS.slice(j - i) : "") + ref.slice(i, j);
    from = j;
    i = j;
  }
  return from === 0 ? ref : out + ref.slice(from);
}

const ZEROS = "0000000000";

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const KIND_ORDER = new Map<string, number>(FINDING_KINDS.map((k, i) => [k, i]));

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareOrganisation(a.organisation, b.organisation) ||
    compareText(a.section, b.section) ||
    compareRef(a.ref, b.ref) ||
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0)
  );
}

function compareOrganisation(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "7.2" before "7.12", "9" before "10", "28 SY2,8" after "27"; ties broken by the text itself. */
export function compareRef(a: string, b: string): number {
  return compareText(refSortKey(a), refSortKey(b)) || compareText(a, b);
}
