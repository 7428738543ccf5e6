/**
 * The notebook rules: from the index and today's date to plain findings. Parse problems
 * come from each file; the rest are computed here, per note and across notes.
 */
import { daysBetween, type LocalDate } from '../model/dates';
import type { Finding, Goal, Note, Range, Session, Severity } from '../model/types';
import type { Notebook } from '../index/noteIndex';
import { CODES, DEFAULT_SEVERITY, type RuleCode } from './codes';
import { mentorName, mentorSchedule } from './schedule';

/** How the rules are tuned (from settings or CLI flags). */
export interface RuleOptions {
  /** Days a date may pass before it is reported (default 0). */
  readonly graceDays?: number;
  /** Severity per rule code; `off` silences a rule. */
  readonly severities?: Partial<Record<string, Severity | 'off'>>;
}

/** Every finding in the notebook as of `today`, grouped by URI. */
export function computeFindings(
  notebook: Notebook,
  today: LocalDate,
  options: RuleOptions = {},
): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const grace = options.graceDays ?? 0;
  const push = (
    uri: string,
    code: RuleCode,
    range: Range,
    message: string,
    data?: Finding['data'],
  ): void => {
    const severity = options.severities?.[code] ?? DEFAULT_SEVERITY[code];
    if (severity === 'off') return;
    const list = out.get(uri) ?? [];
    if (!out.has(uri)) out.set(uri, list);
    list.push({ uri, range, code, severity, message, ...(data && { data }) });
  };

  for (const file of notebook.files()) {
    for (const p of file.problems) push(p.uri, p.code as RuleCode, p.range, p.message, p.data);
    if (file.note) noteRules(notebook, file.note, today, grace, push);
  }
  duplicateIds(notebook, push);
  for (const mentorId of notebook.mentorIds()) meetingRules(notebook, mentorId, today, grace, push);
  for (const list of out.values()) list.sort(byPosition);
  return out;
}

type Push = (
  uri: string,
  code: RuleCode,
  range: Range,
  message: string,
  data?: Finding['data'],
) => void;

function noteRules(
  notebook: Notebook,
  note: Note,
  today: LocalDate,
  grace: number,
  push: Push,
): void {
  for (const item of note.actionItems) {
    if (!item.done && !item.cancelled && item.due && daysBetween(item.due.value, today) > grace) {
      const late = daysBetween(item.due.value, today);
      const who = item.owner ? ` (owner @${item.owner})` : '';
      push(
        note.uri,
        CODES.overdueActionItem,
        item.due.range,
        `"${clip(item.text)}"${who} was due ${item.due.value}, ${plural(late, 'day')} ago. Mark it done or reschedule it.`,
        { line: item.line, due: item.due.value },
      );
    }
    for (const link of item.links) {
      if (notebook.goalsById(link.id).length > 0) continue;
      if (link.kind === 'wiki') {
        push(
          note.uri,
          CODES.unknownGoal,
          link.range,
          `No goal has the id "${link.id}".${suggest(notebook, link.id)}`,
          {
            goal: link.id,
          },
        );
      } else {
        // A #tag is a goal link only when it names a goal; report tags that look like a
        // misspelt goal id, not ordinary tags such as #resource.
        const near = nearestGoal(notebook, link.id);
        if (near) {
          push(
            note.uri,
            CODES.unknownGoal,
            link.range,
            `No goal has the id "${link.id}". Did you mean #${near}?`,
            {
              goal: link.id,
            },
          );
        }
      }
    }
  }
  if (note.mentor && notebook.mentorsById(note.mentor.value).length === 0) {
    push(
      note.uri,
      CODES.unknownMentor,
      note.mentor.range,
      `No mentor note has the id "${note.mentor.value}". Create mentors/${note.mentor.value}.md with type: mentor.`,
      { mentor: note.mentor.value },
    );
  }
  if (note.type === 'goal') goalRules(note, today, grace, push);
  if (note.type === 'session') sessionRules(notebook, note, today, push);
}

