import { STATUS_LABELS, STATUSES, type Status } from "../../domain/status.js";
import type { OpenFindingsPoint, StatusByOrganisation } from "../../services/types.js";
import { escapeHtml, govukDate } from "../filters.js";
import { textWidth, wrapText } from "./text.js";

/**
 * Server-rendered SVG charts that read without colour: each status has its own pattern as well as its
 * colour, bars carry their counts as text, and every chart comes with a title, a description and (on
 * the page) the same data as a table. All text is escaped here; the result is marked safe by the view.
 */

const INK = "#0b0c0c";

interface StatusStyle {
  colour: string;
  /** Pattern drawn over the colour, in an 8×8 tile; "" for a plain fill. */
  marks: string;
}

export const STATUS_STYLES: Record<Status, StatusStyle> = {
  "significant-risk": {
    colour: "#f4a9a3",
    marks: '<path d="M0 0L8 8M8 0L0 8" stroke="#0b0c0c" stroke-width="1.2"/>',
  },
  "minor-risk": {
    colour: "#ffdd99",
    marks: '<path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="#0b0c0c" stroke-width="1.2"/>',
  },
  "not-started": { colour: "#ffffff", marks: '<circle cx="4" cy="4" r="1.5" fill="#0b0c0c"/>' },
  "on-track": { colour: "#a8d5b5", marks: '<path d="M0 4H8" stroke="#0b0c0c" stroke-width="1.2"/>' },
  completed: { colour: "#9cc3e6", marks: "" },
  "completed-with-impact": {
    colour: "#c7b6e4",
    marks: '<path d="M4 0V8" stroke="#0b0c0c" stroke-width="1.2"/>',
  },
  "not-applicable": { colour: "#dcdcdc", marks: '<path d="M0 0L8 8" stroke="#505a5f" stroke-width="0.8"/>' },
  unknown: {
    colour: "#fff7bf",
    marks: '<path d="M0 6L2 2L4 6L6 2L8 6" fill="none" stroke="#0b0c0c" stroke-width="1"/>',
  },
};

function patternId(prefix: string, status: Status): string {
  return `${prefix}-${status}`;
}

function patternDefs(prefix: string): string {
  return STATUSES.map((s) => patternDef(patternId(prefix, s), s)).join("");
}

function patternDef(id: string, status: Status): string {
  const st = STATUS_STYLES[status];
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${st.colour}"/>${st.marks}</pattern>`;
}

/** A small swatch for the chart's key, so the key shows the same pattern as the bars. */
export function statusSwatch(status: Status): string {
  const id = `swatch-${status}`;
  return `<svg width="24" height="16" viewBox="0 0 24 16" aria-hidden="true" focusable="false"><defs>${patternDef(id, status)}</defs><rect x="0.5" y="0.5" width="23" height="15" fill="url(#${id})" stroke="${INK}"/></svg>`;
}

export interface StackedBarsOptions {
  id: string;
  title: string;
  /** The width the chart is drawn for, in px (it scales down to fit narrower space). */
  width?: number;
  /** Extra classes for the svg element (e.g. to show one drawing on small screens, another on large). */
  className?: string;
}

const LABEL_FONT = 14;
const LABEL_LINE = 17;
const LABEL_MAX_LINES = 3;
const GAP = 8;
const BAR_HEIGHT = 22;

/** How the bars are laid out for a width; exported for tests. */
export interface StackedBarsLayout {
  width: number;
  /** The label column: labels end at labelColumn - GAP, bars start at labelColumn. */
  labelColumn: number;
  barsWidth: number;
  labels: { lines: string[]; truncated: boolean }[];
}

