import { assuranceBench } from "./assurance-bench.js";
import { importBench } from "./import-bench.js";
import { peakRssMb } from "./timing.js";
import { webBench } from "./web-bench.js";

/**
 * `npm run bench`: one run, every figure the issues ask for, printed as plain lines so they can be
 * pasted into a closing note. Benchmarks are not tests: they assert nothing.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const sections: [string, () => Promise<string[]>][] = [
    ["Import", importBench],
    ["Assurance", assuranceBench],
    ["Web", () => webBench()],
  ];
  for (const [name, run] of sections) {
    console.log(`\n== ${name}`);
    for (const line of await run()) console.log(line);
    console.log(`peak RSS so far: ${peakRssMb()} MB`);
  }
  console.log(
    `\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s; peak RSS ${peakRssMb()} MB`,
  );
}

await main();
