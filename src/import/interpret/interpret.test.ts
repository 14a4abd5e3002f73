import { describe, expect, it } from "vitest";
import type { OrganisationDirectory } from "../../domain/organisation.js";
import type { ParsedPlan } from "../../domain/plan.js";
import { ImportError } from "../errors.js";
import type { RawDocument } from "../raw.js";
import { type CellSpec, M, para, rawDoc, sheet, table } from "./build-raw.js";
import { interpret } from "./interpret.js";

const directory: OrganisationDirectory = {
  organisations: [
    { name: "Thames Valley Police", aliases: ["TVP"] },
    { name: "Northshire Council", aliases: ["NC", "Children's Social Care"] },
    { name: "Northshire Hospital NHS Trust", aliases: ["NHT", "Northshire Hospital"] },
    { name: "Central and North West London NHS Foundation Trust", aliases: ["CNWL"] },
  ],
};

function run(doc: RawDocument): ParsedPlan {
  return interpret(doc, { directory });
}

const HEADER: CellSpec[] = ["No.", "Finding", "Action", "Lead", "Timescale", "RAG", "Progress"];
const KEY_SENTENCE = "RAG key: Red – significant risk; Amber – some risk; Green – on track; Blue – completed";

function row(
  ref: string,
  rag: CellSpec = { text: "", fill: "00B050" },
  extra: Partial<Record<string, string>> = {},
) {
  return [
    ref,
    extra.finding ?? `Finding ${ref}`,
    extra.action ?? `Action ${ref}`,
    extra.lead ?? "Jo Hooper",
    extra.due ?? "End June 2020",
    rag,
    extra.progress ?? `Progress ${ref}`,
  ];
}

function warningsAbout(plan: ParsedPlan, text: string) {
  return plan.warnings.filter((w) => w.message.includes(text));
}

describe("finding the plan", () => {
  it("fails with the file name when no table has a header row", () => {
    const doc = rawDoc(
      [
        para("Minutes of the meeting"),
        table("table 1", [
          ["a", "b"],
          ["c", "d"],
        ]),
      ],
      {
        fileName: "minutes.docx",
      },
    );
    expect(() => run(doc)).toThrow(ImportError);
    expect(() => run(doc)).toThrow(
      "minutes.docx: is not an action plan: no table with a header row naming refs/actions was found",
    );
  });

  it("reads a header found below title rows, and takes the title and as-of date from them", () => {
    const doc = rawDoc(
      [
        sheet("Plan", [
          ["Partnership improvement plan", M, M, M, M, M, M],
          ["Plan version: 3   Updated: 14/01/2021"],
          [],
          HEADER,
          row("1"),
        ]),
      ],
      { format: "xlsx", fileName: "plan.xlsx" },
    );
    const plan = run(doc);
    expect(plan.plan.title).toBe("Partnership improvement plan");
    expect(plan.plan.version).toBe("3");
    expect(plan.plan.asOf).toBe("2021-01-14");
    expect(plan.actions.map((a) => a.ref)).toEqual(["1"]);
    expect(plan.actions[0]?.where).toBe('sheet "Plan", row 5');
  });

  it("reads columns in any order and under other names", () => {
    const doc = rawDoc([
      para("Health", 1),
      table("table 1", [
        ["Progress update", "RAG status", "Target date", "Action owner", "Actions to be taken", "Ref"],
        ["Audit done", "Amber", "31/03/2021", "Sam Lee", "Re-audit case files", "TP1"],
      ]),
      para(KEY_SENTENCE),
    ]);
    const [a] = run(doc).actions;
    expect(a).toMatchObject({
      ref: "TP1",
      action: "Re-audit case files",
      lead: "Sam Lee",
      due: "2021-03-31",
      dueText: "31/03/2021",
      status: "minor-risk",
      statusText: "Amber",
      progress: "Audit done",
      section: "Health",
    });
  });

  it("warns once about a column it does not recognise", () => {
    const doc = rawDoc([
      table("table 1", [
        ["No.", "Action", "Lead", "RAG", "Budget"],
        ["1", "Do it", "Jo", "Green", "£300"],
      ]),
      table("table 2", [
        ["No.", "Action", "Lead", "RAG", "Budget"],
        ["2", "Do more", "Jo", "Green", "£400"],
      ]),
    ]);
    const found = warningsAbout(run(doc), "not one Assure recognises");
    expect(found).toEqual([
      {
        where: 'table 1, row 1, column "Budget"',
        message: "this column name is not one Assure recognises; its contents were not imported",
      },
    ]);
  });
});