function goalRules(goal: Goal, today: LocalDate, grace: number, push: Push): void {
  if (goal.status !== 'active') return;
  const name = goal.title ?? goal.id;
  const unreadable = (key: string): boolean =>
    goal.unreadableFields.includes(key) || goal.unreadableFields.includes('*');
  if (!goal.target) {
    if (!unreadable('target')) {
      push(
        goal.uri,
        CODES.goalWithoutTarget,
        goal.typeRange,
        `Goal "${name}" has no target date: add target: YYYY-MM-DD.`,
      );
    }
  } else if (daysBetween(goal.target.value, today) > grace) {
    push(
      goal.uri,
      CODES.goalPastTarget,
      goal.target.range,
      `Goal "${name}" is still active ${plural(daysBetween(goal.target.value, today), 'day')} after its target ${goal.target.value}. Mark it achieved, or agree a new target.`,
    );
  }
  if (!goal.measure && !unreadable('measure')) {
    push(
      goal.uri,
      CODES.goalWithoutMeasure,
      goal.typeRange,
      `Goal "${name}" has no measure: add measure: with how you will know it is reached.`,
    );
  }
}

function sessionRules(notebook: Notebook, session: Session, today: LocalDate, push: Push): void {
  for (const ref of session.goals) {
    if (notebook.goalsById(ref.value).length === 0) {
      push(
        session.uri,
        CODES.unknownGoal,
        ref.range,
        `No goal has the id "${ref.value}".${suggest(notebook, ref.value)}`,
        {
          goal: ref.value,
        },
      );
    }
  }
  if (session.date && session.date.value < today && !session.hasFeedback) {
    const heading = session.sections.find((s) => /feedback/i.test(s.title));
    const range = heading
      ? {
          start: { line: heading.line, character: 0 },
          end: { line: heading.line, character: heading.title.length + heading.depth + 1 },
        }
      : session.typeRange;
    push(
      session.uri,
      CODES.sessionWithoutFeedback,
      range,
      'No feedback noted for this session: write down what you asked for and what you heard.',
    );
  }
}

function meetingRules(
  notebook: Notebook,
  mentorId: string,
  today: LocalDate,
  grace: number,
  push: Push,
): void {
  const schedule = mentorSchedule(notebook, mentorId, today, grace);
  const who = mentorName(notebook, mentorId);
  if (schedule.missed) {
    const { session, next, daysAgo } = schedule.missed;
    push(
      session.uri,
      CODES.missedMeeting,
      next.range,
      `The next meeting with ${who} was agreed for ${next.value}, ${plural(daysAgo, 'day')} ago, and no session has been logged since. Log it, or agree a new date.`,
      { mentor: mentorId, next: next.value },
    );
  }
  if (schedule.lapsed && schedule.mentor?.cadence && schedule.lastHeld?.date) {
    const { due, daysAgo } = schedule.lapsed;
    push(
      schedule.mentor.uri,
      CODES.cadenceLapsed,
      schedule.mentor.cadence.range,
      `You agreed to meet ${who} ${schedule.mentor.cadence.value.text}; the last session was ${schedule.lastHeld.date.value} and the next was due ${due}, ${plural(daysAgo, 'day')} ago. Schedule it.`,
      { mentor: mentorId },
    );
  }
}

function duplicateIds(notebook: Notebook, push: Push): void {
  const seen = new Set<string>();
  for (const note of [...notebook.goals(), ...notebook.mentors()]) {
    const key = `${note.type}:${note.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const same = note.type === 'goal' ? notebook.goalsById(note.id) : notebook.mentorsById(note.id);
    if (same.length < 2) continue;
    for (const n of same) {
      const others = same
        .filter((o) => o !== n)
        .map((o) => o.uri)
        .join(', ');
      push(
        n.uri,
        CODES.duplicateId,
        n.idRange,
        `Another ${note.type} has the id "${note.id}": ${others}. Give each a unique id.`,
      );
    }
  }
}

/** A goal id within a small edit distance of `id`, if any. */
function nearestGoal(notebook: Notebook, id: string): string | undefined {
  if (id.length < 4) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const goal of notebook.goals()) {
    const d = editDistance(id.toLowerCase(), goal.id.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = goal.id;
    }
  }
  return best;
}

function suggest(notebook: Notebook, id: string): string {
  const near = nearestGoal(notebook, id);
  return near ? ` Did you mean "${near}"?` : ' Create the goal, or fix the reference.';
}

/** Levenshtein distance, giving up (returning `limit`) once it reaches `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return Math.min(prev[b.length]!, limit);
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
