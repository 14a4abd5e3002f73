import { describe, expect, it } from "vitest";
import {
  excelSerialToIso,
  findAsOfDate,
  formatLongDate,
  isoToday,
  lastDayOfMonth,
  parseBritishDate,
} from "./dates.js";

describe("parseBritishDate: whole days", () => {
  it.each([
    ["31/03/2020", "2020-03-31"],
    ["31/3/20", "2020-03-31"],
    ["1/4/2020", "2020-04-01"],
    ["31-03-2020", "2020-03-31"],
    ["31.12.19", "2019-12-31"],
    ["30-11-19", "2019-11-30"],
    ["30-06-20", "2020-06-30"],
    ["2020-03-31", "2020-03-31"],
    ["2020-03-31T00:00:00", "2020-03-31"],
    ["2020/03/31", "2020-03-31"],
    ["31 March 2020", "2020-03-31"],
    ["31st March 2020", "2020-03-31"],
    ["31st of March, 2020", "2020-03-31"],
    ["March 31st 2020", "2020-03-31"],
    ["April 30th 2020", "2020-04-30"],
    ["April 30th, 2020", "2020-04-30"],
    ["30 Apr 20", "2020-04-30"],
    ["30-Apr-20", "2020-04-30"],
    ["30-Apr-2020", "2020-04-30"],
    ["Tuesday 31 March 2020", "2020-03-31"],
    ["1 Sept 2020", "2020-09-01"],
    ["1 Sep. 2020", "2020-09-01"],
    ["29 February 2020", "2020-02-29"],
    ["17<sup>th</sup> November 2020", "2020-11-17"],
    ["31\u00a0March\u00a02020", "2020-03-31"],
    ["12 Febuary 2021", "2021-02-12"],
    ["26/03/2020 14:35", "2020-03-26"],
    ["01/01/69", "2069-01-01"],
    ["01/01/99", "1999-01-01"],
  ])("%s → %s", (text, date) => {
    expect(parseBritishDate(text)).toEqual({ date, precision: "day", problem: null });
  });

  it("is always day-first, even where month-first would also be a date", () => {
    expect(parseBritishDate("04/05/2020").date).toBe("2020-05-04");
    expect(parseBritishDate("12/01/2021").date).toBe("2021-01-12");
  });
});

describe("parseBritishDate: months stand for their last day", () => {
  it.each([
    ["End February 2020", "2020-02-29"],
    ["End February 2021", "2021-02-28"],
    ["end of Feb 2020", "2020-02-29"],
    ["October 2020", "2020-10-31"],
    ["Oct-20", "2020-10-31"],
    ["Oct '20", "2020-10-31"],
    ["Dec 2020", "2020-12-31"],
    ["June 20", "2020-06-30"],
    ["by end June 2020", "2020-06-30"],
    ["Mar 21", "2021-03-31"],
    ["September, 2020", "2020-09-30"],
    ["May 2020", "2020-05-31"],
    ["May 20", "2020-05-31"],
    ["03/2020", "2020-03-31"],
    ["End March 2020", "2020-03-31"],
  ])("%s → %s", (text, date) => {
    expect(parseBritishDate(text)).toEqual({ date, precision: "month", problem: null });
  });
});

describe("parseBritishDate: quarters of the UK financial year", () => {
  it.each([
    ["Q3 2020/21", "2020-12-31"],
    ["Q4 2020/21", "2021-03-31"],
    ["Q1 2021/22", "2021-06-30"],
    ["Q2 20/21", "2020-09-30"],
    ["Q2 2020-21", "2020-09-30"],
    ["Q3 2020/2021", "2020-12-31"],
    ["q4 20-21", "2021-03-31"],
    ["Quarter 3 2020/21", "2020-12-31"],
    ["Q3 FY20/21", "2020-12-31"],
    ["Q4 of 2020/21", "2021-03-31"],
    ["3rd quarter 2020/21", "2020-12-31"],
    ["2020/21 Q3", "2020-12-31"],
    ["FY20/21 Q4", "2021-03-31"],
    ["Q4 1999/00", "2000-03-31"],
    // A single year is read as the financial year starting in it.
    ["Q1 2021", "2021-06-30"],
    ["Q4 2021", "2022-03-31"],
  ])("%s → %s", (text, date) => {
    expect(parseBritishDate(text)).toEqual({ date, precision: "quarter", problem: null });
  });

  it("refuses a year pair that is not a financial year", () => {
    const r = parseBritishDate("Q3 2020/22");
    expect(r.date).toBeNull();
    expect(r.problem).toMatch(/not a financial year/);
  });

  it("gives no date for a quarter without a year", () => {
    expect(parseBritishDate("Q3")).toEqual({ date: null, precision: null, problem: null });
  });
});

