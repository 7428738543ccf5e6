/** Asking which mentor a command is for: prepare a meeting, report progress, export a date. */
import * as vscode from 'vscode';
import { mentorName, mentorSchedule, type LocalDate } from '../core';
import type { FeatureDeps } from './deps';

/** Everyone: the choice a report offers besides each mentor. */
export const ALL_MENTORS = Symbol('all mentors');

/**
 * Asks which mentor, soonest meeting first; `''` means no particular mentor (the notebook
 * names none). With `all`, offers "All mentors" first, returned as {@link ALL_MENTORS}.
 * Undefined when the user cancels.
 */
export async function pickMentor(
  deps: FeatureDeps,
  today: LocalDate,
  title: string,
): Promise<string | undefined>;
export async function pickMentor(
  deps: FeatureDeps,
  today: LocalDate,
  title: string,
  all: { readonly label: string },
): Promise<string | typeof ALL_MENTORS | undefined>;
export async function pickMentor(
  deps: FeatureDeps,
  today: LocalDate,
  title: string,
  all?: { readonly label: string },
): Promise<string | typeof ALL_MENTORS | undefined> {
  const notebook = deps.service.notebook;
  const ids = [...notebook.mentorIds()];
  if (ids.length === 0) return all ? ALL_MENTORS : '';
  const grace = deps.settings().graceDays;
  const items: { id: string | typeof ALL_MENTORS; label: string; description?: string }[] = ids
    .map((id) => {
      const s = mentorSchedule(notebook, id, today, grace);
      const when = s.missed
        ? `missed ${s.missed.next.value}`
        : s.next
          ? `next ${s.next.date}`
          : 'no date agreed';
      return {
        id,
        sortKey: s.next?.date ?? '9999',
        label: mentorName(notebook, id),
        description: when,
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.label.localeCompare(b.label));
  if (items.length === 1) return items[0]!.id;
  if (all) items.unshift({ id: ALL_MENTORS, label: all.label });
  const picked = await vscode.window.showQuickPick(items, { title });
  return picked?.id;
}
