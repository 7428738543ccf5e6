/**
 * "Prepare next meeting": from the notebook to the next session note. Planning (what is
 * open, what went well, when we meet) is separate from rendering (the Markdown), so the
 * editor, the CLI's `agenda` and tests share one plan.
 */
import { compareItems, isOpen } from '../model/actionItems';
import { oneLine, plural, yamlScalar } from '../model/words';
import { onHoldGoalUris } from '../model/notes';
import { daysBetween, type LocalDate } from '../model/dates';
import type { ActionItem, Goal, Note } from '../model/types';
import type { Notebook } from '../index/noteIndex';
import { mentorName, mentorSchedule } from '../rules/schedule';
import { concernsMentor } from './scope';

/** A goal as the next meeting should see it. */
export interface GoalProgress {
  readonly goal: Goal;
  readonly done: number;
  readonly total: number;
  /** The first open milestone, by due date. */
  readonly nextMilestone?: ActionItem;
  readonly pastTarget: boolean;
}

/** Everything the next session note is built from. */
export interface NextMeetingPlan {
  readonly mentorId: string;
  readonly mentorName: string;
  readonly date: LocalDate;
  /** Why this date: the `date` asked for, the agreed `next:`, the cadence, or today. */
  readonly dateSource: 'given' | 'agreed' | 'cadence' | 'planned' | 'today';
  readonly today: LocalDate;
  /** The last session held with this mentor. */
  readonly lastSession?: { readonly uri: string; readonly date: LocalDate };
  /**
   * The session note already written for this meeting (this mentor, this date), whatever
   * its file is called: "Prepare next meeting" opens it rather than writing another.
   */
  readonly existing?: string;
  readonly goals: readonly GoalProgress[];
  /** Open action items to follow up on, overdue first. */
  readonly followUps: readonly ActionItem[];
  /** Items and milestones done since the last session. */
  readonly wins: readonly ActionItem[];
  /** Goals achieved since the last session. */
  readonly achievedGoals: readonly Goal[];
  /** Overdue items and goals past target: things to be honest about. */
  readonly challenges: readonly string[];
}

/** Options for {@link planNextMeeting}. */
export interface PlanOptions {
  /** Meet on this date instead of the computed one. */
  readonly date?: LocalDate;
  readonly graceDays?: number;
}

/** Builds the plan for the next meeting with `mentorId` as of `today`. */
export function planNextMeeting(
  notebook: Notebook,
  mentorId: string,
  today: LocalDate,
  options: PlanOptions = {},
): NextMeetingPlan {
  const schedule = mentorSchedule(notebook, mentorId, today, options.graceDays ?? 0);
  let date = today;
  let dateSource: NextMeetingPlan['dateSource'] = 'today';
  if (options.date) {
    date = options.date;
    dateSource = 'given';
  } else if (schedule.next && schedule.next.date >= today) {
    date = schedule.next.date;
    dateSource = schedule.next.source;
  }
  const since = schedule.lastHeld?.date?.value;

  const lastGoals = new Set(schedule.lastHeld?.goals.map((g) => g.value) ?? []);
  const goals = [...notebook.goals()]
    .filter(
      (g) => g.status === 'active' && ((g.mentor?.value ?? '') === mentorId || lastGoals.has(g.id)),
    )
    .sort(
      (a, b) =>
        (a.target?.value ?? '9999').localeCompare(b.target?.value ?? '9999') ||
        a.id.localeCompare(b.id),
    )
    .map((goal) => goalProgress(goal, today));

  const relevant = concernsMentor(
    notebook,
    mentorId,
    goals.map((g) => g.goal),
  );
  const followUps: ActionItem[] = [];
  const wins: ActionItem[] = [];
  const onHold = onHoldGoalUris(notebook.goals());
  for (const item of notebook.actionItems()) {
    if (item.checklist || !relevant(item)) continue;
    if (isOpen(item)) {
      if (onHold.has(item.uri)) continue;
      if (!item.milestone || (item.due && item.due <= date)) followUps.push(item);
    } else if (
      item.done &&
      item.doneDate &&
      (!since || item.doneDate > since) &&
      item.doneDate <= today
    ) {
      wins.push(item);
    }
  }
  followUps.sort(compareItems);
  wins.sort((a, b) => a.doneDate!.localeCompare(b.doneDate!) || compareItems(a, b));

  const achievedGoals = [...notebook.goals()].filter(
    (g) =>
      g.status === 'achieved' &&
      g.mentor?.value === mentorId &&
      g.milestones.some((m) => m.doneDate && (!since || m.doneDate > since)),
  );
  // Each item is listed once, under Follow-ups; here only what it adds up to.
  const challenges: string[] = [];
  const overdue = followUps.filter((item) => item.due && item.due < today);
  if (overdue.length) {
    const oldest = Math.max(...overdue.map((item) => daysBetween(item.due!, today)));
    challenges.push(
      `${overdue.length === 1 ? 'One follow-up is' : `${overdue.length} follow-ups are`} overdue, the oldest by ${oldest} day${oldest === 1 ? '' : 's'} (see Follow-ups)`,
    );
  }
  for (const g of goals) {
    if (g.pastTarget)
      challenges.push(`"${g.goal.title ?? g.goal.id}" is past its target ${g.goal.target!.value}`);
  }

  const latest = notebook.latestSession(mentorId, date);
  const existing = latest?.date?.value === date ? latest : undefined;
  return {
    mentorId,
    mentorName: mentorName(notebook, mentorId),
    date,
    dateSource,
    today,
    ...(schedule.lastHeld?.date && {
      lastSession: { uri: schedule.lastHeld.uri, date: schedule.lastHeld.date.value },
    }),
    ...(existing && { existing: existing.uri }),
    goals,
    followUps,
    wins,
    achievedGoals,
    challenges,
  };
}