describe("parseBritishDate: seasons, terms, years", () => {
  it.each([
    ["Spring 2020", "2020-05-31", "season"],
    ["Summer 2020", "2020-08-31", "season"],
    ["Autumn 2020", "2020-11-30", "season"],
    ["autumn 20", "2020-11-30", "season"],
    ["Winter 2020", "2021-02-28", "season"],
    ["Winter 2023", "2024-02-29", "season"],
    ["Winter 2020/21", "2021-02-28", "season"],
    ["Autumn term 2020", "2020-12-31", "season"],
    ["Spring term 2021", "2021-04-30", "season"],
    ["Summer term 2021", "2021-07-31", "season"],
    ["Spring term 2020/21", "2021-04-30", "season"],
    ["Autumn term 2020/21", "2020-12-31", "season"],
    ["2021", "2021-12-31", "year"],
    ["by 2021", "2021-12-31", "year"],
    ["End of 2021", "2021-12-31", "year"],
    ["2020/21", "2021-03-31", "year"],
    ["2020-21", "2021-03-31", "year"],
    ["FY 2020/2021", "2021-03-31", "year"],
    ["FY20/21", "2021-03-31", "year"],
  ])("%s → %s (%s)", (text, date, precision) => {
    expect(parseBritishDate(text)).toEqual({ date, precision, problem: null });
  });

  it("does not take a plain fraction for a financial year", () => {
    expect(parseBritishDate("scored 20/21").date).toBeNull();
    expect(parseBritishDate("2020/22").date).toBeNull();
    expect(parseBritishDate("2020-2022")).toEqual({ date: "2022-12-31", precision: "year", problem: null });
    expect(parseBritishDate("2020 - 2022").date).toBe("2022-12-31");
  });
});

describe("parseBritishDate: dates inside text give the latest-ending one", () => {
  it.each([
    ["Report to board 28 April 2020", "2020-04-28", "day"],
    ["March 2021 and ongoing", "2021-03-31", "month"],
    ["Jan–Mar 2021", "2021-03-31", "month"],
    ["Jan - Mar 2021", "2021-03-31", "month"],
    ["From April 2020 to September 2020", "2020-09-30", "month"],
    ["31 March – 30 June 2021", "2021-06-30", "day"],
    ["December 2020 / January 2021", "2021-01-31", "month"],
    ["Initial review 31/03/2020, full audit by Q2 2020/21", "2020-09-30", "quarter"],
    ["Recommendation 1.2 March 2021", "2021-03-31", "month"],
    ["Originally March 2020, revised to 30/06/2020", "2020-06-30", "day"],
    ["Ongoing – review March 2021", "2021-03-31", "month"],
    ["31 March 2021 (end of March 2021)", "2021-03-31", "day"],
    ["Train 1950 staff by March 2021", "2021-03-31", "month"],
  ])("%s → %s", (text, date, precision) => {
    expect(parseBritishDate(text)).toEqual({ date, precision, problem: null });
  });
});

describe("parseBritishDate: no date and nothing to warn about", () => {
  it.each([
    "Ongoing",
    "ongoing",
    "TBC",
    "tbc",
    "N/A",
    "",
    "   ",
    "As required",
    "Quarterly",
    "Immediate",
    "Monthly",
    "Within 3 months",
    "Completed",
    "Staff may attend 20 sessions",
    "5 marks out of 10",
    "Recommendations 1.1, 1.2, 2.1, 3.1",
    "£2000 funding",
    "Report to Strategic Board at end January",
    "7.12",
    "28 SY2,8",
    "100%",
  ])("%j", (text) => {
    expect(parseBritishDate(text)).toEqual({ date: null, precision: null, problem: null });
  });
});

describe("parseBritishDate: impossible dates are a problem, not a date", () => {
  it.each([
    ["31/02/2020", "no such date: 31/02/2020"],
    ["32/01/2020", "no such date: 32/01/2020"],
    ["00/00/0000", "no such date: 00/00/0000"],
    ["13/13/2020", "no such date: 13/13/2020"],
    ["29/02/2021", "no such date: 29/02/2021"],
    ["31 April 2020", "no such date: 31 April 2020"],
    ["2020-02-30", "no such date: 2020-02-30"],
    ["0 March 2020", "no such date: 0 March 2020"],
  ])("%s", (text, problem) => {
    expect(parseBritishDate(text)).toEqual({ date: null, precision: null, problem });
  });

  it.each(["31/03/1985", "01/01/2150", "31/12/75", "March 1900", "1985", "by 2150"])(
    "implausible year: %s",
    (text) => {
      const r = parseBritishDate(text);
      expect(r.date).toBeNull();
      expect(r.problem).toMatch(/^implausible year \d{4}: /);
    },
  );

  it("reports a day and month without a year", () => {
    expect(parseBritishDate("30 April")).toEqual({
      date: null,
      precision: null,
      problem: "no year given: 30 April",
    });
  });

  it("keeps a real date beside an impossible one, with the problem", () => {
    expect(parseBritishDate("31/02/2020 or 31 March 2020")).toEqual({
      date: "2020-03-31",
      precision: "day",
      problem: "no such date: 31/02/2020",
    });
  });
});

