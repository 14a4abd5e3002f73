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
  /** The width the chart is drawn for, in px (it scales down to fit narrower space). */
  width?: number;
  height?: number;
  /** Extra classes for the svg element (e.g. to show one drawing on small screens, another on large). */
  className?: string;
}

/** The top of the value axis and the step between its lines: whole numbers, at most five steps. */
function valueAxis(n: number): { max: number; step: number } {
  if (n <= 5) return { max: 5, step: 1 };
  for (let pow = 1; ; pow *= 10) {
    for (const step of [pow, 2 * pow, 2.5 * pow, 5 * pow]) {
      if (Number.isInteger(step) && Math.ceil(n / step) <= 5)
        return { max: Math.ceil(n / step) * step, step };
    }
  }
}

/** Every text of the line chart, axis labels and values alike (the size the bar chart's labels use). */
const LINE_FONT = 14;
/** How far above its point a value's baseline sits. */
const VALUE_RAISE = 10;
/** Roughly how far glyphs reach above and below the baseline, as a share of the font size. */
const ASCENT = 0.75;
const DESCENT = 0.25;

/** A text's box in the drawing, for keeping texts apart. */
interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/** A date as "1 February 2021", or "1 Feb 2021" where there is no room for the month's whole name. */
function chartDate(iso: string, form: "long" | "short"): string {
  const long = govukDate(iso);
  return form === "long" ? long : long.replace(/^(\d+ )([A-Z][a-z]{2})[a-z]*( \d{4})$/, "$1$2$3");
}

/**
 * The dates written under the axis: every k-th (and the last), for the smallest k whose dates keep apart
 * inside the drawing. Each is centred under its point where it fits, else starts (or ends) by its point.
 */
function chooseDates(
  points: readonly OpenFindingsPoint[],
  xOf: (i: number) => number,
  width: number,
  form: "long" | "short",
): { index: number; x: number; text: string; x1: number; x2: number }[] {
  const box = (index: number) => {
    const text = chartDate(points[index]?.date ?? "", form);
    const w = textWidth(text, LINE_FONT);
    const px = xOf(index);
    let x1 = px - w / 2;
    if (x1 < 0) x1 = Math.max(0, px - 6);
    if (x1 + w > width) x1 = Math.max(0, Math.min(px + 6, width) - w);
    return { index, x: x1 + w / 2, text, x1, x2: x1 + w };
  };
  type Label = ReturnType<typeof box>;
  const apart = (chosen: Label[]) =>
    chosen.every((b, n) => n === 0 || b.x1 >= (chosen[n - 1]?.x2 ?? 0) + 1.5 * GAP);
  if (points.length === 0) return [];
  const lastBox = box(points.length - 1);
  for (let k = 1; k < points.length; k++) {
    const chosen: Label[] = [];
    for (let i = 0; i < points.length - 1; i += k) chosen.push(box(i));
    // Make room for the last date by dropping the one before it, but never the first.
    while (chosen.length > 1 && !apart([...chosen.slice(-1), lastBox])) chosen.pop();
    chosen.push(lastBox);
    if (apart(chosen)) return chosen;
  }
  return [lastBox];
}

/** Where everything of the line chart goes for a width; exported for tests. */
export interface LineChartLayout {
  width: number;
  height: number;
  /** The plot area: axes at left and at bottom. */
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: { value: number; y: number }[];
  points: { x: number; y: number }[];
  /** The points whose date is written under the axis, with where each date's middle goes. */
  dateLabels: { index: number; x: number; text: string }[];
  /** The points whose value is written above them (others keep it in their title). */
  valueLabels: number[];
}

/**
 * Lays out the line chart so that every text stays inside the drawing and no two texts overlap: the
 * dates under the axis are as many as fit (the first and the last always, when both fit), each kept
 * whole inside the drawing; values are written above the points where there is room (always the
 * latest), the rest being in each point's title and in the table with the chart.
 */
