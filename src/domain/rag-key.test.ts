import { describe, expect, it } from "vitest";
import type { RagKeyEntry } from "./plan.js";
import {
  colourOfWord,
  DEFAULT_KEY,
  keyFromRows,
  parseKeySentence,
  statusFromColour,
  statusFromMark,
  statusFromMeaning,
  statusFromWords,
} from "./rag-key.js";
import { isStatus } from "./status.js";

/** The RAG key of plan 001 (seed), exactly as its key table writes it. */
const JTAI_LABELS = {
  notStarted: "Action not yet started",
  significant:
    "Action in progress but at significant risk of missing completion in agreed timescale (>30 days)",
  minor: "Action in progress but a minor risk to missing completion in agreed timescale (<30 days)",
  onTrack: "Action in progress and on track for completion",
  completed: "Action completed",
  impact: "Action completed and evidence of impact captured",
};

describe("DEFAULT_KEY", () => {
  it("holds six-digit upper-case colours and real statuses", () => {
    for (const e of DEFAULT_KEY) {
      expect(isStatus(e.status)).toBe(true);
      if (e.colour !== null) expect(e.colour).toMatch(/^[0-9A-F]{6}$/);
    }
  });
  it("gives the defaults the import issue names", () => {
    const by = (colour: string, word: string | null) =>
      DEFAULT_KEY.find((e) => e.colour === colour && e.word === word)?.status;
    expect(by("FF0000", "Red")).toBe("significant-risk");
    expect(by("FFC000", "Amber")).toBe("minor-risk");
    expect(by("00B050", "Green")).toBe("on-track");
    expect(by("0070C0", "Blue")).toBe("completed");
    expect(by("0070C0", "Ev.")).toBe("completed-with-impact");
    expect(by("D9D9D9", null)).toBe("not-started");
  });
  it("has no white entry (an unshaded cell is not a rating)", () => {
    expect(DEFAULT_KEY.some((e) => e.colour === "FFFFFF")).toBe(false);
  });
});

describe("colourOfWord", () => {
  it.each([
    ["Red", "FF0000"],
    ["AMBER", "FFC000"],
    ["Yellow", "FFFF00"],
    ["Green", "00B050"],
    ["Light green", "92D050"],
    ["light  green", "92D050"],
    ["Blue", "0070C0"],
    ["Purple", "7030A0"],
    ["Grey", "D9D9D9"],
    ["Gray", "D9D9D9"],
    ["White", "FFFFFF"],
    ["Black", "000000"],
    ["R", "FF0000"],
    ["G", "00B050"],
    ["Red:", "FF0000"],
  ])("%j → %s", (word, hex) => {
    expect(colourOfWord(word)).toBe(hex);
  });
  it.each(["r", "g", "Ev.", "Completed", "", "Redbridge"])("%j → null", (word) => {
    expect(colourOfWord(word)).toBeNull();
  });
});