describe("rows", () => {
  it("adds a row with an empty ref to the action above, across a repeated header after a page break", () => {
    const doc = rawDoc([
      para("Police", 1),
      table("table 1", [HEADER, row("3", { text: "", fill: "00B050" }, { progress: "First part." })]),
      table("table 2", [HEADER, ["", "", "", "", "", "", "Second part."], row("4")]),
    ]);
    const plan = run(doc);
    expect(plan.actions.map((a) => a.ref)).toEqual(["3", "4"]);
    expect(plan.actions[0]?.progress).toBe("First part.\nSecond part.");
    expect(plan.actions[0]?.status).toBe("on-track");
  });

  it("continues the action above into a table with no header of the same width", () => {
    const doc = rawDoc([
      para("Police", 1),
      table("table 1", [
        HEADER,
        row("21", { text: "", fill: "FF0000" }, { progress: "Police are prioritising." }),
      ]),
      para(""),
      table("table 2", [["", "", "", "", "", "", "Example 1 – a DA incident."]]),
      table("table 3", [HEADER, ["", "", "", "", "", "", "The MASH will always have a level of challenge."]]),
    ]);
    const plan = run(doc);
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]?.progress).toBe(
      "Police are prioritising.\nExample 1 – a DA incident.\nThe MASH will always have a level of challenge.",
    );
    expect(plan.actions[0]?.status).toBe("significant-risk");
  });

  it("does not read a header-less table of another width as actions, and says so", () => {
    const doc = rawDoc([
      table("table 1", [HEADER, row("1")]),
      table("table 2", [
        ["Signed", "Director"],
        ["Date", "1 April 2020"],
      ]),
    ]);
    const plan = run(doc);
    expect(plan.actions).toHaveLength(1);
    expect(warningsAbout(plan, "not read as actions")).toEqual([
      {
        where: "table 2",
        message: "no header row naming refs or actions; the table was not read as actions",
      },
    ]);
  });

  it("treats a merged ref cell as the same action and appends the next action text", () => {
    const doc = rawDoc([
      table("table 1", [
        HEADER,
        row("5", { text: "", fill: "FFC000" }, { action: "Write the protocol" }),
        [M, M, "Audit the protocol", "", "", M, "Audit planned"],
      ]),
    ]);
    const [a] = run(doc).actions;
    expect(a?.action).toBe("Write the protocol\nAudit the protocol");
    expect(a?.progress).toBe("Progress 5\nAudit planned");
  });

  it("reads a row with an empty ref but all of an action's own details as a new action, with a warning", () => {
    const unnumbered = row("", "Amber", {
      finding: "Records are late",
      action: "Audit records",
      progress: "Audit booked",
    });
    const plan = run(rawDoc([table("table 1", [HEADER, row("1"), unnumbered])]));
    expect(plan.actions.map((a) => a.ref)).toEqual(["1", ""]);
    expect(warningsAbout(plan, "no ref")).toEqual([
      { where: "table 1, row 3", message: "the action has no ref; it was imported without one" },
    ]);
  });

  it("skips empty rows and repeated header rows inside a table", () => {
    const plan = run(rawDoc([table("table 1", [HEADER, row("1"), [], HEADER, row("2")])]));
    expect(plan.actions.map((a) => a.ref)).toEqual(["1", "2"]);
  });

  it("skips a half-filled row with a warning", () => {
    const plan = run(
      rawDoc([
        table("table 1", [HEADER, row("1"), ["2", "", "", "Jo Hooper", "", "", ""]]),
        para("Police", 1),
      ]),
    );
    expect(plan.actions.map((a) => a.ref)).toEqual(["1"]);
    expect(warningsAbout(plan, "no action or finding")).toEqual([
      { where: "table 1, row 3", message: "the row has text but no action or finding; it was skipped" },
    ]);
  });

  it("makes a sub-heading row the section of the rows below it", () => {
    const doc = rawDoc([
      para("Plan", 1),
      table("table 1", [
        HEADER,
        ["Thames Valley Police", M, M, M, M, M, M],
        row("1"),
        ["Northshire Hospital", "", "", "", "", "", ""],
        row("2"),
      ]),
    ]);
    const plan = run(doc);
    expect(plan.actions.map((a) => [a.ref, a.section, a.organisation])).toEqual([
      ["1", "Thames Valley Police", "Thames Valley Police"],
      ["2", "Northshire Hospital", "Northshire Hospital NHS Trust"],
    ]);
  });

  it("warns about a ref used twice in a section", () => {
    const plan = run(rawDoc([para("Police", 1), table("table 1", [HEADER, row("1"), row("1")])]));
    expect(warningsAbout(plan, "more than once")).toEqual([
      {
        where: "table 1, row 3",
        message: 'ref "1" appears more than once in section "Police" (first at table 1, row 2)',
      },
    ]);
  });
});