export function openFindingsLayout(
  points: readonly OpenFindingsPoint[],
  width: number,
  height: number = width < 480 ? 260 : 300,
): LineChartLayout {
  const { max, step } = valueAxis(Math.max(0, ...points.map((p) => p.open)));
  const tickValues = Array.from({ length: max / step + 1 }, (_, i) => i * step);
  const widest = (texts: string[]) => Math.max(0, ...texts.map((t) => textWidth(t, LINE_FONT)));
  // The axis title, turned on its side, takes a column at the left; the tick values the next.
  const axisTitleColumn = Math.ceil(LINE_FONT * 1.3);
  const left = Math.ceil(axisTitleColumn + widest(tickValues.map(String)) + 2 * GAP);
  const right = width - GAP;
  const top = Math.ceil(VALUE_RAISE + LINE_FONT * (ASCENT + DESCENT) + GAP);
  const bottom = height - Math.ceil(LINE_FONT * 2 + GAP);
  // Points sit in from the axes by half the widest value, so their values never reach past the plot.
  const inset = Math.ceil(widest(points.map((p) => String(p.open))) / 2) + 4;
  const first = left + inset;
  const last = right - inset;
  const xOf = (i: number) =>
    points.length <= 1 ? (first + last) / 2 : first + (i / (points.length - 1)) * (last - first);
  const yOf = (v: number) => bottom - (v / max) * (bottom - top);
  const placed = points.map((p, i) => ({ x: xOf(i), y: yOf(p.open) }));

  // Month names written in full, unless that leaves room for fewer than the first and the last date.
  const longDates = chooseDates(points, xOf, width, "long");
  const dates =
    longDates.length < Math.min(2, points.length) ? chooseDates(points, xOf, width, "short") : longDates;

  // Values: the latest first, then from the left each that keeps clear of those already written.
  const valueBox = (i: number): Box => {
    const w = textWidth(String(points[i]?.open ?? ""), LINE_FONT);
    const p = placed[i] ?? { x: 0, y: 0 };
    const baseline = p.y - VALUE_RAISE;
    return {
      x1: p.x - w / 2,
      x2: p.x + w / 2,
      y1: baseline - LINE_FONT * ASCENT,
      y2: baseline + LINE_FONT * DESCENT,
    };
  };
  // A value must not sit on another point's marker either.
  const markers: Box[] = placed.map((p) => ({ x1: p.x - 5, x2: p.x + 5, y1: p.y - 5, y2: p.y + 5 }));
  const valueLabels: number[] = [];
  const latest = points.length - 1;
  for (const i of points.length ? [latest, ...[...points.keys()].slice(0, -1)] : []) {
    const box = valueBox(i);
    const clear =
      valueLabels.every((j) => !overlaps(box, valueBox(j), 2)) &&
      markers.every((m, j) => j === i || !overlaps(box, m, 1));
    if (i === latest || clear) valueLabels.push(i);
  }
  valueLabels.sort((a, b) => a - b);

  return {
    width,
    height,
    plot: { left, right, top, bottom },
    ticks: tickValues.map((value) => ({ value, y: yOf(value) })),
    points: placed,
    dateLabels: dates.map(({ index, x, text }) => ({ index, x, text })),
    valueLabels,
  };
}

/**
 * Open findings over time: a line with a marked point for every date, each with its date and value in a
 * title. Drawn for a width (300 px for small screens, 760 for the rest), with its text at 14 px, so that
 * the text stays readable rather than shrinking with a wide drawing on a narrow screen.
 */
export function openFindingsSvg(points: readonly OpenFindingsPoint[], opts: LineChartOptions): string {
  const layout = openFindingsLayout(points, opts.width ?? 760, opts.height);
  const { width, height, plot } = layout;
  const f = (n: number) => n.toFixed(1);
  // A white edge round each text keeps it readable where it crosses a grid line or the line itself.
  const text = (x: number, y: number, body: string, extra = "") =>
    `<text x="${f(x)}" y="${f(y)}" font-size="${LINE_FONT}"${extra} stroke="#ffffff" stroke-width="3" paint-order="stroke">${body}</text>`;

  const ticks = layout.ticks
    .map(
      ({ value, y }) =>
        `<line x1="${plot.left}" x2="${plot.right}" y1="${f(y)}" y2="${f(y)}" stroke="#b1b4b6" stroke-width="1"/>${text(plot.left - GAP, y + LINE_FONT * 0.35, String(value), ' text-anchor="end"')}`,
    )
    .join("");
  // A mark under every point, longer under those whose date is written.
  const dated = new Set(layout.dateLabels.map((d) => d.index));
  const dateTicks = layout.points
    .map(
      (p, i) =>
        `<line x1="${f(p.x)}" x2="${f(p.x)}" y1="${plot.bottom}" y2="${plot.bottom + (dated.has(i) ? 7 : 4)}" stroke="${INK}"/>`,
    )
    .join("");
  const dateLabels = layout.dateLabels
    .map((d) => text(d.x, plot.bottom + 5 + LINE_FONT + 2, escapeHtml(d.text), ' text-anchor="middle"'))
    .join("");
  const path = layout.points.map((p, i) => `${i === 0 ? "M" : "L"}${f(p.x)} ${f(p.y)}`).join(" ");
  const markers = points
    .map((p, i) => {
      const at = layout.points[i] ?? { x: 0, y: 0 };
      const value = layout.valueLabels.includes(i)
        ? text(at.x, at.y - VALUE_RAISE, String(p.open), ' text-anchor="middle"')
        : "";
      return `<g><title>${escapeHtml(`${govukDate(p.date)}: ${p.open} open`)}</title><rect x="${f(at.x - 4)}" y="${f(at.y - 4)}" width="8" height="8" fill="#ffffff" stroke="${INK}" stroke-width="2"/>${value}</g>`;
    })
    .join("");
  const middle = (plot.top + plot.bottom) / 2;
  const axisTitleX = Math.round(LINE_FONT * 0.95);
  const firstPoint = points[0];
  const lastPoint = points[points.length - 1];
  const desc =
    firstPoint && lastPoint
      ? `${firstPoint.open} open findings on ${govukDate(firstPoint.date)}, ${lastPoint.open} on ${govukDate(lastPoint.date)}.`
      : "No findings yet.";
  const classes = ["app-chart", opts.className].filter(Boolean).join(" ");
  return `<svg class="${escapeHtml(classes)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${opts.id}-title ${opts.id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${opts.id}-title">${escapeHtml(opts.title)}</title><desc id="${opts.id}-desc">${escapeHtml(desc)}</desc>${ticks}<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}" stroke="${INK}"/><line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${INK}"/>${dateTicks}<path d="${path}" fill="none" stroke="#1d70b8" stroke-width="3"/>${markers}${dateLabels}<text x="${axisTitleX}" y="${f(middle)}" font-size="${LINE_FONT}" text-anchor="middle" transform="rotate(-90 ${axisTitleX} ${f(middle)})">Open findings</text></svg>`;
}
