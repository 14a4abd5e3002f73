import nunjucks from "nunjucks";
import { MONTH_NAMES } from "../domain/dates.js";
import { STATUS_LABELS, type Status } from "../domain/status.js";
import { formatBytes } from "../import/zip.js";
import { FINDING_KIND_LABELS, type FindingKind, ROLE_LABELS, type Role } from "../services/types.js";

/** Filters the views use. Any that return HTML build it from escaped pieces only. */

/** "2020-03-26" → "26 March 2020" (GOV.UK style); anything else is shown as given. */
export function govukDate(value: unknown): string {
  if (typeof value !== "string" || !value) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1] ?? ""} ${m[1]}`;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
});

/** An ISO timestamp in UK time: "26 March 2020 at 2:05pm". */
export function govukDateTime(value: unknown): string {
  if (typeof value !== "string" || !value) return "";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = Object.fromEntries(timeFormat.formatToParts(d).map((p) => [p.type, p.value]));
  const time = `${parts.hour}:${parts.minute}${String(parts.dayPeriod ?? "").toLowerCase()}`;
  return `${govukDate(`${parts.year}-${parts.month}-${parts.day}`)} at ${time}`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Plain text as stored by the importer (paragraphs on their own lines, list items as "- " lines) turned
 * into GOV.UK paragraphs and bullet lists. Every piece of text is escaped before it is wrapped.
 */
export function paragraphsHtml(value: unknown): string {
  if (typeof value !== "string" || !value.trim()) return "";
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length)
      out.push(`<ul class="govuk-list govuk-list--bullet">${list.map((i) => `<li>${i}</li>`).join("")}</ul>`);
    list = [];
  };
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const item = /^[-•\u2022\uf0b7*]\s+(.*)$/.exec(line);
    if (item) list.push(escapeHtml(item[1] ?? ""));
    else {
      flush();
      out.push(`<p class="govuk-body">${escapeHtml(line)}</p>`);
    }
  }
  flush();
  return out.join("\n");
}

export const STATUS_TAG_CLASSES: Record<Status, string> = {
  "significant-risk": "govuk-tag--red",
  "minor-risk": "govuk-tag--orange",
  "not-started": "govuk-tag--grey",
  "on-track": "govuk-tag--green",
  completed: "",
  "completed-with-impact": "govuk-tag--purple",
  "not-applicable": "govuk-tag--grey",
  unknown: "govuk-tag--yellow",
};

export function registerFilters(env: nunjucks.Environment): void {
  env.addFilter("govukDate", govukDate);
  env.addFilter("govukDateTime", govukDateTime);
  // An empty result stays a plain "" so that `(text | paragraphs) or "None"` falls back.
  env.addFilter("paragraphs", (v: unknown) => {
    const html = paragraphsHtml(v);
    return html ? new nunjucks.runtime.SafeString(html) : "";
  });
  env.addFilter("statusLabel", (s: Status) => STATUS_LABELS[s] ?? String(s));
  env.addFilter("statusClass", (s: Status) => STATUS_TAG_CLASSES[s] ?? "govuk-tag--grey");
  env.addFilter("kindLabel", (k: FindingKind) => FINDING_KIND_LABELS[k] ?? String(k));
  env.addFilter("roleLabel", (r: Role) => ROLE_LABELS[r] ?? String(r));
  env.addFilter("fileSize", (n: number) => formatBytes(n));
  env.addFilter("prettyJson", (v: unknown) =>
    v === null || v === undefined ? "" : JSON.stringify(v, null, 2),
  );
  env.addFilter("plural", (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`);
}
