import { describe, expect, it } from "vitest";
import { AS_OF, findingOf } from "../testing.js";

describe("unsupported-rating", () => {
  it("is raised for on track and overdue, not on the due date itself", () => {
    expect(findingOf("unsupported-rating", { due: AS_OF })).toBeUndefined();
    const f = findingOf("unsupported-rating", { due: "2021-03-30" });
    expect(f?.reason).toBe(
      "Rated on-track (“Green”) but due 30 March 2021 and still open at 31 March 2021, 1 day later.",
    );
    expect(f?.question).toContain("is rated “Green” but was due by 30 March 2021");
  });

  it("is raised when the progress reports a delay, a pause, work not started or waiting", () => {
    for (const progress of [
      "Delayed owing to the COVID-19 response.",
      "Paused during the pandemic; to restart in May.",
      "Work has not yet started owing to staff sickness.",
      "Awaiting response.",
      "On hold pending the restructure.",
      "We will use the portal once access is granted.",
    ]) {
      expect(findingOf("unsupported-rating", { progress })?.reason, progress).toContain(
        "but the progress says",
      );
    }
  });

  it("is not raised for a delay denied or recovered", () => {
    expect(
      findingOf("unsupported-rating", { progress: "There have been no delays: 14 families supported." }),
    ).toBeUndefined();
    expect(
      findingOf("unsupported-rating", {
        progress: "Delayed by COVID-19 but now back on track: 5 of 8 workshops delivered.",
      }),
    ).toBeUndefined();
  });

  it("is raised when the progress is only plans, not when something has been done", () => {
    expect(
      findingOf("unsupported-rating", {
        progress: "The launch event is planned for May. Invitations will be sent in April.",
      })?.reason,
    ).toContain("describes only plans");
    expect(
      findingOf("unsupported-rating", { progress: "Invitations sent. The launch event is planned for May." }),
    ).toBeUndefined();
    expect(
      findingOf("unsupported-rating", {
        progress: "Draft directory shared with partners; publication planned for May.",
      }),
    ).toBeUndefined();
  });

  it("is not raised for empty progress", () => {
    expect(findingOf("unsupported-rating", { progress: "" })).toBeUndefined();
  });

  it("raises Amber only when overdue beyond its own 30-day meaning", () => {
    expect(
      findingOf("unsupported-rating", { status: "minor-risk", statusText: "Amber", due: "2021-03-01" }),
    ).toBeUndefined();
    expect(
      findingOf("unsupported-rating", { status: "minor-risk", statusText: "Amber", due: "2021-02-28" }),
    ).toBeDefined();
    expect(findingOf("unsupported-rating", { status: "minor-risk", progress: "Delayed." })).toBeUndefined();
  });

  it.each([
    "significant-risk",
    "not-started",
    "completed",
    "completed-with-impact",
    "not-applicable",
  ] as const)("is not raised for %s", (status) => {
    expect(
      findingOf("unsupported-rating", { status, due: "2020-01-31", progress: "Delayed." }),
    ).toBeUndefined();
  });

  it("needs no dates to read the progress", () => {
    expect(
      findingOf(
        "unsupported-rating",
        { due: null, dueText: "", lastUpdate: null, progress: "Postponed." },
        { planAsOf: null },
      ),
    ).toBeDefined();
  });

  it("does not read an offer made only on request as waiting", () => {
    expect(
      findingOf("unsupported-rating", {
        progress:
          "Early Help will respond to health visitor referrals if and when they are received. Numbers are low.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("unsupported-rating", {
        progress: "Follow-up after an ED attendance is provided by the liaison team.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("unsupported-rating", { progress: "Recruitment will start once funding is agreed." }),
    ).toBeDefined();
  });

  it("reads waiting on a body named after 'until', and practice blocked until something changes", () => {
    expect(
      findingOf("unsupported-rating", {
        progress: "Until health identify a single point of contact, notifications go to CSC only.",
      }),
    ).toBeDefined();
    expect(
      findingOf("unsupported-rating", {
        progress: "Local practice cannot change until the guidance is revised.",
      }),
    ).toBeDefined();
    expect(
      findingOf("unsupported-rating", {
        progress: "Weekly checks introduced in January; 10 completed until now.",
      }),
    ).toBeUndefined();
  });

  it("reads a clause that only restates the rating as saying nothing", () => {
    const green = { status: "on-track" as const, statusText: "G" };
    expect(
      findingOf("unsupported-rating", { ...green, progress: "G – on plan. Visits to be booked for May." })
        ?.reason,
    ).toContain("only plans");
    expect(
      findingOf("unsupported-rating", { ...green, progress: "Green. Venue booking in hand." }),
    ).toBeDefined();
    expect(
      findingOf("unsupported-rating", { ...green, progress: "G – on plan. 14 of 20 visits made in April." }),
    ).toBeUndefined();
  });

  it("reads a 'RAG:' label before the rating as part of it", () => {
    expect(
      findingOf("unsupported-rating", {
        status: "on-track",
        statusText: "G",
        progress: "RAG: G - on plan. Survey questions to be agreed in September.",
      }),
    ).toBeDefined();
  });

  it("reads arranging in progress and holding until another event as no more than plans or a wait", () => {
    const green = { status: "on-track" as const, statusText: "Green" };
    expect(
      findingOf("unsupported-rating", {
        ...green,
        progress: "Rooms being looked into and speakers being checked.",
      }),
    ).toBeDefined();
    expect(
      findingOf("unsupported-rating", {
        ...green,
        progress: "We have registered all 12 staff and are holding until the college releases its dates.",
      })?.reason,
    ).toContain("holding until");
  });

  it("reads a wait for another's letter, form or reply, and a dated entry that only plans", () => {
    for (const progress of [
      "Surgeries will start coding carers once the hub has changed its registration form.",
      "The question went to the national policy team and we await their reply.",
      "Until the panel's letter arrives the partnership is not in a position to publish.",
      "Update 15/07/27: two dates booked (Sept & Oct).",
    ]) {
      expect(findingOf("unsupported-rating", { progress }), progress).toBeDefined();
    }
    for (const progress of [
      "Update 15/07/27: training delivered to 40 staff.",
      "Referrals go back to the MASH when they have obtained the details; 40 returned in March.",
      "Audit completed once the new system was live; 40 cases reviewed.",
    ]) {
      expect(findingOf("unsupported-rating", { progress }), progress).toBeUndefined();
    }
    expect(findingOf("unsupported-rating", { progress: "We await their reply." })?.reason).toBe(
      "Rated on-track (“Green”) but the progress says “We await their reply”.",
    );
  });

  it("reads dates pencilled in as a plan", () => {
    expect(
      findingOf("unsupported-rating", {
        status: "on-track",
        statusText: "On track",
        progress: "Room being sourced. Dates pencilled in for June.",
      }),
    ).toBeDefined();
  });

  it("reads no reply yet, and a start that waits on a signature, as waiting", () => {
    for (const progress of [
      "Report sent to the national panel in May; no feedback from the panel yet.",
      "Training will start once the new contract is countersigned by both parties.",
    ]) {
      expect(findingOf("unsupported-rating", { progress })?.reason, progress).toContain("but the progress");
    }
  });

  it("does not read a business case submitted as only a plan", () => {
    expect(
      findingOf("unsupported-rating", {
        progress: "Business case submitted to the executive board in March and options appraisal finished.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("unsupported-rating", {
        progress: "A business case will be written for the executive board.",
      }),
    ).toBeDefined();
  });
});
