/**
 * The monthly self-assessment (`type: review`): a checklist of the habits a mentee who
 * drives their mentoring keeps, then where each active goal stands, wins, challenges and
 * what to change. Its checklist lines are statements to tick, not follow-ups.
 */
import type { Notebook } from '../index/noteIndex';
import { plusMonths, type LocalDate } from '../model/dates';
import type { Review } from '../model/types';
import { oneLine } from '../model/words';
import { goalProgress } from './nextMeeting';

/** The statements of the checklist, one habit each. */
export const SELF_ASSESSMENT_CHECKLIST: readonly string[] = [
  'My goals are specific, measurable and dated, and my mentor knows them',
  'I set the agenda for every meeting and sent it ahead',
  'I asked for feedback on at least one area each time',
  'I told my mentor what I did with earlier feedback',
  'My action items are done or rescheduled, none silently overdue',
  'Every meeting ended with a date for the next one',
  'I used resources between sessions: reading, courses, events',
  'I reached out to someone new in my network',
  'Our agreement (cadence, channel, boundaries) still works for both of us',
];

/** Days into a month during which a new self-assessment looks back at the month before. */
const LOOK_BACK_DAYS = 7;

/**
 * The month (`YYYY-MM`) a self-assessment started `today` is about: in the first week of
 * a month, the month just ended when it has none yet (a review looks back); else this
 * month.
 */
export function selfAssessmentPeriod(notebook: Notebook, today: LocalDate): string {
  const month = today.slice(0, 7);
  if (Number(today.slice(8, 10)) > LOOK_BACK_DAYS) return month;
  const previous = plusMonths(`${month}-01`, -1).slice(0, 7);
  return reviewOf(notebook, previous) ? month : previous;
}

/** The self-assessment already written for `period` (its `period:`), if any. */
export function reviewOf(notebook: Notebook, period: string): Review | undefined {
  let found: Review | undefined;
  for (const review of notebook.reviews())
    if (review.period?.trim() === period && (!found || review.uri < found.uri)) found = review;
  return found;
}

/** The self-assessment note for `period` (by default the month of `today`), with a line per active goal. */
export function renderSelfAssessment(
  notebook: Notebook,
  today: LocalDate,
  period = today.slice(0, 7),
): string {
  const out = ['---', 'type: review', `date: ${today}`, `period: ${period}`, '---', ''];
  out.push(`# Self-assessment, ${period}`, '', '## Checklist', '');
  out.push(`<!-- Tick what held in ${period}; what did not is the next month's work. -->`);
  for (const statement of SELF_ASSESSMENT_CHECKLIST) out.push(`- [ ] ${statement}`);
  out.push('', '## Progress on goals', '');
  const goals = [...notebook.goals()]
    .filter((g) => g.status === 'active')
    .sort((a, b) => (a.title ?? a.id).localeCompare(b.title ?? b.id));
  if (!goals.length) out.push('- ');
  for (const goal of goals) {
    const p = goalProgress(goal, today);
    const milestones = p.total ? ` (${p.done}/${p.total} milestones)` : '';
    out.push(`- ${oneLine(goal.title ?? goal.id)}${milestones}: `);
  }
  out.push('', '## Wins', '', '- ', '', '## Challenges', '', '- ', '');
  out.push('## Adjustments for next month', '');
  out.push('<!-- One change you will make, with a date: - [ ] … 📅 YYYY-MM-DD -->', '');
  return out.join('\n');
}
