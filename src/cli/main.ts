/**
 * `mentoring-notes`: the notebook from the command line, over the same core as the
 * editor. Commands: check, list, agenda, report. Exit codes: 0 fine, 1 findings of error
 * severity (for `report --ics`: no meeting to export), 2 usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  buildProgressReport,
  isAnotherMeeting,
  MAX_REPORT_MONTHS,
  computeFindings,
  dateProblem,
  loadNotebook,
  mentorSchedule,
  nextMeetingCalendar,
  NoteIndex,
  notebookListing,
  planNextMeeting,
  relativeLink,
  renderNextMeeting,
  renderReportMarkdown,
  sessionPath,
  systemClock,
  type Finding,
  type LocalDate,
} from '../core';
import { plural } from '../core/model/words';
import { NodeNotebookFiles } from './nodeFiles';

/** Thrown for bad invocations; printed with the usage hint, exit code 2. */
class UsageError extends Error {}

/** Where output goes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: mentoring-notes <command> [options] [DIR]

Commands:
  check    report problems: overdue follow-ups, missed meetings, broken notes
  list     list goals, sessions, mentors and action items
  agenda   print the note "Prepare next meeting" would create
  report   print a progress report to send a mentor, or the next meeting as .ics

DIR is the notebook folder (default: the current directory).
Run "mentoring-notes <command> --help" for a command's options.`;

const HELP: Record<string, string> = {
  check: `Usage: mentoring-notes check [--json] [--today YYYY-MM-DD] [--grace DAYS] [DIR]

Prints one line per finding: file:line:col severity code message
  --json         print {"version":1,"diagnostics":[…]} instead
  --today DATE   evaluate dates as of DATE (default: today)
  --grace DAYS   let dates pass by DAYS before reporting them (default 0)
Exit code: 1 when any finding is an error, else 0; 2 on a usage error.`,
  list: `Usage: mentoring-notes list [--json] [--today YYYY-MM-DD] [DIR]

Lists mentors, goals, sessions, self-assessments and open action items.
  --json         print {"version":1,"goals":[…],"sessions":[…],"mentors":[…],"reviews":[…],"actionItems":[…]}
  --today DATE   as of DATE (default: today)`,
  agenda: `Usage: mentoring-notes agenda [--mentor ID] [--date YYYY-MM-DD] [--today YYYY-MM-DD] [DIR]

Prints the session note "Prepare next meeting" would create, and where it would go.
  --mentor ID    the mentor to meet (default: the one whose meeting comes first)
  --date DATE    meet on DATE (default: the agreed next date, else the cadence)
  --today DATE   as of DATE (default: today)`,
  report: `Usage: mentoring-notes report [--mentor ID] [--since YYYY-MM-DD] [--ics] [--today YYYY-MM-DD] [DIR]

Prints a progress report as Markdown: goals and milestones, the follow-through rate,
sessions against the agreed cadence, wins and what is overdue.
  --mentor ID    the mentor it is for (default: every mentor)
  --since DATE   the period's first day (default: three months before today)
  --ics          print the next meeting with --mentor as an iCalendar (.ics) file instead
  --today DATE   as of DATE (default: today)
  --grace DAYS   let dates pass by DAYS before counting them as missed (default 0)
Exit code: 1 when --ics finds no future meeting to export (it says why), 2 on a usage error.`,
};

const OPTIONS = {
  json: { type: 'boolean' },
  today: { type: 'string' },
  grace: { type: 'string' },
  mentor: { type: 'string' },
  date: { type: 'string' },
  since: { type: 'string' },
  ics: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        `mentoring-notes: ${error.message}\n${USAGE.split('\n')[0]}\nTry "mentoring-notes --help".\n`,
      );
      return 2;
    }
    io.err(`mentoring-notes: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own wording, hint included ("use '--grace=-XYZ'"), on one line.
    throw new UsageError(
      error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error),
    );
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (!command) {
    if (values.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError('a command is required (check, list, agenda or report)');
  }
  if (!(command in HELP)) throw new UsageError(`unknown command "${command}"`);
  if (values.help) {
    io.out(`${HELP[command]}\n`);
    return 0;
  }
  if (rest.length > 1) throw new UsageError(`one folder at most, got ${rest.length}`);
  const allowed: Record<string, string[]> = {
    check: ['json', 'today', 'grace'],
    list: ['json', 'today'],
    agenda: ['mentor', 'date', 'today', 'grace'],
    report: ['mentor', 'since', 'ics', 'today', 'grace'],
  };
  for (const key of Object.keys(values)) {
    if (!allowed[command]!.includes(key)) throw new UsageError(`${command} does not take --${key}`);
  }
  const today = dateOption('today', values.today as string | undefined) ?? systemClock.today();
  const grace = values.grace === undefined ? 0 : Number(values.grace);
  if (!Number.isInteger(grace) || grace < 0)
    throw new UsageError(`--grace takes a whole number of days, got "${String(values.grace)}"`);

  const root = resolve(rest[0] ?? '.');
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${rest[0] ?? root} is not a folder`);
  const index = new NoteIndex();
  await loadNotebook(new NodeNotebookFiles(root), index);

  switch (command) {
    case 'check':
      return check(index, today, grace, values.json === true, io);
    case 'list':
      return list(index, today, values.json === true, io);
    case 'report':
      return report(
        index,
        today,
        grace,
        values.mentor as string | undefined,
        dateOption('since', values.since as string | undefined),
        values.ics === true,
        io,
      );
    default:
      return agenda(
        index,
        today,
        grace,
        values.mentor as string | undefined,
        dateOption('date', values.date as string | undefined),
        io,
      );
  }
}

/**
 * One line of text output, with every control character (a line break in a YAML value,
 * an escape sequence) shown as a space: a note cannot start a line of its own in a CI
 * log (`::error …` is a command to some CI systems) or drive the terminal.
 */