describe("merged cells and odd columns", () => {
  it("repeats a finding and lead merged down over two actions with their own refs", () => {
    const doc = rawDoc([
      para(KEY_SENTENCE),
      table("table 1", [
        HEADER,
        row("9.1", "Amber", { finding: "Staff lack training", lead: "John Culley" }),
        ["9.2", M, "Train school nurses", M, "End June 2020", "Green", "Sessions booked"],
        ["9.3", M, "Train LAC nurses", "Sam Lee", "End May 2020", M, "Planned"],
      ]),
    ]);
    const plan = run(doc);
    expect(plan.actions.map((a) => [a.ref, a.finding, a.action, a.lead, a.status])).toEqual([
      ["9.1", "Staff lack training", "Action 9.1", "John Culley", "minor-risk"],
      ["9.2", "Staff lack training", "Train school nurses", "John Culley", "on-track"],
      ["9.3", "Staff lack training", "Train LAC nurses", "Sam Lee", "on-track"],
    ]);
  });

  it("does not repeat a cell merged sideways under a header that spans columns", () => {
    const doc = rawDoc([
      para(KEY_SENTENCE),
      table("table 1", [
        ["No.", "Action", "Progress", M, "RAG"],
        ["1", "Audit", "Started", "Booked", "Green"],
        ["2", "Review", "Done", M, "Blue"],
      ]),
    ]);
    expect(run(doc).actions.map((a) => a.progress)).toEqual(["Started", "Done"]);
  });

  it("uses the first of two columns with the same name and says so", () => {
    const plan = run(
      rawDoc([
        para(KEY_SENTENCE),
        table("file", [
          ["Ref", "Action", "Lead", "Action", "RAG", "Timescale", "Revised timescale"],
          [
            "1",
            "Revise the audit process",
            "Jo Hooper",
            "Second text",
            "Green",
            "End May 2020",
            "End June 2020",
          ],
        ]),
      ]),
    );
    expect(plan.actions[0]).toMatchObject({ action: "Revise the audit process", due: "2020-05-31" });
    expect(plan.warnings).toContainEqual({
      where: 'file, row 1, column "Action"',
      message: 'the column name "Action" appears more than once; only the first was used',
    });
    expect(plan.warnings).toContainEqual({
      where: 'file, row 1, column "Revised timescale"',
      message: 'this column also looks like the timescale column; only "Timescale" was used',
    });
  });

  it("keeps both of two differently named progress columns", () => {
    const plan = run(
      rawDoc([
        para(KEY_SENTENCE),
        table("table 1", [
          ["No.", "Action", "RAG", "Progress", "Comments"],
          ["1", "Audit", "Green", "Audit booked", "Chased in May"],
        ]),
      ]),
    );
    expect(plan.actions[0]?.progress).toBe("Audit booked\nChased in May");
  });

  it("warns about text in cells beyond the header", () => {
    const plan = run(
      rawDoc([
        para(KEY_SENTENCE),
        table("file", [
          ["Ref", "Action", "Lead", "RAG"],
          ["1", "Audit", "Jo Hooper", "Green", "stray text"],
        ]),
      ]),
    );
    expect(plan.actions[0]?.status).toBe("on-track");
    expect(plan.warnings).toContainEqual({
      where: "file, row 2",
      message: "the row has more cells than the header; the text beyond the last column was not imported",
    });
  });
});

