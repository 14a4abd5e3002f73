import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, ImportError, type ReadLimits } from "../errors.js";
import type { RawDocument, RawParagraph, RawTable } from "../raw.js";
import { readDocx } from "./read-docx.js";
import { type DocxParts, makeDocx, p, tbl, tc, tr, W_NS } from "./test-docx.js";

const read = (parts: DocxParts, limits: ReadLimits = DEFAULT_LIMITS): RawDocument =>
  readDocx(makeDocx(parts), "plan.docx", limits);
const tablesOf = (doc: RawDocument) => doc.blocks.filter((b): b is RawTable => b.kind === "table");
const paragraphsOf = (doc: RawDocument) =>
  doc.blocks.filter((b): b is RawParagraph => b.kind === "paragraph");
const firstTable = (parts: DocxParts): RawTable => {
  const t = tablesOf(read(parts))[0];
  if (!t) throw new Error("no table");
  return t;
};
const cellsOfRow = (t: RawTable, i: number) => t.rows[i]?.cells ?? [];

function importError(f: () => unknown): ImportError {
  try {
    f();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error("no error thrown");
}

const SHD = (attrs: string) => `<w:shd ${attrs}/>`;
const LIST = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>`;
const THEME = `<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent6><a:srgbClr val="70AD47"/></a:accent6>`;

describe("readDocx: tables on the grid", () => {
  it("expands gridSpan into merged positions that repeat the fill", () => {
    const t = firstTable({
      document: tbl([
        tr([tc("A"), tc("B"), tc("C"), tc("D")]),
        tr([
          tc("wide", `<w:gridSpan w:val="3"/>${SHD('w:val="clear" w:color="auto" w:fill="ffc000"')}`),
          tc("end"),
        ]),
      ]),
    });
    expect(cellsOfRow(t, 1)).toEqual([
      { text: "wide", fill: "FFC000" },
      { text: "", fill: "FFC000", merged: true },
      { text: "", fill: "FFC000", merged: true },
      { text: "end", fill: null },
    ]);
    expect(t.rows.map((r) => r.number)).toEqual([1, 2]);
  });

  it("marks vMerge continuations as merged without copying the text", () => {
    const t = firstTable({
      document: tbl([
        tr([tc("7", `<w:vMerge w:val="restart"/>`), tc("first part")]),
        tr([tc("", `<w:vMerge/>`), tc("second part")]),
        tr([tc("", `<w:vMerge w:val="continue"/>`), tc("third part")]),
      ]),
    });
    expect(t.rows.map((r) => r.cells)).toEqual([
      [
        { text: "7", fill: null },
        { text: "first part", fill: null },
      ],
      [
        { text: "", fill: null, merged: true },
        { text: "second part", fill: null },
      ],
      [
        { text: "", fill: null, merged: true },
        { text: "third part", fill: null },
      ],
    ]);
  });

  it("honours gridBefore and gridAfter, and drops rows deleted with tracked changes", () => {
    const t = firstTable({
      document: tbl([
        tr([tc("a"), tc("b")], `<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>`),
        tr([tc("gone"), tc("too")], `<w:del w:id="1" w:author="x" w:date="2020-01-01T00:00:00Z"/>`),
        tr([tc("1"), tc("2"), tc("3"), tc("4")]),
      ]),
    });
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["", "a", "b", ""],
      ["1", "2", "3", "4"],
    ]);
    expect(t.rows.map((r) => r.number)).toEqual([1, 3]);
  });

  it("takes header hints from w:tblHeader, honouring an explicit false", () => {
    const t = firstTable({
      document: tbl([
        tr([tc("Ref"), tc("Action")], `<w:tblHeader/>`),
        tr([tc("Ref"), tc("Action")], `<w:tblHeader w:val="false"/>`),
        tr([tc("1"), tc("Do it")]),
      ]),
    });
    expect(t.rows.map((r) => r.headerHint)).toEqual([true, undefined, undefined]);
  });

  it("flattens nested tables into the containing cell", () => {
    const inner = tbl([tr([tc("Q1"), tc("done")]), tr([tc("Q2"), tc(p("line one") + p("line two"))])]);
    const t = firstTable({
      document: tbl([tr([tc("1"), tc(p("Milestones:") + inner + p("after"))])]),
    });
    expect(cellsOfRow(t, 0)[1]?.text).toBe("Milestones:\nQ1 | done\nQ2 | line one line two\nafter");
    expect(tablesOf(read({ document: tbl([tr([tc(inner)])]) }))).toHaveLength(1);
  });

  it("numbers only body tables and keeps reading order with paragraphs", () => {
    const doc = read({
      document:
        p("Intro") + tbl([tr([tc(tbl([tr([tc("nested")])]))])]) + p("Between") + tbl([tr([tc("second")])]),
    });
    expect(doc.blocks.map((b) => (b.kind === "table" ? b.where : b.text))).toEqual([
      "Intro",
      "table 1",
      "Between",
      "table 2",
    ]);
  });

  it("stops at limits.maxRows with a warning", () => {
    const rows = Array.from({ length: 10 }, (_, i) => tr([tc(String(i + 1))]));
    const doc = read({ document: tbl(rows) }, { ...DEFAULT_LIMITS, maxRows: 4 });
    expect(tablesOf(doc)[0]?.rows.map((r) => r.cells[0]?.text)).toEqual(["1", "2", "3", "4"]);
    expect(doc.warnings).toEqual([
      { where: "table 1", message: "only the first 4 of its 10 rows were read" },
    ]);
  });
});

describe("readDocx: page breaks before tables", () => {
  const table = tbl([tr([tc("x")])]);
  const flags = (body: string) =>
    tablesOf(read({ document: body })).map((t) => t.startsAfterPageBreak ?? false);

  it("sees pageBreakBefore in the first cell", () => {
    expect(flags(tbl([tr([tc(p("x", "<w:pageBreakBefore/>"))])]))).toEqual([true]);
    expect(flags(tbl([tr([tc(p("x", `<w:pageBreakBefore w:val="false"/>`))])]))).toEqual([false]);
    expect(flags(tbl([tr([tc("x"), tc(p("y", "<w:pageBreakBefore/>"))])]))).toEqual([false]);
  });

  it("sees a page break in the paragraphs just before the table", () => {
    const pageBreak = `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`;
    expect(flags(pageBreak + table)).toEqual([true]);
    expect(flags(pageBreak + p("") + p("Section", `<w:outlineLvl w:val="0"/>`) + table)).toEqual([true]);
    expect(flags(p("Heading on a new page", "<w:pageBreakBefore/>") + table)).toEqual([true]);
    expect(flags(pageBreak + p("A paragraph of text first.") + table)).toEqual([false]);
    expect(flags(table + table)).toEqual([false, false]);
  });

  it("counts a section break unless the next section is continuous", () => {
    const nextPage = `<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr></w:p>`;
    const continuous = `<w:p><w:pPr><w:sectPr/></w:pPr></w:p>`;
    const docWithLast = (body: string, lastType: string) =>
      `<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body>${body}<w:sectPr><w:type w:val="${lastType}"/></w:sectPr></w:body></w:document>`;
    const read1 = (xml: string) => tablesOf(read({ document: xml }))[0]?.startsAfterPageBreak ?? false;
    expect(read1(docWithLast(p("Intro") + nextPage + table, "nextPage"))).toBe(true);
    expect(read1(docWithLast(p("Intro") + continuous + table, "continuous"))).toBe(false);
  });
});

describe("readDocx: cell fills", () => {
  const fillOf = (tcpr: string, content = "x", parts: Partial<DocxParts> = {}) =>
    firstTable({ ...parts, document: tbl([tr([tc(content, tcpr)])]) }).rows[0]?.cells[0]?.fill;

  it("uses w:fill hex and ignores auto and white", () => {
    expect(fillOf(SHD('w:val="clear" w:color="auto" w:fill="00B050"'))).toBe("00B050");
    expect(fillOf(SHD('w:val="clear" w:color="auto" w:fill="auto"'))).toBeNull();
    expect(fillOf(SHD('w:val="clear" w:color="auto" w:fill="FFFFFF"'))).toBeNull();
    expect(fillOf(SHD('w:val="nil"'))).toBeNull();
    expect(fillOf("")).toBeNull();
  });

  it("resolves theme fills with tints and shades", () => {
    const theme = { theme: THEME };
    expect(fillOf(SHD('w:val="clear" w:fill="4472C4" w:themeFill="accent1"'), "x", theme)).toBe("4472C4");
    expect(
      fillOf(SHD('w:val="clear" w:fill="000000" w:themeFill="accent1" w:themeFillTint="99"'), "x", theme),
    ).toBe("8EAADB");
    expect(
      fillOf(SHD('w:val="clear" w:fill="000000" w:themeFill="accent1" w:themeFillShade="BF"'), "x", theme),
    ).toBe("2F5496");
    expect(fillOf(SHD('w:val="clear" w:themeFill="accent6"'), "x", theme)).toBe("70AD47");
    expect(fillOf(SHD('w:val="clear" w:themeFill="background1"'), "x", theme)).toBeNull();
    expect(fillOf(SHD('w:val="clear" w:themeFill="text2"'), "x", theme)).toBe("44546A");
  });

  it("falls back to the cached hex when the theme is missing", () => {
    expect(fillOf(SHD('w:val="clear" w:fill="c00000" w:themeFill="accent2"'))).toBe("C00000");
  });

  it("reads solid and percentage patterns", () => {
    expect(fillOf(SHD('w:val="solid" w:color="FF0000" w:fill="auto"'))).toBe("FF0000");
    expect(fillOf(SHD('w:val="solid" w:color="FF0000" w:fill="FFFFFF"'))).toBe("FF0000");
    expect(fillOf(SHD('w:val="pct10" w:color="auto" w:fill="auto"'))).toBe("E6E6E6");
  });

  it("uses the text background when the cell has none", () => {
    const run = (text: string, rpr: string) =>
      `<w:r><w:rPr>${rpr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const yellow = `<w:highlight w:val="yellow"/>`;
    expect(fillOf("", `<w:p>${run("Amber", yellow)}${run(" ", "")}</w:p>`)).toBe("FFFF00");
    expect(
      fillOf("", `<w:p>${run("On ", yellow)}${run("track", `<w:highlight w:val="green"/>`)}</w:p>`),
    ).toBeNull();
    expect(fillOf("", `<w:p>${run("Red", yellow)}${run("word", "")}</w:p>`)).toBeNull();
    expect(fillOf("", `<w:p>${run("   ", `<w:highlight w:val="red"/>`)}</w:p>`)).toBe("FF0000");
    expect(fillOf("", p("Green", SHD('w:val="clear" w:fill="00B050"')))).toBe("00B050");
    expect(fillOf("", p("", SHD('w:val="clear" w:fill="00B050"')))).toBe("00B050");
    expect(fillOf("", p("x", "", SHD('w:val="clear" w:fill="0070C0"')))).toBe("0070C0");
    expect(fillOf("", p("x", "", `<w:highlight w:val="none"/>`))).toBeNull();
    // The cell's own shading wins over the text background.
    expect(fillOf(SHD('w:fill="FF0000"'), p("x", "", yellow))).toBe("FF0000");
  });

  it("falls back to row and table shading last", () => {
    const t = firstTable({
      document: tbl([tr([tc("a"), tc("b", SHD('w:fill="00B050"'))])], SHD('w:val="clear" w:fill="D9D9D9"')),
    });
    expect(t.rows[0]?.cells.map((c) => c.fill)).toEqual(["D9D9D9", "00B050"]);
  });
});

