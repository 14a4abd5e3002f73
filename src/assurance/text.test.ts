import { describe, expect, it } from "vitest";
import { compileRules } from "./compile.js";
import { DEFAULT_RULE_DATA } from "./data.js";
import {
  actionPhrase,
  clauseSpans,
  clauses,
  collapse,
  fill,
  lowerFirst,
  quote,
  sentences,
  separators,
} from "./text.js";

const rules = compileRules(DEFAULT_RULE_DATA);
const phrase = (text: string) => actionPhrase(text, rules);

describe("actionPhrase", () => {
  it.each([
    [
      "Review of information sharing and shared protocols",
      "the review of information sharing and shared protocols",
      "nominal",
    ],
    [
      "Recruit to the vacant posts in the CCG safeguarding team.",
      "recruiting to the vacant posts in the CCG safeguarding team",
      "gerund",
    ],
    [
      "Dashboard data to be uploaded for frontline social care on agreed KPIs.",
      "uploading dashboard data for frontline social care on agreed KPIs",
      "gerund",
    ],
    [
      "Health visitors to complete Level 2 safeguarding children e-learning.",
      "health visitors completing Level 2 safeguarding children e-learning",
      "gerund",
    ],
    [
      "To take forward with Health colleagues at January YOT Strategic Board",
      "taking forward with Health colleagues at January YOT Strategic Board",
      "gerund",
    ],
    [
      "Ensure that LPT health practitioners contribute to strategy discussions.",
      "ensuring that LPT health practitioners contribute to strategy discussions",
      "gerund",
    ],
    [
      "MiDOS and Early Help hub coordinating information",
      "the MiDOS and Early Help hub coordinating information",
      "nominal",
    ],
    ["This action is for the CCG.", "the action “This action is for the CCG”", "quoted"],
    ["IT options to be considered alongside training", "considering IT options alongside training", "gerund"],
    [
      "1. A review will be undertaken within the team.\n2. More.",
      "undertaking a review within the team",
      "gerund",
    ],
  ])("%s", (text, expected, kind) => {
    expect(phrase(text)).toEqual({ text: expected, kind });
  });

  it("cuts long actions at a purpose or a comma rather than mid-phrase", () => {
    expect(
      phrase(
        "Review the A&E notification system across Healthy Together and the LAC service to ensure notifications are acted upon",
      ).text,
    ).toBe("reviewing the A&E notification system across Healthy Together and the LAC service");
    expect(phrase("").kind).toBe("quoted");
  });
});

