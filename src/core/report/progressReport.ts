/**
 * The progress report a mentee sends a mentor before a meeting: where each goal stands,
 * milestones, how reliably follow-ups got done (the follow-through rate), and how often
 * the two actually met against the agreed cadence. Planning only: the Markdown and the
 * webview's page are rendered from this (`renderReport.ts`, `reportPage.ts`).
 */
import { compareItems, isOpen } from '../model/actionItems';
import { nextByCadence, type Cadence } from '../model/cadence';
import { daysBetween, plusDays, plusMonths, type LocalDate } from '../model/dates';
import type { ActionItem, Goal, GoalStatus } from '../model/types';
import { onHoldGoalUris, unloggedBy } from '../model/notes';
import type { Notebook } from '../index/noteIndex';
import { goalProgress, type GoalProgress } from '../prepare/nextMeeting';
import { concernsMentor } from '../prepare/scope';
import { mentorName, mentorSchedule, type MentorSchedule } from '../rules/schedule';

/** How many of the follow-ups that fell due got done, and when. */
export interface FollowThrough {
  /**
   * The mentee's follow-ups due in the period: done, or open and past their date (not
   * those due today). What others promised (`@owner`) is theirs to keep, not counted here.
   */
  readonly due: number;
  /** Done by their due date. */
  readonly onTime: number;
  /** Done after their due date. */
  readonly late: number;
  /** Done, with no done date written: when is not known. */
  readonly undated: number;
  /** Not done: overdue now. */
  readonly open: number;
}

/** {@link FollowThrough} of the follow-ups due in one calendar month (`YYYY-MM`). */
export interface MonthFollowThrough extends FollowThrough {
  readonly month: string;
}

/** A goal as the report shows it. */
export interface GoalReport extends GoalProgress {
  /** Milestones ticked off within the period. */
  readonly milestonesDoneInPeriod: number;
  /** Open action items that count toward the goal (of those the report may show). */
  readonly openItems: number;
}

/** Sessions held with one mentor in the period, against the agreed cadence. */
export interface CadenceReport {
  readonly mentorId: string;
  readonly mentorName: string;
  readonly cadence?: Cadence;
  /** Dates of the sessions held in the period, oldest first. */
  readonly held: readonly LocalDate[];
  /**
   * Sessions the cadence asked for in the period: the meeting dates it gives, one
   * interval after another from the last session before the period (or from the first
   * one in it, which counts itself), that fell in the period and have passed (by more
   * than the grace days). Undefined without a cadence or any session.
   */
  readonly expected?: number;
  /**
   * The longest stretch in days without a session within the period, up to its last day
   * (from the first session, for a mentor first met in the period).
   */
  readonly longestGap?: number;
  /** When the next meeting is expected, and why (see `mentorSchedule`). */
  readonly next?: MentorSchedule['next'];
  /** True when an agreed date or the cadence has lapsed with nothing planned. */
  readonly overdue: boolean;
}

/** A progress report, for one mentor or for the whole notebook. */
export interface ProgressReport {
  /** The mentor the report is for; undefined for every mentor. */
  readonly mentorId?: string;
  /** Who the report is for (the mentor's name, or "all mentors"). */
  readonly audience: string;
  /** First and last day of the period (the last is the report's day). */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Goals in view, active first, then by target. */
  readonly goals: readonly GoalReport[];
  readonly milestones: {
    readonly done: number;
    readonly total: number;
    readonly doneInPeriod: number;
  };
  /** Follow-ups (action items that are neither milestones nor checklist lines) due in the period. */
  readonly followThrough: FollowThrough;
  /** The same per calendar month of the period, oldest first, every month listed. */
  readonly byMonth: readonly MonthFollowThrough[];
  readonly cadence: readonly CadenceReport[];
  /** Items done in the period, oldest first. */
  readonly wins: readonly ActionItem[];
  /** Goals achieved whose last milestone was done in the period. */
  readonly achievedGoals: readonly Goal[];
  /** Open follow-ups and milestones past their due date, oldest first. */
  readonly overdue: readonly ActionItem[];
  /** Open items due within the next 14 days, soonest first. */
  readonly upcoming: readonly ActionItem[];
  /** Open items (follow-ups, and milestones of active goals) with no due date. */
  readonly openUndated: number;
  /**
   * Items tagged `#resource` (reading, courses, events) or `#intro` (introductions),
   * done in the period or still open, oldest first: using resources between sessions and
   * growing the network, as the mentee is meant to.
   */
  readonly resources: readonly ActionItem[];
  readonly introductions: readonly ActionItem[];
}