function record(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

function dateOption(name: string, value: string | undefined): LocalDate | undefined {
  if (value === undefined) return undefined;
  const problem = dateProblem(value);
  if (problem) throw new UsageError(`--${name}: ${problem}`);
  return value;
}

function check(
  index: NoteIndex,
  today: LocalDate,
  graceDays: number,
  json: boolean,
  io: Io,
): number {
  const all: Finding[] = [];
  const byUri = computeFindings(index, today, { graceDays });
  for (const uri of [...byUri.keys()].sort()) all.push(...byUri.get(uri)!);
  if (json) {
    const diagnostics = all.map((f) => ({
      file: f.uri,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      code: f.code,
      message: f.message,
    }));
    io.out(`${JSON.stringify({ version: 1, diagnostics }, null, 2)}\n`);
  } else {
    for (const f of all) {
      io.out(
        `${record(`${f.uri}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`)}\n`,
      );
    }
    const count = (severity: string): number => all.filter((f) => f.severity === severity).length;
    const notes = [...index.notes()].length;
    // "info" is not counted as "notes": the line already counts notes, the files.
    io.err(
      `${plural(notes, 'note')} checked as of ${today}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info, ${plural(count('hint'), 'hint')}.\n`,
    );
    if (notes === 0)
      io.err(
        'No notes found: is this the folder that holds them? A note is a .md file whose front matter has type: goal, session, mentor or review.\n',
      );
  }
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}

function list(index: NoteIndex, today: LocalDate, json: boolean, io: Io): number {
  const listing = notebookListing(index, today, (uri) => uri) as {
    goals: {
      file: string;
      title: string | null;
      id: string;
      status: string;
      target: string | null;
      progress: { done: number; total: number };
    }[];
    sessions: { file: string; date: string | null; mentor: string | null; next: string | null }[];
    mentors: { id: string; name: string | null; cadence: string | null }[];
    reviews: { file: string; date: string | null; period: string | null }[];
    actionItems: {
      file: string;
      line: number;
      text: string;
      done: boolean;
      due: string | null;
      owner: string | null;
      checklist: boolean;
      cancelled: string | null;
    }[];
  };
  if (json) {
    io.out(`${JSON.stringify(listing, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  lines.push(`Mentors (${listing.mentors.length})`);
  for (const m of listing.mentors)
    lines.push(`  ${m.id}  ${m.name ?? ''}${m.cadence ? `  (${m.cadence})` : ''}`);
  lines.push('', `Goals (${listing.goals.length})`);
  for (const g of listing.goals) {
    lines.push(
      `  [${g.status}] ${g.title ?? g.id}  ${g.progress.done}/${g.progress.total} milestones${g.target ? `, target ${g.target}` : ''}`,
    );
  }
  lines.push('', `Sessions (${listing.sessions.length})`);
  for (const s of [...listing.sessions].sort((a, b) =>
    (b.date ?? '').localeCompare(a.date ?? ''),
  )) {
    lines.push(
      `  ${s.date ?? '(no date)'}  ${s.mentor ?? ''}${s.next ? `  next ${s.next}` : ''}  ${s.file}`,
    );
  }
  lines.push('', `Self-assessments (${listing.reviews.length})`);
  for (const r of [...listing.reviews].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')))
    lines.push(`  ${r.date ?? '(no date)'}${r.period ? `  for ${r.period}` : ''}  ${r.file}`);
  // As the editor lists them: a self-assessment's checklist and cancelled items are not
  // action items to do.
  const open = listing.actionItems.filter((i) => !i.done && !i.checklist && !i.cancelled);
  lines.push('', `Open action items (${open.length})`);
  for (const i of open.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))) {
    const due = i.due ? (i.due < today ? `overdue ${i.due}` : `due ${i.due}`) : 'no date';
    lines.push(`  [ ] ${i.text}${i.owner ? ` @${i.owner}` : ''}  (${due})  ${i.file}:${i.line}`);
  }
  io.out(`${lines.map(record).join('\n')}\n`);
  return 0;
}

function report(
  index: NoteIndex,
  today: LocalDate,
  graceDays: number,
  mentor: string | undefined,
  since: LocalDate | undefined,
  ics: boolean,
  io: Io,
): number {
  if (mentor !== undefined) knownMentor(index, mentor);
  if (ics) {
    if (mentor === undefined) throw new UsageError('--ics needs --mentor ID');
    if (since !== undefined)
      throw new UsageError('--ics exports the next meeting: it takes no --since');
    const meeting = nextMeetingCalendar(index, mentor, today, new Date());
    if (!meeting.ok) {
      io.err(`${meeting.reason}\n`);
      return 1;
    }
    io.out(meeting.ics);
    return 0;
  }
  if (since !== undefined && since > today)
    throw new UsageError(`--since: ${since} is after today (${today})`);
  const built = buildProgressReport(index, today, {
    graceDays,
    ...(mentor !== undefined && { mentorId: mentor }),
    ...(since && { from: since }),
  });
  if (since !== undefined && built.from !== since)
    io.err(
      `A report covers at most ${MAX_REPORT_MONTHS} months: this one starts ${built.from}, not ${since}.\n`,
    );
  io.out(renderReportMarkdown(built));
  return 0;
}

/** Refuses a mentor id the notebook does not know, naming those it does. */
function knownMentor(index: NoteIndex, mentor: string): void {
  const ids = [...index.mentorIds()];
  if (!ids.includes(mentor))
    throw new UsageError(
      `no mentor "${mentor}" in this notebook${ids.length ? ` (mentors: ${ids.sort().join(', ')})` : ''}`,
    );
}

function agenda(
  index: NoteIndex,
  today: LocalDate,
  graceDays: number,
  mentor: string | undefined,
  date: LocalDate | undefined,
  io: Io,
): number {
  if (mentor !== undefined) knownMentor(index, mentor);
  const ids = [...index.mentorIds()];
  const chosen =
    mentor ??
    ids
      .map((id) => ({
        id,
        next: mentorSchedule(index, id, today, graceDays).next?.date ?? '9999-12-31',
      }))
      .sort(
        (a, b) =>
          (a.next < today ? today : a.next).localeCompare(b.next < today ? today : b.next) ||
          a.id.localeCompare(b.id),
      )[0]?.id ??
    '';
  const plan = planNextMeeting(index, chosen, today, { graceDays, ...(date && { date }) });
  const pattern = 'sessions/{date}-{mentor}.md';
  const target = sessionPath(pattern, plan.date, plan.mentorId);
  const note = renderNextMeeting(plan, {
    linkTo: (uri, line) => `${relativeLink(target, uri)}#L${line + 1}`,
  });
  // Prepare never overwrites: a note for that meeting is opened as it is.
  const atTarget = index.file(target);
  const existing =
    plan.existing ??
    (atTarget && !isAnotherMeeting(index, plan, atTarget.note, pattern) ? target : undefined);
  io.err(
    existing
      ? `Next meeting with ${plan.mentorName} on ${plan.date} (${plan.dateSource}); ${existing} exists, and "Prepare next meeting" would open it as it is (below: what it would write)\n`
      : `Next meeting with ${plan.mentorName} on ${plan.date} (${plan.dateSource}); "Prepare next meeting" would create ${target}\n`,
  );
  io.out(note);
  return 0;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

if (require.main === module) {
  run(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`mentoring-notes: internal error: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