describe("statusFromWords", () => {
  it.each([
    ["Red", "significant-risk"],
    ["RED", "significant-risk"],
    ["R", "significant-risk"],
    ["Amber", "minor-risk"],
    ["A", "minor-risk"],
    ["Yellow", "minor-risk"],
    ["Green", "on-track"],
    ["G", "on-track"],
    ["g", "on-track"],
    ["a", "minor-risk"],
    ["✓", "completed"],
    ["✔", "completed"],
    ["Green (4)", "on-track"],
    ["Blue", "completed"],
    ["B", "completed"],
    ["Ev.", "completed-with-impact"],
    ["EV", "completed-with-impact"],
    ["Blue (Ev.)", "completed-with-impact"],
    ["Completed", "completed"],
    ["Complete", "completed"],
    ["complete.", "completed"],
    ["Done", "completed"],
    ["Closed", "completed"],
    ["In progress", "on-track"],
    ["In Progress", "on-track"],
    ["in-progress", "on-track"],
    ["Ongoing", "on-track"],
    ["On track", "on-track"],
    ["On-track", "on-track"],
    ["Not started", "not-started"],
    ["Not yet started", "not-started"],
    ["Not yet due", "not-started"],
    ["N/A", "not-applicable"],
    ["n/a", "not-applicable"],
    ["NA", "not-applicable"],
    ["Not applicable", "not-applicable"],
    ["Not Applicable", "not-applicable"],
    ["Withdrawn", "not-applicable"],
    ["Significant risk", "significant-risk"],
    ["Minor risk", "minor-risk"],
    ["Some risk", "minor-risk"],
    ["Delayed", "significant-risk"],
    ["Slightly delayed", "minor-risk"],
    ["Off track", "significant-risk"],
    ["Not on track", "significant-risk"],
    ["Overdue", "significant-risk"],
    ["On hold", "significant-risk"],
    ["Completed – evidence of impact", "completed-with-impact"],
    ["Completed - evidence of impact", "completed-with-impact"],
    ["Complete and embedded", "completed-with-impact"],
    ["Completed but not embedded", "completed"],
    ["Green, Not Applicable", "not-applicable"],
    ["Green – Not applicable", "not-applicable"],
    ["Amber/Green", "minor-risk"],
    ["A/G", "minor-risk"],
    ["Red/Amber", "significant-risk"],
    ["R/A", "significant-risk"],
    ["Green/Blue", "on-track"],
    ["Green – complete", "completed"],
    ["In progress – Amber", "minor-risk"],
    ["In progress – delayed", "significant-risk"],
    ["In progress, on track", "on-track"],
    ["Blue – in progress", "on-track"],
    ["Not completed", "on-track"],
    ["Partially complete", "on-track"],
    ["Incomplete", "on-track"],
    ["Unknown", "unknown"],
    ["No update", "unknown"],
    ["In progress. Recruitment is underway and we expect to finish by the end of June.", "on-track"],
  ])("%j → %s", (text, status) => {
    expect(statusFromWords(text)).toBe(status);
  });

  it.each([
    "",
    "   ",
    "-",
    "Jo Hooper",
    "Lead",
    "30/06/2020",
    "End June 2020",
    "Quarterly",
    "Status",
    "RAG",
    "Redbridge",
    "Greenwich",
    "A review of supervision",
    "Staff have been issued with reminders that GPs should be sent outcomes of referrals and the review is completed",
    "Bespoke Signs of safety training to be delivered to Paediatric staff",
  ])("%j → null", (text) => {
    expect(statusFromWords(text)).toBeNull();
  });

  it("does not read the article 'a' in a phrase as Amber", () => {
    expect(statusFromWords("a minor risk")).toBe("minor-risk");
    expect(statusFromWords("Green, a bit behind")).toBe("significant-risk");
  });
});

describe("statusFromMeaning", () => {
  it.each([
    [JTAI_LABELS.notStarted, "not-started"],
    [JTAI_LABELS.significant, "significant-risk"],
    [JTAI_LABELS.minor, "minor-risk"],
    [JTAI_LABELS.onTrack, "on-track"],
    [JTAI_LABELS.completed, "completed"],
    [JTAI_LABELS.impact, "completed-with-impact"],
    ["significant risk", "significant-risk"],
    ["some risk", "minor-risk"],
    ["on track or complete", "on-track"],
    ["On track / complete", "on-track"],
    ["completed and embedded", "completed-with-impact"],
    ["Completed, impact evidenced", "completed-with-impact"],
    ["Complete – impact demonstrated through audit", "completed-with-impact"],
    ["Completed but impact not yet evidenced", "completed"],
    ["Completed, awaiting evidence of impact", "completed"],
    ["off track", "significant-risk"],
    ["Off track – will not be met", "significant-risk"],
    ["Action delayed by more than 30 days", "significant-risk"],
    ["Delay of less than 30 days", "minor-risk"],
    ["not due", "not-started"],
    ["Not yet due", "not-started"],
    ["not applicable", "not-applicable"],
    ["N/A", "not-applicable"],
    ["No longer required", "not-applicable"],
    ["Not started", "not-started"],
    ["In progress", "on-track"],
    ["On track, low risk", "on-track"],
    ["Complete", "completed"],
    ["Action closed", "completed"],
    ["At risk", "significant-risk"],
    ["Medium risk", "minor-risk"],
    // A colour name as the meaning reads as the colour's default.
    ["Amber", "minor-risk"],
    ["Red", "significant-risk"],
    ["Blue", "completed"],
  ])("%j → %s", (label, status) => {
    expect(statusFromMeaning(label)).toBe(status);
  });

  it("does not read 'completion' as completed", () => {
    expect(statusFromMeaning("on track for completion")).toBe("on-track");
    expect(statusFromMeaning(JTAI_LABELS.significant)).not.toBe("completed");
  });

  it("does not take Amber for completed", () => {
    expect(statusFromMeaning("Amber")).not.toBe("completed");
  });

  it.each(["", "Meaning", "Colour", "Description", "Rating", "RAG status", "Key"])("%j → null", (label) => {
    expect(statusFromMeaning(label)).toBeNull();
  });
});