export function stackedBarsLayout(rows: readonly StatusByOrganisation[], width: number): StackedBarsLayout {
  const totals = rows.map((r) => STATUSES.reduce((n, s) => n + r.counts[s], 0));
  const totalsColumn =
    Math.ceil(textWidth(String(Math.max(0, ...totals)), LABEL_FONT, { bold: true })) + 2 * GAP;
  // Labels may take up to about 40% of the width, leaving the bars at least as much as the labels need.
  const minBars = Math.max(60, Math.round(width * 0.35));
  const maxLabel = Math.max(48, Math.min(Math.round(width * 0.42), width - totalsColumn - minBars - 2 * GAP));
  // A narrow drawing has a narrow column, so it may use a line more before cutting a name short.
  const maxLines = width < 480 ? LABEL_MAX_LINES + 1 : LABEL_MAX_LINES;
  const labels = rows.map((r) => wrapText(r.organisation, maxLabel, LABEL_FONT, maxLines));
  const widest = Math.max(0, ...labels.flatMap((l) => l.lines.map((line) => textWidth(line, LABEL_FONT))));
  const labelColumn = Math.ceil(Math.min(widest, maxLabel)) + 2 * GAP;
  return { width, labelColumn, barsWidth: Math.max(20, width - labelColumn - totalsColumn), labels };
}

/**
 * Horizontal stacked bars: one bar per organisation, one segment per status. Organisation names are
 * wrapped onto up to three lines (four in a narrow drawing) in a column as wide as the longest line needs
 * (at most about 40% of the chart), and cut short with "…" only past that; every full name stays in the label's <title>, in the
 * description, and in the table that goes with the chart.
 */