describe("readDocx: text", () => {
  const cellText = (content: string, styles?: string) => {
    const parts: DocxParts = { document: tbl([tr([tc(content)])]) };
    if (styles !== undefined) parts.styles = styles;
    return firstTable(parts).rows[0]?.cells[0]?.text;
  };

  it("keeps sdt, ins, hyperlink, smartTag and customXml content", () => {
    const body =
      `<w:sdt><w:sdtPr><w:alias w:val="Status"/><w:rPr><w:highlight w:val="red"/></w:rPr></w:sdtPr><w:sdtContent>${p("Block control")}</w:sdtContent></w:sdt>` +
      `<w:p><w:r><w:t xml:space="preserve">A </w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>run control</w:t></w:r></w:sdtContent></w:sdt>` +
      `<w:ins w:id="1" w:author="x"><w:r><w:t xml:space="preserve">, inserted</w:t></w:r></w:ins>` +
      `<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve">, link</w:t></w:r></w:hyperlink>` +
      `<w:smartTag w:uri="u" w:element="place"><w:r><w:t xml:space="preserve">, place</w:t></w:r></w:smartTag>` +
      `<w:customXml w:element="x"><w:r><w:t xml:space="preserve">, custom</w:t></w:r></w:customXml></w:p>`;
    expect(paragraphsOf(read({ document: body })).map((x) => x.text)).toEqual([
      "Block control",
      "A run control, inserted, link, place, custom",
    ]);
  });

  it("reads content controls around rows and cells", () => {
    const t = firstTable({
      document: `<w:tbl><w:sdt><w:sdtContent>${tr([tc("a"), `<w:sdt><w:sdtContent>${tc("b")}</w:sdtContent></w:sdt>`])}</w:sdtContent></w:sdt></w:tbl>`,
    });
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([["a", "b"]]);
  });

  it("drops tracked deletions, moves away and old formatting", () => {
    const body =
      `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr>` +
      `<w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del w:id="2" w:author="x"><w:r><w:delText>removed </w:delText></w:r></w:del>` +
      `<w:moveFrom w:id="3"><w:r><w:t>moved-away </w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>moved-here</w:t></w:r></w:moveTo></w:p>`;
    const [para] = paragraphsOf(read({ document: body }));
    expect(para).toMatchObject({ text: "Kept moved-here", headingLevel: null });
  });

  it("drops field instructions and keeps field results", () => {
    const body =
      `<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
      `<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
      `<w:r><w:t>the policy</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve"> on 1 May</w:t></w:r></w:fldSimple></w:p>`;
    expect(paragraphsOf(read({ document: body }))[0]?.text).toBe("See the policy on 1 May");
  });

  it("turns symbols, tabs, breaks and non-breaking hyphens into characters", () => {
    const content =
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Lead:</w:t><w:tab/><w:t>Jo</w:t><w:br/><w:t>Sam</w:t><w:cr/>` +
      `<w:t>co</w:t><w:noBreakHyphen/><w:t>chair </w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:br w:type="page"/><w:t>!</w:t></w:r></w:p>`;
    expect(cellText(content)).toBe("Lead: Jo\nSam\nco-chair \uf0fc!");
  });

  it("collapses runs of spaces, trims and drops blank paragraphs at the ends", () => {
    const content =
      p("") +
      p("   ") +
      p("  Two   spaces  and\u00a0nbsp ") +
      p("") +
      p("") +
      p("£5 – café “quoted”") +
      p("");
    expect(cellText(content)).toBe("Two spaces and\u00a0nbsp\n\n£5 – café “quoted”");
  });

  it("writes list items as '- ' lines and strips typed bullet glyphs", () => {
    const content =
      p("Progress:") +
      p("\uf0b7\tSymbol bullet", LIST) +
      p("• typed bullet", LIST) +
      p("– dash bullet", LIST) +
      p("▪ square", LIST) +
      p("plain item", LIST) +
      p("1. Numbered by hand") +
      p("• typed but not a list") +
      p("-5% is not a bullet", LIST);
    expect(cellText(content)).toBe(
      "Progress:\n- Symbol bullet\n- typed bullet\n- dash bullet\n- square\n- plain item\n1. Numbered by hand\n• typed but not a list\n- -5% is not a bullet",
    );
  });

  it("takes list numbering from the style chain, and numId 0 switches it off", () => {
    const styles =
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="Plan bullets"/><w:basedOn w:val="ListParagraph"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="MoreBullets"><w:name w:val="More bullets"/><w:basedOn w:val="Bullets"/></w:style>`;
    const content =
      p("styled", `<w:pStyle w:val="MoreBullets"/>`) +
      p("no numPr", `<w:pStyle w:val="ListParagraph"/>`) +
      p("switched off", `<w:pStyle w:val="Bullets"/><w:numPr><w:numId w:val="0"/></w:numPr>`) +
      p("direct", `<w:pStyle w:val="ListParagraph"/>${LIST}`);
    expect(cellText(content, styles)).toBe("- styled\nno numPr\nswitched off\n- direct");
  });

  it("cuts a 100 000-character cell to the limit with a warning", () => {
    const long = "x".repeat(100_000);
    const doc = read({ document: tbl([tr([tc("1"), tc("2")]), tr([tc("a"), tc(long)])]) });
    const cell = tablesOf(doc)[0]?.rows[1]?.cells[1];
    expect(cell?.text).toHaveLength(DEFAULT_LIMITS.maxCellChars);
    expect(doc.warnings).toEqual([
      {
        where: "table 1, row 2, column 2",
        message: `cell text cut to ${DEFAULT_LIMITS.maxCellChars} characters (it had 100000)`,
      },
    ]);
  });

  it("does not duplicate mc:AlternateContent and reads text boxes after their paragraph", () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box("In the box")}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox>${box("In the box")}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      p("After");
    expect(paragraphsOf(read({ document: body })).map((x) => x.text)).toEqual([
      "Anchor",
      "In the box",
      "After",
    ]);
  });
});

