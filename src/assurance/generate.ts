import { MONTH_NAMES } from "../domain/dates.js";
import type { Status } from "../domain/status.js";
import type { AssuredAction } from "./types.js";

/**
 * Deterministic synthetic actions for benchmarks: plausible plan text in the shapes real plans use (good
 * and bad), so that every rule does its real work. Same n and seed, same actions.
 */
export function generateActions(n: number, seed = 1): AssuredAction[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const out: AssuredAction[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const agency = pick(AGENCIES);
    const status = pick(STATUS_MIX);
    const dueDay = BASE_DAY + Math.floor(rand() * 900) - 300;
    const due = rand() < 0.08 ? null : isoFromDay(dueDay);
    const lastUpdate = rand() < 0.2 ? null : isoFromDay(BASE_DAY - Math.floor(rand() * 400));
    const progress = progressFor(status, pick, rand);
    out[i] = {
      section: agency.section,
      organisation: agency.name,
      ref: `${1 + Math.floor(i / 20)}.${1 + (i % 20)}`,
      finding: vary(pick(FINDINGS), rand),
      action: vary(pick(ACTIONS), rand),
      lead: rand() < 0.04 ? "TBC" : pick(agency.leads),
      due,
      dueText: due
        ? `End ${MONTH_NAMES[Number(due.slice(5, 7)) - 1]} ${due.slice(0, 4)}`
        : pick(["Ongoing", "", "TBC"]),
      status,
      statusText: STATUS_WORDS[status],
      progress,
      evidenceOfImpact: status === "completed-with-impact" && rand() < 0.3 ? vary(pick(IMPACT), rand) : "",
      lastUpdate,
      history:
        lastUpdate === null && rand() < 0.5
          ? [{ occurredOn: isoFromDay(BASE_DAY - Math.floor(rand() * 300)) }]
          : undefined,
    };
  }
  return out;
}

/** The as-of date the generated dates are spread around. */
export const GENERATED_AS_OF = "2021-06-30";

function progressFor(status: Status, pick: <T>(list: readonly T[]) => T, rand: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < count; k++) {
    if (status === "completed" || status === "completed-with-impact")
      parts.push(pick(rand() < 0.7 ? DELIVERED : WEAK));
    else if (status === "not-applicable") parts.push(pick(rand() < 0.5 ? DEFLECTING : NOT_APPLICABLE));
    // About one open action in twelve hands its work away, as in the seed plans (5 of some 60 actions).
    else parts.push(pick(rand() < 0.04 ? DEFLECTING : rand() < 0.55 ? DELIVERED : WEAK));
  }
  if (status === "completed-with-impact" && rand() < 0.5) parts.push(pick(IMPACT));
  return parts.map((p) => vary(p, rand)).join(rand() < 0.5 ? " " : "\n- ");
}

/** Fill a template's {n}, {m}, {month} and {team} so that generated texts are (nearly all) different. */
function vary(template: string, rand: () => number): string {
  return template.replace(/\{(n|m|month|team)\}/g, (_, name: string) => {
    if (name === "n") return String(2 + Math.floor(rand() * 300));
    if (name === "m") return String(301 + Math.floor(rand() * 400));
    if (name === "month") return MONTH_NAMES[Math.floor(rand() * 12)] ?? "May";
    return TEAMS[Math.floor(rand() * TEAMS.length)] ?? "north";
  });
}