describe("parseKeySentence", () => {
  it("reads the key sentence of the import issue", () => {
    expect(
      parseKeySentence(
        "RAG key: Red – significant risk; Amber – some risk; Green – on track or complete; Blue – completed and embedded",
      ),
    ).toEqual([
      { label: "significant risk", colour: "FF0000", word: "Red", status: "significant-risk" },
      { label: "some risk", colour: "FFC000", word: "Amber", status: "minor-risk" },
      { label: "on track or complete", colour: "00B050", word: "Green", status: "on-track" },
      { label: "completed and embedded", colour: "0070C0", word: "Blue", status: "completed-with-impact" },
    ]);
  });

  it("reads '=' and ',' separated keys, where the plan's own meanings differ from the defaults", () => {
    expect(parseKeySentence("Red = not started, Amber = in progress, Green = complete")).toEqual([
      { label: "not started", colour: "FF0000", word: "Red", status: "not-started" },
      { label: "in progress", colour: "FFC000", word: "Amber", status: "on-track" },
      { label: "complete", colour: "00B050", word: "Green", status: "completed" },
    ]);
  });

  it("reads letters with colons, without other separators", () => {
    const key = parseKeySentence(
      "R: not started A: in progress G: complete B: complete with evidence of impact",
    );
    expect(key?.map((e) => [e.word, e.colour, e.status])).toEqual([
      ["R", "FF0000", "not-started"],
      ["A", "FFC000", "on-track"],
      ["G", "00B050", "completed"],
      ["B", "0070C0", "completed-with-impact"],
    ]);
  });

  it("reads brackets, dashes of every kind and other colour names", () => {
    const key = parseKeySentence(
      "Key: Purple (not started), Yellow — minor risk, Light green - on track, Grey: not applicable",
    );
    expect(key?.map((e) => [e.word, e.colour, e.status, e.label])).toEqual([
      ["Purple", "7030A0", "not-started", "not started"],
      ["Yellow", "FFFF00", "minor-risk", "minor risk"],
      ["Light green", "92D050", "on-track", "on track"],
      ["Grey", "D9D9D9", "not-applicable", "not applicable"],
    ]);
  });

  it("reads a key written meaning first", () => {
    const key = parseKeySentence(
      "Significant risk (Red); minor risk (Amber); on track (Green); complete (Blue)",
    );
    expect(key?.map((e) => [e.word, e.colour, e.status])).toEqual([
      ["Red", "FF0000", "significant-risk"],
      ["Amber", "FFC000", "minor-risk"],
      ["Green", "00B050", "on-track"],
      ["Blue", "0070C0", "completed"],
    ]);
  });

  it("reads an Ev. mark as an entry without colour", () => {
    const key = parseKeySentence("Blue – completed; Ev. – completed with evidence of impact");
    expect(key?.[1]).toEqual({
      label: "completed with evidence of impact",
      colour: null,
      word: "Ev.",
      status: "completed-with-impact",
    });
  });

  it.each([
    "",
    "Red – significant risk",
    "The red team reviewed the amber alerts and green papers",
    "Green appears to be the default RAG rating which in many cases is not supported by substantive evidence",
    "Recommendation 7.2 – Amber",
    "A: B: C:",
    "Red – Jo Hooper; Amber – Tim Smith",
  ])("%j → null", (text) => {
    expect(parseKeySentence(text)).toBeNull();
  });
});