describe("the RAG key", () => {
  const actionTable = table("table 2", [
    HEADER,
    row("1", { text: "", fill: "7030A0" }),
    row("2", { text: "", fill: "C00000" }),
  ]);

  it("uses a key table: purple means what the plan says, and a shade of red is its red", () => {
    const keyTable = table("table 1", [
      ["Not started", { text: "", fill: "7030A0" }],
      ["Significant risk of missing the timescale", { text: "", fill: "FF0000" }],
      ["On track", { text: "", fill: "00B050" }],
    ]);
    const plan = run(rawDoc([keyTable, actionTable]));
    expect(plan.plan.ragKey.map((k) => [k.colour, k.status])).toEqual([
      ["7030A0", "not-started"],
      ["FF0000", "significant-risk"],
      ["00B050", "on-track"],
    ]);
    expect(plan.actions.map((a) => [a.status, a.statusText])).toEqual([
      ["not-started", "Not started"],
      ["significant-risk", "Significant risk of missing the timescale"],
    ]);
    expect(warningsAbout(plan, "RAG key")).toEqual([]);
  });

  it("uses a key sentence when there is no key table", () => {
    const plan = run(rawDoc([para(KEY_SENTENCE), actionTable]));
    expect(plan.plan.ragKey.map((k) => k.status)).toEqual([
      "significant-risk",
      "minor-risk",
      "on-track",
      "completed",
    ]);
    expect(plan.actions[1]?.status).toBe("significant-risk");
    expect(warningsAbout(plan, "RAG key")).toEqual([]);
  });

  it("reads a key written as a list under an introducing line", () => {
    const plan = run(
      rawDoc([
        para("RAG key:"),
        para("Red – significant risk", null, { isListItem: true }),
        para("Amber – minor risk", null, { isListItem: true }),
        para("Green – on track", null, { isListItem: true }),
        actionTable,
      ]),
    );
    expect(plan.plan.ragKey.map((k) => k.status)).toEqual(["significant-risk", "minor-risk", "on-track"]);
  });

  it("prefers the plan's key table to a key sentence", () => {
    const keyTable = table("table 1", [
      ["Not started", { text: "", fill: "7030A0" }],
      ["On track", { text: "", fill: "00B050" }],
    ]);
    const plan = run(rawDoc([para(KEY_SENTENCE), keyTable, actionTable]));
    expect(plan.plan.ragKey).toHaveLength(2);
  });

  it("reads a key sheet of a workbook and does not read it as actions", () => {
    const doc = rawDoc(
      [
        sheet("Actions", [
          HEADER,
          row("1", { text: "", fill: "0070C0" }),
          row("2", { text: "Ev.", fill: "0070C0" }),
        ]),
        sheet("RAG key", [
          ["RAG key", M],
          ["Colour", "Meaning"],
          [{ text: "", fill: "0070C0" }, "Action completed"],
          [{ text: "Ev.", fill: "0070C0" }, "Action completed and evidence of impact captured"],
          [{ text: "", fill: "FF0000" }, "Significant risk"],
        ]),
      ],
      { format: "xlsx" },
    );
    const plan = run(doc);
    expect(plan.actions.map((a) => [a.status, a.statusText])).toEqual([
      ["completed", "Action completed"],
      ["completed-with-impact", "Ev."],
    ]);
    expect(plan.sections.map((s) => s.name)).toEqual(["Actions"]);
  });

  it("falls back to the default key with a warning, and warns about a colour far from every key colour", () => {
    const plan = run(rawDoc([actionTable], { fileName: "plan.docx" }));
    expect(warningsAbout(plan, "RAG key")).toEqual([
      { where: "plan.docx", message: "no RAG key found; default colours and words used" },
    ]);
    expect(plan.actions.map((a) => a.status)).toEqual(["unknown", "significant-risk"]);
    expect(warningsAbout(plan, "not near")).toEqual([
      {
        where: 'table 2, row 2, column "RAG"',
        message: "colour 7030A0 is not near any colour of the plan's key; status unknown",
      },
    ]);
    expect(warningsAbout(plan, "status unknown")).toHaveLength(1);
  });

  it("ignores the fills of header rows", () => {
    const header = HEADER.map((h) => ({ text: h as string, fill: "BDD6EE" }));
    const plan = run(rawDoc([para(KEY_SENTENCE), table("table 1", [header, row("1")])]));
    expect(warningsAbout(plan, "not near")).toEqual([]);
    expect(plan.actions[0]?.status).toBe("on-track");
  });
});

