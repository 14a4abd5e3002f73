import { describe, expect, it } from "vitest";
import { compileRules } from "./compile.js";
import { DEFAULT_RULE_DATA } from "./data.js";
import { CAT, scanKey } from "./scan.js";

describe("rule data", () => {
  // The scanner finds the longest phrase at a place, so a cue phrase such as "should the" would hide the
  // intention marker "should" wherever it matched, and change how progress is read. Cue phrases that begin
  // with a word the lexicon reads must therefore be lexicon phrases themselves, or a negation ("did not").
  it("has no deflection cue phrase that hides a lexicon phrase it begins with", () => {
    const masks = compileRules(DEFAULT_RULE_DATA).scanner.masks;
    const cueOnly = CAT.deflectionCue | CAT.forWord;
    const hidden: string[] = [];
    for (const cue of DEFAULT_RULE_DATA.bodies.cues.words) {
      const words = cue.trim().split(/\s+/);
      const own = masks.get(scanKey(cue)) ?? 0;
      if ((own & ~cueOnly) !== 0 || words[words.length - 1] === "not") continue;
      for (let n = 1; n < words.length; n++) {
        const prefix = words.slice(0, n).join(" ");
        const m = masks.get(scanKey(prefix));
        if (m !== undefined && (m & ~cueOnly) !== 0) hidden.push(`"${cue}" hides "${prefix}"`);
      }
    }
    expect(hidden).toEqual([]);
  });
});