const RESOURCE_TAGS = new Set(['resource', 'resources']);
/** A tag as Obsidian groups them: any case, and `#resource/book` under `#resource`. */
const tagRoot = (tag: string): string => tag.toLowerCase().split('/')[0]!;
const INTRO_TAGS = new Set(['intro', 'intros', 'introduction', 'introductions']);

/** Options for {@link buildProgressReport}. */
export interface ReportOptions {
  /** The mentor the report is for (`''`: notes without a mentor); undefined: everyone. */
  readonly mentorId?: string;
  /**
   * First day of the period; by default three months before `today` (the day after). A
   * day after `today` means the default, and the period spans {@link MAX_REPORT_MONTHS}
   * at most.
   */
  readonly from?: LocalDate;
  /** Days a date may pass before it counts as missed (the `graceDays` setting). */
  readonly graceDays?: number;
}

const STATUS_ORDER: Readonly<Record<GoalStatus, number>> = {
  active: 0,
  paused: 1,
  achieved: 2,
  dropped: 3,
};

/** The default first day of a report's period: three months before `today`, the day after. */
export function defaultReportStart(today: LocalDate): LocalDate {
  return plusDays(plusMonths(today, -3), 1);
}

/** The longest period a report covers, in months (its table has a row per month). */
export const MAX_REPORT_MONTHS = 36;

/** The first day of the period a report covers when asked to start at `from`. */
export function reportStart(today: LocalDate, from?: LocalDate): LocalDate {
  if (from === undefined || from > today) return defaultReportStart(today);
  const earliest = plusDays(plusMonths(today, -MAX_REPORT_MONTHS), 1);
  return from < earliest ? earliest : from;
}