describe("statuses with a Completed column", () => {
  const header: CellSpec[] = ["No.", "Action", "Lead", "RAG", "Completed"];
  const plan = run(
    rawDoc([
      para(KEY_SENTENCE),
      table("table 1", [
        header,
        ["1", "a", "Jo", { text: "", fill: "0070C0" }, "Completed"],
        ["2", "b", "Jo", { text: "", fill: "" }, "Completed"],
        ["3", "c", "Jo", "", "In progress"],
        ["4", "d", "Jo", { text: "", fill: "00B050" }, "In Progress"],
        ["5", "e", "Jo", { text: "", fill: "00B050" }, "Completed"],
        ["6", "f", "Jo", "", "Yes"],
        ["7", "g", "Jo", "", "12/03/2020"],
        ["8", "h", "Jo", "", ""],
        ["9", "i", "Jo", { text: "", fill: "FFFFFF" }, ""],
      ]),
    ]),
  );
  const byRef = (ref: string) => plan.actions.find((a) => a.ref === ref);

  it("reads a completed colour and the word Completed as completed", () => {
    expect(byRef("1")).toMatchObject({ status: "completed", statusText: "completed / Completed" });
  });

  it("reads Completed with no RAG as completed", () => {
    expect(byRef("2")?.status).toBe("completed");
    expect(byRef("6")?.status).toBe("completed");
    expect(byRef("7")?.status).toBe("completed");
  });

  it("does not guess a rating from 'In progress' alone", () => {
    expect(byRef("3")?.status).toBe("unknown");
    expect(plan.warnings).toContainEqual({
      where: 'table 1, row 4, column "Completed"',
      message: '"In progress" does not give a RAG rating; status unknown',
    });
  });

  it("keeps the RAG colour when the Completed column says the work goes on", () => {
    expect(byRef("4")).toMatchObject({ status: "on-track", statusText: "on track / In Progress" });
  });

  it("lets Completed close an action rated green, and says so", () => {
    expect(byRef("5")?.status).toBe("completed");
    expect(plan.warnings).toContainEqual({
      where: 'table 1, row 6, column "Completed"',
      message: 'the RAG rating says on-track but "Completed" says completed; completed used',
    });
  });

  it("reads an empty or white RAG cell as unknown with a warning, not as a colour", () => {
    expect(byRef("8")?.status).toBe("unknown");
    expect(byRef("9")?.status).toBe("unknown");
    expect(plan.warnings).toContainEqual({
      where: 'table 1, row 10, column "RAG"',
      message: "no RAG rating or status given; status unknown",
    });
    expect(warningsAbout(plan, "FFFFFF")).toEqual([]);
  });
});

describe("statuses from a Completed column in a plan with no RAG column", () => {
  it("reads its words with the usual meanings", () => {
    const plan = run(
      rawDoc([
        table("table 1", [
          ["No.", "Action", "Lead", "Completed"],
          ["1", "a", "Jo", "Completed"],
          ["2", "b", "Jo", "In progress"],
          ["3", "c", "Jo", "Not started"],
          ["4", "d", "Jo", "N/A"],
          ["5", "e", "Jo", "Yes"],
        ]),
      ]),
    );
    expect(plan.actions.map((a) => [a.status, a.statusText])).toEqual([
      ["completed", "Completed"],
      ["on-track", "In progress"],
      ["not-started", "Not started"],
      ["not-applicable", "N/A"],
      ["completed", "Yes"],
    ]);
  });
});

