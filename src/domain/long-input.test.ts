import { describe, expect, it } from "vitest";
import { findAsOfDate, parseBritishDate } from "./dates.js";
import { defaultDirectory, resolveOrganisations } from "./organisations.js";
import { keyFromRows, parseKeySentence, statusFromMeaning, statusFromWords } from "./rag-key.js";

/**
 * Real files hold cells of 100 000 characters. Every text function must stay roughly linear on them:
 * these inputs are the shapes that make a careless regular expression backtrack for minutes.
 */
const dir = defaultDirectory();
const N = 50_000;
const INPUTS: Record<string, string> = {
  "a digit and spaces": `1${" ".repeat(N)}`,
  "a digit and dashes": `1${"-".repeat(N)}`,
  "digits and dots": "1.".repeat(N / 2),
  "day and month without year": "1 March ".repeat(N / 8),
  "key markers without meanings": "Red – ".repeat(N / 6),
  "status words": "not on track ".repeat(N / 13),
  "organisation names": "TVP Jo Hooper MKC 31/03/2020 Amber ".repeat(N / 35),
};
const FUNCTIONS: Record<string, (text: string) => unknown> = {
  parseBritishDate,
  findAsOfDate,
  resolveOrganisations: (t) => resolveOrganisations(t, dir),
  statusFromWords,
  statusFromMeaning,
  parseKeySentence,
  keyFromRows: (t) => keyFromRows([{ texts: [t, t], fills: ["FF0000", null] }]),
};

describe("long inputs", () => {
  for (const [inputName, text] of Object.entries(INPUTS)) {
    it(`${inputName} (${text.length} characters)`, () => {
      for (const [fnName, fn] of Object.entries(FUNCTIONS)) {
        const t0 = performance.now();
        fn(text);
        const ms = performance.now() - t0;
        expect(ms, `${fnName} took ${ms.toFixed(0)} ms`).toBeLessThan(1500);
      }
    });
  }
});
