import { describe, expect, it } from "vitest";
import { AS_OF, cleanAction, findingOf, findings, kindsOf } from "../testing.js";

describe("overdue", () => {
  it("is not raised when the due date is the as-of date", () => {
    expect(findingOf("overdue", { due: AS_OF, dueText: "31 March 2021" })).toBeUndefined();
  });

  it("is raised the day after, quoting the date, the timescale as written and the days", () => {
    const f = findingOf("overdue", {
      due: "2021-03-30",
      dueText: "30/03/2021",
      status: "minor-risk",
      statusText: "Amber",
    });
    expect(f?.reason).toBe(
      "Due 30 March 2021 (“30/03/2021”); status minor-risk (“Amber”); 1 day overdue at 31 March 2021.",
    );
    expect(f?.severity).toBe("medium");
    expect(f?.question).toContain("which was due by 30 March 2021");
  });

  it("uses the last day of a month-only timescale", () => {
    const f = findingOf("overdue", { due: "2021-02-28", dueText: "End February 2021" });
    expect(f?.reason).toContain("Due 28 February 2021 (“End February 2021”)");
    expect(f?.reason).toContain("31 days overdue");
  });

  it("reads a timescale written as text when no due date was stored", () => {
    expect(findingOf("overdue", { due: null, dueText: "End January 2021" })?.reason).toContain(
      "Due 31 January 2021",
    );
    expect(findingOf("overdue", { due: null, dueText: "Ongoing" })).toBeUndefined();
  });

  it("is not raised with no dates at all", () => {
    expect(
      findingOf("overdue", { due: null, dueText: "", lastUpdate: null }, { planAsOf: null }),
    ).toBeUndefined();
  });

  it.each(["completed", "completed-with-impact", "not-applicable"] as const)(
    "is not raised for %s",
    (status) => {
      expect(findingOf("overdue", { due: "2020-01-31", status })).toBeUndefined();
    },
  );

  it.each(["not-started", "significant-risk", "minor-risk", "on-track", "unknown"] as const)(
    "is raised for %s",
    (status) => {
      expect(findingOf("overdue", { due: "2020-01-31", status })).toBeDefined();
    },
  );

  it("is high after 90 days", () => {
    expect(findingOf("overdue", { due: "2020-12-31" })?.severity).toBe("high");
    expect(findingOf("overdue", { due: "2021-01-01" })?.severity).toBe("medium");
  });

  it("does not depend on the progress text", () => {
    expect(kindsOf({ due: "2021-01-31", progress: "" })).toContain("overdue");
  });

  it("names the primary organisation of a jointly owned action", () => {
    const [f] = findings([
      cleanAction({
        due: "2021-01-31",
        organisations: ["Westbrook Council", "NHS Westbrook ICB"],
        status: "significant-risk",
      }),
    ]);
    expect(f?.organisation).toBe("Westbrook Council");
  });

  it("builds its question from the action's own words", () => {
    const f = findingOf("overdue", {
      due: "2020-04-30",
      dueText: "End April 2020",
      action: "Review of information sharing and shared protocols",
    });
    expect(f?.question).toBe(
      "Please provide an update on the review of information sharing and shared protocols that was due by 30 April 2020. When will it be completed?",
    );
  });
});