describe("excelSerialToIso", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [43921, "2020-03-31"],
    [43921.75, "2020-03-31"],
    [43831, "2020-01-01"],
    [44255, "2021-02-28"],
    [2958465, "9999-12-31"],
  ])("%d → %s", (serial, date) => {
    expect(excelSerialToIso(serial)).toBe(date);
  });

  it.each([0, -1, 0.5, 60, 2958466, Number.NaN, Number.POSITIVE_INFINITY])("%d → null", (serial) => {
    expect(excelSerialToIso(serial)).toBeNull();
  });
});

describe("findAsOfDate", () => {
  it.each([
    ["Updated: 26/03/2020", "2020-03-26"],
    ["Plan version: FINAL  Updated: 26/03/2020", "2020-03-26"],
    ["Last updated 3 March 2021", "2021-03-03"],
    ["Last reviewed 14/01/2021", "2021-01-14"],
    ["Consolidated plan received 17 November 2020", "2020-11-17"],
    [
      "following the receipt of the Action Plans received on the 17<sup>th</sup> November 2020.",
      "2020-11-17",
    ],
    ["Action Plans received on the 17th November 2020", "2020-11-17"],
    ["As at 31 March 2021", "2021-03-31"],
    ["Position as at 31/03/2021", "2021-03-31"],
    ["Date of last update: 12 January 2021", "2021-01-12"],
    ["Date updated – 12/01/2021", "2021-01-12"],
    ["Reviewed on 5th May 2021", "2021-05-05"],
    ["Version 3 – 12/02/2021", "2021-02-12"],
    ["v2.1 12/02/2021", "2021-02-12"],
    ["JTAI action plan\nLast updated:\n3 March 2021\nOwner: MK Together", "2021-03-03"],
    ["Updated 26/03/2020. Last reviewed 14/01/2021", "2021-01-14"],
  ])("%j → %s", (text, date) => {
    expect(findAsOfDate(text)).toBe(date);
  });

  it.each([
    "",
    "Action Plan – JTAI children’s mental health",
    "Dashboard data to be uploaded by End February 2020",
    "Updated regularly",
    "The board asked for updates at its next meeting on 28 April 2020",
    "Updated following the inspection of the service in 2019 and the report in 2020 to 31/03/2021",
    "Updated: 31/02/2020",
  ])("%j → null", (text) => {
    expect(findAsOfDate(text)).toBeNull();
  });
});

describe("isoToday", () => {
  it("uses the date in England, not UTC", () => {
    // 23:30 UTC on 31 March 2020 is 00:30 BST on 1 April.
    expect(isoToday(new Date("2020-03-31T23:30:00Z"))).toBe("2020-04-01");
    // In winter London is on UTC.
    expect(isoToday(new Date("2020-12-31T23:30:00Z"))).toBe("2020-12-31");
  });
  it("defaults to now", () => {
    expect(isoToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("formatLongDate", () => {
  it.each([
    ["2020-04-30", "30 April 2020"],
    ["2021-01-01", "1 January 2021"],
    ["2020-02-29", "29 February 2020"],
  ])("%s → %s", (iso, text) => {
    expect(formatLongDate(iso)).toBe(text);
  });
  it.each(["", "30/04/2020", "2021-02-29", "2020-13-01"])("%j is returned unchanged", (text) => {
    expect(formatLongDate(text)).toBe(text);
  });
});

describe("lastDayOfMonth", () => {
  it.each([
    [2020, 2, "2020-02-29"],
    [2021, 2, "2021-02-28"],
    [1900, 2, "1900-02-28"],
    [2000, 2, "2000-02-29"],
    [2020, 4, "2020-04-30"],
    [2020, 12, "2020-12-31"],
    [2020, 1, "2020-01-31"],
  ])("%d-%d → %s", (y, m, date) => {
    expect(lastDayOfMonth(y, m)).toBe(date);
  });
  it.each([0, 13, 1.5])("month %d throws", (m) => {
    expect(() => lastDayOfMonth(2020, m)).toThrow(RangeError);
  });
});
