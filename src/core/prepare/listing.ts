/**
 * Read-only views of the notebook: action items grouped for the tree and the status bar,
 * and the versioned JSON listing the CLI prints (`list --json`).
 */
import { plusDays, startOfWeek, type LocalDate } from '../model/dates';
import type { ActionItem } from '../model/types';
import type { Notebook } from '../index/noteIndex';
import { goalProgress } from './nextMeeting';

/** The due-date groups of the action-item tree, in display order. */
export const DUE_GROUPS = ['overdue', 'thisWeek', 'later', 'noDate'] as const;
/** One of {@link DUE_GROUPS}. */
export type DueGroup = (typeof DUE_GROUPS)[number];

/** Labels of the due-date groups. */
export const DUE_GROUP_LABELS: Readonly<Record<DueGroup, string>> = {
  overdue: 'Overdue',
  thisWeek: 'This week',
  later: 'Later',
  noDate: 'No date',
};

/**
 * Which group an open item belongs to, for a week starting on `weekStart` (0 = Sunday),
 * with the group boundaries worked out once for all the items grouped.
 */
function dueGrouper(
  today: LocalDate,
  weekStart: number,
  graceDays: number,
): (item: ActionItem) => DueGroup {
  const overdueBefore = plusDays(today, -graceDays);
  const endOfWeek = plusDays(startOfWeek(today, weekStart), 6);
  return (item) => {
    if (!item.due) return 'noDate';
    if (item.due < overdueBefore) return 'overdue';
    return item.due <= endOfWeek ? 'thisWeek' : 'later';
  };
}

/** Open items in due-date groups, each sorted by due date then place. */
export function groupOpenItems(
  notebook: Notebook,
  today: LocalDate,
  weekStart = 1,
  graceDays = 0,
): Map<DueGroup, ActionItem[]> {
  const groups = new Map<DueGroup, ActionItem[]>(DUE_GROUPS.map((g) => [g, []]));
  const groupOf = dueGrouper(today, weekStart, graceDays);
  // Open items come in order, so each group is filled in order.
  for (const item of notebook.openItems()) groups.get(groupOf(item))!.push(item);
  return groups;
}

/** How many open items are overdue: the status bar's and the badge's number, without walking items. */
export function countOverdue(notebook: Notebook, today: LocalDate, graceDays = 0): number {
  return notebook.countOpenDueBefore(plusDays(today, -graceDays));
}

/** The JSON the CLI prints for `list --json` (version 1). `path` maps a URI to its output form. */
export function notebookListing(
  notebook: Notebook,
  today: LocalDate,
  path: (uri: string) => string,
): object {
  const byPath = <T extends { uri: string }>(a: T, b: T): number =>
    path(a.uri).localeCompare(path(b.uri));
  const goals = [...notebook.goals()].sort(byPath).map((g) => {
    const p = goalProgress(g, today);
    return {
      file: path(g.uri),
      id: g.id,
      title: g.title ?? null,
      status: g.status,
      horizon: g.horizon ?? null,
      target: g.target?.value ?? null,
      measure: g.measure ?? null,
      mentor: g.mentor?.value ?? null,
      progress: { done: p.done, total: p.total },
    };
  });
  const sessions = [...notebook.sessions()].sort(byPath).map((s) => ({
    file: path(s.uri),
    id: s.id,
    date: s.date?.value ?? null,
    mentor: s.mentor?.value ?? null,
    goals: s.goals.map((g) => g.value),
    next: s.next?.value ?? null,
    hasFeedback: s.hasFeedback,
  }));
  const mentors = [...notebook.mentors()].sort(byPath).map((m) => ({
    file: path(m.uri),
    id: m.id,
    name: m.name ?? null,
    cadence: m.cadence?.value.text ?? null,
    channel: m.channel ?? null,
  }));
  const reviews = [...notebook.reviews()].sort(byPath).map((r) => ({
    file: path(r.uri),
    id: r.id,
    date: r.date?.value ?? null,
    period: r.period ?? null,
  }));
  const actionItems = [...notebook.actionItems()]
    .sort((a, b) => path(a.uri).localeCompare(path(b.uri)) || a.line - b.line)
    .map((i) => ({
      file: path(i.uri),
      line: i.line + 1,
      text: i.text,
      done: i.done,
      due: i.due ?? null,
      doneDate: i.doneDate ?? null,
      owner: i.owner ?? null,
      goals: notebook.goalsOfItem(i),
      mentor: i.mentor ?? null,
      tags: i.tags,
      milestone: i.milestone,
      checklist: i.checklist,
      scheduled: i.scheduled ?? null,
      start: i.start ?? null,
      created: i.created ?? null,
      cancelled: i.cancelled ?? null,
      priority: i.priority ?? null,
      recurrence: i.recurrence ?? null,
    }));
  return { version: 1, goals, sessions, mentors, reviews, actionItems };
}