/**
 * True when `note`, found where the note for the meeting `plan` would go (a name made by
 * `pattern`), is another meeting's session. When the name holds both the date and the
 * mentor (the default, `sessions/{date}-{mentor}.md`), what is there is this meeting's
 * note, a draft included. When it leaves out the mentor, a note naming another mentor the
 * notebook knows is another meeting's (the snippet's placeholder `mentor-id` is not a
 * mentor); when it leaves out the date, a note dated another day is, unless that day is
 * today (a draft dated the day it was written, as the snippet dates it).
 */
export function isAnotherMeeting(
  notebook: Notebook,
  plan: Pick<NextMeetingPlan, 'mentorId' | 'date' | 'today'>,
  note: Note | undefined,
  pattern: string,
): boolean {
  if (note?.type !== 'session') return false;
  const mentor = note.mentor?.value;
  if (
    !pattern.includes('{mentor}') &&
    mentor !== undefined &&
    mentor !== plan.mentorId &&
    notebook.mentorsById(mentor).length > 0
  )
    return true;
  const date = note.date?.value;
  return (
    !pattern.includes('{date}') && date !== undefined && date !== plan.date && date !== plan.today
  );
}

/** Progress of a goal from its milestones; a cancelled one (`❌`) no longer counts. */
export function goalProgress(goal: Goal, today: LocalDate): GoalProgress {
  const counted = goal.milestones.filter((m) => !m.cancelled);
  const done = counted.filter((m) => m.done).length;
  const open = counted.filter(isOpen).sort(compareItems);
  return {
    goal,
    done,
    total: counted.length,
    ...(open[0] && { nextMilestone: open[0] }),
    pastTarget: goal.status === 'active' && !!goal.target && goal.target.value < today,
  };
}

/** How links in the rendered note point at the place an item lives. */
export type LinkTo = (uri: string, line: number) => string;

/** Options for {@link renderNextMeeting}. */
export interface RenderOptions {
  /** Link to a line of a note, relative to the new note. */
  readonly linkTo: LinkTo;
  /** Display name of a note (for link text). */
  readonly nameOf?: (uri: string) => string;
}