describe("keyFromRows", () => {
  it("reads the Word key table of the sample (meaning left, swatch right, Ev. on the last swatch)", () => {
    const rows = [
      { texts: [JTAI_LABELS.notStarted, ""], fills: [null, "D9D9D9"] },
      { texts: [JTAI_LABELS.significant, ""], fills: [null, "FF0000"] },
      { texts: [JTAI_LABELS.minor, ""], fills: [null, "FFC000"] },
      { texts: [JTAI_LABELS.onTrack, ""], fills: [null, "00B050"] },
      { texts: [JTAI_LABELS.completed, ""], fills: [null, "0070C0"] },
      { texts: [JTAI_LABELS.impact, "Ev."], fills: [null, "0070C0"] },
    ];
    expect(keyFromRows(rows)).toEqual([
      { label: JTAI_LABELS.notStarted, colour: "D9D9D9", word: null, status: "not-started" },
      { label: JTAI_LABELS.significant, colour: "FF0000", word: null, status: "significant-risk" },
      { label: JTAI_LABELS.minor, colour: "FFC000", word: null, status: "minor-risk" },
      { label: JTAI_LABELS.onTrack, colour: "00B050", word: null, status: "on-track" },
      { label: JTAI_LABELS.completed, colour: "0070C0", word: null, status: "completed" },
      { label: JTAI_LABELS.impact, colour: "0070C0", word: "Ev.", status: "completed-with-impact" },
    ]);
  });

  it("reads the workbook Key sheet (header row, swatch left, rating word right, ARGB fills)", () => {
    const rows = [
      { texts: ["RAG key", "", ""], fills: [null, null, null] },
      { texts: ["Colour", "Meaning", "Rating"], fills: ["FFBDD6EE", "FFBDD6EE", "FFBDD6EE"] },
      { texts: ["", JTAI_LABELS.notStarted, "Not started"], fills: ["FFD9D9D9", null, null] },
      { texts: ["", JTAI_LABELS.significant, "Red"], fills: ["FFFF0000", null, null] },
      { texts: ["", JTAI_LABELS.minor, "Amber"], fills: ["FFFFC000", null, null] },
      { texts: ["", JTAI_LABELS.onTrack, "Green"], fills: ["FF00B050", null, null] },
      { texts: ["", JTAI_LABELS.completed, "Blue"], fills: ["FF0070C0", null, null] },
      { texts: ["Ev.", JTAI_LABELS.impact, "Blue (Ev.)"], fills: ["FF0070C0", null, null] },
    ];
    const key = keyFromRows(rows);
    expect(key?.map((e) => [e.colour, e.word, e.status])).toEqual([
      ["D9D9D9", "Not started", "not-started"],
      ["FF0000", "Red", "significant-risk"],
      ["FFC000", "Amber", "minor-risk"],
      ["00B050", "Green", "on-track"],
      ["0070C0", "Blue", "completed"],
      ["0070C0", "Ev.", "completed-with-impact"],
    ]);
    expect(key?.[1]?.label).toBe(JTAI_LABELS.significant);
  });

  it("reads a two-column key of colour words and meanings, with no fills", () => {
    const key = keyFromRows([
      { texts: ["Rating", "Meaning"], fills: [null, null] },
      { texts: ["Red", "Off track"], fills: [null, null] },
      { texts: ["Amber", "Some slippage"], fills: [null, null] },
      { texts: ["Green", "On track or complete"], fills: [null, null] },
    ]);
    expect(key).toEqual([
      { label: "Off track", colour: "FF0000", word: "Red", status: "significant-risk" },
      { label: "Some slippage", colour: "FFC000", word: "Amber", status: "minor-risk" },
      { label: "On track or complete", colour: "00B050", word: "Green", status: "on-track" },
    ]);
  });

  it("takes the swatch's fill over the colour word, and a shaded meaning cell when there is no swatch", () => {
    const key = keyFromRows([
      { texts: ["Red", "Significant risk"], fills: ["C00000", null] },
      { texts: ["Complete"], fills: ["92D050"] },
    ]);
    expect(key?.map((e) => [e.colour, e.status])).toEqual([
      ["C00000", "significant-risk"],
      ["92D050", "completed"],
    ]);
  });

  it("reads single-cell rows that carry their own colour word", () => {
    const key = keyFromRows([
      { texts: ["Red – not started"], fills: [null] },
      { texts: ["Green – complete"], fills: [null] },
    ]);
    expect(key).toEqual([
      { label: "not started", colour: "FF0000", word: "Red", status: "not-started" },
      { label: "complete", colour: "00B050", word: "Green", status: "completed" },
    ]);
  });

  it("ignores a white fill that shades the whole row", () => {
    const key = keyFromRows([
      { texts: ["Not started", ""], fills: ["FFFFFF", "FFFFFF"] },
      { texts: ["Complete", ""], fills: ["FFFFFF", "0070C0"] },
    ]);
    expect(key?.map((e) => e.colour)).toEqual([null, "0070C0"]);
  });

  it("keeps a white swatch on a cell of its own", () => {
    const key = keyFromRows([
      { texts: ["", "Not started"], fills: ["FFFFFF", null] },
      { texts: ["", "Complete"], fills: ["0070C0", null] },
    ]);
    expect(key?.map((e) => e.colour)).toEqual(["FFFFFF", "0070C0"]);
  });

  it("is null unless two rows resolve", () => {
    expect(keyFromRows([])).toBeNull();
    expect(keyFromRows([{ texts: [JTAI_LABELS.completed, ""], fills: [null, "0070C0"] }])).toBeNull();
    expect(
      keyFromRows([
        {
          texts: ["No.", "Area for development identified", "Action", "Lead"],
          fills: [null, null, null, null],
        },
        {
          texts: ["1", "Frontline managers lack live data", "Dashboard data", "Jonathan Eastwood"],
          fills: [],
        },
      ]),
    ).toBeNull();
  });
});

