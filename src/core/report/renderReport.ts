/**
 * The progress report as Markdown: a document to paste into an email or a chat before the
 * meeting. It names no file of the notebook (the mentor does not have it), only what the
 * notes say.
 */
import { daysBetween } from '../model/dates';
import { itemLabel } from '../model/actionItems';
import { plural } from '../model/words';
import type { ActionItem, Goal } from '../model/types';
import {
  followThroughRate,
  onTimeRate,
  type CadenceReport,
  type FollowThrough,
  type ProgressReport,
} from './progressReport';

/** One-line summaries of the report's three measures, shared by the Markdown and the page. */
export function reportSummary(report: ProgressReport): {
  followThrough: string;
  milestones: string;
  meetings: string;
} {
  return {
    followThrough: followThroughText(report.followThrough),
    milestones: report.milestones.total
      ? `${report.milestones.done} of ${plural(report.milestones.total, 'milestone')} done, ${report.milestones.doneInPeriod} in this period.`
      : 'No milestones written yet.',
    meetings: report.cadence.length
      ? report.cadence.map(meetingsText).join(' ')
      : 'No sessions logged with a mentor.',
  };
}

/** "12 of 15 follow-ups due were done (80%), 9 on time (60%); 3 are still open." */
export function followThroughText(f: FollowThrough): string {
  if (f.due === 0) return 'No follow-ups fell due in this period.';
  const done = f.onTime + f.late;
  const open = f.open ? `; ${f.open} ${f.open === 1 ? 'is' : 'are'} still open` : '';
  return `${done} of ${plural(f.due, 'follow-up')} due ${done === 1 ? 'was' : 'were'} done (${followThroughRate(f)}%), ${f.onTime} on time (${onTimeRate(f)}%)${open}.`;
}

/** "Alex Rivera: 5 of 6 sessions the cadence (biweekly) asks for; next 2026-11-28 (agreed)." */
export function meetingsText(c: CadenceReport): string {
  const held = plural(c.held.length, 'session');
  const against =
    c.expected !== undefined && c.cadence
      ? `${c.held.length} of ${plural(c.expected, 'session')} the cadence (${c.cadence.text}) asks for`
      : `${held} held${c.cadence ? '' : ' (no cadence agreed)'}`;
  let next = '';
  if (c.next && c.overdue)
    next =
      c.next.source === 'cadence'
        ? `; by the cadence they were due to meet by ${c.next.date}, and nothing is planned`
        : `; the agreed date ${c.next.date} passed with no session`;
  else if (c.next) next = `; next ${c.next.date} (${c.next.source})`;
  return `${c.mentorName}: ${against}${next}.`;
}