describe("sections and organisations", () => {
  it("takes the organisation from an organisation column, then the lead, then the section", () => {
    const doc = rawDoc([
      para(KEY_SENTENCE),
      para("Children's Social Care", 1),
      table("table 1", [
        ["No.", "Action", "Lead", "Agency", "RAG"],
        ["1", "a", "Jo Hooper", "TVP", "Green"],
        ["2", "b", "TVP – DCI Matt Darnell", "", "Green"],
        ["3", "c", "Jane Hannon, CNWL\nTVP", "", "Green"],
        ["4", "d", "Jo Hooper", "", "Green"],
      ]),
    ]);
    const plan = run(doc);
    expect(plan.actions.map((a) => [a.ref, a.organisation, a.organisations])).toEqual([
      ["1", "Thames Valley Police", ["Thames Valley Police"]],
      ["2", "Thames Valley Police", ["Thames Valley Police"]],
      [
        "3",
        "Central and North West London NHS Foundation Trust",
        ["Central and North West London NHS Foundation Trust", "Thames Valley Police"],
      ],
      ["4", "Northshire Council", ["Northshire Council"]],
    ]);
    expect(plan.actions[2]?.lead).toBe("Jane Hannon, CNWL TVP");
    expect(
      run(
        rawDoc([
          table("table 1", [
            ["No.", "Action", "Lead", "Agency", "RAG"],
            ["1", "a", "Jane Hannon, CNWL\nTVP", "CNWL", "Green"],
            ["2", "b", "Jo Hooper", "Youth Justice Service", "Green"],
          ]),
        ]),
      ).actions.map((a) => a.organisations),
    ).toEqual([
      ["Central and North West London NHS Foundation Trust", "Thames Valley Police"],
      ["Youth Justice Service"],
    ]);
    expect(plan.sections).toEqual([{ name: "Children's Social Care", organisation: "Northshire Council" }]);
  });

  it("uses an unknown heading as the organisation and warns once; multi-agency headings own nothing", () => {
    const doc = rawDoc([
      para(KEY_SENTENCE),
      para("Youth Justice Service", 1),
      table("table 1", [HEADER, row("1"), row("2")]),
      para("Multi-agency / System areas", 1),
      table("table 2", [
        HEADER,
        row("3", "Green", { lead: "MH T&F Group" }),
        row("4", "Green", { lead: "TVP" }),
      ]),
    ]);
    const plan = run(doc);
    expect(plan.sections).toEqual([
      { name: "Youth Justice Service", organisation: "Youth Justice Service" },
      { name: "Multi-agency / System areas", organisation: null },
    ]);
    expect(plan.actions.map((a) => a.organisation)).toEqual([
      "Youth Justice Service",
      "Youth Justice Service",
      null,
      "Thames Valley Police",
    ]);
    expect(warningsAbout(plan, "alias table")).toEqual([
      { where: "table 1, row 2", message: 'organisation "Youth Justice Service" is not in the alias table' },
    ]);
  });

  it("names sections by short paragraphs in a document without heading styles", () => {
    const doc = rawDoc([
      para("Action plan following the review of services to children in need of help and protection."),
      para("Thames Valley Police"),
      table("table 1", [HEADER, row("1")]),
      para("Updated: 26/03/2020"),
      table("table 2", [HEADER, row("2")]),
    ]);
    const plan = run(doc);
    expect(plan.actions.map((a) => a.section)).toEqual(["Thames Valley Police", "Thames Valley Police"]);
    expect(plan.plan.asOf).toBe("2020-03-26");
  });

  it("treats a heading used only for the title as the title, and short paragraphs as sections", () => {
    const doc = rawDoc([
      para("Partnership action plan", 1),
      para("Thames Valley Police"),
      table("table 1", [HEADER, row("1")]),
      para("Northshire Hospital"),
      table("table 2", [HEADER, row("2")]),
    ]);
    const plan = run(doc);
    expect(plan.actions.map((a) => a.section)).toEqual(["Thames Valley Police", "Northshire Hospital"]);
    expect(plan.plan.title).toBe("Partnership action plan");
  });

  it("names sections by sheet, or by a Section column, or by the title, else 'Plan'", () => {
    const wb = run(
      rawDoc([sheet("Police", [HEADER, row("1")]), sheet("Sheet2", [HEADER, row("2")])], {
        format: "xlsx",
        propertiesTitle: "Improvement plan",
      }),
    );
    expect(wb.actions.map((a) => a.section)).toEqual(["Police", "Improvement plan"]);

    const csvHeader = ["Section", ...HEADER];
    const csv = run(
      rawDoc(
        [
          table("file", [
            csvHeader,
            ["Thames Valley Police", ...row("1")],
            ["", ...row("2")],
            ["Northshire Hospital", ...row("3")],
          ]),
        ],
        { format: "csv", fileName: "export.csv" },
      ),
    );
    expect(csv.actions.map((a) => a.section)).toEqual([
      "Thames Valley Police",
      "Thames Valley Police",
      "Northshire Hospital",
    ]);
    expect(csv.plan.title).toBe("export");

    const bare = run(rawDoc([table("file", [HEADER, row("1")])], { format: "csv", fileName: "export.csv" }));
    expect(bare.actions[0]?.section).toBe("Plan");
    expect(bare.sections).toEqual([{ name: "Plan", organisation: null }]);
    expect(warningsAbout(bare, "alias table")).toEqual([]);
  });
});

