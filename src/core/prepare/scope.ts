/**
 * Which action items belong in front of one mentor: shared by the next meeting's agenda
 * and the progress report, so what one lists the other reports, and neither tells one
 * mentor what was written down with another.
 */
import type { Notebook } from '../index/noteIndex';
import type { ActionItem, Goal } from '../model/types';

/**
 * A test for the items that concern `mentorId` (`''`: the notes without a mentor), given
 * the goals in view (`goals`): items of this mentor's notes and those the mentor owns;
 * items of another mentor's notes whose own line links a goal this mentor helps with;
 * items of notes without a mentor that count toward such a goal (unless another mentor
 * owns them); and milestones of the goals in view. Checklist lines are the caller's to
 * leave out.
 */
export function concernsMentor(
  notebook: Notebook,
  mentorId: string,
  goals: readonly Goal[],
): (item: ActionItem) => boolean {
  const goalIds = new Set(goals.map((g) => g.id));
  const mentoredGoals = new Set(
    goals.filter((g) => (g.mentor?.value ?? '') === mentorId).map((g) => g.id),
  );
  return (item) => {
    if (item.milestone) return item.goals.some((g) => goalIds.has(g));
    if (item.mentor === mentorId || (mentorId === '' && item.mentor === undefined)) return true;
    // What this mentor promised, wherever it was written down.
    if (mentorId !== '' && item.owner === mentorId) return true;
    const ownedElsewhere =
      item.owner !== undefined &&
      item.owner !== mentorId &&
      notebook.mentorsById(item.owner).length > 0;
    if (ownedElsewhere) return false;
    // An item of another mentor's note comes only when its own line links a goal this
    // mentor helps with: what a session with one mentor lists is not told to another
    // because the session also touched one of their goals.
    const linked =
      item.mentor === undefined ? notebook.goalsOfItem(item) : notebook.linkedGoalsOfItem(item);
    return linked.some((g) => mentoredGoals.has(g));
  };
}