export function statusByOrganisationSvg(
  rows: readonly StatusByOrganisation[],
  opts: StackedBarsOptions,
): string {
  const width = opts.width ?? 760;
  const layout = stackedBarsLayout(rows, width);
  const { labelColumn, barsWidth } = layout;
  const max = Math.max(1, ...rows.map((r) => STATUSES.reduce((n, s) => n + r.counts[s], 0)));
  const prefix = `${opts.id}-p`;
  const top = 6;

  let y = top;
  const bars = rows
    .map((row, i) => {
      const label = layout.labels[i] ?? { lines: [row.organisation], truncated: false };
      const rowHeight = Math.max(34, label.lines.length * LABEL_LINE + 12);
      const middle = y + rowHeight / 2;
      const barY = Math.round(middle - BAR_HEIGHT / 2);
      const firstBaseline = middle - ((label.lines.length - 1) * LABEL_LINE) / 2 + 5;
      const total = STATUSES.reduce((n, s) => n + row.counts[s], 0);
      let x = labelColumn;
      const segments = STATUSES.filter((s) => row.counts[s] > 0)
        .map((s) => {
          const w = (row.counts[s] / max) * barsWidth;
          const text = `${row.counts[s]} ${STATUS_LABELS[s]}`;
          const count =
            w >= 22
              ? `<rect x="${(x + w / 2 - 10).toFixed(1)}" y="${barY + 4}" width="20" height="14" fill="#ffffff"/><text x="${(x + w / 2).toFixed(1)}" y="${barY + 15}" font-size="12" text-anchor="middle">${row.counts[s]}</text>`
              : "";
          const seg = `<g><title>${escapeHtml(`${row.organisation}: ${text}`)}</title><rect x="${x.toFixed(1)}" y="${barY}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="url(#${patternId(prefix, s)})" stroke="${INK}" stroke-width="1"/>${count}</g>`;
          x += w;
          return seg;
        })
        .join("");
      const lines = label.lines
        .map(
          (line, n) =>
            `<tspan x="${labelColumn - GAP}" y="${(firstBaseline + n * LABEL_LINE).toFixed(1)}">${escapeHtml(line)}</tspan>`,
        )
        .join("");
      const name = `<g class="app-chart__label"><title>${escapeHtml(row.organisation)}</title><text font-size="${LABEL_FONT}" text-anchor="end">${lines}</text></g>`;
      y += rowHeight;
      return `${name}${segments}<text x="${(x + 6).toFixed(1)}" y="${barY + 16}" font-size="${LABEL_FONT}" font-weight="bold">${total}</text>`;
    })
    .join("");
  const height = Math.ceil(y + top);

  const desc = rows
    .map(
      (r) =>
        `${r.organisation}: ${STATUSES.filter((s) => r.counts[s] > 0)
          .map((s) => `${r.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
          .join(", ")}`,
    )
    .join("; ");
  const classes = ["app-chart", opts.className].filter(Boolean).join(" ");
  return `<svg class="${escapeHtml(classes)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${opts.id}-title ${opts.id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${opts.id}-title">${escapeHtml(opts.title)}</title><desc id="${opts.id}-desc">${escapeHtml(desc)}</desc><defs>${patternDefs(prefix)}</defs>${bars}</svg>`;
}

export interface LineChartOptions {
  id: string;
  title: string;
  width?: number;
  height?: number;
}

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const pow = 10 ** Math.floor(Math.log10(n));
  const steps = [1, 2, 2.5, 5, 10];
  for (const s of steps) if (s * pow >= n) return s * pow;
  return 10 * pow;
}

/** Open findings over time: a line with a marked, labelled point for every date. */
export function openFindingsSvg(points: readonly OpenFindingsPoint[], opts: LineChartOptions): string {
  const width = opts.width ?? 760;
  const height = opts.height ?? 300;
  const left = 50;
  const right = 20;
  const top = 20;
  const bottom = 50;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...points.map((p) => p.open)));
  const xOf = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const yOf = (v: number) => top + plotH - (v / max) * plotH;

  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => Math.round(max * f))
    .filter((v, i, all) => all.indexOf(v) === i)
    .map(
      (v) =>
        `<line x1="${left}" x2="${width - right}" y1="${yOf(v).toFixed(1)}" y2="${yOf(v).toFixed(1)}" stroke="#b1b4b6" stroke-width="1"/><text x="${left - 8}" y="${(yOf(v) + 4).toFixed(1)}" font-size="12" text-anchor="end">${v}</text>`,
    )
    .join("");
  const labelEvery = Math.max(1, Math.ceil(points.length / 4));
  const xLabels = points
    .map((p, i) =>
      i % labelEvery === 0 || i === points.length - 1
        ? `<text x="${xOf(i).toFixed(1)}" y="${height - bottom + 20}" font-size="12" text-anchor="middle">${escapeHtml(govukDate(p.date))}</text>`
        : "",
    )
    .join("");
  const path = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${xOf(i).toFixed(1)} ${yOf(p.open).toFixed(1)}`)
    .join(" ");
  const markers = points
    .map(
      (p, i) =>
        `<g><title>${escapeHtml(`${govukDate(p.date)}: ${p.open} open`)}</title><rect x="${(xOf(i) - 4).toFixed(1)}" y="${(yOf(p.open) - 4).toFixed(1)}" width="8" height="8" fill="#ffffff" stroke="${INK}" stroke-width="2"/><text x="${xOf(i).toFixed(1)}" y="${(yOf(p.open) - 10).toFixed(1)}" font-size="12" text-anchor="middle">${p.open}</text></g>`,
    )
    .join("");
  const first = points[0];
  const last = points[points.length - 1];
  const desc =
    first && last
      ? `${first.open} open findings on ${govukDate(first.date)}, ${last.open} on ${govukDate(last.date)}.`
      : "No findings yet.";
  return `<svg class="app-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${opts.id}-title ${opts.id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${opts.id}-title">${escapeHtml(opts.title)}</title><desc id="${opts.id}-desc">${escapeHtml(desc)}</desc>${ticks}<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}" stroke="${INK}"/><line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="${INK}"/><path d="${path}" fill="none" stroke="#1d70b8" stroke-width="3"/>${markers}${xLabels}<text x="12" y="${(top + plotH / 2).toFixed(1)}" font-size="12" text-anchor="middle" transform="rotate(-90 12 ${(top + plotH / 2).toFixed(1)})">Open findings</text></svg>`;
}