describe("text helpers", () => {
  it("splits progress into clauses without list markers, keeping numbered items whole", () => {
    expect(clauses("- Funding secured.\n1. Review done; audit planned: May.\n2. Next – soon")).toEqual([
      "Funding secured.",
      "Review done",
      "audit planned",
      "May.",
      "Next",
      "soon",
    ]);
    expect(sentences("1. A review will be undertaken. The review will report.")).toEqual([
      "A review will be undertaken.",
      "The review will report.",
    ]);
  });

  it("gives clause positions that point back into the text", () => {
    const text = "- Training delivered.\n- Audit planned; report due.";
    for (const s of clauseSpans(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("quotes within a length, at a word", () => {
    expect(quote("  one\n two  ")).toBe("one two");
    expect(quote(`${"a".repeat(10)} ${"b".repeat(200)}`, 50)).toBe(
      `${"a".repeat(10)} ${"b".repeat(38)}…`.slice(0, 50),
    );
  });

  it("fills templates and leaves unknown names visible", () => {
    expect(fill("Due {due} ({x})", { due: "1 May" })).toBe("Due 1 May ({x})");
  });

  it("lower-cases ordinary words only", () => {
    expect(lowerFirst("Health visitors")).toBe("health visitors");
    expect(lowerFirst("CAMHS team")).toBe("CAMHS team");
    expect(lowerFirst("Early Help hub")).toBe("Early Help hub");
    expect(lowerFirst("The Named Nurse")).toBe("the Named Nurse");
  });
});

/** The specification of the clause and sentence edges that `separators` writes out by hand. */
const CLAUSE_EDGES = /\n+|(?<=[.!?])\s+(?=[A-Z0-9“"'‘(])|;\s*|:\s+|\s[–—-]\s|\s*•\s*/g;
const SENTENCE_EDGES = /\n+|(?<=[.!?])\s+(?=[A-Z0-9“"'‘(])/g;

function byExpression(text: string, re: RegExp): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(re)) out.push(m.index, m.index + m[0].length);
  return out;
}

describe("separators", () => {
  // Texts made of the characters the edges turn on, so that every branch and every mix of them is met.
  const alphabet = [
    "a",
    "B",
    "7",
    ".",
    "!",
    "?",
    ";",
    ":",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "\u00a0",
    "–",
    "—",
    "-",
    "•",
    "“",
    '"',
    "'",
    "‘",
    "(",
    "x",
  ];
  const texts = randomTexts(alphabet, 4000, 24, 12345);
  texts.push(
    "",
    "Done. Next step; then: this – that • other\n\n- item",
    "End.  \n  Next",
    "a:b",
    "x ; y",
    " • ",
    "•",
  );

  it("finds the clause edges the expression finds, in 4000 random texts", () => {
    for (const t of texts)
      expect(separators(t, true), JSON.stringify(t)).toEqual(byExpression(t, CLAUSE_EDGES));
  });

  it("finds the sentence edges the expression finds", () => {
    for (const t of texts)
      expect(separators(t, false), JSON.stringify(t)).toEqual(byExpression(t, SENTENCE_EDGES));
  });
});

describe("collapse", () => {
  it.each([
    ["already one line", "already one line"],
    ["  edges  ", "edges"],
    ["two  spaces", "two spaces"],
    ["new\nline\tand tab", "new line and tab"],
    ["no\u00a0break", "no break"],
    ["", ""],
    [" ", ""],
  ])("%j → %j", (text, expected) => {
    expect(collapse(text)).toBe(expected);
  });
});

describe("clauseSpans", () => {
  // The reading by expressions that clauseSpans does by hand: list numbers alone joined to the next
  // piece, list markers and edge spaces dropped, pieces with no letter or digit left out.
  const LIST_MARKER = /^\s*(?:[-*•▪◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;
  function byExpressions(text: string) {
    const seps = separators(text, true);
    const pieces: [number, number][] = [];
    let from = 0;
    for (let k = 0; k < seps.length; k += 2) {
      pieces.push([from, seps[k] as number]);
      from = seps[k + 1] as number;
    }
    pieces.push([from, text.length]);
    const out: { start: number; end: number; text: string }[] = [];
    if (!text) return out;
    for (let i = 0; i < pieces.length; i++) {
      let [start, end] = pieces[i] as [number, number];
      if (/^\s*\(?(?:\d{1,2}|[a-z])[.)]\s*$/.test(text.slice(start, end)) && i + 1 < pieces.length) {
        end = (pieces[i + 1] as [number, number])[1];
        i++;
      }
      let piece = text.slice(start, end);
      const lead = LIST_MARKER.exec(piece);
      if (lead) {
        start += lead[0].length;
        piece = piece.slice(lead[0].length);
      }
      const t = piece.trim();
      const at = start + piece.length - piece.trimStart().length;
      if (t.length > 0 && /[A-Za-z0-9]/.test(t)) out.push({ start: at, end: at + t.length, text: t });
    }
    return out;
  }

  const alphabet = [
    "a",
    "B",
    "1",
    "12",
    "123",
    ".",
    ")",
    "(",
    " ",
    "\n",
    "-",
    "*",
    "•",
    "▪",
    "◦",
    ";",
    "x",
    "é",
  ];
  const texts = randomTexts(alphabet, 5000, 20, 777);
  texts.push(
    "1.\nFirst item\n2) second\n(a) third\n- fourth\n• fifth",
    "12. Twelve",
    " (3) three ",
    "a) b) c",
  );

  it("reads the clauses the expressions read, in 5000 random texts", () => {
    for (const t of texts) expect(clauseSpans(t), JSON.stringify(t)).toEqual(byExpressions(t));
  });
});

/** `count` texts of up to `maxParts` pieces of the alphabet, the same for the same seed. */
function randomTexts(alphabet: readonly string[], count: number, maxParts: number, seed: number): string[] {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 1 + Math.floor(rand() * maxParts) },
      () => alphabet[Math.floor(rand() * alphabet.length)],
    ).join(""),
  );
}
