import { assess } from "../src/assurance/assess.js";
import { GENERATED_AS_OF, generateActions } from "../src/assurance/generate.js";
import { fmt, time } from "./timing.js";

/** Assurance over 100 000 generated actions: the target is under one second. */
export async function assuranceBench(): Promise<string[]> {
  const actions = generateActions(100_000, 42);
  const heapBefore = process.memoryUsage().heapUsed;
  let findings = 0;
  const t = await time(
    () => {
      findings = assess({
        plan: { title: "Generated", asOf: "2020-03-26" },
        actions,
        cadenceDays: 90,
        asOf: GENERATED_AS_OF,
      }).length;
    },
    5,
    1,
  );
  const heapAfter = process.memoryUsage().heapUsed;
  return [
    `assess 100 000 generated actions: ${fmt(t.medianMs)} median of ${t.runs} (min ${fmt(t.minMs)}), ${findings} findings`,
    `  heap growth over the runs: ${Math.round((heapAfter - heapBefore) / 1024 / 1024)} MB`,
  ];
}
