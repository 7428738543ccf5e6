/**
 * The progress report as Markdown: a document to paste into an email or a chat before the
 * meeting. It names no file of the notebook (the mentor does not have it), only what the
 * notes say. The report's sentences are built here once, as plain text, and the web page
 * (reportPage.ts) shows the same ones.
 */
import { daysBetween } from '../model/dates';
import { itemLabel } from '../model/actionItems';
import { oneLine, plural } from '../model/words';

export { oneLine };
import type { ActionItem, Goal } from '../model/types';
import {
  followThroughRate,
  onTimeRate,
  type CadenceReport,
  type FollowThrough,
  type ProgressReport,
} from './progressReport';

/** Lists longer than this are cut: a report is read, not searched. */
export const MAX_LIST = 50;
/** Goals shown in a report's table and chart. */
export const MAX_GOALS = 40;
/** Mentors shown in a report's summary, table and chart. */
export const MAX_MENTORS = 20;

/** The first `limit` of `list`, and how many were left out. */
export function capped<T>(
  list: readonly T[],
  limit: number,
): { shown: readonly T[]; more: number } {
  return list.length > limit
    ? { shown: list.slice(0, limit), more: list.length - limit }
    : { shown: list, more: 0 };
}

/** The report's heading, and for the overview of every mentor a word on who it is for. */
export function reportTitle(report: ProgressReport): { title: string; note?: string } {
  if (report.mentorId !== undefined)
    return { title: `Progress report for ${oneLine(report.audience)}` };
  return {
    title: 'Progress overview, all mentors',
    note: 'For you: it holds what you wrote down with each mentor. To send one, make the report for that mentor.',
  };
}

/** The summary's lines, as label and text. */
export function reportSummary(report: ProgressReport): [label: string, text: string][] {
  const lines: [string, string][] = [
    ['Follow-through', followThroughText(report.followThrough)],
    [
      'Milestones',
      report.milestones.total
        ? `${report.milestones.done} of ${plural(report.milestones.total, 'milestone')} done, ${report.milestones.doneInPeriod} in this period.`
        : 'No milestones written yet.',
    ],
  ];
  const { shown, more } = capped(report.cadence, MAX_MENTORS);
  for (const c of shown) lines.push(['Meetings', meetingsText(c, report.to)]);
  if (more) lines.push(['Meetings', `And ${plural(more, 'more mentor')}.`]);
  if (!report.cadence.length) lines.push(['Meetings', 'No sessions logged with a mentor.']);
  const open = [
    report.overdue.length ? `${report.overdue.length} overdue` : '',
    report.upcoming.length ? `${report.upcoming.length} due in the next two weeks` : '',
    report.openUndated ? `${report.openUndated} without a due date` : '',
  ].filter(Boolean);
  lines.push(['Open items', open.length ? `${open.join(', ')}.` : 'None.']);
  return lines;
}

/** "12 of 15 follow-ups due were done (80%): 9 on time (60%), 3 late; 3 are still open." */
export function followThroughText(f: FollowThrough): string {
  if (f.due === 0) return 'No follow-ups of yours fell due in this period.';
  const done = f.onTime + f.late + f.undated;
  const how = [
    `${f.onTime} on time (${onTimeRate(f)}%)`,
    f.late ? `${f.late} late` : '',
    f.undated ? `${f.undated} with no done date` : '',
  ].filter(Boolean);
  const open = f.open ? `; ${f.open} ${f.open === 1 ? 'is' : 'are'} still open` : '';
  return `${done} of ${plural(f.due, 'follow-up')} due ${f.due === 1 ? 'was' : 'were'} done (${followThroughRate(f)}%): ${how.join(', ')}${open}.`;
}

