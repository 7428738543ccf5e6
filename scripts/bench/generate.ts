/**
 * A seeded generator of realistic, varied notebooks for `npm run bench`.
 *
 * The same seed and size always give the same files (a small deterministic PRNG, never
 * `Math.random`). A notebook of N notes has 3–8 mentors, goals (~2% of the notes, with
 * milestones), monthly reviews (~3%) and sessions (the rest). Sessions carry an agenda,
 * notes, feedback and action items, and, at realistic rates, what makes Markdown hard:
 * nested and ordered lists, fenced code blocks holding task-looking lines, block quotes
 * (some holding lists), HTML comments and blocks, tables, links, Obsidian Tasks emoji
 * dates and `due:` dates, `@owners`, `#goal` tags and `[[goal]]` links, CRLF and BOMs in
 * a few files, front matter only the full YAML parser reads, and some broken front
 * matter. A few plain Markdown files with no `type` are mixed in. Notes average about
 * 670 bytes, so 10k notes come to about 6–7 MB.
 *
 * Files are written once into a folder under the OS temp dir keyed by generator
 * version, seed and size, and reused while its manifest is there.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Bump when the output changes, so old folders are not reused. */
export const GENERATOR_VERSION = 1;

/** The date the benchmark evaluates findings as of. */
export const BENCH_TODAY = '2026-11-21';

/** What was generated (also written as the folder's manifest). */
export interface GeneratedNotebook {
  readonly dir: string;
  readonly seed: number;
  readonly size: number;
  readonly version: number;
  /** Markdown files written (notes plus a few files that are not notes). */
  readonly files: number;
  readonly bytes: number;
  readonly counts: Readonly<Record<string, number>>;
  /** True when an existing folder was reused. */
  readonly reused?: boolean;
}

const MANIFEST = '.bench-manifest.json';

/** The folder a notebook of `size` notes from `seed` is generated in. */
export function notebookDir(size: number, seed: number, root = tmpdir()): string {
  return join(root, `mentoring-notes-bench-v${GENERATOR_VERSION}-seed${seed}-n${size}`);
}

/** Generates (or reuses) the notebook of `size` notes for `seed`. */
export function generateNotebook(size: number, seed: number, root = tmpdir()): GeneratedNotebook {
  const dir = notebookDir(size, seed, root);
  const manifestPath = join(dir, MANIFEST);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as GeneratedNotebook;
    if (manifest.version === GENERATOR_VERSION && manifest.size === size && manifest.seed === seed)
      return { ...manifest, dir, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  const files = buildNotebook(size, seed);
  const made = new Set<string>();
  let bytes = 0;
  for (const file of files) {
    const full = join(dir, ...file.path.split('/'));
    const parent = dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    const data = Buffer.from(file.text, 'utf8');
    bytes += data.length;
    writeFileSync(full, data);
  }
  const counts: Record<string, number> = {};
  for (const f of files) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  const manifest: GeneratedNotebook = {
    dir,
    seed,
    size,
    version: GENERATOR_VERSION,
    files: files.length,
    bytes,
    counts,
  };
  // Written last: a folder without a manifest is incomplete and is regenerated.
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { ...manifest, reused: false };
}

/** One generated file. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
  /** goal | session | mentor | review | other */
  readonly kind: string;
}

/** The files of a notebook of `size` notes, in memory (deterministic for `seed`). */
export function buildNotebook(size: number, seed: number): GeneratedFile[] {
  return new NotebookBuilder(size, seed).build();
}

// ---------------------------------------------------------------------------------------
// PRNG

