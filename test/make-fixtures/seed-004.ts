/**
 * The Leicester health action plans that seed 004 (scrutiny questions raised from them) describes,
 * written out as the agencies would have sent them. Refs, RAG words and the "last actions" dates are
 * the seed's; the wording of recommendations, actions and progress is invented to fit what the seed
 * says each plan contained. `status` is what the plan's key sentence makes of the RAG word, decided by
 * hand: Green is "on track or complete" (on-track, the cautious reading), Amber "some risk"
 * (minor-risk), and "Green, Not Applicable" marks an action the agency says is not its own.
 */
import type { Status } from "../../src/domain/status.js";

export interface LeicesterAction {
  /** Heading of the agency's plan, as written above its table. */
  section: string;
  /** The agency's full name, as the expected organisation. */
  organisation: string;
  ref: string;
  recommendation: string;
  action: string;
  lead: string;
  target: string;
  due: string | null;
  progress: string;
  /** Date of last update as the agency typed it. */
  lastUpdateText: string;
  lastUpdate: string | null;
  rag: string;
  status: Status;
}

export const LEICESTER_TITLE =
  "CQC Review of Health Services for Children Looked After and Safeguarding – Leicester";
export const LEICESTER_KEY_SENTENCE =
  "RAG key: Red – significant risk; Amber – some risk; Green – on track or complete; Blue – completed and embedded";
export const LEICESTER_RECEIVED = "Action Plans received on the 17th November 2020";
export const LEICESTER_AS_OF = "2020-11-17";

const CCG = "Leicester City Clinical Commissioning Group (CCG)";
const LPT = "Leicestershire Partnership NHS Trust (LPT)";
const MPT = "Midlands Partnership NHS Foundation Trust (MPT)";
const UHL = "University Hospitals of Leicester NHS Trust (UHL)";
const TP = "Turning Point";

const CCG_NAME = "Leicester City Clinical Commissioning Group";
const LPT_NAME = "Leicestershire Partnership NHS Trust";
const MPT_NAME = "Midlands Partnership NHS Foundation Trust";
const UHL_NAME = "University Hospitals of Leicester NHS Trust";

export const LEICESTER_SECTIONS: { section: string; organisation: string }[] = [
  { section: CCG, organisation: CCG_NAME },
  { section: LPT, organisation: LPT_NAME },
  { section: MPT, organisation: MPT_NAME },
  { section: UHL, organisation: UHL_NAME },
  { section: TP, organisation: "Turning Point" },
];

function notApplicable(ref: string, recommendation: string, progress: string): LeicesterAction {
  return {
    section: LPT,
    organisation: LPT_NAME,
    ref,
    recommendation,
    action: "No action for LPT.",
    lead: "Head of Safeguarding, LPT",
    target: "N/A",
    due: null,
    progress,
    lastUpdateText: "20/12/19",
    lastUpdate: "2019-12-20",
    rag: "Green, Not Applicable",
    status: "not-applicable",
  };
}

