import { describe, expect, it } from "vitest";
import { cleanAction, findingOf, findings } from "../testing.js";

const LPT = {
  section: "Leicestershire Partnership NHS Trust (LPT)",
  organisation: "Leicestershire Partnership NHS Trust",
  lead: "Head of Safeguarding",
};
const CCG = {
  section: "Leicester City Clinical Commissioning Group (CCG)",
  organisation: "Leicester City Clinical Commissioning Group",
  lead: "Designated Nurse",
};

describe("deflected", () => {
  it("raises an action handed to another body, quoting it", () => {
    const f = findingOf("deflected", {
      ...LPT,
      action: "This action is for the CCG.",
      progress: "We will provide the current performance data.",
    });
    expect(f?.reason).toBe(
      "“This action is for the CCG.” hands the action to the CCG, and the plan says nothing LPT is doing itself.",
    );
    expect(f?.question).toBe(
      "The plan says “This action is for the CCG.” What is LPT itself doing to address this recommendation, and by when?",
    );
    expect(f?.severity).toBe("high");
  });

  it("does not raise the same words from the body named", () => {
    expect(
      findingOf("deflected", {
        ...CCG,
        action: "This action is for the CCG.",
        progress: "The CCG has commissioned a review.",
      }),
    ).toBeUndefined();
  });

  it("knows an agency by its abbreviation", () => {
    expect(
      findingOf("deflected", { ...LPT, progress: "This sits with commissioners; no further action for LPT." })
        ?.reason,
    ).toContain("hands the action to commissioners");
    expect(findingOf("deflected", { ...LPT, progress: "No further action for LPT." })?.reason).toContain(
      "says the action is not for LPT",
    );
    expect(
      findingOf("deflected", {
        ...LPT,
        progress: "This action is for LPT: the Trust has introduced a tracker.",
      }),
    ).toBeUndefined();
  });

  it("raises help offered only when asked", () => {
    const f = findingOf("deflected", { ...LPT, progress: "We will provide the data when requested." });
    expect(f?.reason).toContain("offers help only when asked");
  });

  it("raises 'for the CCG to monitor', but not when the CCG is a joint owner", () => {
    const progress = "For the CCG to monitor through the contract.";
    expect(findingOf("deflected", { ...LPT, progress })).toBeDefined();
    expect(
      findingOf("deflected", {
        ...LPT,
        organisations: [
          "Leicestershire Partnership NHS Trust",
          "Leicester City Clinical Commissioning Group",
        ],
        progress,
      }),
    ).toBeUndefined();
    expect(
      findingOf("deflected", { ...LPT, lead: "Head of Safeguarding LPT / Designated Nurse CCG", progress }),
    ).toBeUndefined();
  });

  it("is not raised when another body is named beside the agency's own deed", () => {
    expect(
      findingOf("deflected", {
        section: "Northshire Police",
        organisation: "Northshire Police",
        progress:
          "The local authority leads on return home interviews. Police have revised the missing person procedure and issued it in June.",
      }),
    ).toBeUndefined();
    expect(
      findingOf("deflected", {
        section: "Northshire Police",
        organisation: "Northshire Police",
        progress: "The local authority leads on return home interviews.",
      }),
    ).toBeDefined();
  });

  it("is raised for a not-applicable action that hands the work away", () => {
    expect(
      findingOf("deflected", {
        ...LPT,
        status: "not-applicable",
        action: "Not applicable – this recommendation is for the CCG to monitor through the contract.",
        progress: "N/A for LPT.",
      }),
    ).toBeDefined();
  });

  it("is raised when waiting on another body, not when waiting on nothing named", () => {
    expect(
      findingOf("deflected", { progress: "Awaiting a decision from NHS England on funding." }),
    ).toBeDefined();
    expect(findingOf("deflected", { progress: "Awaiting response." })).toBeUndefined();
  });

  it("is not raised for empty text or ordinary joint working", () => {
    expect(findingOf("deflected", { progress: "" })).toBeUndefined();
    expect(
      findingOf("deflected", {
        action: "Work with the ICB to agree a joint protocol.",
        progress: "Protocol agreed with the ICB in May and used for all 37 transfers since.",
      }),
    ).toBeUndefined();
  });

  it("does not depend on dates", () => {
    expect(
      findingOf(
        "deflected",
        {
          ...LPT,
          due: null,
          dueText: "",
          lastUpdate: null,
          action: "This action is for the CCG.",
          progress: "",
        },
        { planAsOf: null },
      ),
    ).toBeDefined();
  });

  describe("reads the structure of a hand-over, not fixed sentences", () => {
    const TRUST = {
      section: "Westfield Hospitals NHS Trust (WHT)",
      organisation: "Westfield Hospitals NHS Trust",
      lead: "Named Nurse",
    };
    const ICB = {
      section: "NHS Westfield ICB",
      organisation: "NHS Westfield Integrated Care Board",
      lead: "Designated Nurse",
    };
    const POLICE = { section: "Westfield Police", organisation: "Westfield Police", lead: "DCI" };
    const raised = (owner: object, progress: string) =>
      findingOf("deflected", { ...owner, progress }) !== undefined;

    it("another body as the subject of an obligation", () => {
      expect(raised(TRUST, "Commissioners are best placed to take this forward.")).toBe(true);
      expect(raised(POLICE, "The council is accountable for return home interviews.")).toBe(true);
      expect(raised(ICB, "The Trust is responsible for delivering the training.")).toBe(true);
      expect(
        raised(
          ICB,
          "The Trust is responsible for delivering the training; the ICB has added a KPI to the contract and reviews it quarterly.",
        ),
      ).toBe(false);
      // Schools and practices are told what to do by the agency, not handed its work.
      expect(raised(ICB, "Practices should use the template; 34 of 41 practices now use it.")).toBe(false);
      expect(raised(TRUST, "The LA should be informed within 24 hours by ED staff.")).toBe(false);
    });

    it("the agency saying the work is not its own", () => {
      expect(raised(TRUST, "This is not our responsibility.")).toBe(true);
      expect(raised(POLICE, "Police not lead agency for return interviews.")).toBe(true);
      expect(raised(TRUST, "Not within the Trust's gift.")).toBe(true);
      expect(raised(POLICE, "The Force does not commission this service.")).toBe(true);
      expect(
        raised(
          TRUST,
          "We do not commission the 0-19 service but our ED now sends every attendance notification to it.",
        ),
      ).toBe(false);
    });

    it("waiting on, or expecting, another body", () => {
      expect(raised(TRUST, "On hold until NHS England publishes the new specification.")).toBe(true);
      expect(raised(TRUST, "Implementation is contingent on the ICB releasing funds.")).toBe(true);
      expect(raised(TRUST, "Awaits sign-off by the ICB.")).toBe(true);
      expect(raised(ICB, "We have asked the Trust to take this forward.")).toBe(true);
      expect(raised(TRUST, "Training will be rolled out once the new trainer is in post.")).toBe(false);
      expect(raised(TRUST, "Until the new system is live, managers check every case weekly.")).toBe(false);
    });

    it("help offered only if someone else acts first", () => {
      expect(raised(LPT, "Happy to support health colleagues should it be required.")).toBe(true);
      expect(raised(LPT, "We will respond to referrals if and when they are received.")).toBe(true);
      expect(raised(LPT, "We will share findings with partners when the audit is complete in May.")).toBe(
        false,
      );
    });

    it("a body the lists do not know, by its role or its kind", () => {
      expect(raised(LPT, "This is a matter for Ashby Moor as the provider.")).toBe(true);
      expect(raised(TRUST, "This sits within the remit of the ambulance service.")).toBe(true);
      expect(raised(POLICE, "This is a council-led piece of work.")).toBe(true);
      // "the acute Trust" is not the owning Trust, so what is provided under its contract is not LPT's deed.
      expect(
        raised(
          LPT,
          "Follow-up is provided under the acute Trust's liaison contract. LPT will support acute colleagues where required.",
        ),
      ).toBe(true);
    });

    it("a recommendation directed at, remaining with, or taken forward by another body", () => {
      expect(raised(ICB, "This recommendation is properly directed at the hospital trust.")).toBe(true);
      expect(raised(ICB, "Action remains with NHS England Specialised Commissioning.")).toBe(true);
      expect(raised(ICB, "The ICB has no further role at present.")).toBe(true);
      expect(raised(POLICE, "LA colleagues are taking this forward.")).toBe(true);
      expect(raised(POLICE, "Police colleagues are taking this forward.")).toBe(false);
      expect(raised(LPT, "This is governed by national guidance owned by HMPPS.")).toBe(true);
      expect(
        raised(TRUST, "This recommendation is directed at the Trust; we have rewritten the policy."),
      ).toBe(false);
      // The Named Nurse is the agency's own professional, whatever service she leads.
      expect(
        raised(
          TRUST,
          "This sits with the Named Nurse for 0-19 services, who has delivered supervision to all 6 teams.",
        ),
      ).toBe(false);
    });

    it("where the work lies, whose province or hands it is in, and who owns it", () => {
      expect(raised(TRUST, "Commissioning of the service falls under the ICB.")).toBe(true);
      expect(raised(POLICE, "The request sits in the Home Office's change backlog.")).toBe(true);
      expect(raised(ICB, "Delivery is in the hands of the acute trust's digital team.")).toBe(true);
      expect(raised(TRUST, "Contact after discharge is the province of the GP practice.")).toBe(true);
      expect(raised(ICB, "This would be more sensibly owned by the local authority.")).toBe(true);
      expect(raised(TRUST, "Referrals about adults are for the local authority under the Care Act.")).toBe(
        true,
      );
      expect(raised(POLICE, "Children's social care are the proper owner of this work.")).toBe(true);
      // Who the work is for is not who must do it; a place in time or in line is not a body.
      expect(raised(TRUST, "The session is for CAMHS staff and runs monthly from June.")).toBe(false);
      expect(raised(TRUST, "This falls in line with the ICB's new policy, which we adopted in May.")).toBe(
        false,
      );
    });

    it("a decision or a change that would have to come from another body", () => {
      expect(raised(TRUST, "Any change to the tariff would have to come from NHS England.")).toBe(true);
      expect(raised(POLICE, "The council would decide whether a new panel is needed.")).toBe(true);
      expect(raised(POLICE, "We would look to the council to extend the scheme to the district.")).toBe(true);
      expect(raised(TRUST, "Thresholds are set nationally and cannot be varied locally.")).toBe(true);
      expect(
        raised(TRUST, "Supply is led by a regional framework, which the North Region Partnership runs."),
      ).toBe(true);
      expect(raised(TRUST, "Records are now held centrally by the Trust and checked weekly.")).toBe(false);
    });

    it("no means, discretion or scope of its own, and help only on someone else's wish", () => {
      expect(raised(POLICE, "The Force has no local discretion over the national system.")).toBe(true);
      expect(raised(TRUST, "There is no statutory role for the Trust once a child is discharged.")).toBe(
        true,
      );
      expect(raised(TRUST, "Home visits fall outside the scope of the current contract.")).toBe(true);
      expect(raised(LPT, "A clinician could attend should the chair of the panel invite one.")).toBe(true);
      expect(raised(LPT, "Should partners wish to extend the offer, we would be glad to talk.")).toBe(true);
      expect(raised(LPT, "We have not been asked to provide this service.")).toBe(true);
      // The modal "should": the agency telling its own staff what to do.
      expect(raised(LPT, "Clinicians should ask about children at every assessment; 90% now do.")).toBe(
        false,
      );
    });

    it("help offered only on receipt of a request or an invitation, and readiness to be asked", () => {
      expect(raised(TRUST, "We would be happy to share the figures on receipt of a written request.")).toBe(
        true,
      );
      expect(raised(LPT, "The team is ready to run a session at any forum to which it is invited.")).toBe(
        true,
      );
      expect(raised(LPT, "Our nurses are willing to visit schools if a head teacher asks.")).toBe(true);
      expect(raised(LPT, "We are pleased to report that all 40 staff completed the module.")).toBe(false);
    });

    it("work redirected or passed up the line, a task of another body, not ours", () => {
      expect(raised(POLICE, "Queries have been redirected to the council's contracts team.")).toBe(true);
      expect(raised(TRUST, "This has been passed up the line to NHS England.")).toBe(true);
      expect(raised(TRUST, "Coding the records is a local authority task.")).toBe(true);
      expect(raised(TRUST, "The gap is at the council's end, not ours.")).toBe(true);
      expect(raised(TRUST, "The ward is not the right home for this action.")).toBe(true);
    });

    it("done by another body in two verbs, no lever of its own, neither budget nor contract", () => {
      expect(raised(POLICE, "The scheme is designed and funded by the Home Office.")).toBe(true);
      expect(raised(TRUST, "Staffing of the unit is not a lever the Trust holds.")).toBe(true);
      expect(raised(POLICE, "Local teams may not write procedures of their own.")).toBe(true);
      expect(raised(TRUST, "The Trust holds neither the budget nor the contract.")).toBe(true);
      expect(raised(TRUST, "We are not in a position to recruit while the ICB has not agreed funding.")).toBe(
        true,
      );
    });

    it("a county council is another body to a district council", () => {
      const district = {
        section: "Housing Options",
        organisation: "Westfield District Council",
        lead: "Head of Housing",
      };
      expect(raised(district, "Refuge places are commissioned by the county council.")).toBe(true);
      expect(
        raised(
          {
            section: "Children's Services",
            organisation: "Westshire County Council",
            lead: "Head of Service",
          },
          "Refuge places are commissioned by the county council.",
        ),
      ).toBe(false);
    });

    it("a question in the progress is not a deed", () => {
      expect(
        raised(
          TRUST,
          "Q: Has the feed been built?\nA: The receiving end is run by the ICB and is theirs to build.",
        ),
      ).toBe(true);
    });

    it("progress that only says what another body does, with no deed of the agency's own", () => {
      expect(raised(TRUST, "NHS England's regional team would set the criteria for referral.")).toBe(true);
      expect(raised(POLICE, "Return interviews are carried out by the council's missing team.")).toBe(true);
      expect(raised(TRUST, "The ICB commissions the service and reviews the contract each year.")).toBe(true);
      // Who the work is done to, who approves it, the agency's own teams and people are not another body.
      expect(raised(TRUST, "The LA should be informed within 24 hours by ED staff.")).toBe(false);
      expect(raised(TRUST, "Policy approved by the Partnership Board in May.")).toBe(false);
      expect(raised(TRUST, "Alert built by the Digital team in June.")).toBe(false);
      expect(raised(TRUST, "The ICB has shared the list of leads with us.")).toBe(false);
      expect(raised(TRUST, "The council chairs the panel; our named nurse now screens every referral.")).toBe(
        false,
      );
    });

    it("the natural home, an obligation or territory of another body, a line to be re-allocated", () => {
      expect(raised(POLICE, "The youth service would be the natural home for this work.")).toBe(true);
      expect(raised(ICB, "Training is a contractual obligation of each provider trust.")).toBe(true);
      expect(raised(TRUST, "Assessing parenting is social work territory.")).toBe(true);
      expect(raised(POLICE, "This line ought to be re-allocated to the council's section of the plan.")).toBe(
        true,
      );
      // Closing the plan's line is not a deed of the agency's own.
      expect(raised(POLICE, "Attendance is a matter for schools; police line to be closed.")).toBe(true);
    });

    it("waiting to hear from a body, needing its agreement, what it controls", () => {
      expect(raised(TRUST, "We are waiting to hear back from the ICB on the release date.")).toBe(true);
      expect(raised(POLICE, "Any change would need agreement from the Home Office.")).toBe(true);
      expect(raised(TRUST, "The form sits in the shared record that the ICB's digital team controls.")).toBe(
        true,
      );
      expect(raised(TRUST, "We cannot move on this while the ICB has still to decide on funding.")).toBe(
        true,
      );
      expect(raised(TRUST, "Places come through the council's training academy.")).toBe(true);
      // A body's name before a thing says which thing: the budget is waited on, from the agency's own committee.
      expect(
        raised(
          ICB,
          "We are waiting for the primary care budget to be confirmed at the ICB Finance Committee.",
        ),
      ).toBe(false);
    });

    it("help offered only when someone gets in touch or asks, or gladly if they act first", () => {
      expect(raised(ICB, "Our quality nurses are available for advice to any home that gets in touch.")).toBe(
        true,
      );
      expect(raised(LPT, "We would gladly attend if the panel chair sends a date.")).toBe(true);
      expect(raised(LPT, "Our practices are content to share a summary if the health visitor asks.")).toBe(
        true,
      );
      expect(raised(LPT, "A report would follow only in response to a request from the social worker.")).toBe(
        true,
      );
      expect(
        raised(
          LPT,
          "There is no intention for our practices to send it unprompted; we will share it if asked.",
        ),
      ).toBe(true);
    });

    it("not something the agency decides, neither run nor directed by it", () => {
      expect(raised(TRUST, "The wording of the form is not something this Trust decides.")).toBe(true);
      expect(raised(TRUST, "Booking is a service the council neither runs nor can direct.")).toBe(true);
      expect(raised(TRUST, "Local offices are not able to create a procedure of their own.")).toBe(true);
      expect(raised(LPT, "Homes need to take the lead on getting residents to their checks.")).toBe(true);
      expect(raised(LPT, "Quality in homes is for the regulator to judge.")).toBe(true);
    });

    it("work transferred to a named provider, best placed with another body, led or nominated by it", () => {
      expect(
        raised(TRUST, "Responsibility for the clinic has transferred to Brightwell under the new contract."),
      ).toBe(true);
      expect(raised(POLICE, "Screening is better placed with the local authority.")).toBe(true);
      expect(raised(TRUST, "The named lead has to be appointed by the ICB.")).toBe(true);
      expect(raised(TRUST, "The ICB's designated nurses will be leading on this.")).toBe(true);
      expect(raised(LPT, "Records will be released if the social worker asks for them.")).toBe(true);
      // A date or a quarter is not a body.
      expect(raised(TRUST, "The audit has been deferred to Q3.")).toBe(false);
      expect(raised(TRUST, "The audit has been deferred to March.")).toBe(false);
    });

    it("a condition is not a deed", () => {
      expect(
        raised(
          TRUST,
          "Placements are commissioned through a regional framework, which the North Region Partnership runs; what is available here depends on what it buys.",
        ),
      ).toBe(true);
    });

    it("counted attendance and a draft written are deeds of the agency's own", () => {
      expect(
        raised(
          POLICE,
          "Strategy meetings are chaired by CSC team managers; police have attended 98% since April.",
        ),
      ).toBe(false);
      expect(
        raised(
          {
            section: "Children's Social Care",
            organisation: "Westfield City Council",
            lead: "Head of Service",
          },
          "The ICB has agreed to lead the joint commissioning; CSC has drafted the specification with them.",
        ),
      ).toBe(false);
    });
  });

  describe("reads offers that wait to be asked, work held elsewhere and actions disowned", () => {
    const COUNCIL = {
      section: "Children's Services",
      organisation: "Westbrook Council",
      lead: "Head of Service",
    };
    const HEALTH = {
      section: "Community health",
      organisation: "Westbrook Community Health",
      lead: "Service Lead",
    };
    const TRUST = {
      section: "Acute",
      organisation: "Westbrook Hospitals NHS Trust",
      lead: "Named Nurse",
    };
    const SCHOOLS = { section: "Education", organisation: "Westbrook Academy Trust", lead: "Director" };
    const POLICE = { section: "Police", organisation: "Westbrook Police", lead: "DCI" };
    const CHARITY = {
      section: "Voluntary sector",
      organisation: "Westbrook Family Hubs (charity)",
      lead: "Manager",
    };
    const raised = (owner: object, progress: string) =>
      findingOf("deflected", { ...owner, progress }) !== undefined;

    it("an offer kept for whoever asks", () => {
      expect(
        raised(
          COUNCIL,
          "Copies of the chronology will be sent to any school that phones the duty desk and asks for one.",
        ),
      ).toBe(true);
      expect(
        raised(COUNCIL, "The risk summary is shared with whichever GP practice contacts us to request it."),
      ).toBe(true);
      expect(
        raised(
          HEALTH,
          "The nursing team would gladly attend a strategy discussion whenever a social worker rings to invite them.",
        ),
      ).toBe(true);
      expect(
        raised(
          COUNCIL,
          "We send the chronology to every school within five days of a strategy meeting; any school that asks for an earlier copy gets one the same day.",
        ),
      ).toBe(false);
      expect(
        raised(
          HEALTH,
          "The designated nurse has delivered the session to all 28 practices and would happily repeat it for any practice that asks.",
        ),
      ).toBe(false);
    });

    it("work that has to start with, or is built by, someone else", () => {
      expect(raised(SCHOOLS, "Any referral of this kind needs to be started from the hospital's end.")).toBe(
        true,
      );
      expect(
        raised(
          POLICE,
          "The referral form is designed and owned nationally. Any amendment goes through the College of Policing's change control.",
        ),
      ).toBe(true);
      expect(
        raised(
          COUNCIL,
          "The audit runs to the ICB's calendar, not ours; the findings will be shared whenever they next report.",
        ),
      ).toBe(true);
      expect(
        raised(
          POLICE,
          "The system is maintained nationally, so we have added a local prompt to the front sheet and written to the Home Office with three proposed changes.",
        ),
      ).toBe(false);
      expect(
        raised(
          TRUST,
          "Changes to the template go through the Trust's own digital change process; the request was logged on 4 April and the new field went live on 20 May.",
        ),
      ).toBe(false);
    });

    it("another body's move made the condition of the agency's own", () => {
      expect(
        raised(
          CHARITY,
          "Our grant covers group sessions only. If commissioners want weekend cover, they will need to fund it first.",
        ),
      ).toBe(true);
      expect(
        raised(
          HEALTH,
          "The youth service knows these young people best; they would be the natural home for the group.",
        ),
      ).toBe(true);
      expect(
        raised(
          COUNCIL,
          "If the ICB wants additional places, we have costed them and sent the figures on 3 May.",
        ),
      ).toBe(false);
    });

    it("the action called misdirected", () => {
      expect(raised(TRUST, "The Trust considers this recommendation misdirected.")).toBe(true);
      expect(raised(TRUST, "We regard the action as wrongly allocated and have said so at the panel.")).toBe(
        true,
      );
      expect(
        raised(
          TRUST,
          "The safeguarding team rewrote the bruising pathway with the paediatric leads; it went live on 1 April.",
        ),
      ).toBe(false);
    });
  });

  describe("reads hand-overs in the wording of long, defensive updates", () => {
    const raised = (organisation: string, progress: string, lead = "Head of Service") =>
      findingOf("deflected", { section: "Agency", organisation, lead, progress }) !== undefined;

    it("only another body can act, or it is another body's obligation", () => {
      expect(
        raised(
          "Westbrook GP Federation",
          "Only the ICB's contracting team can add this to the practice contracts.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "Only the named nurse can sign off the plan; she signed off all 14 in May.",
          "Named Nurse",
        ),
      ).toBe(false);
      expect(
        raised(
          "Westbrook Council",
          "Getting the child to the clinic is the transport provider's obligation. Their performance is a matter for their contract review.",
        ),
      ).toBe(true);
    });

    it("the agency named as not the one doing it", () => {
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "The rota is set by the MASH partnership board, not by the Trust.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Probation Delivery Unit",
          "Enquiries go through the regional hub, which is run for the region rather than by the PDU.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Council",
          "Cases are now held by our own team rather than by agency staff; 40 of 42 reallocated in May.",
        ),
      ).toBe(false);
    });

    it("the agency's part only wished for, or done to it", () => {
      expect(
        raised(
          "Westbrook Family Hubs (charity)",
          "We would very much welcome being able to extend the service. The number of sessions is decided by the ICB as commissioner.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Community Health",
          "Weekend cover is decided by the ICB. The team is commissioned for weekday clinics only.",
        ),
      ).toBe(true);
    });

    it("no mandate, beyond what is funded, outside the specification", () => {
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "Changing the national form is not something the Trust has any mandate to do.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Community Health",
          "Visiting every family goes beyond what the service is funded to provide.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Sexual Health Service",
          "Outreach to children's homes is not part of the specification we are contracted to deliver.",
        ),
      ).toBe(true);
    });

    it("the action disowned", () => {
      expect(raised("Westbrook Hospitals NHS Trust", "We do not see this as a maternity action.")).toBe(true);
      expect(
        raised("Westbrook Police", "The Force regards this recommendation as not one for policing."),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "We do not regard this as finished: 12 of 20 wards have the new form and the rest follow in May.",
        ),
      ).toBe(false);
      expect(raised("Westbrook Hospitals NHS Trust", "The Trust does not accept this recommendation.")).toBe(
        true,
      );
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "The Trust accepts this recommendation and has appointed a lead, who started on 2 May.",
        ),
      ).toBe(false);
    });

    it("offers that wait for a request, a document or a form", () => {
      expect(
        raised(
          "Westbrook Mental Health NHS Trust",
          "A clinician can be released for a case provided the panel chair puts in a written request.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Fire and Rescue Service",
          "We are happy to sign the agreement once it is put in front of us.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook GP Federation",
          "Practices will complete the summary on receipt of a request form from the LAC team.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "ED clinicians will always complete a referral whenever the MASH, the police or a social worker asks for one.",
        ),
      ).toBe(true);
    });

    it("asking another body to take it up, or to be measured instead", () => {
      expect(
        raised(
          "Westbrook Police",
          "We would ask that the Board's independent chair takes this up with the statutory partners.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Domestic Abuse Service",
          "We suggest this is measured against the commissioner rather than against us.",
        ),
      ).toBe(true);
    });

    it("passed on to another body to pick up", () => {
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "Passed to the community provider to pick up on their own log.",
        ),
      ).toBe(true);
      expect(raised("Westbrook Hospitals NHS Trust", "Forwarded to WCH to take forward.")).toBe(true);
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "Forwarded to the named GP for every child; 38 of 40 reviewed within a week.",
        ),
      ).toBe(false);
      expect(
        raised(
          "Westbrook Dental Network",
          "The network has referred the Board to the ICB's commissioning lead.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "The team referred 21 patients to the district nurses before discharge.",
        ),
      ).toBe(false);
    });

    it("not the kind of body that does this", () => {
      expect(
        raised(
          "Westbrook Council – Environmental Health",
          "Environmental health is an enforcement, not a safeguarding, function.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Befriending (charity)",
          "We are a small charity without any statutory safeguarding duty.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Befriending (charity)",
          "We rely on the surgery and social services to tell us what is needed.",
        ),
      ).toBe(true);
    });

    it("held up until another body agrees", () => {
      expect(
        raised(
          "Westbrook Community Health",
          "We cannot add a new contact without Public Health agreeing to vary the contract.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Council",
          "We cannot close this without the audit results; the audit of 50 cases finished on 3 May and the report goes to the board in June.",
        ),
      ).toBe(false);
    });

    it("a document out for comment, a hedge before another body's work, a decision for others", () => {
      expect(
        raised(
          "NHS Westbrook Integrated Care Board",
          "Funding of £38,400 agreed at the finance committee on 14 June. The job description is with the LMC for comment.",
        ),
      ).toBe(false);
      expect(
        raised(
          "NHS Westbrook Integrated Care Board",
          "It is our understanding that NHS England is rewriting the national guidance, so the local standard will wait for it.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Community Health",
          "Whether this can go ahead is therefore a decision for the commissioners.",
        ),
      ).toBe(true);
    });

    it("the lead called by the initials of the post", () => {
      expect(
        raised(
          "Westbrook Council – Adult Social Care",
          "Practice note drafted by PSW; with Legal for comment.",
          "Principal SW – A. Breen",
        ),
      ).toBe(false);
    });
  });

  describe("reads hand-overs met in the ninth and tenth rounds", () => {
    const raised = (organisation: string, progress: string) =>
      findingOf("deflected", { section: "Agency", organisation, lead: "Head of Service", progress }) !==
      undefined;

    it("work that waits for another body to send, publish or agree first", () => {
      expect(
        raised(
          "Westbrook GP Federation",
          "Practices will add the flag on the day the hospital sends a discharge summary.",
        ),
      ).toBe(true);
      expect(
        raised(
          "NHS Westbrook Integrated Care Board",
          "We will look at a local indicator once NHS England publishes the new schedules.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Council",
          "Cross-border working is something the regional ADCS network is best placed to broker; we will sign up to whatever is agreed.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook GP Federation",
          "We will add the flag once the new system goes live in May; 20 of 41 practices already use it.",
        ),
      ).toBe(false);
    });

    it("no standing, one for another body, fixed in a contract", () => {
      expect(
        raised(
          "Westbrook Homes (housing association)",
          "The landlord has no standing to apply for closure orders.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Homes (housing association)",
          "This line is more properly one for the Community Safety Partnership.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Buses Ltd",
          "Turnaround times are fixed in our parent company's contract and the depot is not in a position to vary them.",
        ),
      ).toBe(true);
    });

    it("the action declined, not commissioned, or fixed by ministers", () => {
      expect(raised("Westbrook Police", "The Force does not propose to take this action forward.")).toBe(
        true,
      );
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "Emergency departments are not commissioned to provide accommodation.",
        ),
      ).toBe(true);
      expect(raised("DWP – Westbrook Jobcentre", "Sanctions policy is fixed by Ministers.")).toBe(true);
    });

    it("details never given, a report passed on, attendance counted", () => {
      expect(
        raised(
          "Westbrook Night Shelter (charity)",
          "We are not given the coordinator's details unless the referring agency passes them on, so this cannot be delivered.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Probation Service – Westbrook PDU",
          "Report sent to the regional HMPPS lead; awaiting a reply from HMPPS headquarters.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Westbrook Police",
          "PC Lyle has attended all four hub meetings since September; the hub's analyst will also get stop-search data when requested.",
        ),
      ).toBe(false);
      expect(
        raised(
          "Westbrook Hospitals NHS Trust",
          "Report sent to the Board on 3 May and all 12 recommendations were accepted and actioned by the Trust.",
        ),
      ).toBe(false);
      expect(
        raised("Westbrook Police", "Every child subject to a CE plan now has a warning marker (46 of 46)."),
      ).toBe(false);
    });
  });

  describe("reads a commitment that waits on another body's act", () => {
    const read = (organisation: string, progress: string) =>
      findingOf("deflected", { section: "Agency", organisation, lead: "Head of Service", progress });

    it("raises the agency's only commitment made conditional on another body", () => {
      const f = read(
        "Northvale Ambulance Service NHS Trust",
        "Should NHS England change the handover form, the Trust will adopt it straight away.",
      );
      expect(f?.reason).toBe(
        "“Should NHS England change the handover form, the Trust will adopt it straight away.” makes what Northvale Ambulance Service NHS Trust will do wait on NHS England, and the plan says nothing Northvale Ambulance Service NHS Trust is doing itself.",
      );
      expect(
        read(
          "Northvale Housing Association",
          "Our officers will begin the checks on the day the council confirms the list of tenants.",
        ),
      ).toBeDefined();
      expect(
        read("Northvale Pharmacy Network", "Members would circulate leaflets if a speaker is provided."),
      ).toBeDefined();
      expect(
        read(
          "Northvale Hospitals NHS Trust",
          "The ward is happy to pilot the checklist subject to ICB agreement on the tariff.",
        ),
      ).toBeDefined();
    });

    it("does not raise it beside a deed of the agency's own, or when the wait is on its own people", () => {
      expect(
        read(
          "Northvale Hospitals NHS Trust",
          "Training delivered to 40 ward staff in March. Should the ICB revise the standard, we will update the module.",
        ),
      ).toBeUndefined();
      expect(
        read(
          "Northvale Hospitals NHS Trust",
          "The Trust will switch on the alert once its own digital team has finished testing it.",
        ),
      ).toBeUndefined();
      expect(
        read("Northvale Hospitals NHS Trust", "We will roll out the new form in May when testing ends."),
      ).toBeUndefined();
      // The condition's body does the deed, not the agency: another reading's business, not this one's.
      expect(
        read("Northvale Council", "If the audit finds gaps, the council will retrain the team in June."),
      ).toBeUndefined();
    });
  });

  describe("reads who does the work in the eleventh round's shapes", () => {
    const read = (organisation: string, progress: string, extra: Record<string, string> = {}) =>
      findingOf("deflected", {
        section: organisation,
        organisation,
        lead: "Head of Service",
        progress,
        ...extra,
      });

    it("a rank or a role is a person of the agency, not another body", () => {
      expect(
        read("Northvale Police", "All 38 officers trained in October, delivered by DS Kaur with CEOP input."),
      ).toBeUndefined();
      expect(
        read(
          "Northvale Council – Children's Social Care",
          "Practice guidance drafted, with team managers for comments until mid December. Briefings will be booked once the PSW signs it off.",
          { lead: "D. Kowalczyk, Principal Social Worker" },
        ),
      ).toBeUndefined();
    });

    it("a primary care network's practices and GPs are its own", () => {
      const pcn = { section: "Primary Care", lead: "PCN Clinical Director" };
      expect(
        findingOf("deflected", {
          ...pcn,
          organisation: "Northvale Central Primary Care Network",
          action: "Run searches across the PCN's practices and add an alert prompting a GP-led review.",
          progress: "Searches being built.",
        }),
      ).toBeUndefined();
      // Named after "of", the network is what the work is about; the ICB is who does it.
      expect(
        findingOf("deflected", {
          ...pcn,
          organisation: "Northvale Central Primary Care Network",
          progress: "Oversight of GP referral activity is provided by the ICB Named GP who holds the data.",
        })?.reason,
      ).toContain("hands the action to the ICB");
    });

    it("doing what the action asked is not handing it on", () => {
      const council = {
        section: "Children's Social Care",
        organisation: "Northvale Council",
        lead: "Service Manager",
      };
      expect(
        findingOf("deflected", {
          ...council,
          action: "Audit 30 closures and report to the Quality Assurance Board.",
          progress: "Audit completed in October (30 closures). The Board has asked for a closure checklist.",
        }),
      ).toBeUndefined();
      expect(
        findingOf("deflected", {
          ...council,
          action: "Escalate to the Partnership Executive any action rated red for two quarters.",
          progress: "Four actions escalated to the Executive in September.",
        }),
      ).toBeUndefined();
      // The same hand-over where the action asked for something else.
      expect(
        findingOf("deflected", {
          ...council,
          action: "Introduce a closure checklist for social workers.",
          progress: "The matter was escalated to the Executive in September.",
        }),
      ).toBeDefined();
    });

    it("promising an update, or asking for the line to be closed, is not a deed", () => {
      expect(
        read(
          "Northvale Police",
          "Capacity is set by NHS England. Will update when the national position is known.",
        ),
      ).toBeDefined();
      expect(
        read(
          "Northvale College",
          "Sharing is a matter for the schools. We don't regard this as a College action and have asked for it to be closed.",
        ),
      ).toBeDefined();
      expect(read("Northvale College", "We do not see this as a College responsibility.")?.reason).toContain(
        "says the action is not for Northvale College",
      );
      expect(
        read(
          "Northvale Police",
          "Capacity is set by NHS England; we will update the triage form in May regardless.",
        ),
      ).toBeUndefined();
    });

    it("set by another body, as any other participle", () => {
      expect(
        read(
          "Northvale Police",
          "Capacity in digital forensics is set by the NPCC Digital Forensics Programme.",
        )?.reason,
      ).toContain("NPCC");
    });
  });

  describe("reads the twelfth round's shapes", () => {
    const read = (organisation: string, progress: string) =>
      findingOf("deflected", { section: organisation, organisation, lead: "Head of Service", progress });
    const raised = (organisation: string, progress: string) => read(organisation, progress) !== undefined;

    it("documents, task groups and the agency's own committees are not other bodies", () => {
      expect(
        raised(
          "Northvale Safeguarding Children Partnership",
          "Protocol drafted by the T&F group, out for partner comment until 30 June.",
        ),
      ).toBe(false);
      expect(
        raised("Northvale Police", "ISA drafted and sent to the council's legal team. Comments awaited."),
      ).toBe(false);
      expect(
        raised(
          "Northvale Mental Health NHS Trust",
          "Revised template completed; awaiting approval by the Trust's Clinical Records Group.",
        ),
      ).toBe(false);
      // Its own national unit is another body to a local force, as HMPPS is to a probation office.
      expect(
        raised(
          "Northvale Police",
          "Routing is decided by the Force's national Public Protection Unit; awaiting its decision.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Northvale Women's Refuge",
          "Met the PCN manager in February. Draft protocol agreed in principle; awaiting sign-off from 2 of the 5 practices.",
        ),
      ).toBe(false);
    });

    it("down to another body, beyond what the agency can change, whatever another body decides", () => {
      expect(
        raised(
          "Northvale Police",
          "Getting the forms over to us is down to Children's Social Care under their contract.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Northvale Hospitals NHS Trust",
          "The gaps are in the national spine record, which is beyond anything the ED can change locally.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Northvale Mental Health NHS Trust",
          "CAMHS will adopt whatever criteria the ICB writes into next year's contract.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Northvale District Council",
          "Environmental Services are more than happy to contribute to a session if the CSP invites us.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Northvale Hospitals NHS Trust",
          "The pregnancy was booked and delivered out of county by another Trust. No further action for the Trust.",
        ),
      ).toBe(true);
    });
  });

  describe("reads the thirteenth round's shapes", () => {
    const raised = (organisation: string, progress: string) =>
      findingOf("deflected", { section: organisation, organisation, lead: "Head of Service", progress }) !==
      undefined;

    it("the regulator, a referral up the line, a request to be answered, a position not to adopt", () => {
      expect(
        raised("Northvale Council – Commissioning", "Whether the agency is inspected is for CQC to decide."),
      ).toBe(true);
      expect(
        raised(
          "Northvale Council – Public Health",
          "Equipment falls within the LMNS's remit. Referred to the LMNS board for a decision on funding.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Northvale Homes (housing association)",
          "We will respond to any written request from the council that sets out a lawful basis.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Office of the Public Guardian",
          "The Office is a national agency and is not in a position to adopt actions in local plans.",
        ),
      ).toBe(true);
      expect(
        raised(
          "Northvale Council – Trading Standards",
          "Officers are glad to come out to a team meeting if the council's commissioners book a slot.",
        ),
      ).toBe(true);
      // A referral the agency made as its deed, with the thing referred named: not a hand-over.
      expect(
        raised("Northvale Police", "All 14 cases referred to the MASH within 24 hours (audit, May)."),
      ).toBe(false);
    });
  });

  it("reads a body named in a theme heading as another body when the theme holds several agencies' actions", () => {
    const theme = "C. Leaving hospital and going home";
    const handedOver = cleanAction({
      section: theme,
      organisation: "Eastvale Council – Adult Social Care",
      ref: "C1",
      action: "Hold a discharge planning meeting for every adult with care needs before they leave hospital.",
      progress:
        "The ward has to call the meeting: until hospital staff tell us a discharge date there is nothing for us to arrange.",
      status: "minor-risk",
      statusText: "Amber",
    });
    const other = cleanAction({ section: theme, organisation: "Eastvale Hospitals NHS Trust", ref: "C2" });
    const raised = (actions: ReturnType<typeof cleanAction>[]) =>
      findings(actions).filter((f) => f.kind === "deflected" && f.ref === "C1");
    expect(raised([handedOver, other])).toHaveLength(1);
    // Over one agency's actions alone the heading is read as that agency's name, "hospital" among its words.
    expect(raised([handedOver, { ...other, organisation: handedOver.organisation }])).toHaveLength(0);
  });

  describe("readings from the fifteenth held-out round (wording of my own)", () => {
    const home = {
      section: "Fernlea Respite Service",
      organisation: "Fernlea Respite Service",
      lead: "Registered Manager",
    };

    it("reads an offer to give something only when asked as an offer on demand", () => {
      const f = findingOf("deflected", {
        ...home,
        action: "Share each child's moving and handling plan with the school before term starts.",
        progress: "Plans are the school's to hold. We will give the school a copy whenever we are asked to.",
      });
      expect(f?.reason).toContain("whenever we are asked");
    });

    it("reads 'nothing further is required of' the agency as saying the action is not its own", () => {
      const f = findingOf("deflected", {
        ...home,
        action: "Check the references of every bank worker before a first shift.",
        progress: "Nothing further is required of Fernlea.",
      });
      expect(f?.reason).toContain("says the action is not for");
    });

    it("reads 'for' a named body with a bracketed aside and a second body 'to' act as handing over", () => {
      const f = findingOf("deflected", {
        ...home,
        action: "Agree how overnight staff escalate a medication error.",
        progress:
          "Escalation routes are for Northdown Medicines Network (the MOT) and the ICB pharmacy team to agree.",
      });
      expect(f?.reason).toContain("Northdown Medicines Network");
    });

    it("does not take a job description, or a system's upgrade, for another body", () => {
      expect(
        findingOf("deflected", {
          ...home,
          action: "Recruit a night-shift senior.",
          progress:
            "JD and person specification drafted. Interviews will follow once the post is approved by the ICB.",
        }),
      ).toBeUndefined();
      expect(
        findingOf("deflected", {
          ...home,
          action: "Add a communication-needs field to the care record.",
          progress: "Paused until the CareBase upgrade in the spring.",
        }),
      ).toBeUndefined();
    });

    it("counts a design made as work of the agency's own beside a hand-over", () => {
      const progress =
        "Welcome pack designed with parents in March. Printing costs sit with the council, as our grant does not fund it.";
      expect(
        findingOf("deflected", { ...home, action: "Produce a welcome pack for families.", progress }),
      ).toBeUndefined();
      expect(
        findingOf("deflected", {
          ...home,
          action: "Produce a welcome pack for families.",
          progress: "Printing costs sit with the council, as our grant does not fund it.",
        }),
      ).toBeDefined();
    });
  });

  describe("readings from the sixteenth held-out round (wording of my own)", () => {
    const home = {
      section: "Fernlea Respite Service",
      organisation: "Fernlea Respite Service",
      lead: "Registered Manager",
      status: "completed" as const,
      statusText: "Blue",
    };

    it("does not read 'multi-agency' or 'inter-agency' as naming an agency", () => {
      expect(
        findingOf("deflected", {
          ...home,
          action:
            "No stay to be cancelled for non-attendance without a multi-agency discussion and a letter to the family's social worker.",
          progress: "",
        }),
      ).toBeUndefined();
    });

    it("does not read contacts that go unanswered as an offer made only when contacted", () => {
      expect(
        findingOf("deflected", {
          ...home,
          action:
            "Crisis team to carry out a face-to-face visit within 24 hours when two consecutive contacts with a referred patient go unanswered.",
          progress: "",
        }),
      ).toBeUndefined();
      expect(
        findingOf("deflected", {
          ...home,
          action: "Share the care plan with the school.",
          progress: "We will share it when the school contacts us.",
        }),
      ).toBeDefined();
    });

    it("reads a note without its article ('Training provider identified') as what was acted on, not who acted", () => {
      const action = "Train all night staff in epilepsy rescue medication.";
      expect(
        findingOf("deflected", {
          ...home,
          action,
          progress: "Training provider identified. Sessions being arranged.",
        }),
      ).toBeUndefined();
      expect(
        findingOf("deflected", {
          ...home,
          action,
          progress: "Training provider delivered the sessions in May.",
        }),
      ).toBeDefined();
    });

    it("does not read 'practice' in 'practice guidance' as a GP practice", () => {
      expect(
        findingOf("deflected", {
          ...home,
          status: "on-track",
          statusText: "Green",
          action: "Revise the escalation guidance and audit its use.",
          progress:
            "Revised practice guidance agreed and launched at the managers' forum. The audit cannot start until the council's data team grants access.",
        }),
      ).toBeUndefined();
    });

    it("does not count stating the agency's position as work of its own on the action", () => {
      const ed = {
        section: "Northfield Hospitals – ED",
        organisation: "Northfield Hospitals NHS Trust",
        lead: "ED Matron",
        status: "minor-risk" as const,
        statusText: "Amber",
        action: "Follow up every young person who leaves ED before review.",
      };
      for (const progress of [
        "Trust position (agreed at the Safeguarding Committee in July): follow-up in the community is a GP function, not an ED one.",
        "Trust position agreed at committee in July. Follow-up in the community is a GP function.",
      ])
        expect(findingOf("deflected", { ...ed, progress }), progress).toBeDefined();
      expect(
        findingOf("deflected", {
          ...ed,
          progress:
            "Response agreed at committee: the ED now phones every young person who leaves before review.",
        }),
      ).toBeUndefined();
    });

    it("counts what the agency has fitted as its own deed beside where its referrals come from", () => {
      expect(
        findingOf("deflected", {
          section: "Kestrel Housing",
          organisation: "Kestrel Housing Association",
          lead: "Tenancy Services Manager",
          action:
            "Fit extra door locks for tenants at risk of domestic abuse within 10 working days of referral.",
          progress:
            "Since May the association has fitted extra locks in 30 homes. Referrals come from the police.",
        }),
      ).toBeUndefined();
    });

    it("reads 'is wholly a decision for' a name the lists do not know as handing over", () => {
      const action = "Move respite bookings to the online system.";
      expect(
        findingOf("deflected", {
          ...home,
          action,
          progress: "Changing the booking system is wholly a decision for Northgate Digital, who host it.",
        }),
      ).toBeDefined();
      expect(
        findingOf("deflected", {
          ...home,
          action,
          progress: "Changing the booking system is wholly a decision for Fernlea's managers.",
        }),
      ).toBeUndefined();
    });

    it("does not read work done and awaiting the partnership's sign-off as waiting on another body", () => {
      const action = "Give every family a named key worker at the first visit.";
      expect(
        findingOf("deflected", { ...home, action, progress: "Complete, awaiting SCP sign-off." }),
      ).toBeUndefined();
      expect(
        findingOf("deflected", {
          ...home,
          action,
          progress: "Awaiting sign-off by the ICB before anything can start.",
        }),
      ).toBeDefined();
    });

    it("reads the agency's own board, named before the word, as the agency", () => {
      const action = "Fit door alarms to all bedrooms.";
      expect(
        findingOf("deflected", {
          ...home,
          action,
          progress: "Quotes obtained, subject to sign-off by the Fernlea board.",
        }),
      ).toBeUndefined();
      expect(
        findingOf("deflected", {
          ...home,
          action,
          progress: "On hold, subject to sign-off by the Northdown board.",
        }),
      ).toBeDefined();
    });
  });
});