/** Builds the progress report as of `today`. */
export function buildProgressReport(
  notebook: Notebook,
  today: LocalDate,
  options: ReportOptions = {},
): ProgressReport {
  const { mentorId } = options;
  const graceDays = options.graceDays ?? 0;
  const from = reportStart(today, options.from);
  const inPeriod = (date: LocalDate | undefined): date is LocalDate =>
    date !== undefined && date >= from && date <= today;

  const goals = goalsInView(notebook, mentorId, from, today);
  const inScope = mentorId === undefined ? () => true : concernsMentor(notebook, mentorId, goals);
  // Open milestones are listed for the active goals in view only: a paused or dropped
  // goal's next step is not overdue.
  const activeGoals = new Set(goals.filter((g) => g.status === 'active').map((g) => g.id));
  // Nor is anything else a paused, dropped or achieved goal's note lists.
  const onHold = onHoldGoalUris(notebook.goals());

  const followUps: FollowThroughCounter = new FollowThroughCounter(from, today, graceDays);
  const wins: ActionItem[] = [];
  const overdue: ActionItem[] = [];
  const upcoming: ActionItem[] = [];
  let undated = 0;
  const resources: ActionItem[] = [];
  const introductions: ActionItem[] = [];
  const soon = plusDays(today, 14);
  // As the diagnostics have it: a date passes once the grace days are over too.
  const lateBy = plusDays(today, -graceDays);
  for (const item of notebook.actionItems()) {
    if (item.checklist || item.cancelled || !inScope(item)) continue;
    // What a paused, dropped or achieved goal's note still has open is on hold: neither a
    // follow-up left undone nor overdue (what was done there still counts).
    if (!item.done && onHold.has(item.uri)) continue;
    if (!item.milestone && item.owner === undefined) followUps.add(item);
    // Done in the period (a done item with no done date cannot be placed in it), or open.
    if (item.tags.length && (!item.done || inPeriod(item.doneDate))) {
      if (item.tags.some((t) => RESOURCE_TAGS.has(tagRoot(t)))) resources.push(item);
      if (item.tags.some((t) => INTRO_TAGS.has(tagRoot(t)))) introductions.push(item);
    }
    if (item.done) {
      if (inPeriod(item.doneDate)) wins.push(item);
      continue;
    }
    if (item.milestone && !item.goals.some((g) => activeGoals.has(g))) continue;
    if (item.due === undefined) undated++;
    else if (item.due < lateBy) overdue.push(item);
    else if (item.due <= soon) upcoming.push(item);
  }
  wins.sort((a, b) => a.doneDate!.localeCompare(b.doneDate!) || compareItems(a, b));
  // Done first (when), then what is open (by due date).
  const doneThenOpen = (a: ActionItem, b: ActionItem): number =>
    Number(isOpen(a)) - Number(isOpen(b)) ||
    (a.doneDate ?? '').localeCompare(b.doneDate ?? '') ||
    compareItems(a, b);
  resources.sort(doneThenOpen);
  introductions.sort(doneThenOpen);
  overdue.sort(compareItems);
  upcoming.sort(compareItems);

  const goalReports = goals.map((goal): GoalReport => {
    const progress = goalProgress(goal, today);
    return {
      ...progress,
      milestonesDoneInPeriod: goal.milestones.filter((m) => m.done && inPeriod(m.doneDate)).length,
      openItems: notebook
        .openItemsOfGoal(goal.id)
        .filter((i) => inScope(i) && (!i.milestone || goal.status === 'active')).length,
    };
  });
  const milestones = {
    done: sum(goalReports, (g) => g.done),
    total: sum(goalReports, (g) => g.total),
    doneInPeriod: sum(goalReports, (g) => g.milestonesDoneInPeriod),
  };
  const achievedGoals = goals.filter(
    (g) => g.status === 'achieved' && g.milestones.some((m) => inPeriod(m.doneDate)),
  );

  const mentors =
    mentorId === undefined
      ? [...new Set(notebook.mentorIds())]
          .filter(
            (id) =>
              id !== '' &&
              (notebook.mentorsById(id).length > 0 || notebook.sessionsOf(id).length > 0),
          )
          .sort()
      : [mentorId];
  const cadence = mentors.map((id) => cadenceReport(notebook, id, from, today, graceDays));

  return {
    ...(mentorId !== undefined && { mentorId }),
    audience: mentorId === undefined ? 'all mentors' : mentorName(notebook, mentorId),
    from,
    to: today,
    goals: goalReports,
    milestones,
    followThrough: followUps.total(),
    byMonth: followUps.months(),
    cadence,
    wins,
    achievedGoals,
    overdue,
    upcoming,
    openUndated: undated,
    resources,
    introductions,
  };
}

/** Done / due as a whole percentage, or undefined when nothing fell due. */
export function followThroughRate(f: FollowThrough): number | undefined {
  return f.due === 0 ? undefined : Math.round((100 * (f.onTime + f.late + f.undated)) / f.due);
}

/** Done on time / due as a whole percentage, or undefined when nothing fell due. */
export function onTimeRate(f: FollowThrough): number | undefined {
  return f.due === 0 ? undefined : Math.round((100 * f.onTime) / f.due);
}

/**
 * The goals a report shows: for one mentor, the goals they help with and those named by
 * a session with them in the period; for everyone, every goal. Dropped goals only when
 * a milestone was done in the period, achieved ones likewise or when their target fell
 * in it.
 */
function goalsInView(
  notebook: Notebook,
  mentorId: string | undefined,
  from: LocalDate,
  today: LocalDate,
): Goal[] {
  const discussed = new Set<string>();
  if (mentorId !== undefined) {
    for (const s of notebook.sessionsOf(mentorId)) {
      const date = s.date?.value;
      if (date !== undefined && date >= from && date <= today)
        for (const g of s.goals) discussed.add(g.value);
    }
  }
  // Active and paused goals always; an achieved one when a milestone was done or its
  // target fell in the period; a dropped one only when a milestone was done in it.
  const recent = (g: Goal): boolean =>
    g.milestones.some((m) => m.doneDate !== undefined && m.doneDate >= from) ||
    (g.status === 'achieved' && g.target !== undefined && g.target.value >= from);
  return [...notebook.goals()]
    .filter((g) => {
      if (mentorId !== undefined && (g.mentor?.value ?? '') !== mentorId && !discussed.has(g.id))
        return false;
      return g.status === 'active' || g.status === 'paused' || recent(g);
    })
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (a.target?.value ?? '9999').localeCompare(b.target?.value ?? '9999') ||
        a.id.localeCompare(b.id),
    );
}