/** sfc32, seeded through splitmix32: small, fast and good enough for test data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.float();
  }

  /** A float in [0, 1). */
  float(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** `n` distinct items (fewer when there are not enough). */
  sample<T>(items: readonly T[], n: number): T[] {
    const out: T[] = [];
    const used = new Set<number>();
    while (out.length < Math.min(n, items.length)) {
      const i = this.int(items.length);
      if (used.has(i)) continue;
      used.add(i);
      out.push(items[i]!);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const TODAY_MS = Date.parse(`${BENCH_TODAY}T00:00:00Z`);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

// ---------------------------------------------------------------------------------------
// Vocabulary

const MENTORS: readonly [string, string][] = [
  ['alex-rivera', 'Alex Rivera'],
  ['priya-natarajan', 'Priya Natarajan'],
  ['sam-okafor', 'Sam Okafor'],
  ['mei-lin', 'Mei Lin'],
  ['jonas-berg', 'Jonas Berg'],
  ['fatima-haddad', 'Fatima Haddad'],
  ['diego-alvarez', 'Diego Alvarez'],
  ['hana-kobayashi', 'Hana Kobayashi'],
];
const CADENCES = ['weekly', 'biweekly', 'monthly', 'every 3 weeks', 'every 10 days'];
const CHANNELS = ['video call', 'in person', 'phone', 'chat and video'];
const GOAL_TOPICS = [
  'public-speaking',
  'system-design',
  'tech-lead',
  'incident-commander',
  'build-network',
  'write-design-docs',
  'code-review',
  'hiring-loop',
  'ml-basics',
  'negotiation',
  'estimation',
  'on-call',
];
const GOAL_TITLES: Record<string, string> = {
  'public-speaking': 'Present confidently to leadership',
  'system-design': 'Lead the design of a storage tier',
  'tech-lead': 'Grow into the tech lead role',
  'incident-commander': 'Run a major incident as commander',
  'build-network': 'Know ten people outside my team',
  'write-design-docs': 'Write design docs that get approved',
  'code-review': 'Give reviews people learn from',
  'hiring-loop': 'Join the hiring loop as an interviewer',
  'ml-basics': 'Ship one model-backed feature',
  negotiation: 'Negotiate scope without drama',
  estimation: 'Estimate within twenty percent',
  'on-call': 'Make on-call boring',
};
const PLAIN_TAGS = ['resource', 'reading', 'network', 'followup', 'idea'];
const PEOPLE = ['jordan', 'kim', 'lee', 'morgan', 'taylor'];
const VERBS = [
  'Draft',
  'Send',
  'Review',
  'Book',
  'Read',
  'Ask',
  'Write',
  'Share',
  'Prepare',
  'Update',
  'Rehearse',
  'Schedule',
];
const OBJECTS = [
  'the design doc',
  'the roadmap outline',
  'the incident summary',
  'a short talk',
  'the reading list',
  'the review notes',
  'the migration plan',
  'a peer review',
  'the demo script',
  'the retro notes',
  'the team charter',
  'the on-call runbook',
];
const TAILS = [
  '',
  '',
  ' for the forum',
  ' with the team',
  ' before Friday',
  ' and collect feedback',
  ' for the next call',
  ' in the wiki',
];
const TOPICS = [
  'roadmap talk',
  'design review',
  'on-call load',
  'promotion case',
  'team conflict',
  'estimates',
  'hiring',
  'incident drill',
  'storage tiering',
  'feedback style',
];
const SENTENCES = [
  'Lead with the ask, then the number.',
  'Agreed to try it for two weeks and report back.',
  'The draft is half written; finish the risks section first.',
  'Too much background before the point.',
  'Good progress since last time.',
  'Ask the staff group for an early read.',
  'Keep the doc to two pages.',
  'Name one thing to keep and one to change.',
  'Write down the decision, not the discussion.',
  'Pair with Kim on the runbook.',
];

// ---------------------------------------------------------------------------------------
// The builder

interface GoalInfo {
  readonly id: string;
  readonly topic: string;
  readonly mentor: string;
}

class NotebookBuilder {
  private readonly rng: Rng;
  private readonly files: GeneratedFile[] = [];
  private readonly paths = new Set<string>();
  private readonly mentors: [string, string][];
  private readonly goals: GoalInfo[] = [];

  constructor(
    private readonly size: number,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    const mentorCount = Math.min(3 + this.rng.int(6), Math.max(1, size));
    this.mentors = this.rng.sample(MENTORS, mentorCount);
  }

  build(): GeneratedFile[] {
    const rng = this.rng;
    const size = this.size;
    const goalCount = Math.max(3, Math.round(size * 0.02));
    const reviewCount = Math.max(1, Math.round(size * 0.03));
    const duplicates = goalCount > 3 ? 1 : 0;
    const sessionCount = Math.max(
      0,
      size - this.mentors.length - goalCount - duplicates - reviewCount,
    );

    for (const [id, name] of this.mentors) this.mentorNote(id, name);
    for (let i = 0; i < goalCount; i++) {
      const topic = GOAL_TOPICS[i % GOAL_TOPICS.length]!;
      const id = i < GOAL_TOPICS.length ? topic : `${topic}-${Math.floor(i / GOAL_TOPICS.length)}`;
      this.goals.push({ id, topic, mentor: rng.pick(this.mentors)[0] });
    }
    for (const goal of this.goals) this.goalNote(goal);
    // One duplicated goal id per notebook (an explicit `id:` repeating another goal's).
    if (duplicates) this.goalNote(this.goals[1]!, `goals/archive/${this.goals[1]!.id}-old.md`);

    // Sessions spread over a span that grows with the notebook (capped at 12 years), most
    // recent last, so each mentor's latest sessions are close to "today".
    const spanDays = Math.min(365 * 12, Math.max(120, Math.ceil(sessionCount / 2)));
    for (let i = 0; i < sessionCount; i++) {
      const back = Math.floor(((sessionCount - 1 - i) / Math.max(1, sessionCount)) * spanDays);
      const date = isoDay(TODAY_MS - (back + rng.int(3)) * DAY_MS);
      this.sessionNote(date, rng.pick(this.mentors)[0]);
    }
    for (let i = 0; i < reviewCount; i++) {
      const back = Math.floor(((reviewCount - 1 - i) / Math.max(1, reviewCount)) * spanDays);
      this.reviewNote(isoDay(TODAY_MS - back * DAY_MS));
    }
    // Markdown files that are not notes (0.5%, at least the README).
    this.add('README.md', '# My mentoring notebook\n\nGoals, sessions and reviews.\n', 'other');
    for (let i = 0; i < Math.floor(size * 0.005); i++) {
      this.add(
        `scratch/idea-${i}.md`,
        `# Idea ${i}\n\n- [ ] not an action item, this file has no type\n\n${rng.pick(SENTENCES)}\n`,
        'other',
      );
    }
    return this.files;
  }

  // -- notes ------------------------------------------------------------------------------

  private mentorNote(id: string, name: string): void {
    const rng = this.rng;
    const fm = [
      'type: mentor',
      `id: ${id}`,
      `name: ${name}`,
      ...(rng.chance(0.85) ? [`cadence: ${rng.pick(CADENCES)}`] : []),
      `channel: ${rng.pick(CHANNELS)}`,
    ];
    const body = [
      `${name.split(' ')[0]} offered to mentor me; most of our time goes to ${rng.pick(TOPICS)} and ${rng.pick(TOPICS)}.`,
      '',
      '## What we agreed',
      '',
      '- **Cadence:** as above; I own the invite and send the agenda the day before.',
      '- **Confidentiality:** what we discuss stays between us.',
      '- **Feedback:** direct, one thing to keep and one to change.',
      '',
      '## Open questions',
      '',
      `- [ ] Agree the next check-in on the arrangement 📅 ${addDays(BENCH_TODAY, rng.range(-20, 40))}`,
    ];
    this.add(`mentors/${id}.md`, this.note(fm, body), 'mentor');
  }

  private goalNote(goal: GoalInfo, path = `goals/${goal.id}.md`): void {
    const rng = this.rng;
    const status = rng.chance(0.6)
      ? 'active'
      : rng.pick(['achieved', 'achieved', 'paused', 'dropped']);
    const target = addDays(BENCH_TODAY, rng.range(-120, 400));
    const fm = [
      'type: goal',
      ...(path !== `goals/${goal.id}.md` ? [`id: ${goal.id}`] : []),
      `title: ${GOAL_TITLES[goal.topic]}`,
      `status: ${status}`,
      `horizon: ${rng.pick(['short', 'long'])}`,
      ...(rng.chance(0.9) ? [`target: ${target}`] : []),
      ...(rng.chance(0.9) ? [`measure: ${rng.pick(SENTENCES).replace(/\.$/, '')}, twice`] : []),
      `mentor: ${goal.mentor}`,
    ];
    const body = [`${rng.pick(SENTENCES)} ${rng.pick(SENTENCES)}`, '', '## Milestones', ''];
    const n = rng.range(2, 6);
    let day = addDays(target, -30 * n);
    for (let i = 0; i < n; i++) {
      day = addDays(day, rng.range(10, 40));
      const done = day < BENCH_TODAY && rng.chance(0.8);
      body.push(
        `- [${done ? 'x' : ' '}] ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} 📅 ${day}${done ? ` ✅ ${addDays(day, -rng.int(4))}` : ''}`,
      );
    }
    if (rng.chance(0.4)) body.push('', '## Notes', '', `- ${rng.pick(SENTENCES)}`);
    this.add(path, this.note(fm, body), 'goal');
  }

  private sessionNote(date: string, mentor: string): void {
    const rng = this.rng;
    const goals = this.goals.length ? rng.sample(this.goals, rng.range(0, 3)).map((g) => g.id) : [];
    if (goals.length && rng.chance(0.01)) goals[0] = `${goals[0]}x`; // an unknown goal
    const fm: string[] = ['type: session', `date: ${date}`, `mentor: ${mentor}`];
    if (goals.length) {
      if (rng.chance(0.05)) fm.push('goals:', ...goals.map((g) => `  - ${g}`));
      else fm.push(`goals: [${goals.join(', ')}]`);
    }
    if (rng.chance(0.6)) fm.push(`next: ${addDays(date, rng.pick([7, 14, 14, 21, 28]))}`);
    if (rng.chance(0.03)) fm.push(`title: "Call with ${mentor} \\"${rng.pick(TOPICS)}\\""`);
    if (rng.chance(0.02)) fm.push(`duration: ${rng.pick([30, 45, 60])}`);

    const body: string[] = [];
    // Agenda
    body.push('## Agenda', '');
    if (rng.chance(0.6))
      body.push(
        `Today I would like to accomplish: ${rng.pick(TOPICS)} and ${rng.pick(TOPICS)}.`,
        '',
      );
    const agendaItems = rng.range(2, 4);
    for (let i = 0; i < agendaItems; i++) body.push(`- ${rng.pick(TOPICS)}`);
    if (rng.chance(0.15)) body.push(`  - ${rng.pick(SENTENCES)}`);
    body.push('');
    // Notes
    body.push('## Notes', '');
    this.notesSection(body);
    // Feedback
    const feedback = rng.float();
    if (feedback < 0.78) {
      body.push('## Feedback', '', `Asked: ${rng.pick(TOPICS)}? Heard: ${rng.pick(SENTENCES)}`, '');
    } else if (feedback < 0.88) {
      body.push('## Feedback', '', '<!-- to do -->', '');
    }
    // Action items
    body.push('## Action items', '');
    const recent = date >= addDays(BENCH_TODAY, -60);
    const items = rng.range(1, 5);
    for (let i = 0; i < items; i++) {
      body.push(this.actionItem(date, mentor, goals, recent, ''));
      if (rng.chance(0.08)) body.push(this.actionItem(date, mentor, goals, recent, '  '));
    }
    const stem = `${date}-${mentor}`;
    let path = `sessions/${date.slice(0, 4)}/${stem}.md`;
    for (let k = 2; this.paths.has(path); k++)
      path = `sessions/${date.slice(0, 4)}/${stem}-${k}.md`;
    this.add(path, this.note(fm, body), 'session');
  }

  private notesSection(body: string[]): void {
    const rng = this.rng;
    const kind = rng.float();
    if (kind < 0.5) {
      // Bullets, some nested.
      const n = rng.range(1, 4);
      for (let i = 0; i < n; i++) {
        body.push(`- ${rng.pick(SENTENCES)}`);
        if (rng.chance(0.3)) body.push(`  - ${rng.pick(SENTENCES)}`);
      }
    } else if (kind < 0.6) {
      body.push(`1. ${rng.pick(SENTENCES)}`, `2. ${rng.pick(SENTENCES)}`);
    } else if (kind < 0.72) {
      // A quote of plain text.
      body.push(`> ${rng.pick(SENTENCES)}`, `> ${rng.pick(SENTENCES)}`);
    } else if (kind < 0.8) {
      // A fenced code block holding lines that look like tasks but are not.
      body.push(
        rng.chance(0.8) ? '```md' : '~~~',
        `- [ ] ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} 📅 2026-01-01`,
        `# not a heading`,
        rng.chance(0.8) ? '```' : '~~~',
      );
    } else if (kind < 0.86) {
      body.push(
        '| Topic | Decision |',
        '| --- | --- |',
        `| ${rng.pick(TOPICS)} | ${rng.pick(SENTENCES)} |`,
      );
    } else if (kind < 0.92) {
      body.push(
        `See [the doc](https://example.com/docs/${rng.int(1000)}) and [[${rng.pick(this.goals)?.id ?? 'goal'}]].`,
      );
    } else if (kind < 0.95) {
      body.push('<!-- prepared from the template -->', `- ${rng.pick(SENTENCES)}`);
    } else if (kind < 0.975) {
      // A quote holding a list (what the fast scanner hands to remark).
      body.push(`> ${rng.pick(SENTENCES)}`, `> - ${rng.pick(SENTENCES)}`);
    } else if (kind < 0.99) {
      body.push('<details><summary>Raw notes</summary>', '', rng.pick(SENTENCES), '', '</details>');
    } else {
      // A setext heading and an indented code block.
      body.push('Side note', '---------', '', `    - [ ] code, not a task`);
    }
    body.push('');
  }

  private actionItem(
    date: string,
    mentor: string,
    goals: readonly string[],
    recent: boolean,
    indent: string,
  ): string {
    const rng = this.rng;
    const due = addDays(date, rng.range(3, 30));
    const done = rng.chance(recent ? 0.35 : 0.9);
    const parts = [`${indent}- [${done ? (rng.chance(0.1) ? 'X' : 'x') : ' '}]`];
    parts.push(`${rng.pick(VERBS)} ${rng.pick(OBJECTS)}${rng.pick(TAILS)}`);
    if (rng.chance(0.2)) parts.push(`@${rng.chance(0.8) ? mentor : rng.pick(PEOPLE)}`);
    if (rng.chance(0.04)) parts.push(rng.pick(['⏫', '🔼', '🔽']));
    const dateStyle = rng.float();
    if (dateStyle < 0.003) parts.push(`📅 ${due.slice(0, 5)}02-30`);
    else if (dateStyle < 0.7) parts.push(`📅 ${due}`);
    else if (dateStyle < 0.9) parts.push(`due:${due}`);
    if (done) parts.push(`✅ ${addDays(due, -rng.int(3))}`);
    const link = rng.float();
    const goal = goals.length && rng.chance(0.7) ? rng.pick(goals) : rng.pick(this.goals)?.id;
    if (goal && link < 0.25) parts.push(`#${goal}`);
    else if (goal && link < 0.4) parts.push(`[[${goal}]]`);
    else if (link < 0.55) parts.push(`#${rng.pick(PLAIN_TAGS)}`);
    else if (goal && link < 0.56) parts.push(`#${goal.slice(0, -1)}`); // misspelt
    return parts.join(' ');
  }

  private reviewNote(date: string): void {
    const rng = this.rng;
    const period = addDays(date, -15).slice(0, 7);
    const fm = ['type: review', `date: ${date}`, `period: ${period}`];
    const body = ['## Self-assessment', ''];
    const checks = [
      'My mentors could name my goals.',
      'I sent the agenda ahead of every meeting.',
      'I asked for feedback on one thing each time.',
      'I finished what I said, by the date I said.',
      'I used at least two resources between sessions.',
    ];
    for (const c of rng.sample(checks, rng.range(2, 5)))
      body.push(`- [${rng.chance(0.7) ? 'x' : ' '}] ${c}`);
    body.push('', '## Reflection', '', `${rng.pick(SENTENCES)} ${rng.pick(SENTENCES)}`);
    let path = `reviews/${period}.md`;
    for (let k = 2; this.paths.has(path); k++) path = `reviews/${period}-${k}.md`;
    this.add(path, this.note(fm, body), 'review');
  }

  // -- assembling -------------------------------------------------------------------------

  /** Front matter and body as a file: sometimes CRLF, a BOM, or broken front matter. */
  private note(fm: string[], body: string[]): string {
    const rng = this.rng;
    const lines = ['---', ...fm, '---', ...body];
    const broken = rng.float();
    if (broken < 0.002) {
      lines.splice(fm.length + 1, 1); // the front matter is never closed
    } else if (broken < 0.004) {
      lines.splice(2, 0, 'title: Notes: part two'); // YAML error
    } else if (broken < 0.005) {
      lines.splice(2, 0, 'goals: [a, b'); // unclosed flow list
    } else if (broken < 0.007) {
      lines.splice(2, 0, '\tnote: indented with a tab');
    } else if (broken < 0.009) {
      const i = lines.findIndex((l) => l.startsWith('date: ') || l.startsWith('target: '));
      if (i > 0) lines[i] = `${lines[i]!.split(':')[0]}: 2026-13-0${rng.range(1, 9)}`;
    }
    let text = `${lines.join('\n')}\n`;
    if (rng.chance(0.02)) text = text.replace(/\n/g, '\r\n');
    if (rng.chance(0.003)) text = `\uFEFF${text}`;
    return text;
  }

  private add(path: string, text: string, kind: string): void {
    this.paths.add(path);
    this.files.push({ path, text, kind });
  }
}
