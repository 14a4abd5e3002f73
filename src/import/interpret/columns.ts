/**
 * What each column of an action plan holds, recognised from the words of its header cell. The
 * synonyms are data so that a new wording met in a partnership's plan is one line here, not a regex.
 */

export const ROLES = [
  "ref",
  "finding",
  "action",
  "lead",
  "organisation",
  "due",
  "status",
  "completed",
  "progress",
  "lastUpdate",
  "impact",
  "section",
] as const;

export type Role = (typeof ROLES)[number];

export const HEADER_SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  ref: [
    "No.",
    "No",
    "Number",
    "Ref",
    "Ref.",
    "Ref no",
    "Reference",
    "Reference no",
    "Rec",
    "Rec no",
    "Rec ref",
    "Recommendation no",
    "Recommendation number",
    "Recommendation ref",
    "Action no",
    "Action number",
    "Action ref",
    "#",
    "Item",
    "Item no",
    "ID",
  ],
  finding: [
    "Area for development identified",
    "Area for development",
    "Areas for development",
    "Area for improvement",
    "Areas for improvement",
    "Finding",
    "Findings",
    "Key finding",
    "Key findings",
    "Recommendation",
    "Recommendations",
    "Learning point",
    "Learning points",
    "Issue",
    "Issues",
    "Issue identified",
    "Area of concern",
    "Areas of concern",
    "Areas of improvement",
    "Learning",
    "Lessons learned",
    "Lessons learnt",
    "Concern",
    "Concerns",
    "Gap",
    "Gaps",
    "What we found",
    "Inspection finding",
    "Review finding",
  ],
  action: [
    "Action",
    "Actions",
    "Action(s)",
    "Actions to be taken",
    "Action to be taken",
    "Action required",
    "Actions required",
    "Agreed action",
    "Agreed actions",
    "Planned action",
    "Planned actions",
    "What will we do",
    "What we will do",
    "Proposed action",
    "Proposed actions",
    "Intended action",
    "Action planned",
    "Actions planned",
    "Response",
    "Task",
    "Tasks",
    "What needs to happen",
    "Activity",
    "Activities",
    "Planned activity",
  ],
  lead: [
    "Lead",
    "Leads",
    "Owner",
    "Action owner",
    "Action lead",
    "Responsible lead",
    "Lead officer",
    "Lead person",
    "Lead manager",
    "Responsible",
    "Responsible officer",
    "Responsible person",
    "Accountable officer",
    "By whom",
    "Who",
    "Named lead",
    "Accountable lead",
    "Lead responsible",
    "Officer",
  ],
  organisation: [
    "Organisation",
    "Organization",
    "Agency",
    "Partner",
    "Partner agency",
    "Service",
    "Lead agency",
    "Lead organisation",
    "Responsible agency",
    "Responsible organisation",
  ],
  due: [
    "Timescale",
    "Timescales",
    "Timeframe",
    "Target date",
    "Target completion date",
    "Due",
    "Due date",
    "Date due",
    "Deadline",
    "By when",
    "When",
    "Completion date",
    "Target completion",
    "Timeline",
    "Time frame",
    "Completion by",
    "Date for completion",
  ],
  status: ["RAG", "RAG rating", "RAG status", "BRAG", "BRAG rating", "Status", "Rating", "Progress RAG"],
  completed: ["Completed", "Complete", "Complete?", "Done", "Date completed"],
  progress: [
    "Progress",
    "Progress to date",
    "Progress / Evidence",
    "Progress and evidence",
    "Progress update",
    "Progress updates",
    "Status update",
    "Evidence",
    "Evidence of progress",
    "Update",
    "Updates",
    "Comments",
    "Commentary",
    "Notes",
    "Action taken",
    "Actions taken",
    "Action taken to date",
    "Progress made",
    "Update on progress",
    "Current position",
    "Evidence of completion",
    "Progress and actions taken",
  ],
  lastUpdate: [
    "Date of last update",
    "Updated",
    "Last updated",
    "Last update",
    "Date updated",
    "Date last updated",
    "Update date",
    "Date of update",
  ],
  impact: [
    "Evidence of impact",
    "Impact",
    "Outcome",
    "Outcomes",
    "Impact / outcome",
    "Intended outcome",
    "Expected outcome",
    "Measure of success",
    "Success measure",
    "Success measures",
    "Outcome measure",
    "Outcome measures",
    "How will we know",
    "Impact measure",
    "Measures of success",
  ],
  section: ["Section", "Theme", "Workstream", "Priority area"],
};

/** Longer header texts are sentences in data rows, not column names. */
const MAX_HEADER_TOKENS = 8;
const MAX_HEADER_CHARS = 120;

/** Lower case words, with "(s)" plurals and bracketed remarks such as "(see key)" dropped. */
export function headerTokens(text: string): string[] {
  let t = text.normalize("NFKC").toLowerCase().replace(/\(s\)/g, "");
  const withoutRemarks = t.replace(/\([^)]*\)/g, " ");
  if (/[\p{L}\p{N}#]/u.test(withoutRemarks)) t = withoutRemarks;
  return t
    .replace(/[^\p{L}\p{N}#]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 0);
}

interface Synonym {
  role: Role;
  tokens: string[];
}

const SYNONYMS_BY_FIRST_TOKEN: ReadonlyMap<string, readonly Synonym[]> = (() => {
  const map = new Map<string, Synonym[]>();
  for (const role of ROLES) {
    for (const phrase of HEADER_SYNONYMS[role]) {
      const tokens = headerTokens(phrase);
      const first = tokens[0];
      if (first === undefined) continue;
      const list = map.get(first) ?? [];
      list.push({ role, tokens });
      map.set(first, list);
    }
  }
  return map;
})();

/**
 * The role a header cell names, or null. An exact synonym wins; otherwise the longest synonym found
 * inside the header, and between equally long ones the rightmost, because English compound headers
 * put their head noun last ("Action owner" is an owner, "Recommendation no" is a number).
 */
export function roleOfHeader(text: string): Role | null {
  if (text.length > MAX_HEADER_CHARS) return null;
  const tokens = headerTokens(text);
  if (tokens.length === 0 || tokens.length > MAX_HEADER_TOKENS) return null;
  let best: { role: Role; len: number; start: number } | null = null;
  for (let start = 0; start < tokens.length; start++) {
    const candidates = SYNONYMS_BY_FIRST_TOKEN.get(tokens[start] as string);
    if (!candidates) continue;
    for (const syn of candidates) {
      if (!matchesAt(tokens, start, syn.tokens)) continue;
      const len = syn.tokens.length;
      if (len === tokens.length) return syn.role;
      if (!best || len > best.len || (len === best.len && start >= best.start)) {
        best = { role: syn.role, len, start };
      }
    }
  }
  // A header is mostly its name; a short column name buried in a long phrase is a sentence.
  if (best && best.len * 4 >= tokens.length) return best.role;
  return null;
}

function matchesAt(tokens: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (start + phrase.length > tokens.length) return false;
  for (let i = 0; i < phrase.length; i++) {
    if (tokens[start + i] !== phrase[i]) return false;
  }
  return true;
}