function cadenceReport(
  notebook: Notebook,
  mentorId: string,
  from: LocalDate,
  today: LocalDate,
  graceDays: number,
): CadenceReport {
  const schedule = mentorSchedule(notebook, mentorId, today, graceDays);
  // Sessions held: dated today or earlier, and not a prepared note left empty (see the
  // session-not-logged rule).
  const all = notebook
    .sessionsOf(mentorId)
    .filter((s) => !unloggedBy(s, today, graceDays))
    .map((s) => s.date?.value)
    .filter((d): d is LocalDate => d !== undefined && d <= today)
    .sort();
  const held = [...new Set(all.filter((d) => d >= from))];
  const before = all.filter((d) => d < from).pop();
  const cadence = schedule.mentor?.cadence?.value;
  // The first meeting in the period counts itself when there was none before it.
  const anchor = before ?? held[0];
  let expected: number | undefined;
  if (cadence && anchor !== undefined) {
    const passedBy = plusDays(today, -graceDays);
    expected = before === undefined ? 1 : 0;
    let d = nextByCadence(anchor, cadence);
    // Straight to the period: the last session before it may be years old.
    if (cadence.unit === 'day' && d < from)
      d = plusDays(d, Math.floor(daysBetween(d, from) / cadence.every) * cadence.every);
    for (; d < passedBy; d = nextByCadence(d, cadence)) if (d >= from) expected++;
  }
  let longestGap: number | undefined;
  if (anchor !== undefined) {
    // From the period's start, or from the first meeting when that came later.
    let last = before !== undefined ? from : held[0]!;
    longestGap = 0;
    for (const d of held) {
      longestGap = Math.max(longestGap, daysBetween(last, d));
      last = d;
    }
    longestGap = Math.max(longestGap, daysBetween(last, today));
  }
  return {
    mentorId,
    mentorName: mentorName(notebook, mentorId),
    ...(cadence && { cadence }),
    held,
    ...(expected !== undefined && { expected }),
    ...(longestGap !== undefined && { longestGap }),
    ...(schedule.next && { next: schedule.next }),
    overdue: schedule.missed !== undefined || schedule.lapsed !== undefined,
  };
}

/** Counts follow-ups due in the period, overall and per month. */
class FollowThroughCounter {
  private readonly byMonth = new Map<
    string,
    { onTime: number; late: number; undated: number; open: number }
  >();
  /** An open item due on or after this day has not been missed yet. */
  private readonly lateBy: LocalDate;

  constructor(
    private readonly from: LocalDate,
    private readonly to: LocalDate,
    graceDays: number,
  ) {
    this.lateBy = plusDays(to, -graceDays);
    for (let month = from.slice(0, 7); month <= to.slice(0, 7);) {
      this.byMonth.set(month, { onTime: 0, late: 0, undated: 0, open: 0 });
      month = plusMonths(`${month}-01`, 1).slice(0, 7);
    }
  }

  add(item: ActionItem): void {
    const due = item.due;
    if (due === undefined || due < this.from || due > this.to) return;
    const open = isOpen(item);
    // Not done yet, and not late yet either (due today, or within the grace days).
    if (open && due >= this.lateBy) return;
    const counts = this.byMonth.get(due.slice(0, 7))!;
    if (open) counts.open++;
    else if (item.doneDate === undefined) counts.undated++;
    else if (item.doneDate > due) counts.late++;
    else counts.onTime++;
  }

  months(): MonthFollowThrough[] {
    return [...this.byMonth].map(([month, c]) => ({
      month,
      due: c.onTime + c.late + c.undated + c.open,
      ...c,
    }));
  }

  total(): FollowThrough {
    const months = this.months();
    return {
      due: sum(months, (m) => m.due),
      onTime: sum(months, (m) => m.onTime),
      late: sum(months, (m) => m.late),
      undated: sum(months, (m) => m.undated),
      open: sum(months, (m) => m.open),
    };
  }
}

function sum<T>(list: readonly T[], of: (x: T) => number): number {
  let n = 0;
  for (const x of list) n += of(x);
  return n;
}
