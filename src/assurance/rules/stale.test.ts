import { describe, expect, it } from "vitest";
import { findingOf } from "../testing.js";

describe("stale", () => {
  it("is not raised at exactly the cadence (90 days) and is raised at 91", () => {
    expect(findingOf("stale", { lastUpdate: "2020-12-31" })).toBeUndefined();
    const f = findingOf("stale", { lastUpdate: "2020-12-30" });
    expect(f?.reason).toBe(
      "Last update 30 December 2020 (date of last update); 91 days (about 3 months) without an update at 31 March 2021, longer than the 90-day review cadence.",
    );
    expect(f?.question).toContain("the plan shows no update since 30 December 2020");
  });

  it("follows the plan's own cadence", () => {
    expect(findingOf("stale", { lastUpdate: "2021-01-30" }, { cadenceDays: 60 })).toBeUndefined();
    expect(findingOf("stale", { lastUpdate: "2021-01-29" }, { cadenceDays: 60 })?.reason).toContain(
      "60-day review cadence",
    );
  });

  it("falls back to the latest entry of the update history", () => {
    const f = findingOf("stale", {
      lastUpdate: null,
      history: [{ occurredOn: "2020-11-02" }, { occurredOn: "2020-12-01T09:30:00Z" }],
    });
    expect(f?.reason).toContain("Last update 1 December 2020 (latest entry in the update history); 120 days");
  });

  it("falls back to the plan's own date", () => {
    expect(findingOf("stale", { lastUpdate: null }, { planAsOf: "2020-10-01" })?.reason).toContain(
      "(the plan's own date)",
    );
    expect(findingOf("stale", { lastUpdate: null }, { planAsOf: "2021-03-01" })).toBeUndefined();
  });

  it("is not raised with no dates at all", () => {
    expect(
      findingOf("stale", { lastUpdate: null, due: null, dueText: "" }, { planAsOf: null }),
    ).toBeUndefined();
  });

  it("is not raised for completed-with-impact or not-applicable actions, but is for completed ones", () => {
    expect(findingOf("stale", { lastUpdate: "2019-12-20", status: "completed-with-impact" })).toBeUndefined();
    expect(findingOf("stale", { lastUpdate: "2019-12-20", status: "not-applicable" })).toBeUndefined();
    expect(findingOf("stale", { lastUpdate: "2019-12-20", status: "completed" })).toBeDefined();
  });

  it("is not raised for an update after the as-of date", () => {
    expect(findingOf("stale", { lastUpdate: "2021-05-01" })).toBeUndefined();
  });

  it("is high after two cadences", () => {
    expect(findingOf("stale", { lastUpdate: "2019-12-20" })?.severity).toBe("high");
    expect(findingOf("stale", { lastUpdate: "2020-12-01" })?.severity).toBe("medium");
  });

  it("does not depend on the progress text", () => {
    expect(findingOf("stale", { lastUpdate: "2020-06-30", progress: "" })).toBeDefined();
  });
});
