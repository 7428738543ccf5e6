/**
 * The notebook rules: from the index and today's date to plain findings. Rules come in
 * three scopes, so an incremental engine can recompute only what a change touches:
 * - per note: parse problems, overdue items, goal and session checks, references;
 * - per duplicated id (`goal:x`, `mentor:y`);
 * - per mentor: missed meetings and lapsed cadence.
 */
import { daysBetween, type LocalDate } from '../model/dates';
import { clipText, MAX_MESSAGE, plural, slug } from '../model/words';
import type {
  Finding,
  Goal,
  Note,
  ParsedFile,
  Range,
  Review,
  Session,
  Severity,
} from '../model/types';
import type { Notebook } from '../index/noteIndex';
import { CODES, DEFAULT_SEVERITY, type RuleCode } from './codes';
import { onHold, unloggedBy } from '../model/notes';
import { mentorName, mentorSchedule } from './schedule';

/** How the rules are tuned (from settings or CLI flags). */
export interface RuleOptions {
  /** Days a date may pass before it is reported (default 0). */
  readonly graceDays?: number;
  /** Severity per rule code; `off` silences a rule. */
  readonly severities?: Partial<Record<string, Severity | 'off'>>;
}

const MAX_MEMO = 4096;

/** Everything a rule reads, plus a memo of "did you mean" lookups. */
export class RuleContext {
  readonly grace: number;
  private readonly nearMemo = new Map<string, string | undefined>();
  private byLength: Map<number, { id: string; lower: string }[]> | undefined;

  constructor(
    readonly notebook: Notebook,
    readonly today: LocalDate,
    readonly options: RuleOptions = {},
  ) {
    this.grace = options.graceDays ?? 0;
  }

  /** A finding with the configured severity, or undefined when the rule is off. */
  finding(
    uri: string,
    code: RuleCode,
    range: Range,
    message: string,
    data?: Finding['data'],
    fallback: Severity = DEFAULT_SEVERITY[code],
  ): Finding | undefined {
    const severity = this.options.severities?.[code] ?? fallback;
    if (severity === 'off') return undefined;
    return {
      uri,
      range,
      code,
      severity,
      message: clipText(message, MAX_MESSAGE),
      ...(data && { data }),
    };
  }

  /** A goal id within a small edit distance of `id` (memoised; call {@link forgetGoals} when goals change). */
  nearestGoal(id: string): string | undefined {
    if (this.nearMemo.has(id)) return this.nearMemo.get(id);
    let best: string | undefined;
    if (id.length >= MIN_SUGGESTED) {
      const lower = id.toLowerCase();
      const pieces = nearPieces(lower);
      let bestDistance = NEAR;
      // Ids whose length differs by NEAR or more are at least that far: only nearby lengths.
      for (let len = lower.length - NEAR + 1; len < lower.length + NEAR; len++) {
        for (const goal of this.goalsOfLength().get(len) ?? []) {
          if (!holdsAnyOf(goal.lower, pieces)) continue;
          // Until one is found, only distances below NEAR matter; after, ties count too.
          const d = editDistance(lower, goal.lower, best === undefined ? NEAR : bestDistance + 1);
          // Ties go to the smallest id, so the answer never depends on load order.
          if (d < bestDistance || (d === bestDistance && best !== undefined && goal.id < best)) {
            bestDistance = d;
            best = goal.id;
          }
        }
      }
    }
    // Bounded: a long editing session types many partial tags.
    if (this.nearMemo.size >= MAX_MEMO) this.nearMemo.clear();
    this.nearMemo.set(id, best);
    return best;
  }

