import type { Rule } from "../context.js";
import type { FindingKind } from "../types.js";
import { completedWithoutEvidence } from "./completed-without-evidence.js";
import { deflected } from "./deflected.js";
import { guidanceMismatch } from "./guidance-mismatch.js";
import { impactNotEvidenced } from "./impact-not-evidenced.js";
import { notSmart } from "./not-smart.js";
import { overdue } from "./overdue.js";
import { stale } from "./stale.js";
import { unsupportedRating } from "./unsupported-rating.js";

/** One rule per finding kind, in report order. */
export const RULES: ReadonlyArray<readonly [FindingKind, Rule]> = [
  ["overdue", overdue],
  ["stale", stale],
  ["deflected", deflected],
  ["completed-without-evidence", completedWithoutEvidence],
  ["impact-not-evidenced", impactNotEvidenced],
  ["unsupported-rating", unsupportedRating],
  ["guidance-mismatch", guidanceMismatch],
  ["not-smart", notSmart],
];