describe("statusFromColour", () => {
  it.each([
    ["FF0000", "significant-risk", true],
    ["C00000", "significant-risk", true],
    ["FFC7CE", "significant-risk", true],
    ["FFC000", "minor-risk", true],
    ["FFFF00", "minor-risk", true],
    ["E26B0A", "minor-risk", true],
    ["00B050", "on-track", true],
    ["92D050", "on-track", true],
    ["C6EFCE", "on-track", true],
    ["0070C0", "completed", true],
    ["00B0F0", "completed", true],
    ["D9D9D9", "not-started", true],
    ["BFBFBF", "not-started", true],
  ])("%s → %s (near %s) by the default key", (hex, status, near) => {
    const m = statusFromColour(hex, DEFAULT_KEY);
    expect(m.status).toBe(status);
    expect(m.near).toBe(near);
  });

  it("prefers the entry without a mark when entries share a colour", () => {
    const m = statusFromColour("0070C0", DEFAULT_KEY);
    expect(m.entry?.word).toBe("Blue");
    expect(m.distance).toBe(0);
    const reversed = [...DEFAULT_KEY].reverse();
    expect(statusFromColour("0070C0", reversed).status).toBe("completed");
    const noWords: RagKeyEntry[] = [
      { label: JTAI_LABELS.impact, colour: "0070C0", word: "Ev.", status: "completed-with-impact" },
      { label: JTAI_LABELS.completed, colour: "0070C0", word: null, status: "completed" },
    ];
    expect(statusFromColour("0070C0", noWords).status).toBe("completed");
  });

  it("says a colour is not near when the key has nothing like it", () => {
    const white = statusFromColour("FFFFFF", DEFAULT_KEY);
    expect(white.near).toBe(false);
    const purple = statusFromColour("7030A0", DEFAULT_KEY);
    expect(purple.near).toBe(false);
    const rag: RagKeyEntry[] = DEFAULT_KEY.filter((e) =>
      ["FF0000", "FFC000", "00B050"].includes(e.colour ?? ""),
    );
    const blue = statusFromColour("0070C0", rag);
    expect(blue.near).toBe(false);
    expect(blue.distance).toBeGreaterThan(0);
  });

  it("does not read amber as red or red as amber", () => {
    const redOnly: RagKeyEntry[] = [
      { label: "Off track", colour: "FF0000", word: null, status: "significant-risk" },
    ];
    expect(statusFromColour("FFC000", redOnly).near).toBe(false);
    const amberOnly: RagKeyEntry[] = [
      { label: "Some risk", colour: "FFC000", word: null, status: "minor-risk" },
    ];
    expect(statusFromColour("FF0000", amberOnly).near).toBe(false);
  });

  it("tells two greens of one key apart by distance", () => {
    const key: RagKeyEntry[] = [
      { label: "On track", colour: "92D050", word: null, status: "on-track" },
      { label: "Complete", colour: "006100", word: null, status: "completed" },
    ];
    expect(statusFromColour("A9D08E", key).status).toBe("on-track");
    expect(statusFromColour("00703C", key).status).toBe("completed");
  });

  it("follows the plan's key, not the defaults", () => {
    const key = parseKeySentence("Red = not started, Amber = in progress, Green = complete") ?? [];
    expect(statusFromColour("FF0000", key).status).toBe("not-started");
    expect(statusFromColour("00B050", key).status).toBe("completed");
  });

  it("is unknown with no colours or an unreadable fill", () => {
    const words: RagKeyEntry[] = [{ label: "Done", colour: null, word: "Done", status: "completed" }];
    expect(statusFromColour("FF0000", words)).toEqual({
      status: "unknown",
      entry: null,
      distance: Number.POSITIVE_INFINITY,
      near: false,
    });
    expect(statusFromColour("auto", DEFAULT_KEY).status).toBe("unknown");
    expect(statusFromColour("FF0000", []).status).toBe("unknown");
  });
});

