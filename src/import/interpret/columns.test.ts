import { describe, expect, it } from "vitest";
import { rows } from "./build-raw.js";
import { HEADER_SYNONYMS, ROLES, roleOfHeader } from "./columns.js";
import { findHeader, HEADER_SEARCH_ROWS, isRepeatedHeader, readHeaderRow } from "./header.js";

describe("roleOfHeader", () => {
  it("recognises every synonym in the table as its own role", () => {
    for (const role of ROLES) {
      for (const phrase of HEADER_SYNONYMS[role]) {
        expect(roleOfHeader(phrase), phrase).toBe(role);
      }
    }
  });

  it.each([
    ["NO.", "ref"],
    ["Rec. No.", "ref"],
    ["Recommendation No", "ref"],
    ["Action plan ref", "ref"],
    ["AREA FOR DEVELOPMENT IDENTIFIED", "finding"],
    ["Findings from the inspection", "finding"],
    ["Action(s)", "action"],
    ["Actions to be taken", "action"],
    ["Action owner", "lead"],
    ["Lead officer(s)", "lead"],
    ["Lead Officer / Agency", "lead"],
    ["Lead agency", "organisation"],
    ["Target date for completion", "due"],
    ["RAG rating (see key)", "status"],
    ["RAG Status", "status"],
    ["Complete?", "completed"],
    ["Completed (Y/N)", "completed"],
    ["Progress / Evidence", "progress"],
    ["Progress update (please include date)", "progress"],
    ["Status update", "progress"],
    ["Evidence of impact", "impact"],
    ["Date of last update", "lastUpdate"],
    ["Last updated", "lastUpdate"],
  ])("reads %j as %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it("does not read sentences or unrelated words as column names", () => {
    expect(roleOfHeader("Review of capacity and resource assigned")).toBeNull();
    expect(
      roleOfHeader("The action plan is monitored within CNWL and jointly with the CCG at a monthly forum"),
    ).toBeNull();
    expect(roleOfHeader("Jo Hooper")).toBeNull();
    expect(roleOfHeader("")).toBeNull();
    expect(roleOfHeader("Colour")).toBeNull();
  });
});

describe("findHeader", () => {
  it("finds the header below a merged title and a version line", () => {
    const table = rows([
      [
        "Action Plan – JTAI",
        { text: "", merged: true },
        { text: "", merged: true },
        { text: "", merged: true },
      ],
      ["Plan version: FINAL   Updated: 26/03/2020", "", "", ""],
      ["Ref", "Finding", "Action", "Target date"],
      ["1", "A finding", "An action", "End June 2020"],
    ]);
    const found = findHeader(table);
    expect(found?.index).toBe(2);
    expect(found?.map.roles.get("ref")).toEqual([0]);
    expect(found?.map.roles.get("due")).toEqual([3]);
    expect(found?.map.headers).toEqual(["Ref", "Finding", "Action", "Target date"]);
  });

  it("needs three roles including an action or a finding", () => {
    expect(readHeaderRow(rows([["No.", "Lead", "Timescale"]])[0] as never)).toBeNull();
    expect(readHeaderRow(rows([["Action", "Lead"]])[0] as never)).toBeNull();
    expect(readHeaderRow(rows([["Action", "Lead", "RAG"]])[0] as never)).not.toBeNull();
  });

  it("accepts two roles on a row Word marks as a repeating header", () => {
    const [row] = rows([["Action", "Lead"]]);
    if (!row) throw new Error("no row");
    row.headerHint = true;
    expect(readHeaderRow(row)).not.toBeNull();
  });

  it("finds a header below a long preamble, but looks no further than the top rows of a table", () => {
    const preamble = Array.from({ length: 39 }, () => ["note", "", ""]);
    expect(findHeader(rows([...preamble, ["No.", "Action", "Lead"]]))?.index).toBe(39);
    const data = Array.from({ length: HEADER_SEARCH_ROWS }, () => ["1", "An action", "Jo Hooper"]);
    expect(findHeader(rows([...data, ["No.", "Action", "Lead"]]))).toBeNull();
  });

  it("recognises a repeated header row", () => {
    const [header, again, data] = rows([
      ["No.", "Action", "Lead", "RAG"],
      ["No.", "Action", "Lead", "RAG"],
      ["1", "Action", "Jo Hooper", "Green"],
    ]);
    const map = readHeaderRow(header as never);
    if (!map) throw new Error("no header");
    expect(isRepeatedHeader(again as never, map)).toBe(true);
    expect(isRepeatedHeader(data as never, map)).toBe(false);
  });
});
