/**
 * npm run eval: precision and recall of every assurance finding kind over the labelled corpus in
 * test/assurance-corpus. Exits 1 if any kind is under 0.95 on either.
 */
import { existsSync } from "node:fs";
import { corpusDirectory, heldOutDirectory, loadCorpus } from "../src/assurance/corpus.js";
import { evaluateCorpus, formatEvaluation } from "../src/assurance/evaluate.js";

const THRESHOLD = 0.95;
const verbose = process.argv.includes("--verbose") || process.argv.includes("-v");

const dir = corpusDirectory(import.meta.url);
const cases = loadCorpus(dir);
const result = evaluateCorpus(cases);
const actions = cases.reduce((n, c) => n + c.actions.length, 0);

console.log(
  `Assurance corpus: ${cases.length} plans, ${actions} actions, ${result.labelledActions} labelled action checks (${dir})`,
);
console.log("");
console.log(formatEvaluation(result));
if (verbose || result.mismatches.length > 0) {
  console.log("");
  console.log(`${result.mismatches.length} disagreement(s) with the labels:`);
  for (const m of result.mismatches) {
    console.log(
      `  ${m.error === "false-positive" ? "FP" : "FN"} ${m.kind}  ${m.caseId} @ ${m.asOf}  ${m.section} ${m.ref}${m.reason ? `\n      ${m.reason}` : ""}`,
    );
  }
}
const heldOutDir = heldOutDirectory(import.meta.url);
if (existsSync(heldOutDir)) {
  const heldOut = loadCorpus(heldOutDir);
  const r = evaluateCorpus(heldOut);
  const n = heldOut.reduce((k, c) => k + c.actions.length, 0);
  console.log("");
  console.log(
    `Held out (printed, not held to the threshold): ${heldOut.length} plans, ${n} actions (${heldOutDir})`,
  );
  console.log("");
  console.log(formatEvaluation(r));
  if (verbose)
    for (const m of r.mismatches)
      console.log(
        `  ${m.error === "false-positive" ? "FP" : "FN"} ${m.kind}  ${m.caseId}  ${m.section} ${m.ref}`,
      );
  else
    console.log(
      `${r.mismatches.length} disagreement(s) with the labels (npm run eval -- --verbose lists them)`,
    );
}
const failing = result.scores.filter((s) => s.precision < THRESHOLD || s.recall < THRESHOLD);
console.log("");
if (failing.length > 0) {
  console.log(`FAIL: under ${THRESHOLD} for ${failing.map((s) => s.kind).join(", ")}`);
  process.exitCode = 1;
} else {
  console.log(`PASS: every kind at or above ${THRESHOLD} precision and recall`);
}