export const LEICESTER_ACTIONS: LeicesterAction[] = [
  {
    section: CCG,
    organisation: CCG_NAME,
    ref: "1.1",
    recommendation:
      "Leicester City CCG should ensure the safeguarding team has the capacity to meet its statutory responsibilities for children looked after and child protection.",
    action: "Recruit to the vacant Designated Nurse and Named Nurse posts in the CCG safeguarding team.",
    lead: "Head of Safeguarding – Leicester City CCG",
    target: "31 March 2020",
    due: "2020-03-31",
    progress:
      "First round of interviews held 12 December 2019; no appointment made.\nPost re-advertised in January 2020 with a recruitment premium of £4,000 agreed.",
    lastUpdateText: "31.12.19",
    lastUpdate: "2019-12-31",
    rag: "Amber",
    status: "minor-risk",
  },
  {
    section: CCG,
    organisation: CCG_NAME,
    ref: "1.2",
    recommendation:
      "Review the capacity of the Designated and Named Doctor for looked after children, as the Looked After Children Service Specification (October 2019) requires.",
    action:
      "Complete a review of Designated and Named Doctor capacity for LAC and report to the CCG Quality Committee.",
    lead: "Designated Doctor for LAC",
    target: "End Feb 2020",
    due: "2020-02-29",
    progress: "Review scoped; benchmarking against the intercollegiate guidance under way.",
    lastUpdateText: "30-11-19",
    lastUpdate: "2019-11-30",
    rag: "Amber",
    status: "minor-risk",
  },
  {
    section: CCG,
    organisation: CCG_NAME,
    ref: "5.3",
    recommendation:
      "GP practice staff should complete safeguarding training at the level the intercollegiate document sets for their role.",
    action:
      "Monitor Level 3 safeguarding training compliance across all GP practices; every practice compliant by April 2021.",
    lead: "Named GP for Safeguarding",
    target: "April 2021",
    due: "2021-04-30",
    progress: "Compliance 78% at the end of quarter 2; practices below 70% contacted by the Named GP.",
    lastUpdateText: "20/12/19",
    lastUpdate: "2019-12-20",
    rag: "Green",
    status: "on-track",
  },
  notApplicable(
    "1.1",
    "Commissioners should ensure that health assessments for children looked after are completed within statutory timescales.",
    "This action is for the CCG.",
  ),
  notApplicable(
    "1.2",
    "Commissioners should review the pathway for initial health assessments of children placed out of area.",
    "This action is for the CCG.",
  ),
  notApplicable(
    "2.1",
    "Performance information on health assessments should be shared with the Corporate Parenting Board.",
    "We will provide the current performance data.",
  ),
  notApplicable(
    "3.1",
    "Commissioners should ensure that care leavers receive a summary of their health history.",
    "This action is for the CCG.",
  ),
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "3.4",
    recommendation: "CAMHS should record the outcome of every referral for a child looked after.",
    action: "CAMHS to provide quarterly data on referral outcomes for children looked after.",
    lead: "Head of CAMHS, LPT",
    target: "30/06/2020",
    due: "2020-06-30",
    progress: "Data requested from CAMHS performance team.",
    lastUpdateText: "20/12/19",
    lastUpdate: "2019-12-20",
    rag: "Green",
    status: "on-track",
  },
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "6.1",
    recommendation:
      "Notifications of A&E attendance by children should reach the Healthy Together and LAC teams without delay.",
    action: "Review the notification system for A&E attendances across Healthy Together and LAC.",
    lead: "Service Manager, Healthy Together",
    target: "30th April 2020",
    due: "2020-04-30",
    progress: "Review of the notification system started; findings due April 2020.",
    lastUpdateText: "14/01/20",
    lastUpdate: "2020-01-14",
    rag: "Green",
    status: "on-track",
  },
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "7.1",
    recommendation:
      "Out-of-area providers should inform LPT when a child looked after attends, using the CP-IS system.",
    action: "Raise CP-IS use by out-of-area providers with NHS England and monitor notifications received.",
    lead: "Named Nurse Safeguarding, LPT",
    target: "31 March 2020",
    due: "2020-03-31",
    progress: "Raised at the regional safeguarding network; CP-IS alerts now checked daily.",
    lastUpdateText: "14/01/20",
    lastUpdate: "2020-01-14",
    rag: "Green",
    status: "on-track",
  },
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "7.2",
    recommendation: "Waiting times for neuro-developmental assessment should be reduced.",
    action: "Deliver the neuro-development (ND) transformation project.",
    lead: "Clinical Director, Families Young People and Children",
    target: "Ongoing",
    due: null,
    progress:
      "The ND project is ongoing and is a large transformational piece of work.\nPhase 1 (single point of access) live from February 2020.",
    lastUpdateText: "31/01/20",
    lastUpdate: "2020-01-31",
    rag: "Amber",
    status: "minor-risk",
  },
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "7.3",
    recommendation: "Safeguarding chronologies should be used consistently across all LPT services.",
    action: "Standardise the safeguarding chronology template and guidance across all LPT services.",
    lead: "Named Nurse Safeguarding, LPT",
    target: "End Feb 2020",
    due: "2020-02-29",
    progress: "Template agreed by the Safeguarding Committee; roll-out through team briefings.",
    lastUpdateText: "31/01/20",
    lastUpdate: "2020-01-31",
    rag: "Green",
    status: "on-track",
  },
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "7.4",
    recommendation: "Compliance with the safeguarding supervision policy should be audited.",
    action: "Audit safeguarding supervision and present results to the committee.",
    lead: "Head of Safeguarding, LPT",
    target: "31 March 2020",
    due: "2020-03-31",
    progress: "Audit complete; to be presented to the committee.",
    lastUpdateText: "31/01/20",
    lastUpdate: "2020-01-31",
    rag: "Green",
    status: "on-track",
  },
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "7.5",
    recommendation: "Oversight of child protection reports should be strengthened.",
    action:
      "Review the governance system, audit arrangements and oversight of child protection reports; deliver Signs of Safety training.",
    lead: "Head of Safeguarding, LPT",
    target: "30 June 2020",
    due: "2020-06-30",
    progress:
      "Governance review under way.\nSigns of Safety training: 212 staff trained – 64% of the target; “refresher” sessions to follow.",
    lastUpdateText: "31/01/20",
    lastUpdate: "2020-01-31",
    rag: "Green",
    status: "on-track",
  },
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "7.6",
    recommendation:
      "Adult mental health practitioners should take part in multi-agency meetings about children.",
    action: "Include adult mental health practitioners in multi-agency child protection meetings.",
    lead: "Head of Adult Mental Health, LPT",
    target: "30 June 2020",
    due: "2020-06-30",
    progress: "Attendance agreed in principle; rota not yet in place.",
    lastUpdateText: "31/01/20",
    lastUpdate: "2020-01-31",
    rag: "Amber",
    status: "minor-risk",
  },
  {
    section: LPT,
    organisation: LPT_NAME,
    ref: "7.12",
    recommendation: "All staff working with children should have Level 3 safeguarding training.",
    action: "Roll out Level 3 safeguarding training to all eligible staff.",
    lead: "Safeguarding Training Lead, LPT",
    target: "31/03/2021",
    due: "2021-03-31",
    progress: "Roll-out started; 41% of eligible staff trained.",
    lastUpdateText: "31/01/20",
    lastUpdate: "2020-01-31",
    rag: "Green",
    status: "on-track",
  },
  {
    section: MPT,
    organisation: MPT_NAME,
    ref: "9.1",
    recommendation: "The sexual health clinic at RMH should meet the ‘You’re Welcome’ criteria.",
    action: "Complete the ‘You’re Welcome’ self-assessment for the clinic at RMH.",
    lead: "Service Lead, Sexual Health",
    target: "31 March 2020",
    due: "2020-03-31",
    progress: "Self-assessment started.",
    lastUpdateText: "31.12.19",
    lastUpdate: "2019-12-31",
    rag: "Green",
    status: "on-track",
  },
  {
    section: MPT,
    organisation: MPT_NAME,
    ref: "9.2",
    recommendation: "Young people should be able to use the clinic without an appointment.",
    action: "Pilot a weekly drop-in session, including one at the hospital café.",
    lead: "Service Lead, Sexual Health",
    target: "End Feb 2020",
    due: "2020-02-29",
    progress: "Drop-in sessions running weekly.",
    lastUpdateText: "30-11-19",
    lastUpdate: "2019-11-30",
    rag: "Green",
    status: "on-track",
  },
  {
    section: MPT,
    organisation: MPT_NAME,
    ref: "9.3",
    recommendation: "Staff should record the voice of the young person in every consultation.",
    action: "Add a voice-of-the-child prompt to the consultation template.",
    lead: "Named Nurse, MPT",
    target: "31 January 2020",
    due: "2020-01-31",
    progress: "Prompt added to template.",
    lastUpdateText: "30-11-19",
    lastUpdate: "2019-11-30",
    rag: "Green",
    status: "on-track",
  },
  {
    section: MPT,
    organisation: MPT_NAME,
    ref: "9.4",
    recommendation: "Safeguarding referrals from the clinic should be audited.",
    action: "Audit a sample of safeguarding referrals each quarter.",
    lead: "Named Nurse, MPT",
    target: "31 March 2020",
    due: "2020-03-31",
    progress: "First quarterly audit done.",
    lastUpdateText: "31-12-19",
    lastUpdate: "2019-12-31",
    rag: "Green",
    status: "on-track",
  },
  {
    section: MPT,
    organisation: MPT_NAME,
    ref: "9.5",
    recommendation: "Clinic staff should complete training on child sexual exploitation.",
    action: "Deliver CSE training to all clinic staff.",
    lead: "Safeguarding Lead, MPT",
    target: "30 June 2020",
    due: "2020-06-30",
    progress: "Training booked for all clinic staff; £1,200 set aside from the training budget.",
    lastUpdateText: "30-06-20",
    lastUpdate: "2020-06-30",
    rag: "Green",
    status: "on-track",
  },
  {
    section: UHL,
    organisation: UHL_NAME,
    ref: "1.1",
    recommendation: "The emergency department should check CP-IS for every child who attends.",
    action:
      "Make the CP-IS check mandatory in the ED triage record; possible changes post COVID to be decided.",
    lead: "Head of Safeguarding, UHL",
    target: "31 March 2020",
    due: "2020-03-31",
    progress: "CP-IS check added to triage record. Changes post COVID under discussion.",
    lastUpdateText: "30/06/20",
    lastUpdate: "2020-06-30",
    rag: "Green",
    status: "on-track",
  },
  {
    section: UHL,
    organisation: UHL_NAME,
    ref: "1.5",
    recommendation: "ED staff should be trained to recognise risks to the children of adult patients.",
    action: "Secure funding for Think Family training for ED staff.",
    lead: "Head of Safeguarding, UHL",
    target: "30 June 2020",
    due: "2020-06-30",
    progress: "Funding of £15,000 secured for training.",
    lastUpdateText: "30/06/20",
    lastUpdate: "2020-06-30",
    rag: "Green",
    status: "on-track",
  },
  {
    section: TP,
    organisation: "Turning Point",
    ref: "TP1",
    recommendation:
      "Turning Point staff should have Level 3 safeguarding training in line with the intercollegiate competencies.",
    action: "Make Safeguarding Training Level 3 available to all practitioners.",
    lead: "Service Manager, Turning Point Leicester",
    target: "End Feb 2020",
    due: "2020-02-29",
    progress: "Level 3 e-learning available; face-to-face sessions paused.",
    lastUpdateText: "31/01/20",
    lastUpdate: "2020-01-31",
    rag: "Amber",
    status: "minor-risk",
  },
];