/** The report as a Markdown document. */
export function renderReportMarkdown(report: ProgressReport): string {
  const out: string[] = [];
  const summary = reportSummary(report);
  out.push(`# Progress report for ${report.audience}`, '');
  out.push(`${report.from} to ${report.to}`, '');
  out.push('## Summary', '');
  out.push(`- **Follow-through:** ${summary.followThrough}`);
  out.push(`- **Milestones:** ${summary.milestones}`);
  for (const c of report.cadence) out.push(`- **Meetings:** ${meetingsText(c)}`);
  if (!report.cadence.length) out.push(`- **Meetings:** ${summary.meetings}`);
  out.push('');

  out.push('## Goals', '');
  if (!report.goals.length) out.push('No goals in view for this period.');
  else {
    out.push('| Goal | Status | Milestones | Target | Open items |', '|---|---|---|---|---:|');
    const { shown, more } = capped(report.goals, MAX_GOALS);
    for (const g of shown) {
      const recent = g.milestonesDoneInPeriod ? ` (+${g.milestonesDoneInPeriod})` : '';
      const target = g.goal.target
        ? `${g.goal.target.value}${g.pastTarget ? ' (passed)' : ''}`
        : '–';
      out.push(
        `| ${cell(g.goal.title ?? g.goal.id)} | ${g.goal.status} | ${g.done}/${g.total}${recent} | ${target} | ${g.openItems} |`,
      );
    }
    if (more) out.push('', `And ${plural(more, 'more goal')}.`);
    const measured = shown.filter((g) => g.goal.measure);
    if (measured.length) out.push('', 'How each goal is measured:', '');
    for (const g of measured)
      out.push(`- ${oneLine(g.goal.title ?? g.goal.id)}: ${oneLine(g.goal.measure!)}`);
  }
  out.push('');

  for (const section of reportLists(report)) {
    if (!section.lines.length && !section.empty) continue;
    out.push(`## ${section.title}`, '');
    if (!section.lines.length) out.push(section.empty);
    for (const line of section.lines) out.push(`- ${line}`);
    out.push('');
  }

  out.push('## Follow-through by month', '');
  out.push(
    '| Month | Due | On time | Late | Still open | Done |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const m of report.byMonth) {
    const rate = followThroughRate(m);
    out.push(
      `| ${m.month} | ${m.due} | ${m.onTime} | ${m.late} | ${m.open} | ${rate === undefined ? '–' : `${rate}%`} |`,
    );
  }
  out.push('');

  if (report.cadence.length) {
    out.push('## Meetings against cadence', '');
    out.push(
      '| Mentor | Cadence | Held | Expected | Longest gap | Next |',
      '|---|---|---:|---:|---:|---|',
    );
    for (const c of report.cadence) {
      const next = c.next ? `${c.next.date} (${c.next.source}${c.overdue ? ', passed' : ''})` : '–';
      out.push(
        `| ${cell(c.mentorName)} | ${c.cadence ? cell(c.cadence.text) : '–'} | ${c.held.length} | ${c.expected ?? '–'} | ${c.longestGap === undefined ? '–' : plural(c.longestGap, 'day')} | ${next} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** Lists longer than this are cut (a report is read, not searched: the views hold the rest). */
export const MAX_LIST = 50;
/** Goals shown in a report's table and chart. */
export const MAX_GOALS = 40;

/** The first `limit` of `list`, and how many were left out. */
export function capped<T>(
  list: readonly T[],
  limit: number,
): { shown: readonly T[]; more: number } {
  return list.length > limit
    ? { shown: list.slice(0, limit), more: list.length - limit }
    : { shown: list, more: 0 };
}

/** A titled list of the report, as lines of plain text, with what to say when it is empty. */
export interface ReportList {
  readonly title: string;
  readonly lines: readonly string[];
  /** Said when there are no lines; an empty list with no `empty` is left out. */
  readonly empty: string;
}

/** Wins, what needs attention and what comes up: shared by the Markdown and the page. */
export function reportLists(report: ProgressReport): ReportList[] {
  // Only the lines shown are written: at 100,000 notes a list can hold 30,000 items.
  const cut = <T>(list: readonly T[], line: (x: T) => string, what: string): string[] => {
    const { shown, more } = capped(list, MAX_LIST);
    const lines = shown.map(line);
    if (more) lines.push(`…and ${more} more ${what} (the Action Items view lists them all).`);
    return lines;
  };
  const wins: readonly (Goal | ActionItem)[] = [...report.achievedGoals, ...report.wins];
  return [
    {
      title: 'Wins',
      lines: cut(
        wins,
        (w) =>
          'type' in w
            ? `Achieved the goal: ${oneLine(w.title ?? w.id)}`
            : `${itemText(w)}${w.milestone ? ' (milestone)' : ''}, done ${w.doneDate}`,
        'done',
      ),
      empty: 'Nothing ticked off in this period yet.',
    },
    {
      title: 'Needs attention',
      lines: cut(
        report.overdue,
        (i) =>
          `${itemText(i)}${owner(i)}, due ${i.due} (${plural(daysBetween(i.due!, report.to), 'day')} overdue)`,
        'overdue',
      ),
      empty: 'Nothing overdue.',
    },
    {
      title: 'Coming up',
      lines: cut(report.upcoming, (i) => `${itemText(i)}${owner(i)}, due ${i.due}`, 'due soon'),
      empty: '',
    },
  ];
}

function itemText(item: ActionItem): string {
  return oneLine(itemLabel(item));
}

function owner(item: ActionItem): string {
  return item.owner ? ` (@${item.owner})` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text for a table cell: one line, pipes escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}