describe("readDocx: paragraphs and headings", () => {
  const STYLES =
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="SectionHead"><w:name w:val="Section Head"/><w:basedOn w:val="Kop1"/></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="Plan sub-heading"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>` +
    `<w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>`;

  it("resolves heading levels from style names, the basedOn chain and outline levels", () => {
    const doc = read({
      styles: STYLES,
      document:
        p("Plan", `<w:pStyle w:val="Titel"/>`) +
        p("Children's Social Care", `<w:pStyle w:val="Kop1"/>`) +
        p("Inherited", `<w:pStyle w:val="SectionHead"/>`) +
        p("By outline", `<w:pStyle w:val="Outline3"/>`) +
        p("Direct outline", `<w:outlineLvl w:val="1"/>`) +
        p("Body outline", `<w:pStyle w:val="Kop1"/><w:outlineLvl w:val="9"/>`) +
        p("Plain"),
    });
    expect(
      paragraphsOf(doc).map((x) => [x.text, x.headingLevel, x.style ?? null, x.isListItem ?? false]),
    ).toEqual([
      ["Plan", 0, "Title", false],
      ["Children's Social Care", 1, "heading 1", false],
      ["Inherited", 1, "Section Head", false],
      ["By outline", 3, "Plan sub-heading", false],
      ["Direct outline", 2, "Normal", false],
      ["Body outline", null, "heading 1", true],
      ["Plain", null, "Normal", false],
    ]);
  });

  it("falls back to the style id when there is no styles part", () => {
    const doc = read({
      document: p("Section", `<w:pStyle w:val="Heading2"/>`) + p("Other", `<w:pStyle w:val="Foo"/>`),
    });
    expect(paragraphsOf(doc).map((x) => [x.headingLevel, x.style])).toEqual([
      [2, "Heading2"],
      [null, "Foo"],
    ]);
  });

  it("marks body list items and strips their glyph", () => {
    const doc = read({ document: p("Agencies:") + p("\uf0b7 Police", LIST) + p("Health", LIST) });
    expect(paragraphsOf(doc).map((x) => [x.text, x.isListItem ?? false])).toEqual([
      ["Agencies:", false],
      ["Police", true],
      ["Health", true],
    ]);
  });

  it("reads a document with no tables", () => {
    const doc = read({ document: p("Minutes of the meeting") + p("Nothing to report."), title: "" });
    expect(doc.blocks).toHaveLength(2);
    expect(tablesOf(doc)).toEqual([]);
    expect(doc.propertiesTitle).toBeNull();
    expect(doc.marginalia).toEqual([]);
  });

  it("reads headers and footers in order, tables in them flattened", () => {
    const doc = read({
      document: p("Body"),
      header: p("OFFICIAL – SENSITIVE"),
      footer: p("Version 3") + tbl([tr([tc("Owner"), tc("Board")])]) + p("Page\t1"),
      title: "  Action plan  ",
    });
    expect(doc.marginalia).toEqual(["OFFICIAL – SENSITIVE", "Version 3\nOwner | Board\nPage 1"]);
    expect(doc.propertiesTitle).toBe("Action plan");
  });

  it("accepts other namespace prefixes and the strict namespace", () => {
    const xml = `<?xml version="1.0"?><document xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main"><body><p><r><t>Strict text</t></r></p><tbl><tr><tc><p><r><t>cell</t></r></p></tc></tr></tbl></body></document>`;
    const doc = read({ document: xml });
    expect(doc.blocks.map((b) => (b.kind === "table" ? b.rows[0]?.cells[0]?.text : b.text))).toEqual([
      "Strict text",
      "cell",
    ]);
  });

  it("reads UTF-16 parts", () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="${W_NS}"><w:body>${p("Café – £5")}</w:body></w:document>`;
    const bytes = new Uint8Array(2 + xml.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      bytes[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    const doc = read({ extra: { "word/document.xml": bytes } });
    expect(paragraphsOf(doc)[0]?.text).toBe("Café – £5");
  });
});

describe("readDocx: refusals", () => {
  it("refuses a DOCTYPE in any part it reads", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    const err = importError(() => read({ document: bomb }));
    expect(err.file).toBe("plan.docx");
    expect(err.reason).toMatch(/DOCTYPE/);
    expect(err.reason).toContain("word/document.xml");
    const inStyles = importError(() =>
      read({ document: p("x"), styles: `<!DOCTYPE x><w:styles xmlns:w="${W_NS}"/>` }),
    );
    expect(inStyles.reason).toMatch(/word\/styles\.xml contains a DOCTYPE/);
  });

  it("refuses malformed XML, naming the file and the part", () => {
    const err = importError(() => read({ document: p("unclosed").replace("</w:p>", "") }));
    expect(err.message).toMatch(/^plan\.docx: has malformed XML in word\/document\.xml \(.+\)$/);
    expect(err.message).not.toContain("\n");
    const footer = importError(() =>
      read({ document: p("x"), footer: "<w:p><w:r><w:t>a & b</w:t></w:r></w:p>" }),
    );
    expect(footer.reason).toContain("word/footer1.xml");
  });

  it("refuses a zip without word/document.xml", () => {
    const err = importError(() => read({ extra: { "xl/workbook.xml": "<workbook/>" } }));
    expect(err.reason).toBe("is not a Word document (no word/document.xml)");
    const notWord = zipSync({ "word/document.xml": strToU8(`<?xml version="1.0"?><worksheet/>`) });
    expect(importError(() => readDocx(notWord, "plan.docx", DEFAULT_LIMITS)).reason).toBe(
      "is not a Word document (no word/document.xml)",
    );
  });

  it("refuses files that are not zips, and truncated zips", () => {
    expect(
      importError(() => readDocx(strToU8("No.,Action\n1,Do it\n"), "plan.docx", DEFAULT_LIMITS)).reason,
    ).toMatch(/not a zip container/);
    const good = makeDocx({ document: p("Some text ".repeat(500)) });
    const truncated = good.slice(0, Math.floor(good.length / 2));
    expect(importError(() => readDocx(truncated, "plan.docx", DEFAULT_LIMITS)).reason).toMatch(
      /damaged|truncated/,
    );
  });

  it("refuses documents whose uncompressed size is over the limit before parsing", () => {
    const big = makeDocx({ document: p(noise(1_500_000)) });
    const limits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 1024 * 1024 };
    expect(importError(() => readDocx(big, "plan.docx", limits)).reason).toMatch(/would expand to .* limit/);
    const bomb = makeDocx({ document: p("a".repeat(4 * 1024 * 1024)) });
    expect(importError(() => readDocx(bomb, "plan.docx", DEFAULT_LIMITS)).reason).toMatch(/zip bomb/);
  });
});

/** Text that does not compress much, so that size limits rather than bomb ratios are tested. */
function noise(length: number, seed = 7): string {
  const letters = "abcdefghijklmnopqrstuvwxyz     ";
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += letters[x % letters.length];
  }
  return out;
}

describe("readDocx: scale", () => {
  it("reads a large document in linear time", () => {
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      tr([
        tc(String(i + 1)),
        tc(noise(60, i)),
        tc(p("Item one", LIST) + p(noise(40, i + 1), LIST)),
        tc("Lead"),
      ]),
    );
    const big = makeDocx({ document: tbl(rows) });
    const t = performance.now();
    const doc = readDocx(big, "big.docx", DEFAULT_LIMITS);
    const ms = performance.now() - t;
    expect(tablesOf(doc)[0]?.rows).toHaveLength(5_000);
    expect(tablesOf(doc)[0]?.rows[4_999]?.cells[2]?.text).toMatch(/^- Item one\n- [a-z]/);
    // 3 MB of XML takes well under a second on an idle machine; the bound leaves room for a busy
    // CI runner while a quadratic step would still blow through it.
    expect(ms).toBeLessThan(15_000);
  });
});
