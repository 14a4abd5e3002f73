/**
 * Seed 001 (the JTAI children's mental health action plan) as data, so every fixture built from it
 * tells the same story. Text is the seed's; RAG colours and "last updated" dates are those of the
 * sample files in ../shared/samples (the seed text lost its colours). `due` is worked out by hand
 * from the timescale as written ("End June 2020" is 2020-06-30, "October 2020" is 2020-10-31).
 * Progress keeps its shape as lines: "• " starts a bullet item, "1. " a numbered one.
 */
import type { ExpectedOrganisation } from "./expected.js";

export type Rag = "Red" | "Amber" | "Green" | "Blue";

export interface JtaiAction {
  section: string;
  ref: string;
  finding: string;
  action: string;
  lead: string;
  timescale: string;
  due: string | null;
  rag: Rag;
  /** The seed's "Completed" column as written. */
  completed: string;
  progress: string;
  lastUpdate: string;
}

export const JTAI_TITLE = "Action Plan – JTAI children’s mental health";
export const JTAI_AS_OF = "2020-03-26";

/**
 * The organisation a careful reader would give each action, as the plan names it (resolved through
 * the organisation directory by the tests). Where the document itself allows two readings, both are
 * accepted: a section named for a service (Children's Social Care, the YOT) belongs to the service or
 * the council that runs it; "Public Health / CNWL" names the council's public health team and the
 * trust it commissions, in that order (CNWL must then be among the owners, see
 * `jtaiAlsoOrganisations`); an action whose lead names another body (24: "MK Together") may be that
 * body's. The multi-agency section has an owner only where the lead names one.
 */
export function jtaiExpectedOrganisation(a: Pick<JtaiAction, "section" | "lead">): ExpectedOrganisation {
  switch (a.section) {
    case "Children's Social Care":
      return ["MKC", "Children's Social Care"];
    case "Public Health / CNWL":
      return ["CNWL", "MKC"];
    case "Thames Valley Police":
      return "TVP";
    case "Youth Offending Team":
      return a.lead === "MK Together"
        ? ["Youth Offending Team", "MKC", "MK Together"]
        : ["Youth Offending Team", "MKC"];
    case "MKUHT":
      return "MKUHT";
    default:
      if (a.lead.startsWith("Mac Heath MKC")) return "MKC";
      if (a.lead === "MK Together") return ["MK Together", null];
      return null;
  }
}

/** Owners that must be listed besides the primary one. */
export function jtaiAlsoOrganisations(a: Pick<JtaiAction, "section" | "lead">): string[] {
  const also: string[] = [];
  if (a.section === "Public Health / CNWL") also.push("CNWL");
  if (/\bTVP\b/.test(a.lead) && a.section !== "Thames Valley Police") also.push("TVP");
  return also;
}

export const JTAI_SECTIONS = [
  "Children's Social Care",
  "Public Health / CNWL",
  "Thames Valley Police",
  "Youth Offending Team",
  "MKUHT",
  "Multi-agency / System areas",
] as const;

/** Section organisations: the multi-agency section belongs to no one agency. */
export function jtaiSectionOrganisation(section: string): ExpectedOrganisation {
  return section === "Multi-agency / System areas" ? null : jtaiExpectedOrganisation({ section, lead: "" });
}

