/**
 * The monthly self-assessment (`type: review`): a checklist of the habits a mentee who
 * drives their mentoring keeps, then where each active goal stands, wins, challenges and
 * what to change. Its checklist lines are statements to tick, not follow-ups.
 */
import type { Notebook } from '../index/noteIndex';
import type { LocalDate } from '../model/dates';
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

/** The self-assessment note for the month of `today`, with a line per active goal. */
export function renderSelfAssessment(notebook: Notebook, today: LocalDate): string {
  const period = today.slice(0, 7);
  const out = ['---', 'type: review', `date: ${today}`, `period: ${period}`, '---', ''];
  out.push(`# Self-assessment, ${period}`, '', '## Checklist', '');
  out.push("<!-- Tick what held this month; what did not is next month's work. -->");
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