  /**
   * The mentor an unknown `mentor:` value most likely means: the one whose name it is
   * (`Alex Rivera`, any case or spacing), whose id it is once written as one
   * (`Alex Rivera` → `alex-rivera`), or whose id is a letter or two off. Not memoised: a
   * notebook has a handful of mentors, and the engine recomputes the notes naming an
   * unknown mentor whenever a mentor note changes.
   */
  nearestMentor(written: string): string | undefined {
    const plain = written.trim().replace(/\s+/g, ' ').toLowerCase();
    // As New Mentor makes an id from a name (`Ana Núñez` → `ana-nunez`).
    const asId = slug(plain);
    // Best first: the id it is once written as one, then a mentor's name, then the id
    // fewest letters off; ties go to the smallest id, so load order never decides.
    let best: string | undefined;
    let bestRank = Infinity;
    for (const mentor of this.notebook.mentors()) {
      const id = mentor.id.toLowerCase();
      const name = (mentor.name ?? mentor.title ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
      let rank: number;
      if (id === asId) rank = 0;
      else if (name && name === plain) rank = 1;
      else if (plain.length >= MIN_SUGGESTED) rank = 2 + editDistance(plain, id, NEAR);
      else continue;
      if (rank >= 2 + NEAR) continue;
      if (rank < bestRank || (rank === bestRank && mentor.id < best!)) {
        bestRank = rank;
        best = mentor.id;
      }
    }
    return best;
  }

  /** Drops the "did you mean" memo (the set of goals changed). */
  forgetGoals(): void {
    this.nearMemo.clear();
    this.byLength = undefined;
  }

  /** Goal ids, lower-cased, by length; built on first use after the goals change. */
  private goalsOfLength(): Map<number, { id: string; lower: string }[]> {
    if (this.byLength) return this.byLength;
    const byLength = new Map<number, { id: string; lower: string }[]>();
    for (const goal of this.notebook.goals()) {
      const lower = goal.id.toLowerCase();
      let list = byLength.get(lower.length);
      if (!list) byLength.set(lower.length, (list = []));
      list.push({ id: goal.id, lower });
    }
    return (this.byLength = byLength);
  }
}

/** Suggestions are ids fewer than this many edits away. */
const NEAR = 3;
/** Ids shorter than this get no suggestion (too many goals would be near). */
const MIN_SUGGESTED = 4;

/**
 * True when the goal `goalId` is close enough to the unknown id `id` to be suggested for
 * it ({@link RuleContext.nearestGoal}), so that its coming or going can change the
 * suggestion.
 */
export function couldSuggest(id: string, goalId: string): boolean {
  if (id.length < MIN_SUGGESTED) return false;
  const lower = id.toLowerCase();
  const goal = goalId.toLowerCase();
  return holdsAnyOf(goal, nearPieces(lower)) && editDistance(lower, goal, NEAR) < NEAR;
}

/**
 * `id` cut into NEAR pieces of about equal length (it has at least {@link MIN_SUGGESTED}
 * characters). An id fewer than NEAR edits from `id` holds at least one of them as it is:
 * each edit changes at most one piece. Looking for the pieces is far cheaper than the
 * distance, and rules out most goals (a notebook's goal ids often share a prefix, which
 * the distance must read through before it gives up).
 */
export function nearPieces(id: string): string[] {
  const pieces: string[] = [];
  for (let k = 0; k < NEAR; k++)
    pieces.push(
      id.slice(Math.floor((k * id.length) / NEAR), Math.floor(((k + 1) * id.length) / NEAR)),
    );
  return pieces;
}

/** True when `text` holds one of `pieces`. */
export function holdsAnyOf(text: string, pieces: readonly string[]): boolean {
  for (const p of pieces) if (text.includes(p)) return true;
  return false;
}

/** Collects findings; each rule scope fills one. */
type Sink = (finding: Finding | undefined) => void;

/** Every finding in the notebook as of `today`, grouped by URI and sorted by position. */
export function computeFindings(
  notebook: Notebook,
  today: LocalDate,
  options: RuleOptions = {},
): Map<string, Finding[]> {
  const ctx = new RuleContext(notebook, today, options);
  const out = new Map<string, Finding[]>();
  const sink: Sink = (f) => {
    if (!f) return;
    const list = out.get(f.uri);
    if (list) list.push(f);
    else out.set(f.uri, [f]);
  };
  for (const file of notebook.files()) fileRules(ctx, file, sink);
  for (const key of duplicateKeys(notebook)) duplicateRule(ctx, key, sink);
  for (const mentorId of notebook.mentorIds()) meetingRules(ctx, mentorId, sink);
  reviewRules(ctx, sink);
  for (const list of out.values()) list.sort(byPosition);
  return out;
}

/** The per-note scope: parse problems and every rule that reads one note (and id lookups). */
export function fileRules(ctx: RuleContext, file: ParsedFile, sink: Sink): void {
  for (const p of file.problems)
    sink(ctx.finding(p.uri, p.code as RuleCode, p.range, p.message, p.data, p.severity));
  const note = file.note;
  if (!note) return;
  itemRules(ctx, note, sink);
  if (note.mentor && ctx.notebook.mentorsById(note.mentor.value).length === 0) {
    const written = note.mentor.value;
    const near = ctx.nearestMentor(written);
    sink(
      ctx.finding(
        note.uri,
        CODES.unknownMentor,
        note.mentor.range,
        near
          ? `No mentor note has the id "${written}". Did you mean "${near}"${nameOf(ctx, near)}?`
          : `No mentor note has the id "${written}". Create mentors/${written}.md with type: mentor.`,
        near ? { mentor: written, suggestion: near } : { mentor: written },
      ),
    );
  }
  if (note.type === 'goal') goalRules(ctx, note, sink);
  if (note.type === 'session') sessionRules(ctx, note, sink);
}

function itemRules(ctx: RuleContext, note: Note, sink: Sink): void {
  const { notebook, today, grace } = ctx;
  // A paused, dropped or achieved goal's own items are on hold: never overdue.
  const held = onHold(note);
  for (const item of note.actionItems) {
    if (
      !held &&
      !item.done &&
      !item.cancelled &&
      item.due &&
      daysBetween(item.due, today) > grace
    ) {
      const late = daysBetween(item.due, today);
      // An item of only an owner or dates (`- [ ] @sam 📅 …`) has no words to quote.
      const what = item.text ? `"${clip(item.text)}"` : 'This item';
      // Someone else's promise: the mentee follows it up rather than does it.
      const message = item.owner
        ? `${what} was @${item.owner}'s to do by ${item.due}, ${plural(late, 'day')} ago. Ask about it at your next meeting, then mark it done or reschedule it.`
        : `${what} was due ${item.due}, ${plural(late, 'day')} ago. Mark it done or reschedule it.`;
      sink(
        ctx.finding(note.uri, CODES.overdueActionItem, item.dueRange!, message, {
          line: item.line,
          due: item.due,
        }),
      );
    }
    for (const link of item.links) {
      if (notebook.goalsById(link.id).length > 0) continue;
      if (link.kind === 'wiki') {
        sink(unknownGoal(ctx, note.uri, link.range, link.id));
      } else {
        // A #tag is a goal link only when it names a goal; report tags that look like a
        // misspelt goal id, not ordinary tags such as #resource.
        const near = ctx.nearestGoal(link.id);
        if (near) {
          sink(
            ctx.finding(
              note.uri,
              CODES.unknownGoal,
              link.range,
              `No goal has the id "${link.id}". Did you mean #${near}?`,
              { goal: link.id, suggestion: near },
            ),
          );
        }
      }
    }
  }
}

function goalRules(ctx: RuleContext, goal: Goal, sink: Sink): void {
  if (goal.status !== 'active') return;
  const name = goal.title ?? goal.id;
  const unreadable = (key: string): boolean =>
    goal.unreadableFields.includes(key) || goal.unreadableFields.includes('*');
  if (!goal.target) {
    if (!unreadable('target')) {
      sink(
        ctx.finding(
          goal.uri,
          CODES.goalWithoutTarget,
          goal.typeRange,
          `Goal "${name}" has no target date: add target: YYYY-MM-DD.`,
        ),
      );
    }
  } else if (daysBetween(goal.target.value, ctx.today) > ctx.grace) {
    const late = daysBetween(goal.target.value, ctx.today);
    sink(
      ctx.finding(
        goal.uri,
        CODES.goalPastTarget,
        goal.target.range,
        `Goal "${name}" is still active ${plural(late, 'day')} after its target ${goal.target.value}. Mark it achieved, or agree a new target.`,
        { target: goal.target.value },
      ),
    );
  }
  if (!goal.measure && !unreadable('measure')) {
    sink(
      ctx.finding(
        goal.uri,
        CODES.goalWithoutMeasure,
        goal.typeRange,
        `Goal "${name}" has no measure: add measure: with how you will know it is reached.`,
      ),
    );
  }
}

function sessionRules(ctx: RuleContext, session: Session, sink: Sink): void {
  for (const ref of session.goals) {
    if (ctx.notebook.goalsById(ref.value).length === 0) {
      sink(unknownGoal(ctx, session.uri, ref.range, ref.value));
    }
  }
  // A date written but unreadable is reported as such; one not written at all, here.
  if (
    !session.date &&
    !session.unreadableFields.includes('date') &&
    !session.unreadableFields.includes('*')
  ) {
    sink(
      ctx.finding(
        session.uri,
        CODES.sessionWithoutDate,
        session.typeRange,
        'This session has no date, so it does not count as a meeting held: add date: YYYY-MM-DD.',
      ),
    );
  }
  if (session.date && session.next && session.next.value <= session.date.value) {
    sink(
      ctx.finding(
        session.uri,
        CODES.invalidField,
        session.next.range,
        `next: ${session.next.value} is not after this session's date, ${session.date.value}: write the date you agreed to meet again (or leave it empty).`,
        undefined,
        'warning',
      ),
    );
  }
  // A note prepared for a meeting, its date gone by with nothing written in it: say so,
  // rather than let it pass for a meeting held (the schedule skips it too).
  if (session.date && unloggedBy(session, ctx.today, ctx.grace)) {
    sink(
      ctx.finding(
        session.uri,
        CODES.sessionNotLogged,
        session.date.range,
        `The meeting of ${session.date.value} has passed and nothing is written in Notes or Action items. If it took place, log what you discussed; if not, agree a new date and change date: (or delete this note).`,
      ),
    );
    return;
  }
  if (session.date && session.date.value < ctx.today && !session.hasFeedback) {
    const heading = session.sections.find((s) => /feedback/i.test(s.title));
    const range = heading
      ? {
          start: { line: heading.line, character: 0 },
          end: { line: heading.line, character: heading.title.length + heading.depth + 1 },
        }
      : session.typeRange;
    sink(
      ctx.finding(
        session.uri,
        CODES.sessionWithoutFeedback,
        range,
        'No feedback noted for this session: write down what you asked for and what you heard.',
      ),
    );
  }
}

/** Days after the last self-assessment before the next is due: a month, and a few days. */
const SELF_ASSESSMENT_DAYS = 35;

/**
 * The self-assessments' scope (every review note): once the mentee keeps monthly
 * self-assessments, a reminder on the latest when it is over a month old.
 */
export function reviewRules(ctx: RuleContext, sink: Sink): void {
  let latest: Review | undefined;
  for (const r of ctx.notebook.reviews()) {
    const date = r.date?.value;
    if (date === undefined || date > ctx.today) continue;
    const best = latest?.date!.value;
    if (best === undefined || date > best || (date === best && r.uri < latest!.uri)) latest = r;
  }
  if (!latest) return;
  const date = latest.date!;
  const days = daysBetween(date.value, ctx.today);
  if (days <= SELF_ASSESSMENT_DAYS + ctx.grace) return;
  sink(
    ctx.finding(
      latest.uri,
      CODES.selfAssessmentDue,
      date.range,
      `Your last self-assessment was ${date.value}, ${plural(days, 'day')} ago: time for this month's (Mentoring: New Self-Assessment starts one).`,
    ),
  );
}

/** The per-mentor scope: the agreed next meeting and the cadence. */
export function meetingRules(ctx: RuleContext, mentorId: string, sink: Sink): void {
  const schedule = mentorSchedule(ctx.notebook, mentorId, ctx.today, ctx.grace);
  if (!schedule.missed && !schedule.lapsed) return;
  const who = mentorName(ctx.notebook, mentorId);
  if (schedule.missed) {
    const { session, next, daysAgo } = schedule.missed;
    sink(
      ctx.finding(
        session.uri,
        CODES.missedMeeting,
        next.range,
        `The next meeting with ${who} was agreed for ${next.value}, ${plural(daysAgo, 'day')} ago, and no session has been logged since. Log it, or agree a new date.`,
        { mentor: mentorId, next: next.value },
      ),
    );
  }
  if (schedule.lapsed && schedule.mentor?.cadence && schedule.lastHeld?.date) {
    const { due, daysAgo } = schedule.lapsed;
    sink(
      ctx.finding(
        schedule.mentor.uri,
        CODES.cadenceLapsed,
        schedule.mentor.cadence.range,
        `You agreed to meet ${who} ${schedule.mentor.cadence.value.text}; the last session was ${schedule.lastHeld.date.value} and the next was due ${due}, ${plural(daysAgo, 'day')} ago. Schedule it.`,
        { mentor: mentorId },
      ),
    );
  }
}

/** Keys of ids held by more than one goal or mentor (`goal:x`, `mentor:y`). */
function duplicateKeys(notebook: Notebook): Set<string> {
  const keys = new Set<string>();
  for (const g of notebook.goals())
    if (notebook.goalsById(g.id).length > 1) keys.add(`goal:${g.id}`);
  for (const m of notebook.mentors())
    if (notebook.mentorsById(m.id).length > 1) keys.add(`mentor:${m.id}`);
  return keys;
}

/** The per-id scope: every note holding an id that another note of its type also has. */
export function duplicateRule(ctx: RuleContext, key: string, sink: Sink): void {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon);
  const id = key.slice(colon + 1);
  const same = type === 'goal' ? ctx.notebook.goalsById(id) : ctx.notebook.mentorsById(id);
  if (same.length < 2) return;
  for (const n of same) {
    const others = same
      .filter((o) => o !== n)
      .map((o) => o.uri)
      .sort()
      .join(', ');
    sink(
      ctx.finding(
        n.uri,
        CODES.duplicateId,
        n.idRange,
        `Another ${type} has the id "${id}": ${others}. Give each a unique id.`,
      ),
    );
  }
}