const TEAMS = [
  "north",
  "south",
  "east",
  "west",
  "central",
  "Bletchley",
  "Wolverton",
  "Newport",
  "Olney",
  "Kingsmead",
  "Oakgrove",
  "Fenny",
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE_DAY = 18808; // 2021-06-30

function isoFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const STATUS_MIX: readonly Status[] = [
  "on-track",
  "on-track",
  "on-track",
  "on-track",
  "minor-risk",
  "minor-risk",
  "significant-risk",
  "not-started",
  "completed",
  "completed",
  "completed-with-impact",
  "not-applicable",
  "unknown",
];

const STATUS_WORDS: Record<Status, string> = {
  "not-started": "Not started",
  "significant-risk": "Red",
  "minor-risk": "Amber",
  "on-track": "Green",
  completed: "Blue",
  "completed-with-impact": "Ev.",
  "not-applicable": "N/A",
  unknown: "",
};

const AGENCIES = [
  {
    section: "Children's Social Care",
    name: "Milton Keynes Council",
    leads: ["Head of Safeguarding", "Jo Hooper MKC", "MASH Manager"],
  },
  {
    section: "Thames Valley Police",
    name: "Thames Valley Police",
    leads: ["TVP – DCI Matt Darnell", "Chief Inspector, Custody"],
  },
  {
    section: "Leicestershire Partnership NHS Trust (LPT)",
    name: "Leicestershire Partnership NHS Trust",
    leads: ["Head of Safeguarding LPT", "Named Nurse"],
  },
  {
    section: "MKUHT",
    name: "Milton Keynes University Hospital NHS Foundation Trust",
    leads: ["Safeguarding lead MKUHT"],
  },
  {
    section: "Clinical Commissioning Group (CCG)",
    name: "Leicester City Clinical Commissioning Group",
    leads: ["Designated Nurse", "Head of Safeguarding, CCG"],
  },
  {
    section: "Youth Offending Team",
    name: "Milton Keynes Council",
    leads: ["Gavin Sandmann", "YOT Manager"],
  },
] as const;

const FINDINGS = [
  "The voice of the child is not consistently captured by paediatric or A&E practitioners.",
  "Referrals made to the MASH by A&E practitioners lack analysis.",
  "Health assessments for children looked after are not completed within timescales.",
  "Police staff in the custody suite have had insufficient training on children's vulnerability.",
  "Plans are not always SMART, and measures of improvement are not detailed.",
  "School nurses have not received recent safeguarding training.",
] as const;

const ACTIONS = [
  "Review of information sharing and shared protocols ({team})",
  "Dashboard data to be uploaded for the {team} frontline social care teams on agreed KPIs.",
  "Deliver Level 3 safeguarding training to all ED staff by {month}.",
  "Health visitors in the {team} locality to complete Level 2 safeguarding children e-learning.",
  "Monitor through the {team} MASH Operational Board",
  "Appoint a Designated Doctor for Looked After Children.",
  "Work with the ICB and the local authority to agree a joint protocol for children who move into the area.",
  "This action is for the CCG.",
  "Audit {n} child in need plans each quarter and report the findings to the Improvement Board.",
  "Ensure that LPT health practitioners contribute to strategy discussions.",
  "New protocol / guideline put in place and audited.",
  "Ongoing work to address waiting lists in the {team} team",
  "Introduce a routine enquiry about children in the household at every initial assessment in {team}.",
  "Commissioners to review the quality assurance arrangements for health assessments of children placed out of area.",
] as const;

const DELIVERED = [
  "Training delivered to {n} staff across the Emergency Department in {month}.",
  "New protocol for updating assessments at least annually has been issued to all staff.",
  "A MARF referral tracker has also been introduced to ensure oversight of all referrals and monitoring of cases.",
  "Caseload management systems in the {team} team have been strengthened; children flag on the caseload where they have a plan in place.",
  "Custody training module launched in {month}; {n} of {m} custody staff have completed it.",
  "Two joint posts have been appointed to with plans for professionals to be in post in {month}.",
  "Dispute resolutions are now recorded on a specific LCS tab and are monitored by the Safeguarding Manager.",
] as const;

const WEAK = [
  "Funding secured for training.",
  "A review of the pathway was undertaken in {month}. Possible changes will be considered post COVID.",
  "Training dates for the {team} team being arranged.",
  "Awaiting response.",
  "Review of the notification system under way with the {team} LAC team.",
  "Delayed owing to the COVID-19 response; to be rescheduled.",
  "The launch event is planned for {month}. Invitations will be sent to {n} practitioners.",
  "Complete.",
  "",
] as const;

const DEFLECTING = [
  "This sits with commissioners; no further action for LPT. LPT will provide data to the CCG when requested.",
  "Invitations to strategy discussions are the responsibility of the local authority.",
  "We will provide the current performance data.",
  "The local authority leads on return home interviews. Police have revised the missing person procedure.",
  "Awaiting a decision from NHS England on funding before the service can be extended.",
] as const;

const NOT_APPLICABLE = [
  "Not applicable: the service was brought in house in {month} (see action 4.2).",
  "Superseded by the {team} locality model; closed by the Board in {month}.",
] as const;

const IMPACT = [
  "Re-audit in {month} found that {n} of {m} strategy discussions included health, up from 52% last year.",
  "Average wait in the {team} team reduced from {n} days to 20 days.",
  "Staff feedback on the briefings was positive.",
  "Policy ratified at Board.",
] as const;
