import { describe, expect, it } from "vitest";
import { findingOf } from "../testing.js";

/** Whether the action is found to have no measurable outcome (whatever else not-SMART says of it). */
const noMeasure = (action: string) =>
  findingOf("not-smart", { action })?.reason.includes("No measurable outcome") ?? false;

describe("not-smart", () => {
  it("is raised for no lead", () => {
    expect(findingOf("not-smart", { lead: "" })?.reason).toBe("No lead named.");
    const f = findingOf("not-smart", { lead: "TBC" });
    expect(f?.reason).toBe("No lead named (“TBC”).");
    expect(f?.severity).toBe("medium");
    expect(f?.question).toContain("Who is the named lead for");
  });

  it("is raised for no due date, but not for a dated timescale the importer left as text", () => {
    expect(findingOf("not-smart", { due: null, dueText: "Ongoing" })?.reason).toBe(
      "No due date (timescale “Ongoing”).",
    );
    expect(findingOf("not-smart", { due: null, dueText: "" })?.reason).toBe("No due date.");
    expect(findingOf("not-smart", { due: null, dueText: "Q3 2021/22" })).toBeUndefined();
  });

  it("is raised when the action only says review, monitor or work with", () => {
    for (const action of [
      "Review of capacity and resource assigned",
      "Monitor through MASH Operational Board",
      "Ongoing work to address waiting lists",
      "The CAMHS team will work with the local provider to help identify children and to make a referral where appropriate",
      "Continued review of projects and continue to attempt to secure funding.",
      "Ensure effective use of CP-IS so that LPT is informed of attendances.",
      "This action is for the CCG.",
    ]) {
      expect(findingOf("not-smart", { action }), action).toBeDefined();
    }
    expect(findingOf("not-smart", { action: "Review of capacity and resource assigned" })?.reason).toContain(
      "only says “review”",
    );
  });

  it("is not raised for a deliverable, a change or a measure", () => {
    for (const action of [
      "Review the governance of child protection reports, and roll out Signs of Safety training to report writers.",
      "Work with the ICB and the local authority to agree a joint protocol.",
      "Dashboard data to be uploaded for frontline social care on agreed KPIs.",
      "Audit in February with new Head of Corporate Parenting.",
      "Reduce the number of children on repeat child protection plans.",
      "Share information about ED attendances with the social worker within 24 hours.",
      "Level 1 safeguarding awareness for volunteers at the children's centre.",
      "Switch on the alerts in the ED system so looked-after status shows on arrival.",
      "Give the nurses read-only access to the social care record.",
      "Jointly with the council, co-locate a detective sergeant in the MASH three days a week.",
      "Practice nurses: adult safeguarding refresher incl. hoarding, by 31/10/27.",
      "1. A review of safeguarding supervision will be undertaken.\n2. The vacancies for safeguarding lead will be recruited to.",
    ]) {
      expect(findingOf("not-smart", { action }), action).toBeUndefined();
    }
  });

  it("combines its reasons into one finding", () => {
    const f = findingOf("not-smart", { lead: "", due: null, dueText: "", action: "Review of capacity" });
    expect(f?.reason).toBe(
      "No lead named. No due date. No measurable outcome: the action (“Review of capacity”) only says “review”, with no deliverable or measure.",
    );
  });

  it("is not raised for not-applicable actions; completed ones are still read", () => {
    expect(
      findingOf("not-smart", { status: "not-applicable", lead: "", due: null, dueText: "" }),
    ).toBeUndefined();
    expect(
      findingOf("not-smart", { status: "completed", action: "Monitor through the board" }),
    ).toBeDefined();
    expect(findingOf("not-smart", { status: "completed-with-impact", lead: "" })).toBeDefined();
  });

  it("does not depend on the progress or the plan's dates", () => {
    expect(
      findingOf(
        "not-smart",
        { action: "Monitor through the board", progress: "", lastUpdate: null },
        { planAsOf: null },
      ),
    ).toBeDefined();
  });

  it("reads a participle before a noun as a word of kind, not a vague verb", () => {
    expect(
      findingOf("not-smart", {
        action: "All maintained schools to have a trained deputy Designated Safeguarding Lead in post.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("not-smart", { action: "Refresh the exploitation problem profile every 6 months." }),
    ).toBeUndefined();
  });

  it("counts a number of new or additional things as a measure", () => {
    expect(noMeasure("Four additional foster placements to be available by March.")).toBe(false);
    expect(noMeasure("Two new posts to be funded in the school nursing team.")).toBe(false);
    expect(noMeasure("Placements for children at risk of exploitation to be reviewed.")).toBe(true);
  });

  it("does not read the 'to' after a duty or a need as a purpose", () => {
    expect(noMeasure("Raise awareness of the duty to notify among partners.")).toBe(true);
    expect(noMeasure("Raise awareness among partners to increase notifications by 20%.")).toBe(false);
  });

  it("reads 'every six months' and 'each tenant' as measures", () => {
    expect(noMeasure("Review each tenant's support plan every six months.")).toBe(false);
    expect(noMeasure("Review support plans.")).toBe(true);
  });

  it("reads a number a year or a month as a measure, and ring-fencing as a deed", () => {
    expect(noMeasure("Ring-fence 8 social lets a year for care leavers.")).toBe(false);
    expect(noMeasure("Offer 20 places per term on the course.")).toBe(false);
  });

  it("reads a lead still to be agreed, and measures written as limits, frequencies and occasions", () => {
    expect(findingOf("not-smart", { lead: "TBC - to be agreed at the Executive (Jan)" })?.reason).toContain(
      "No lead named",
    );
    expect(findingOf("not-smart", { lead: "Toby Carter, Head of Service" })).toBeUndefined();
    expect(noMeasure("Cut the wait for device examinations in child-victim cases to under 30 days.")).toBe(
      false,
    );
    expect(noMeasure("The DSL to have termly external safeguarding supervision from January.")).toBe(false);
    expect(
      noMeasure("Prioritisation criteria for missing children; waits for this cohort under 4 wks."),
    ).toBe(false);
    expect(
      noMeasure("Tenancy officers to raise a safeguarding concern whenever a tenant declines support."),
    ).toBe(false);
    expect(noMeasure("Caseload holders to bring patients who refuse care to the MDT meeting.")).toBe(false);
    expect(
      noMeasure("Vary the framework contract so that providers must notify the council of cancellations."),
    ).toBe(false);
    expect(
      noMeasure("The crisis team to accept direct referrals from hostel staff via a single number."),
    ).toBe(false);
    // A hedge is not an occasion, and a limit needs a figure.
    expect(noMeasure("Improve communication with partners whenever possible.")).toBe(true);
    expect(noMeasure("Keep waiting times under review.")).toBe(true);
  });

  it("reads a hedge that closes the action after a comma as hedging all of it", () => {
    expect(
      noMeasure(
        "Housing officers to refer tenants who care for a relative to the carers' service, where appropriate.",
      ),
    ).toBe(true);
    expect(
      noMeasure("Housing officers to refer every tenant who cares for a relative to the carers' service."),
    ).toBe(false);
    // A hedge on a later part of the action leaves the first part concrete.
    expect(noMeasure("Publish the carers' leaflet, and translate it where needed.")).toBe(false);
  });

  it("reads 'within 48h' as a measure", () => {
    expect(noMeasure("Call the parent within 48h of an emergency attendance.")).toBe(false);
    expect(noMeasure("Call the parent after an emergency attendance.")).toBe(true);
  });
});