/** "Alex Rivera: 5 sessions held; the cadence (biweekly) asked for 6; next 2026-11-28 (agreed)." */
export function meetingsText(c: CadenceReport, today: string): string {
  let against = `${plural(c.held.length, 'session')} held`;
  if (!c.cadence) against += ' (no cadence agreed)';
  else if (c.expected === 0) against += `; none was due yet by the cadence (${c.cadence.text})`;
  else if (c.expected !== undefined)
    against += `; the cadence (${c.cadence.text}) asked for ${c.expected}`;
  let next = '';
  if (c.next && c.overdue)
    next =
      c.next.source === 'cadence'
        ? `; by the cadence they were due to meet by ${c.next.date}, and nothing is planned`
        : `; the agreed date ${c.next.date} passed with no session`;
  else if (c.next && c.next.date < today)
    next = `; the next was due ${c.next.date} (${c.next.source}), not logged yet`;
  else if (c.next) next = `; next ${c.next.date} (${c.next.source})`;
  return `${oneLine(c.mentorName)}: ${against}${next}.`;
}

/** A goal's milestones in a few words: "3/5, 2 this period". */
export function milestonesText(g: {
  done: number;
  total: number;
  milestonesDoneInPeriod: number;
}): string {
  return `${g.done}/${g.total}${g.milestonesDoneInPeriod ? `, ${g.milestonesDoneInPeriod} this period` : ''}`;
}

/** The report as a Markdown document. Every word from the notes is escaped. */
export function renderReportMarkdown(report: ProgressReport): string {
  const out: string[] = [];
  const { title, note } = reportTitle(report);
  out.push(`# ${md(title)}`, '');
  if (note) out.push(`_${md(note)}_`, '');
  out.push(`${report.from} to ${report.to}`, '');
  out.push('## Summary', '');
  for (const [label, text] of reportSummary(report)) out.push(`- **${label}:** ${md(text)}`);
  out.push('');

  out.push('## Goals', '');
  if (!report.goals.length) out.push('No goals in view for this period.');
  else {
    out.push('| Goal | Status | Milestones done | Target | Open items |', '|---|---|---|---|---:|');
    const { shown, more } = capped(report.goals, MAX_GOALS);
    for (const g of shown) {
      const target = g.goal.target
        ? `${g.goal.target.value}${g.pastTarget ? ' (passed)' : ''}`
        : '–';
      out.push(
        `| ${cell(g.goal.title ?? g.goal.id)} | ${g.goal.status} | ${milestonesText(g)} | ${target} | ${g.openItems} |`,
      );
    }
    if (more) out.push('', `And ${plural(more, 'more goal')}.`);
    const measured = shown.filter((g) => g.goal.measure);
    if (measured.length) out.push('', 'How each goal is measured:', '');
    for (const g of measured)
      out.push(`- ${md(g.goal.title ?? g.goal.id)}: ${md(g.goal.measure!)}`);
  }
  out.push('');

  for (const section of reportLists(report)) {
    if (!section.lines.length && !section.empty) continue;
    out.push(`## ${section.title}`, '');
    if (!section.lines.length) out.push(section.empty);
    for (const line of section.lines) out.push(`- ${md(line)}`);
    out.push('');
  }

  const next = report.cadence[0]?.next;
  if (report.mentorId !== undefined && next && next.date >= report.to) {
    // Prompts for the mentee to fill in before sending.
    out.push(
      `## For our next meeting, ${next.date}`,
      '',
      'What I would like from it:',
      '',
      '- ',
      '',
    );
  }

  out.push('## Follow-through by month', '');
  out.push(
    '| Month | Due | On time | Late | Done, no date | Still open | Done |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const m of report.byMonth) {
    const rate = followThroughRate(m);
    out.push(
      `| ${m.month} | ${m.due} | ${m.onTime} | ${m.late} | ${m.undated} | ${m.open} | ${rate === undefined ? '–' : `${rate}%`} |`,
    );
  }
  out.push('');

  if (report.cadence.length) {
    out.push('## Meetings against cadence', '');
    out.push(
      '| Mentor | Cadence | Held | Asked for | Longest gap | Next |',
      '|---|---|---:|---:|---:|---|',
    );
    const { shown, more } = capped(report.cadence, MAX_MENTORS);
    for (const c of shown) {
      const next = c.next ? `${c.next.date} (${c.next.source}${c.overdue ? ', passed' : ''})` : '–';
      out.push(
        `| ${cell(c.mentorName)} | ${c.cadence ? cell(c.cadence.text) : '–'} | ${c.held.length} | ${c.expected ?? '–'} | ${c.longestGap === undefined ? '–' : plural(c.longestGap, 'day')} | ${next} |`,
      );
    }
    if (more) out.push('', `And ${plural(more, 'more mentor')}.`);
    out.push('');
  }
  return out.join('\n');
}

