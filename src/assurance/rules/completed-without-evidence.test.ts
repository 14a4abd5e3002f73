import { describe, expect, it } from "vitest";
import { findingOf } from "../testing.js";

const done = { status: "completed" as const, statusText: "Completed" };

describe("completed-without-evidence", () => {
  it("is raised for a completed action with empty progress", () => {
    const f = findingOf("completed-without-evidence", { ...done, progress: "" });
    expect(f?.reason).toBe("Rated complete with no progress recorded.");
    expect(f?.question).toContain("when no progress is recorded");
  });

  it("quotes a rating word that says more than the status", () => {
    expect(
      findingOf("completed-without-evidence", { status: "completed", statusText: "Green (4)", progress: "" })
        ?.reason,
    ).toBe("Rated complete (“Green (4)”) with no progress recorded.");
  });

  it("is raised for a bare completion mark", () => {
    expect(findingOf("completed-without-evidence", { ...done, progress: "Complete." })?.reason).toContain(
      "gives no evidence",
    );
  });

  it("is raised for inputs and intentions, naming them", () => {
    const f = findingOf("completed-without-evidence", {
      ...done,
      action: "Deliver training on recognising mental health needs to ED staff.",
      progress: "Funding secured for training.",
    });
    expect(f?.reason).toContain("describes an input");
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        progress: "Possible changes will be considered post COVID.",
      })?.reason,
    ).toContain("an intention or plan");
    expect(
      findingOf("completed-without-evidence", { ...done, progress: "Recruitment to the posts is under way." })
        ?.reason,
    ).toContain("work still in progress");
  });

  it("says once that nothing delivered is reported, whatever else the progress holds", () => {
    const mixed = findingOf("completed-without-evidence", {
      ...done,
      progress: "The panel met on 3 March. Leaflets went to the printers' queue.",
    })?.reason;
    expect(mixed).toContain("describes an input");
    expect(mixed).not.toMatch(/no delivered change, not a delivered change/);
    const plain = findingOf("completed-without-evidence", {
      ...done,
      progress: "Leaflets went to the printers' queue.",
    })?.reason;
    expect(plain).toMatch(/reports no delivered change\.$/);
  });

  it("counts funding as delivered when funding is what the action asked for", () => {
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        action: "Secure recurrent funding for the ICON programme.",
        progress: "Recurrent funding of £25,000 a year secured from the ICB from April 2022.",
      }),
    ).toBeUndefined();
  });

  it("is not raised for a delivered change", () => {
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        progress: "Training delivered to 120 staff in March.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        progress: "The revised policy was issued to all staff on 1 October.",
      }),
    ).toBeUndefined();
  });

  it("reads an on-track rating that declares the action done", () => {
    const declared = { status: "on-track" as const, statusText: "Green – on track or complete" };
    expect(
      findingOf("completed-without-evidence", {
        ...declared,
        progress: "Action complete. The launch is planned for May.",
      }),
    ).toBeDefined();
    expect(
      findingOf("completed-without-evidence", { ...declared, progress: "The launch is planned for May." }),
    ).toBeUndefined();
  });

  it("is raised for completed-with-impact too, and never for not-applicable or at-risk actions", () => {
    expect(
      findingOf("completed-without-evidence", { status: "completed-with-impact", progress: "" }),
    ).toBeDefined();
    expect(
      findingOf("completed-without-evidence", { status: "not-applicable", progress: "" }),
    ).toBeUndefined();
    expect(findingOf("completed-without-evidence", { status: "minor-risk", progress: "" })).toBeUndefined();
  });

  it("does not depend on dates", () => {
    expect(
      findingOf(
        "completed-without-evidence",
        { ...done, progress: "", due: null, dueText: "", lastUpdate: null },
        { planAsOf: null },
      ),
    ).toBeDefined();
  });

  it("reads meetings held and groups set up as inputs, and a go-live date as a plan", () => {
    const raised = (progress: string) =>
      findingOf("completed-without-evidence", { ...done, progress }) !== undefined;
    expect(raised("The steering group met twice in March.")).toBe(true);
    expect(raised("A working group has been set up to write the protocol.")).toBe(true);
    expect(raised("Go-live date to be confirmed by the supplier.")).toBe(true);
    expect(raised("Protocol being revised by the named nurse.")).toBe(true);
    expect(raised("The new referral pathway has been set up and is used by all ED staff.")).toBe(false);
    expect(raised("The target was met in every month since January.")).toBe(false);
  });

  it("is not raised when the evidence-of-impact column shows a measured effect", () => {
    const withImpact = {
      status: "completed-with-impact" as const,
      statusText: "Complete (impact)",
      progress: "Prompt in the admission checklist since November.",
    };
    expect(
      findingOf("completed-without-evidence", {
        ...withImpact,
        evidenceOfImpact: "Referrals after a disclosure rose from 4 to 15 a quarter.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("completed-without-evidence", {
        ...withImpact,
        progress: "Complete.",
        evidenceOfImpact: "Staff said the prompt was helpful.",
      }),
    ).toBeDefined();
  });

  it("reads an idea agreed in principle as a plan", () => {
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        progress: "The board agreed the new form in principle and asked for a costed version.",
      }),
    ).toBeDefined();
  });

  it("is not raised when the progress itself measures the effect", () => {
    expect(
      findingOf("completed-without-evidence", {
        status: "completed-with-impact",
        statusText: "Complete",
        progress: "Six beds open since May. Rough sleepers aged 18-25 down from 9 to 3 in the spring count.",
      }),
    ).toBeUndefined();
  });

  it("reads agreeing, approving or commissioning as a step towards the change, unless it is what was asked", () => {
    const raised = (action: string, progress: string) =>
      findingOf("completed-without-evidence", { ...done, action, progress }) !== undefined;
    expect(
      raised(
        "Run a weekly drop-in in each secondary school.",
        "Drop-in model agreed with the heads' forum in July.",
      ),
    ).toBe(true);
    expect(
      raised(
        "Deliver refresher training to the control room.",
        "Package commissioned from Learning and Development.",
      ),
    ).toBe(true);
    expect(
      raised("Ratify the revised safeguarding policy.", "Policy ratified at the Board on 12 March."),
    ).toBe(false);
    expect(
      raised(
        "Develop a joint protocol for missing children.",
        "Protocol agreed and issued to all practices in May.",
      ),
    ).toBe(false);
  });

  it("does not take the audit's terms, a funding bid or a 'marked complete' for the thing itself", () => {
    const raised = (action: string, progress: string) =>
      findingOf("completed-without-evidence", { ...done, action, progress }) !== undefined;
    expect(
      raised("Audit 50 cases.", "Audit terms of reference agreed; the audit tool is with leads for comment."),
    ).toBe(true);
    expect(
      raised("Audit 50 cases.", "Audit of 50 cases completed in May; report to the board in June."),
    ).toBe(false);
    expect(raised("Secure funding for the post.", "Funding bid submitted to the ICB in March.")).toBe(true);
    expect(raised("Secure funding for the post.", "Funding of £40,000 secured from the ICB.")).toBe(false);
    expect(raised("Deliver training to all watches.", "Marked complete as the work now sits with L&D.")).toBe(
      true,
    );
  });

  it("is raised for an action closed as complete after handing it to another body", () => {
    const f = findingOf("completed-without-evidence", {
      ...done,
      section: "Northvale Hospitals NHS Trust",
      organisation: "Northvale Hospitals NHS Trust",
      action: "No child who self-harms to leave ED without a psychosocial assessment.",
      progress:
        "Liaison psychiatry is provided by Northvale Mental Health NHS FT under its ICB contract and sits outside our control. Action closed.",
    });
    expect(f?.reason).toContain("hands the work to another body and reports nothing");
    // The same words with the Trust's own deed beside them: the work is done.
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        section: "Northvale Hospitals NHS Trust",
        organisation: "Northvale Hospitals NHS Trust",
        action: "No child who self-harms to leave ED without a psychosocial assessment.",
        progress:
          "Liaison psychiatry is provided by Northvale Mental Health NHS FT. The Trust has introduced a discharge check that stops any under-18 leaving without the assessment recorded.",
      }),
    ).toBeUndefined();
  });

  it("does not take work still being built for a recurring action carried on", () => {
    const routine = {
      ...done,
      action: "Implement routine enquiry about domestic abuse for every under-18 attendance.",
    };
    expect(
      findingOf("completed-without-evidence", {
        ...routine,
        progress:
          "Routine enquiry question being added to the clinical record. Staff briefings continuing through October.",
      })?.reason,
    ).toContain("work still in progress");
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        action: "Monthly audit of strategy discussion records.",
        progress: "Monthly audits continue, reported to the quality group.",
      }),
    ).toBeUndefined();
  });

  it("reads a request logged, or a paper a committee received, as an input", () => {
    for (const progress of [
      "Change request 2291 logged with the records team.",
      "The quality committee received the paper in June.",
    ]) {
      expect(findingOf("completed-without-evidence", { ...done, progress }), progress).toBeDefined();
    }
    for (const progress of [
      "Every missed appointment is now logged on the clinic system.",
      "All 40 ward staff received the new handover card in June.",
    ]) {
      expect(findingOf("completed-without-evidence", { ...done, progress }), progress).toBeUndefined();
    }
  });

  it("reads a thing agreed and launched as delivered, and a review agreed and shared as still an input", () => {
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        progress: "Escalation guidance agreed and launched at the PSW forum in May.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        progress: "Case review completed and shared at the forum in May.",
      }),
    ).toBeDefined();
  });

  it("reads staff who 'completed Level 3' as training delivered", () => {
    expect(
      findingOf("completed-without-evidence", {
        ...done,
        action: "All health visitors to complete Level 3 safeguarding children training.",
        progress: "All 23 health visitors completed Level 3 in June.",
      }),
    ).toBeUndefined();
  });
});