export const JTAI_ACTIONS: JtaiAction[] = [
  {
    section: "Children's Social Care",
    ref: "1",
    finding:
      "Frontline managers across children's social care do not have access to 'live' performance information.",
    action: "Dashboard data to be uploaded for frontline social care on agreed KPIs.",
    lead: "Jonathan Eastwood",
    timescale: "End February 2020",
    due: "2020-02-29",
    rag: "Red",
    completed: "In progress",
    progress:
      "Self-service provision is now available for caseload data in:\n• CFP\n• CWD\n• Corporate Parenting (Inc. care leavers)\n• Exploitation\n• Family Support\n• FAST\n• MASH\nAs these have been brought in over a relatively quick period, they are constantly under review to ensure the best quality and most useful data for the teams. The data shows either a snapshot from the previous night or allows for searchable parameters.\nWe are only at the start of this journey, however there has been considerable improvement of what the managers and team managers have at their fingers and we are always looking to improve and add depth to the provision.\nWhen the Official go-live for Office 365 is brought in across the Council, then additional interactive dashboards will be developed through Power BI, however due to the current Coronavirus circumstances, this is not expected until towards the end of 2020 due to other IT priorities.",
    lastUpdate: "2020-03-24",
  },
  {
    section: "Children's Social Care",
    ref: "2",
    finding:
      "Audits by CSC for the inspection were overly descriptive and lacked sufficient analysis of the impact of interventions and of whether they have resulted in positive, timely service to children that have led to improvements in their circumstances.",
    action: "Audit process to be review in January and revised to reflect improved analysis and impact.",
    lead: "Jo Hooper",
    timescale: "End February 2020",
    due: "2020-02-29",
    rag: "Blue",
    completed: "Completed",
    progress:
      "Enhanced quality assurance framework includes file audit, practice observations, service user feedback. Tools reviewed to focus on outcomes for children and impact of practice. Training rolled out to improve quality of audit: analysis, evaluation, evidence base, and learning. Training on KSS standards and observation delivered in Q3. Further working with SESLIP QA group to develop QA approach and share good practice.",
    lastUpdate: "2020-02-28",
  },
  {
    section: "Children's Social Care",
    ref: "3",
    finding:
      "Care plans either do not include or do not always capture the full details of actions needed to improve children's health.",
    action: "Audit in February with new Head of Corporate Parenting.",
    lead: "Sivay Heer",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In Progress",
    progress:
      "Reviewed performance data of health assessments and worked with LAC nurses to identify and challenge gaps. Team Manager for CIC Team and Family Support Manager monitors all outstanding actions on IHAs, RHAs, SDQs and dental checks. Data scorecard in place for monitoring. 95% health assessments been completed although not all have been in timescale. Health forums every 6 weeks to look at health needs of children including emerging themes including mental health.\nWork by Safeguarding Service (IROs) review health plans as part of the childcare review process and include health actions. The Team Manager Safeguarding dip review in supervision to check health is covered appropriately.",
    lastUpdate: "2020-03-17",
  },
  {
    section: "Children's Social Care",
    ref: "4",
    finding:
      "There is insufficient challenge by independent reviewing officers to address lack of progress on plans.",
    action: "New performance reporting arrangements to record escalation on a quarterly basis.",
    lead: "Jo Hooper MKC",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In progress",
    progress:
      "Since JTAI, Independent Chairs have discussed the effectiveness and evidence of their challenge function and put in place measures to make this more robust. Dispute resolutions are now recorded on a specific LCS tab and are monitored by the Safeguarding Manager.\nCases are reviewed in individual and group supervision to identify and drive areas of challenge. A specific audit tool is being developed to evaluate the IC impact across services.\nIndependent Chair CP and CCR monitoring reports show the oversight that chairs have of child protection and LAC processes and plans.",
    lastUpdate: "2020-03-17",
  },
  {
    section: "Children's Social Care",
    ref: "5",
    finding: "Assessments of children are not regularly updated.",
    action: "New protocol / guideline put in place and audited.",
    lead: "Melinda May MKC",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In progress",
    progress:
      "New protocol for updating children and family assessments at least annually has been issued to all staff. Exception reporting through the self-service reports enables monitoring by managers.",
    lastUpdate: "2020-03-12",
  },
  {
    section: "Children's Social Care",
    ref: "6",
    finding:
      "CSC do not always respond to GPs about the outcome of referrals or to share information about a child protection investigation.",
    action: "Monitor through MASH Operational Board",
    lead: "Oonagh Moriarty",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In progress",
    progress:
      "Staff have been issued with reminders that GPs should must be sent outcomes of referrals and S47 information requests and outcomes. Dip sample to test planned for Spring 2020.",
    lastUpdate: "2020-03-05",
  },
  {
    section: "Public Health / CNWL",
    ref: "7",
    finding:
      "Management of safeguarding practice within CAMHS and the school nursing service does not focus on all areas of risk. For example, there is no managerial oversight of how many children within either service are on child protection plans, children in need plans or are looked after children. This means that managers do not have a good understanding about some of the most vulnerable children with their services and cannot use supervision to focus on these children or to ensure that children receive the services they need.",
    action:
      "1. New systems for monitoring caseloads in CAMHS, school nursing and for MARF referrals will be introduced.\n2. Standard Operating Procedures to be developed to outline the process and roles and responsibilities for caseload management.",
    lead: "John Culley Community Health Service Director\nLesley Halford Mental Health Service Director",
    timescale: "End May 2020",
    due: "2020-05-31",
    rag: "Green",
    completed: "In progress",
    progress:
      "1. Caseload management systems have been strengthened to improve the oversight of practitioners' caseloads in CAMHS and the School Nursing service. These improved systems highlight those children with the greatest need. For example, children flag on the caseload where they have a child protection or child in need plan in place or if the child is a looked after child. This enables staff and managers to oversee priority cases and ensure staff caseloads are appropriately weighted.\n2. A MARF referral tracker has also been introduced to ensure oversight of all referrals and monitoring of cases.\n3. A standard operating procedure is being developed to provide clarity around the new process and outline roles and responsibilities.",
    lastUpdate: "2020-03-19",
  },
  {
    section: "Public Health / CNWL",
    ref: "8",
    finding:
      "Monthly supervision for school nurses is not sufficient to enable staff to feel supported with their caseload of vulnerable children and nurses report that they feel under resourced and stretched beyond capacity.",
    action:
      "1. A review of safeguarding supervision will be undertaken to ensure this is being carried out in line with Trust Policy. Findings from the review will be utilised to improve safeguarding supervision.\n2. The vacancies for safeguarding lead and 0-19's team leader will be recruited to.",
    lead: "John Culley Community Health Service",
    timescale: "End May 2020",
    due: "2020-05-31",
    rag: "Green",
    completed: "In progress",
    progress:
      "1. The safeguarding supervision review has been undertaken and procedures are now in place to provide clinical and safeguarding supervision in line with Trust Policy.\n2. The safeguarding lead and Team leader vacancies in 0-19 service have been recruited to leading to an improved ability to provide safeguarding support and supervision to our staff.",
    lastUpdate: "2020-03-19",
  },
  {
    section: "Public Health / CNWL",
    ref: "9",
    finding:
      "Staff in the school nursing service and the looked after children nurses have not received specific training in mental ill-health.\nSchool nurses and CAMHS staff have not received recent safeguarding training in specialist topics beyond level three.",
    action:
      "1. CAMHS service will provide school nursing and looked after children services with mental health training.\n2. Additional training to be provided to school nursing and CAMHS team members in specialist topics above level 3.",
    lead: "John Culley Community Health Service Director\nLesley Halford Mental Health Service Director",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Amber",
    completed: "In progress",
    progress:
      "1. A programme of mental health training and specialist safeguarding training is currently being developed.\n2. Several specialist training sessions have been delivered and will continue to be so on as a rolling programme. For example, additional sessions on domestic abuse, risk to babies and risk of exploitation have been offered to practitioners. Systems are in place to ensure that attendance is appropriately recorded.",
    lastUpdate: "2020-03-19",
  },
  {
    section: "Public Health / CNWL",
    ref: "10",
    finding:
      "Despite strong efforts to raise the profile of the children and young people's drug and alcohol service by recently appointed leaders, most referrals to this service are from schools, the YOT and self-referrals. There are no recent referrals from GPs and CAMHS. This means that young people with poor emotional well-being or mental ill health who also misuse substances may not have the benefit of a joint approach to assessment and planning to meet their needs. This is a significant gap given the recent findings from a recent learning review",
    action:
      "The CAMHS team will work with the local provider of drug and alcohol services to help identify children and young people needing further support and to make a referral where appropriate",
    lead: "Lesley Halford Mental Health Service Director",
    timescale: "31 March 2020",
    due: "2020-03-31",
    rag: "Blue",
    completed: "Completed",
    progress:
      "1. The CAMHS team now benefit from a substance misuse practitioner from Compass who is co-located in the service for 1 session per week. This is helpful for joint assessments where there is an identified drug or alcohol need. The demand for this service will be reviewed on a monthly basis to determine if more or fewer sessions are required.",
    lastUpdate: "2020-03-02",
  },
  {
    section: "Public Health / CNWL",
    ref: "11",
    finding:
      "Some children needing specific types of CAMHS intervention still experience waits of up to 40 weeks.",
    action: "Ongoing work to address waiting lists",
    lead: "Jane Hannon, CNWL",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In Progress",
    progress:
      "• Action plan has been in place and there has been considerable improvement in access, reduced waiting times and improved recruitment of staff leading to a more stable workforce.\n• The wait list has halved, activity and caseload increasing by 30-40%.\n• The action plan is monitored within CNWL and jointly with the CCG at a monthly forum. Quarterly this forum extends to include the Contracts and Quality team.\n• Escalation and reports from the meeting are presented to the Strategic Contract Review Meeting.",
    lastUpdate: "2020-03-20",
  },
  {
    section: "Public Health / CNWL",
    ref: "12",
    finding:
      "Safeguarding activity undertaken by the MASH health practitioner is not always recorded in the shared health records system, meaning that the wider health community, including GPs, may not have access to this information.",
    action: "Being addressed within CNWL IT systems",
    lead: "Jane Hannon, CNWL",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Amber",
    completed: "In progress",
    progress: "1. The review of S1 templates is currently in progress.",
    lastUpdate: "2020-03-20",
  },
  {
    section: "Public Health / CNWL",
    ref: "13",
    finding:
      "Poor attendance by school nurses at primary care meetings and joint discussions of cases over the last year impedes effective liaison between them and GPs. This is a missed opportunity to share information and coordinate care for children known to each service.",
    action: "Joint review of attendance by CNWL and CCG",
    lead: "Jane Hannon, CNWL\nHannah Pugliese CCG",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Amber",
    completed: "In progress",
    progress: "1. Work ongoing to identify optimal engagement points between primary care and school nursing",
    lastUpdate: "2020-03-20",
  },
  {
    section: "Public Health / CNWL",
    ref: "14",
    finding:
      "The looked after children health team does not make full use of the shared system for recording. This prevents other health professionals working with children from having a full picture of the child's current risks and needs, including any for mental health support.",
    action:
      "1. A review will be undertaken within the Looked after Children team with view to scoping templates on S1 to improve information sharing. 2. The review will consider any training needs the team may have in using S1",
    lead: "John Culley Community Health Service Director",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In progress",
    progress:
      "1. The review of S1 templates is currently in progress. 2. An initial S1 training session has been provided to LAC team and further training has been identified and will be implemented shortly.",
    lastUpdate: "2020-03-19",
  },
  {
    section: "Public Health / CNWL",
    ref: "16",
    finding:
      "The 'assessment car' supporting officers dealing with adults who may have a mental health problem is not routinely available for children meaning officers do not have access to the same level of support and advice.",
    action: "Review of role and addressing training needs.",
    lead: "Jane Hannon, CNWL\nTVP",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Amber",
    completed: "In Progress",
    progress:
      "Training Programme being set from April 2020 to consider and address multiagency training needs under the oversight of the MK Together Board",
    lastUpdate: "2020-02-11",
  },
  {
    section: "Public Health / CNWL",
    ref: "17",
    finding:
      "The MASH health function is under-resourced and does not include coverage for periods of absence.",
    action: "Review of capacity and resource assigned",
    lead: "Jane Hannon, CNWL",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In Progress",
    progress:
      "Health recommissioning resource to strengthen flexibility and deployment of workforce to support areas of absence.",
    lastUpdate: "2020-02-11",
  },
  {
    section: "Thames Valley Police",
    ref: "18",
    finding:
      "Police staff in the custody suite have had insufficient training on the importance of identifying children's vulnerability and risks when children are brought into or held in custody.",
    action: "Review of capacity and resource assigned",
    lead: "TVP - Chief Inspector James Hahn",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In Progress",
    progress:
      "An inspector has been appointed in the CJ Custody dept to lead on children and young people. As well as developing a consistent approach and understanding in this area, the Insp will consider how this can be incorporated into standard training for custody staff.",
    lastUpdate: "2020-03-09",
  },
  {
    section: "Thames Valley Police",
    ref: "19",
    finding:
      "Flags and markers are available on police systems to highlight risks to children from mental ill health but these are not well used.",
    action: "IT options to be considered alongside training",
    lead: "TVP - Neil Haynes, Force Crime Registrar",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Amber",
    completed: "In Progress",
    progress:
      "Activity to improve the use of flags and markers crosses multiple units and departments, including Contact Management, Learning & Development and frontline staff in LPA and PVP. This activity will be co-ordinated by the Force Crime Registrar under the Crime Data Integrity work strand.",
    lastUpdate: "2020-03-09",
  },
  {
    section: "Thames Valley Police",
    ref: "20",
    finding:
      "There is limited research conducted by call takers in the police when dealing with incidents where children are involved and are at risk. The current electronic system does not give them the ability to quickly gain an understanding of the child's history, and, therefore decisions made are not intelligence-led.",
    action: "Review of training and IT systems",
    lead: "TVP - Gav Macmillan, Senior delivery officer",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Amber",
    completed: "In Progress",
    progress:
      "Contact Management staff will have enhanced capability with the introduction of CMP system (Within the next 3 months). This will improve the research function and enable staff to more quickly, easily and thoroughly obtain necessary information and pass it to officers. Staff are well-trained in identifying vulnerability at the point of call.",
    lastUpdate: "2020-03-09",
  },
  {
    section: "Thames Valley Police",
    ref: "21",
    finding:
      "A backlog of domestic abuse incidents known to the police has not yet be shared with CSC. The police do not screen and prioritise these cases based on risk.",
    action: "Review capacity and process at peak referral points",
    lead: "TVP – DCI Matt Darnell",
    timescale: "End May 2020",
    due: "2020-05-31",
    rag: "Red",
    completed: "In Progress",
    progress:
      "Police are prioritising based on risk i.e. pick out cases for review but then work on order of date received. The challenge remains on unknown information: what we don't know. To explain that further two examples below are considered as part of the work in this area:\nExample 1 – a DA incident is reported to the control room, basic information is obtained however due to victim availability an appointment is made in 2 days. The operator will create a DA occurrence which is automatically tasked to the MASH. So, prior to officer attendance this will be tasked back to the LPA. They will attend and then send it back to the MASH when they have obtained the relevant information, child details, children present, risk assessment etc – it is then shared as appropriate. However, as an extra level of safeguarding - if it is clear from the initial report – even prior to officer attendance that risk is high – we will still share but with the update that further information is to follow.\nExample 2 – An officer tasks the MASH but they do not complete the relevant sections – A, B, C and D (quite often section D which is the supervisor endorsement hasn't been completed). As per operational guidance police will send the referral back to the LPA for completion. However again if the risk is clearly high or there are obvious safeguarding concerns –the info. Will be shared with partners again with the update that further information is to follow.\nResourcing in the MASH can be challenging due to levels and demand. So, it is ensured officers are obtaining the relevant information and sharing this with the MASH.\nThe MASH will always have a level of throughflow challenge but high-risk cases are prioritised.",
    lastUpdate: "2020-03-13",
  },
  {
    section: "Youth Offending Team",
    ref: "22",
    finding: "YOT staff have no knowledge of the findings of recent serious case review or learning reviews.",
    action: "Undertake learning and training audit across service and implement training as necessary.",
    lead: "Gavin Sandmann",
    timescale: "End March 2020",
    due: "2020-03-31",
    rag: "Blue",
    completed: "Completed",
    progress:
      "Recent serious case reviews have been shared with YOT staff and a mechanism has been put in place to ensure that any future reviews and learning can be shared.",
    lastUpdate: "2020-02-26",
  },
  {
    section: "Youth Offending Team",
    ref: "23",
    finding: "Not all recommendations of the multi-agency YOT audit in November 2018 have been implemented.",
    action: "Report to Strategic Board at end January and set timescales for outstanding items.",
    lead: "Gavin Sandmann",
    timescale: "End April 2020",
    due: "2020-04-30",
    rag: "Amber",
    completed: "In Progress",
    progress:
      "Report to January Youth Offending Strategic Board indicated that most of the recommendations had been implemented. The board asked for updates at its next meeting on 28 April 2020 regarding 4 recommendations rated 'amber'.",
    lastUpdate: "2020-01-31",
  },
  {
    section: "Youth Offending Team",
    ref: "24",
    finding:
      "Despite the success of the early support project, the funding stream beyond March 2020 is uncertain. Identification of more secure funding streams would enable progress to be sustained across the partnership.",
    action:
      "Continued review and prioritisation of Early Support and Early Help Projects and continue to attempt to secure funding at a local and national level.",
    lead: "MK Together",
    timescale: "End March 2020",
    due: "2020-03-31",
    rag: "Blue",
    completed: "Completed",
    progress:
      "The project has secured funding of £30,000 from NHS England (Health & Justice) for 2020/21. A further £90k from the local community safety fund for 2020/21 will allow this successful early intervention work to continue. For future years continuation funding will be sought via a budget 'pressure' proposal.",
    lastUpdate: "2020-03-23",
  },
  {
    section: "Youth Offending Team",
    ref: "25",
    finding: "Young people accessing YOT are not receiving an enhanced school nursing offer.",
    action: "To take forward with Health colleagues at January YOT Strategic Board",
    lead: "Gavin Sandmann",
    timescale: "End June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In Progress",
    progress:
      "All YOT cases are health screened and referrals can be made to school nursing. Currently exploring the delivery of an enhanced clinic facility for YOT clients. Officers could take young people to the relevant where they would be seen by a member of the Primary Care Team who would have direct access to relevant health information. Progress to be given at the next Youth Offending Strategic Board.",
    lastUpdate: "2020-01-31",
  },
  {
    section: "MKUHT",
    ref: "26",
    finding:
      "The voice of the child is not consistently captured by either paediatric or A&E practitioners and this means that the views of the child are not informing the assessment of their mental health and well-being.",
    action: "Review of information sharing and shared protocols",
    lead: "Safeguarding lead MKUHT",
    timescale: "End April 2020",
    due: "2020-04-30",
    rag: "Green",
    completed: "In progress",
    progress:
      "Review of safeguarding training undertaken to focus on Think Family, delivering Level 1 & 2 Adult and Children training together. Review of Paediatric triage form to prompt capturing voice of child during assessment.",
    lastUpdate: "2020-03-16",
  },
  {
    section: "MKUHT",
    ref: "27",
    finding:
      "Referrals made to the MASH by A&E practitioners, although detailed, lack analysis which would assist in multi-agency decision making. When adults attend A&E, professionals do not routinely ask questions to enquire about their children or children they care for, so that risks to children may not be explored and understood.",
    action: "Review of information sharing and shared protocols",
    lead: "Safeguarding lead MKUHT",
    timescale: "End May 2020",
    due: "2020-05-31",
    rag: "Amber",
    completed: "In progress",
    progress:
      "Bespoke Signs of safety training to be delivered to Paediatric staff to capture analytical approach. Proposal to deliver joint safeguarding Adult and Children safeguarding training. Audit of Multi Agency Referral Forms with Paediatric team as a learning exercise. Feedback to teams on examples of well completed MARFs.",
    lastUpdate: "2020-03-16",
  },
  {
    section: "Multi-agency / System areas",
    ref: "28 SY2,8",
    finding:
      "Ensuring that young people whose mental health needs mean they sit just below the threshold for CAMHS can receive a service that meets their needs well.",
    action: "Review of commissioned services and gaps",
    lead: "MH JTAI T&F Group",
    timescale: "October 2020",
    due: "2020-10-31",
    rag: "Green",
    completed: "In Progress",
    progress:
      "• Ongoing audit of referrals to CAMHS that are rejected or have a single assessment\n• iThrive framework and mapping ongoing",
    lastUpdate: "2020-03-06",
  },
  {
    section: "Multi-agency / System areas",
    ref: "29 SY2,9",
    finding:
      "The procurement and contractual arrangements for mental health services are still the responsibility of individual accountable commissioners",
    action:
      "Identification of appropriate system partnership mechanism to enable coordination of CYP commissioning",
    lead: "MK Together",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Amber",
    completed: "In Progress",
    progress:
      "• MK Together identifying structures that allow coordinated and joint commissioning for CYP and other areas.",
    lastUpdate: "2020-03-06",
  },
  {
    section: "Multi-agency / System areas",
    ref: "30 SY1",
    finding:
      "TVP does not have a programme of mental health training for its workforce. The absence of training about vulnerabilities arising from mental ill health means that the workforce is not fully attuned to increased risks of harm that affect such vulnerable children.",
    action: "Consistent frontline mental health training to be delivered across agencies",
    lead: "MH JTAI T&F Group",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In Progress",
    progress:
      "• Proposed system approach to consistent frontline mental health training being taken, incorporating TVP.\n• Assessment of current and available mental health training programmes completed.",
    lastUpdate: "2020-03-06",
  },
  {
    section: "Multi-agency / System areas",
    ref: "31 SY3",
    finding:
      "There is no directory of services that children, parents and carers and professionals can access in MK if they want to know what services and resources are available for supporting children with mental health needs.",
    action:
      "MiDOS and Early Help hub coordinating information on services and clear communication to children, parents and professionals",
    lead: "MH JTAI T&F Group",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Green",
    completed: "In Progress",
    progress:
      "• MiDOS testing completed for adult mental health services\n• iThrive approach and signposting developed for CYP Mental Health services",
    lastUpdate: "2020-03-06",
  },
  {
    section: "Multi-agency / System areas",
    ref: "32",
    finding:
      "Planning for children was in place in individual agencies. Plans are not always sufficiently SMART so that the intended outcome for the child is not always clearly evident, timescales for actions are not always in place and measures by which improvement will be tracked and evaluated are not sufficiently detailed.",
    action: "Multi-agency audit/sharing of audits to inform better SMART planning",
    lead: "MH JTAI T&F Group",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Amber",
    completed: "In Progress",
    progress: "• Stakeholder group developing approach for meaningful multi-agency audits",
    lastUpdate: "2020-03-06",
  },
  {
    section: "Multi-agency / System areas",
    ref: "33",
    finding:
      "For children with very complex needs there was a lack of coordination of plans and no integrated plan that brought together all the risks and needs to the child. This meant that not all agencies has a clear and holistic picture of the complexity of children's lives.",
    action: "To appoint joint posts to coordinate plans for children with complex needs.",
    lead: "Mac Heath MKC\nHannah Pugliese, CCG",
    timescale: "End April 2020",
    due: "2020-04-30",
    rag: "Green",
    completed: "In Progress",
    progress:
      "Two joint posts have been appointed to with plans for professionals to be in in post in April 2020",
    lastUpdate: "2020-03-25",
  },
  {
    section: "Multi-agency / System areas",
    ref: "34",
    finding:
      "There is limited evidence of escalation and challenge by agencies, when outcomes for children were not improving.",
    action: "Clear escalation protocols to be established",
    lead: "Review Board",
    timescale: "30 June 2020",
    due: "2020-06-30",
    rag: "Red",
    completed: "In Progress",
    progress: "System approach to escalation and challenge on Review Board action plans",
    lastUpdate: "2020-01-14",
  },
];
