import { assuranceBench } from "./assurance-bench.js";
import { importBench } from "./import-bench.js";
import { peakRssMb } from "./timing.js";
import { webBench } from "./web-bench.js";

const SECTIONS: Record<string, [string, () => Promise<string[]>]> = {
  import: ["Import", importBench],
  assurance: ["Assurance", assuranceBench],
  web: ["Web", () => webBench()],
};

/**
 * `npm run bench`: one run, every figure the issues ask for, printed as plain lines so they can be
 * pasted into a closing note. Benchmarks are not tests: they assert nothing.
 * `node dist/bench/run.js web` (or `import`, `assurance`, several at once) runs only those sections.
 */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in SECTIONS));
  if (unknown.length) {
    console.error(
      `Unknown bench section(s): ${unknown.join(", ")}; choose from ${Object.keys(SECTIONS).join(", ")}`,
    );
    process.exit(2);
  }
  const started = Date.now();
  const chosen = asked.length ? asked : Object.keys(SECTIONS);
  for (const key of chosen) {
    const [name, run] = SECTIONS[key] as [string, () => Promise<string[]>];
    console.log(`\n== ${name}`);
    for (const line of await run()) console.log(line);
    console.log(`peak RSS so far: ${peakRssMb()} MB`);
  }
  console.log(
    `\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s; peak RSS ${peakRssMb()} MB`,
  );
}

await main();