/**
 * The finding for a reference to the goal `id` that names no goal, with a goal one or two
 * letters off as its suggestion (the quick fix that writes it in) when there is one.
 */
function unknownGoal(ctx: RuleContext, uri: string, range: Range, id: string): Finding | undefined {
  const near = ctx.nearestGoal(id);
  return ctx.finding(
    uri,
    CODES.unknownGoal,
    range,
    `No goal has the id "${id}".${near ? ` Did you mean "${near}"?` : ' Create the goal, or fix the reference.'}`,
    near ? { goal: id, suggestion: near } : { goal: id },
  );
}

/**
 * Levenshtein distance, capped at `limit` (returns `limit` for anything that far or
 * further). Only the band of cells within `limit` of the diagonal is computed: cells
 * outside it are at least `limit` away, and every cell is capped at `limit`, which keeps
 * the capped distance exact. "Did you mean" compares each unknown id with every goal of a
 * similar length: thousands of pairs in a large notebook.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) >= limit) return limit;
  // Two rows, reused between calls (ids are short; the rows grow to the longest seen).
  if (rowA.length <= n + 1) {
    rowA = new Int32Array(n * 2 + 2);
    rowB = new Int32Array(n * 2 + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j < limit ? j : limit;
  for (let i = 1; i <= m; i++) {
    const lo = i - limit + 1 > 1 ? i - limit + 1 : 1;
    const hi = i + limit - 1 < n ? i + limit - 1 : n;
    const edge = lo === 1 ? (i < limit ? i : limit) : limit;
    cur[lo - 1] = edge;
    let rowMin = edge;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let v = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < v) v = up;
      const left = cur[j - 1]! + 1;
      if (left < v) v = left;
      if (limit < v) v = limit;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The first cell right of the band, as the next row reads it.
    if (hi < n) cur[hi + 1] = limit;
    if (rowMin >= limit) return limit;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]! < limit ? prev[n]! : limit;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * True when `a` and `b` hold the same findings in the same order (every field, data
 * included): an editor republishes a file's diagnostics only when they changed, and
 * comparing keeps nothing per file but the lists the engine already holds.
 */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameFinding(a[i]!, b[i]!)) return false;
  return true;
}

function sameFinding(a: Finding, b: Finding): boolean {
  if (
    a.uri !== b.uri ||
    a.code !== b.code ||
    a.severity !== b.severity ||
    a.message !== b.message ||
    a.range.start.line !== b.range.start.line ||
    a.range.start.character !== b.range.start.character ||
    a.range.end.line !== b.range.end.line ||
    a.range.end.character !== b.range.end.character
  )
    return false;
  if (a.data === b.data) return true;
  if (!a.data || !b.data) return false;
  const keys = Object.keys(a.data);
  if (keys.length !== Object.keys(b.data).length) return false;
  return keys.every((k) => Object.hasOwn(b.data!, k) && a.data![k] === b.data![k]);
}

/** Orders findings by position, then code. */
export function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}

function clip(text: string): string {
  return clipText(text, 60);
}

/** " (Alex Rivera)" after a mentor's id, when the mentor's name says more than the id. */
function nameOf(ctx: RuleContext, mentorId: string): string {
  const name = mentorName(ctx.notebook, mentorId);
  return name === mentorId ? '' : ` (${name})`;
}