describe("dates", () => {
  it("reads due dates from date cells, Excel serials and text, keeping the text as written", () => {
    const doc = rawDoc(
      [
        sheet("Plan", [
          ["No.", "Action", "Target date", "RAG", "Last updated"],
          ["1", "a", { text: "30/06/2020", date: "2020-06-30" }, "Green", { text: "", number: 43914 }],
          ["2", "b", { text: "43982", number: 43982 }, "Green", "12/03/2020"],
          ["3", "c", "Q3 2020/21", "Green", ""],
          ["4", "d", "Ongoing", "Green", ""],
          ["5", "e", "31/02/2020", "Green", ""],
        ]),
      ],
      { format: "xlsx" },
    );
    const plan = run(doc);
    expect(plan.actions.map((a) => [a.due, a.dueText, a.lastUpdate])).toEqual([
      ["2020-06-30", "30/06/2020", "2020-03-24"],
      ["2020-05-31", "43982", "2020-03-12"],
      ["2020-12-31", "Q3 2020/21", null],
      [null, "Ongoing", null],
      [null, "31/02/2020", null],
    ]);
    expect(warningsAbout(plan, "could not read")).toEqual([
      {
        where: 'sheet "Plan", row 6, column "Target date"',
        message: "could not read the timescale: no such date: 31/02/2020",
      },
    ]);
  });

  it("takes the last update from the latest dated line of the progress text", () => {
    const progress = [
      "20/12/19 – CAMHS data requested.",
      "Update March 2021: audit complete.",
      "Meeting on 30/06/2022 to review.",
      "Example 1 – a DA incident.",
    ].join("\n");
    const plan = run(rawDoc([table("table 1", [HEADER, row("1", "Green", { progress })])]));
    expect(plan.actions[0]?.lastUpdate).toBe("2021-03-31");
  });
});

describe("plan details", () => {
  it("takes the title from document properties, the version and as-of date from the footer, the source from the text", () => {
    const plan = run(
      rawDoc(
        [
          para("Action Plan – JTAI children’s mental health", 0),
          para("This plan answers the Joint Targeted Area Inspection conducted by Ofsted and the CQC."),
          table("table 1", [HEADER, row("1")]),
        ],
        { marginalia: ["Plan version: FINAL  Updated: 26/03/2020"], propertiesTitle: "JTAI action plan" },
      ),
    );
    expect(plan.plan).toMatchObject({
      title: "JTAI action plan",
      version: "FINAL",
      asOf: "2020-03-26",
      source: { kind: "jtai", title: "JTAI action plan" },
    });
  });

  it.each([
    ["Safeguarding Adults Review: Adult B – action plan", "sar"],
    ["DHR action plan", "dhr"],
    ["LCSPR Child D action plan", "lcspr"],
    ["Section 11 audit 2021 action plan", "section-11"],
    ["CQC review of health services for children looked after and safeguarding", "cqc-review"],
    ["Ofsted ILACS action plan", "ofsted"],
  ])("detects the source of %j", (title, kind) => {
    const plan = run(rawDoc([para(title, 0), table("table 1", [HEADER, row("1")])]));
    expect(plan.plan.source?.kind).toBe(kind);
  });

  it("falls back to the file name for the title and no source", () => {
    const plan = run(
      rawDoc([table("table 1", [HEADER, row("1")])], { fileName: "board papers/plan 2021.docx" }),
    );
    expect(plan.plan.title).toBe("plan 2021");
    expect(plan.plan.source).toBeNull();
    expect(plan.plan.asOf).toBeNull();
  });

  it("passes the reader's warnings through first", () => {
    const plan = run(
      rawDoc([para(KEY_SENTENCE), table("table 1", [HEADER, row("1")])], {
        warnings: [{ where: "table 1, row 2", message: "cell text cut at 20000 characters" }],
      }),
    );
    expect(plan.warnings[0]).toEqual({
      where: "table 1, row 2",
      message: "cell text cut at 20000 characters",
    });
  });

  it("refuses a header row with no actions under it", () => {
    expect(() => run(rawDoc([table("file", [HEADER])], { format: "csv", fileName: "empty.csv" }))).toThrow(
      "empty.csv: is not an action plan: a header row was found but no actions under it",
    );
  });
});