describe("statusFromMark", () => {
  it.each([
    ["Ev.", "completed-with-impact"],
    ["ev", "completed-with-impact"],
    ["EV.", "completed-with-impact"],
    ["G", "on-track"],
    ["Red", "significant-risk"],
    ["Completed", "completed"],
    ["N/A", "not-applicable"],
  ])("%j → %s by the default key", (mark, status) => {
    expect(statusFromMark(mark, DEFAULT_KEY)).toBe(status);
  });

  it("reads marks through the plan's own key first", () => {
    const key: RagKeyEntry[] = [
      { label: "Not started", colour: "FF0000", word: "R", status: "not-started" },
      { label: "Done", colour: "00B050", word: "✓", status: "completed" },
      { label: "Impact evidenced", colour: null, word: "E", status: "completed-with-impact" },
    ];
    expect(statusFromMark("R", key)).toBe("not-started");
    expect(statusFromMark("✓", key)).toBe("completed");
    expect(statusFromMark("E", key)).toBe("completed-with-impact");
    // A colour name means what the key's colour means.
    expect(statusFromMark("Red", key)).toBe("not-started");
    expect(statusFromMark("green", key)).toBe("completed");
    // Words the key does not cover fall back to the defaults.
    expect(statusFromMark("In progress", key)).toBe("on-track");
  });

  it("falls back to the default meaning of a colour the key lacks", () => {
    const key = parseKeySentence("Red – off track; Green – on track or complete") ?? [];
    expect(statusFromMark("Blue", key)).toBe("completed");
  });

  it.each(["", "xyz", "Jo Hooper", "30/06/2020"])("%j → null", (mark) => {
    expect(statusFromMark(mark, DEFAULT_KEY)).toBeNull();
  });
});
