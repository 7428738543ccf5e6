/**
 * The progress report as a web page for the editor's webview, with its charts drawn as
 * SVG here. The page runs no script at all: the notes it shows may come from anyone, so
 * every word from them is escaped, and the page's security policy allows only its own
 * inline styles. Colours come from the editor's theme (its `--vscode-*` variables).
 */
import { daysBetween } from '../model/dates';
import { plural } from '../model/words';
import type {
  CadenceReport,
  GoalReport,
  MonthFollowThrough,
  ProgressReport,
} from './progressReport';
import {
  capped,
  MAX_GOALS,
  MAX_MENTORS,
  oneLine,
  reportLists,
  reportSummary,
  reportTitle,
} from './renderReport';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const COLORS = {
  onTime: 'var(--vscode-charts-green, #388a34)',
  late: 'var(--vscode-charts-yellow, #bf8803)',
  open: 'var(--vscode-charts-red, #e51400)',
  bar: 'var(--vscode-charts-blue, #1a85ff)',
  track: 'var(--vscode-editorWidget-border, #8884)',
  text: 'var(--vscode-foreground, #333)',
  muted: 'var(--vscode-descriptionForeground, #777)',
  undated: 'var(--vscode-charts-purple, #652d90)',
};

/** The whole page. */
export function renderReportPage(report: ProgressReport): string {
  const h = escapeHtml;
  const body: string[] = [];
  const { title, note } = reportTitle(report);
  body.push(`<h1>${h(title)}</h1>`);
  if (note) body.push(`<p><i>${h(note)}</i></p>`);
  body.push(`<p class="muted">${report.from} to ${report.to}</p>`);
  body.push('<ul class="summary">');
  for (const [label, text] of reportSummary(report))
    body.push(`<li><b>${h(label)}:</b> ${h(text)}</li>`);
  body.push('</ul>');

  body.push('<h2>Follow-through by month</h2>');
  body.push(followThroughChart(report.byMonth));
  body.push(
    `<p class="legend">${swatch(COLORS.onTime)} on time ${swatch(COLORS.late)} late ${swatch(COLORS.undated)} done, no date ${swatch(COLORS.open)} still open</p>`,
  );

  body.push('<h2>Goals and milestones</h2>');
  body.push(
    report.goals.length ? goalsChart(report.goals) : '<p>No goals in view for this period.</p>',
  );
  const goalsLeft = capped(report.goals, MAX_GOALS).more;
  if (goalsLeft) body.push(`<p class="muted">And ${plural(goalsLeft, 'more goal')}.</p>`);

  if (report.cadence.length) {
    body.push('<h2>Meetings against cadence</h2>');
    const { shown, more } = capped(report.cadence, MAX_MENTORS);
    body.push(meetingsChart(shown, report.from, report.to));
    if (more) body.push(`<p class="muted">And ${plural(more, 'more mentor')}.</p>`);
  }

  for (const section of reportLists(report)) {
    if (!section.lines.length && !section.empty) continue;
    body.push(`<h2>${h(section.title)}</h2>`);
    body.push(list(section.lines, section.empty));
  }

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Progress report</title>
<style>
body { font-family: var(--vscode-font-family); color: ${COLORS.text}; padding: 0 1.5em 2em; max-width: 60em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid ${COLORS.track}; padding-bottom: 0.2em; }
.muted, .legend { color: ${COLORS.muted}; }
.summary li { margin: 0.3em 0; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin: 0 0.3em 0 0.8em; vertical-align: middle; }
svg { display: block; max-width: 100%; height: auto; }
svg text { fill: ${COLORS.text}; font-size: 12px; font-family: var(--vscode-font-family); }
svg text.muted { fill: ${COLORS.muted}; }
svg text.warn { fill: var(--vscode-editorWarning-foreground, #bf8803); }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function list(lines: readonly string[], empty: string): string {
  if (!lines.length) return empty ? `<p>${escapeHtml(empty)}</p>` : '';
  return `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
}

function swatch(color: string): string {
  return `<span class="swatch" style="background:${color}"></span>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, tip?: string): string {
  const title = tip ? `<title>${escapeHtml(tip)}</title>` : '';
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${fill}">${title}</rect>`;
}

function text(x: number, y: number, content: string, anchor = 'start', cls = ''): string {
  const c = cls ? ` class="${cls}"` : '';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}"${c}>${escapeHtml(content)}</text>`;
}

/** Stacked bars per month: follow-ups done on time, late, and still open. */
export function followThroughChart(months: readonly MonthFollowThrough[]): string {
  const height = 160;
  const top = 16;
  const base = top + height;
  const slot = 56;
  const width = Math.max(240, 40 + slot * months.length);
  const max = Math.max(1, ...months.map((m) => m.due));
  const scale = height / max;
  const parts: string[] = [];
  parts.push(`<line x1="32" y1="${base}" x2="${width}" y2="${base}" stroke="${COLORS.track}"/>`);
  months.forEach((m, i) => {
    const x = 40 + i * slot;
    let y = base;
    for (const [key, n] of [
      ['onTime', m.onTime],
      ['late', m.late],
      ['undated', m.undated],
      ['open', m.open],
    ] as const) {
      const hgt = n * scale;
      y -= hgt;
      if (n) parts.push(rect(x, y, slot - 16, hgt, COLORS[key], `${m.month}: ${n} ${LABELS[key]}`));
    }
    parts.push(text(x + (slot - 16) / 2, base + 14, m.month, 'middle', 'muted'));
    if (m.due) parts.push(text(x + (slot - 16) / 2, y - 4, `${m.due}`, 'middle'));
  });
  return svg(width, base + 22, 'Follow-ups due per month: on time, late, still open', parts);
}

const LABELS = {
  onTime: 'done on time',
  late: 'done late',
  undated: 'done, no done date written',
  open: 'still open',
} as const;

/** One bar per goal: milestones done out of all. */
export function goalsChart(goals: readonly GoalReport[]): string {
  const labelWidth = 260;
  const barWidth = 300;
  const row = 26;
  const parts: string[] = [];
  const shown = capped(goals, MAX_GOALS).shown;
  shown.forEach((g, i) => {
    const y = 8 + i * row;
    const title = oneLine(g.goal.title ?? g.goal.id);
    parts.push(text(0, y + 13, shorten(title, 40)));
    parts.push(rect(labelWidth, y, barWidth, 16, COLORS.track));
    const share = g.total ? g.done / g.total : 0;
    parts.push(
      rect(
        labelWidth,
        y,
        barWidth * share,
        16,
        g.pastTarget ? COLORS.open : g.goal.status === 'achieved' ? COLORS.onTime : COLORS.bar,
        `${title}: ${g.done} of ${plural(g.total, 'milestone')} done`,
      ),
    );
    const status = g.goal.status === 'active' ? '' : `, ${g.goal.status}`;
    const target = g.goal.target
      ? `, target ${g.goal.target.value}${g.pastTarget ? ' (passed)' : ''}`
      : '';
    parts.push(
      text(
        labelWidth + barWidth + 8,
        y + 13,
        `${g.done}/${g.total}${status}${target}`,
        'start',
        'muted',
      ),
    );
  });
  return svg(
    labelWidth + barWidth + 260,
    16 + shown.length * row,
    'Milestones done per goal',
    parts,
  );
}

/** Per mentor, a timeline of the period with a mark for each session, and held against expected. */
export function meetingsChart(rows: readonly CadenceReport[], from: string, to: string): string {
  const labelWidth = 180;
  const lineWidth = 380;
  const row = 30;
  const span = Math.max(1, daysBetween(from, to));
  const parts: string[] = [];
  rows.forEach((c, i) => {
    const y = 10 + i * row;
    parts.push(text(0, y + 12, shorten(oneLine(c.mentorName), 26)));
    parts.push(
      `<line x1="${labelWidth}" y1="${y + 8}" x2="${labelWidth + lineWidth}" y2="${y + 8}" stroke="${COLORS.track}" stroke-width="2"/>`,
    );
    for (const d of c.held) {
      const x = labelWidth + (lineWidth * daysBetween(from, d)) / span;
      parts.push(
        `<circle cx="${x.toFixed(1)}" cy="${y + 8}" r="5" fill="${COLORS.bar}"><title>${escapeHtml(`Session ${d}`)}</title></circle>`,
      );
    }
    const against =
      c.expected !== undefined
        ? `${c.held.length} held, ${c.expected} asked for`
        : `${c.held.length} held`;
    const color =
      c.overdue || (c.expected !== undefined && c.held.length < c.expected) ? 'warn' : '';
    parts.push(
      text(
        labelWidth + lineWidth + 10,
        y + 12,
        `${against}${c.cadence ? ` (${c.cadence.text})` : ''}`,
        'start',
        color,
      ),
    );
  });
  const y = 10 + rows.length * row;
  parts.push(text(labelWidth, y + 6, from, 'start', 'muted'));
  parts.push(text(labelWidth + lineWidth, y + 6, to, 'end', 'muted'));
  return svg(
    labelWidth + lineWidth + 240,
    y + 14,
    'Sessions held per mentor over the period',
    parts,
  );
}

function svg(width: number, height: number, label: string, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}

/** `text` cut to `max` characters, with an ellipsis when cut. */
function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