describe("speed", () => {
  it("interprets a 10 000-row workbook in well under a second", () => {
    const fills = ["FF0000", "FFC000", "00B050", "0070C0"];
    const agencies = ["TVP", "NC", "NHT", "CNWL", "Northshire Council"];
    const specs: CellSpec[][] = [
      ["Consolidated plan", M, M, M, M, M, M, M, M],
      ["Updated: 26/03/2020"],
      ["Ref", "Agency", "Finding", "Action", "Lead", "Target date", "RAG", "Progress", "Last updated"],
    ];
    for (let i = 0; i < 10_000; i++) {
      specs.push([
        `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
        agencies[i % agencies.length] as string,
        `Finding ${i}: practice is not consistently recorded in case files across teams.`,
        `Audit ${i}: sample 20 case files each quarter and report to the board.`,
        `Lead ${i % 37}`,
        {
          text: `28/${String((i % 12) + 1).padStart(2, "0")}/2020`,
          date: `2020-${String((i % 12) + 1).padStart(2, "0")}-28`,
        },
        { text: "", fill: fills[i % fills.length] as string },
        `Audit completed on ${(i % 28) + 1}/03/2020 showing 85% compliance.\n- Findings shared with teams\n- Re-audit planned`,
        { text: "", number: 43_891 + (i % 28) },
      ]);
    }
    const doc = rawDoc([sheet("Consolidated plan", specs)], { format: "xlsx" });
    const started = performance.now();
    const plan = run(doc);
    const ms = performance.now() - started;
    expect(plan.actions).toHaveLength(10_000);
    expect(plan.actions[2]?.status).toBe("on-track");
    // Linear work takes tens of milliseconds; the bound is loose for busy CI machines and catches
    // only quadratic slips (which take many seconds at this size).
    expect(ms).toBeLessThan(3000);
  });
});

describe("small readers", () => {
  it("reads version labels, not the word 'version' in a sentence", async () => {
    const { findVersion } = await import("./meta.js");
    expect(findVersion("Plan version: FINAL  Updated: 26/03/2020")).toBe("FINAL");
    expect(findVersion("Version 3 – agreed at the board")).toBe("3");
    expect(findVersion("version v1.2")).toBe("v1.2");
    expect(findVersion("This version of the plan replaces the last")).toBeNull();
  });

  it("reads only a short date that starts a progress line", async () => {
    const { leadingDateText } = await import("./cell-dates.js");
    expect(leadingDateText("20/12/19 – Police are prioritising")).toBe("20/12/19");
    expect(leadingDateText("Update March 2021: audit complete")).toBe("March 2021");
    expect(leadingDateText("- 12.03.2020 meeting held")).toBe("12.03.2020");
    expect(leadingDateText("[14/01/2021] Re-audit booked")).toBe("14/01/2021");
    expect(leadingDateText("1. Caseload management systems have been strengthened: see report")).toBeNull();
    expect(leadingDateText("Training on KSS standards delivered in Q3.")).toBeNull();
  });
});