/** A titled list of the report, as lines of plain text, with what to say when it is empty. */
export interface ReportList {
  readonly title: string;
  readonly lines: readonly string[];
  /** Said when there are no lines; an empty list with no `empty` is left out. */
  readonly empty: string;
}

/** Wins, what needs attention and what comes up, as plain text (escape it for the page). */
export function reportLists(report: ProgressReport): ReportList[] {
  // Only the lines shown are written: at 100,000 notes a list can hold 30,000 items.
  const cut = <T>(list: readonly T[], line: (x: T) => string, what: string): string[] => {
    const { shown, more } = capped(list, MAX_LIST);
    const lines = shown.map(line);
    if (more) lines.push(`…and ${more} more ${what}.`);
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
            : `${itemText(w)}${owner(w)}${w.milestone ? ' (milestone)' : ''}, done ${w.doneDate}`,
        'done',
      ),
      empty: 'Nothing ticked off in this period yet.',
    },
    {
      title: 'Challenges',
      lines: [
        ...challenges(report),
        ...cut(
          report.overdue,
          (i) =>
            `${itemText(i)}${owner(i)}, due ${i.due} (${plural(daysBetween(i.due!, report.to), 'day')} overdue)`,
          'overdue',
        ),
      ],
      empty: 'Nothing overdue, no target missed, meetings as agreed.',
    },
    {
      title: 'Resources and introductions',
      lines: [
        ...cut(report.resources, (i) => tagged('Resource', i), 'resources'),
        ...cut(report.introductions, (i) => tagged('Introduction', i), 'introductions'),
      ],
      empty: '',
    },
    {
      title: 'Coming up',
      lines: cut(report.upcoming, (i) => `${itemText(i)}${owner(i)}, due ${i.due}`, 'due soon'),
      empty: '',
    },
  ];
}

/** What adds up to a challenge besides the overdue items: missed targets, missed meetings. */
function challenges(report: ProgressReport): string[] {
  const out: string[] = [];
  for (const g of capped(report.goals, MAX_GOALS).shown)
    if (g.pastTarget)
      out.push(
        `"${oneLine(g.goal.title ?? g.goal.id)}" is past its target, ${g.goal.target!.value}.`,
      );
  for (const c of capped(report.cadence, MAX_MENTORS).shown) {
    const who = report.mentorId === undefined ? `${oneLine(c.mentorName)}: ` : '';
    if (c.overdue && c.next) {
      const missed =
        c.next.source === 'cadence'
          ? `by the cadence a meeting was due by ${c.next.date}, and none is planned.`
          : `the meeting agreed for ${c.next.date} passed with no session logged.`;
      out.push(who ? `${who}${missed}` : `${missed[0]!.toUpperCase()}${missed.slice(1)}`);
    }
    if (c.cadence && c.expected !== undefined && c.held.length < c.expected)
      out.push(
        `${who ? `${who}met` : 'We met'} ${plural(c.held.length, 'time')} where the cadence (${c.cadence.text}) asked for ${c.expected}.`,
      );
  }
  return out;
}

/** "Resource: Read the chapter on sizing teams, done 2026-07-17" / "…, open, due 2026-12-01". */
function tagged(kind: string, item: ActionItem): string {
  const state = item.done ? `done ${item.doneDate}` : `open${item.due ? `, due ${item.due}` : ''}`;
  return `${kind}: ${itemText(item)}${owner(item)}, ${state}`;
}

function itemText(item: ActionItem): string {
  return oneLine(itemLabel(item));
}

function owner(item: ActionItem): string {
  return item.owner ? ` (@${item.owner})` : '';
}

/**
 * Plain text as Markdown that shows it as written: on one line, with the characters that
 * would start HTML, a link or an escape written as escapes (`\<`, `\[`): a note from
 * anywhere cannot hide the rest of the report in a comment or slip a link into it.
 */
function md(text: string): string {
  return oneLine(text).replace(/[\\<>[\]]/g, '\\$&');
}

/** Text for a table cell: {@link md}, pipes escaped too. */
function cell(text: string): string {
  return md(text).replace(/\|/g, '\\|');
}
