/** Assurance findings: what a scrutineer would raise on a plan's actions, why, and the question to ask. */
export { assess, compareFindings, compareRef } from "./assess.js";
export { DEFAULT_RULE_DATA, type GuidanceData, type RuleData, type StaffGroup } from "./data.js";
export { GENERATED_AS_OF, generateActions } from "./generate.js";
export { formatFindingsSummary } from "./summary.js";
export {
  type AssuranceInput,
  type AssuredAction,
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  isFindingKind,
  type Severity,
} from "./types.js";