/** The Markdown of the next session note. The agenda's first bullet is left for the mentee. */
export function renderNextMeeting(plan: NextMeetingPlan, options: RenderOptions): string {
  const name = options.nameOf ?? ((uri: string) => uri.split('/').pop() ?? uri);
  const link = (item: ActionItem): string =>
    `[${name(item.uri)}:${item.line + 1}](${options.linkTo(item.uri, item.line)})`;
  const out: string[] = [];
  out.push('---', 'type: session', `date: ${plan.date}`);
  if (plan.mentorId) out.push(`mentor: ${yamlScalar(oneLine(plan.mentorId))}`);
  out.push(
    `goals: [${plan.goals.map((g) => yamlScalar(oneLine(g.goal.id), true)).join(', ')}]`,
    'next:',
    '---',
    '',
  );
  out.push(`# Session with ${oneLine(plan.mentorName)}, ${plan.date}`, '');

  out.push('## Agenda', '', 'What I want from this meeting:', '', '- ');
  if (plan.followUps.length)
    out.push(`- Follow up on ${plural(plan.followUps.length, 'open item')} (below)`);
  for (const g of plan.goals) out.push(`- Progress on ${oneLine(g.goal.title ?? g.goal.id)}`);
  out.push('- Feedback I want (below)', '- When do we meet again?', '');

  const sinceText = plan.lastSession ? `since ${plan.lastSession.date}` : 'so far';
  out.push(`## Progress ${sinceText}`, '');
  // Last time's notes and feedback, one click away: what to report back on.
  if (plan.lastSession)
    out.push(
      `Last time: [${name(plan.lastSession.uri)}](${options.linkTo(plan.lastSession.uri, 0)}) (its notes, and the feedback to report back on).`,
      '',
    );
  out.push('### Wins', '');
  if (plan.wins.length === 0 && plan.achievedGoals.length === 0) out.push('- (add what went well)');
  for (const g of plan.achievedGoals) out.push(`- Achieved the goal: ${oneLine(g.title ?? g.id)}`);
  for (const w of plan.wins) {
    out.push(
      `- ${oneLine(w.text)}${w.milestone ? ' (milestone)' : ''}, done ${w.doneDate!}: ${link(w)}`,
    );
  }
  out.push('', '### Challenges', '');
  if (plan.challenges.length === 0) out.push('- (add what is hard right now)');
  for (const c of plan.challenges) out.push(`- ${c}`);
  out.push('');

  out.push('## Goals', '');
  if (plan.goals.length === 0) out.push('- (no active goals with this mentor yet)');
  for (const g of plan.goals) {
    const title = oneLine(g.goal.title ?? g.goal.id);
    const target = g.goal.target
      ? `, target ${g.goal.target.value}${g.pastTarget ? ', passed' : ''}`
      : '';
    const horizon = g.goal.horizon ? `${g.goal.horizon}-term, ` : '';
    out.push(`- **${title}** (${horizon}${g.done}/${g.total} milestones${target})`);
    if (g.nextMilestone) {
      const due = g.nextMilestone.due ? ` (due ${g.nextMilestone.due})` : '';
      out.push(
        `  - Next milestone: ${oneLine(g.nextMilestone.text)}${due}: ${link(g.nextMilestone)}`,
      );
    }
  }
  out.push('');

  out.push('## Follow-ups', '');
  if (plan.followUps.length === 0) out.push('- Nothing open. Well done.');
  for (const item of plan.followUps) {
    const due = item.due ? ` (due ${item.due}${item.due < plan.today ? ', overdue' : ''})` : '';
    const owner = item.owner ? ` @${item.owner}` : '';
    out.push(`- ${oneLine(item.text)}${owner}${due}: ${link(item)}`);
  }
  out.push('');

  // Prompts only, as comments: the section counts as written once the mentee writes in it.
  const focus = plan.goals[0]?.goal;
  const ask = focus ? ` For example: how am I doing on ${oneLine(focus.title ?? focus.id)}?` : '';
  out.push('## Feedback', '', `<!-- Ask for feedback on one thing.${ask} -->`);
  out.push('<!-- Report back: what you applied from last time, and how it went. -->', '');
  out.push('## Questions', '', '- ', '');
  out.push('## Notes', '', '## Action items', '', '## When do we meet again?', '');
  out.push('Agree the date before you leave and write it in `next:` above.', '');
  return out.join('\n');
}

/** Where the cursor goes when the note opens: the first, empty agenda bullet. */
export function agendaCursor(markdown: string): { line: number; character: number } {
  const lines = markdown.split('\n');
  const agenda = lines.indexOf('## Agenda');
  for (let i = agenda + 1; i < lines.length; i++)
    if (lines[i] === '- ') return { line: i, character: 2 };
  return { line: Math.max(agenda, 0), character: 0 };
}

/** The default file for a session: `sessions/2026-11-28-alex-rivera.md`. */
export function sessionPath(pattern: string, date: LocalDate, mentorId: string): string {
  return pattern
    .replace(/\{date\}/g, date)
    .replace(/\{mentor\}/g, safeFileName(mentorId) || 'session')
    .replace(/\{year\}/g, date.slice(0, 4))
    .replace(/-{2,}/g, '-');
}

/**
 * An id written in a note, made safe to use as a file name: no folders, no `..`, no
 * characters file systems reject. A note from a cloned repository can name a mentor
 * `../../x`; that must never place a new note outside the notebook.
 */
export function safeFileName(id: string): string {
  return (
    id
      // Control characters are exactly what must go, hence the rule is off for this line.
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
      .replace(/^[.\s-]+|[.\s]+$/g, '')
      .slice(0, 80)
  );
}

/** A relative link from the note at `from` to `to` (both `/`-separated paths or URIs). */
export function relativeLink(from: string, to: string): string {
  const a = from.split('/');
  const b = to.split('/');
  a.pop();
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  const rel = [...Array<string>(up).fill('..'), ...b.slice(i)].join('/');
  return rel
    .split('/')
    .map(encodeURIComponent)
    .join('/')
    .replace(/%2E%2E/g, '..');
}
