import { strict as assert } from 'node:assert';
import { chmodSync, mkdtempSync, writeFileSync, rmSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

const EXAMPLE = join(process.cwd(), 'examples/notebook');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('CLI on the example notebook', () => {
  it('check prints file:line:col severity code message and exits 0 without errors', async () => {
    const r = await cli('check', '--today', '2026-11-21', EXAMPLE);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    for (const l of lines)
      assert.match(l, /^[\w./-]+\.md:\d+:\d+ (error|warning|info|hint) [a-z-]+ .+$/);
    const codes = lines.map((l) => l.split(' ')[2]);
    assert.equal(codes.filter((c) => c === 'overdue-action-item').length, 5);
    assert.ok(codes.includes('missed-meeting'));
    assert.ok(codes.includes('goal-past-target'));
    assert.ok(codes.includes('goal-without-measure'));
    assert.ok(codes.includes('unknown-goal'));
    assert.ok(codes.includes('session-without-feedback'));
    assert.ok(
      lines.includes(
        'sessions/2026-10-14-priya-natarajan.md:6:7 warning missed-meeting The next meeting with Priya Natarajan was agreed for 2026-11-10, 11 days ago, and no session has been logged since. Log it, or agree a new date.',
      ),
    );
    assert.equal(
      r.err,
      '21 notes checked as of 2026-11-21: 0 errors, 8 warnings, 3 info, 0 hints.\n',
    );
  });

  it('check --json has the versioned shape with 1-based positions', async () => {
    const r = await cli('check', '--json', '--today', '2026-11-21', EXAMPLE);
    const json = JSON.parse(r.out) as { version: number; diagnostics: Record<string, unknown>[] };
    assert.equal(json.version, 1);
    assert.ok(json.diagnostics.length >= 10);
    for (const d of json.diagnostics) {
      assert.deepEqual(Object.keys(d), [
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'severity',
        'code',
        'message',
      ]);
      assert.ok((d.line as number) >= 1 && (d.column as number) >= 1);
    }
  });

  it('--today moves the evaluation date', async () => {
    const early = await cli('check', '--json', '--today', '2026-06-01', EXAMPLE);
    const overdue = (o: string) =>
      (JSON.parse(o) as { diagnostics: { code: string }[] }).diagnostics.filter(
        (d) => d.code === 'overdue-action-item',
      ).length;
    assert.equal(overdue(early.out), 0);
    const late = await cli('check', '--json', '--today', '2027-12-31', EXAMPLE);
    assert.ok(overdue(late.out) > 5);
  });

  it('list --json lists goals, sessions, mentors and action items', async () => {
    const r = await cli('list', '--json', '--today', '2026-11-21', EXAMPLE);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out) as {
      version: number;
      goals: { id: string; progress: { done: number; total: number } }[];
      sessions: unknown[];
      mentors: { id: string }[];
      actionItems: Record<string, unknown>[];
    };
    assert.equal(json.version, 1);
    assert.equal(json.mentors.length, 2);
    assert.equal(json.goals.length, 5);
    assert.equal(json.sessions.length, 12);
    assert.deepEqual(json.goals.find((g) => g.id === 'public-speaking')?.progress, {
      done: 3,
      total: 6,
    });
    for (const item of json.actionItems) {
      for (const key of ['file', 'line', 'text', 'done', 'due', 'doneDate', 'owner', 'goals'])
        assert.ok(key in item, key);
      assert.doesNotMatch(item.file as string, /\\/);
      assert.ok(item.due === null || /^\d{4}-\d{2}-\d{2}$/.test(item.due as string));
    }
    // Task lines in code blocks and comments are not action items.
    assert.ok(!json.actionItems.some((i) => /not a real task/i.test(i.text as string)));
    const roadmap = json.actionItems.find(
      (i) => i.file === 'sessions/2026-11-14-alex-rivera.md' && i.line === 34,
    );
    assert.equal(roadmap?.done, false);
    assert.equal(roadmap?.due, '2026-11-18');
  });

  it('agenda prints the next session note for a mentor', async () => {
    const r = await cli('agenda', '--mentor', 'alex-rivera', '--today', '2026-11-21', EXAMPLE);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^---\ntype: session\ndate: 2026-11-28\nmentor: alex-rivera\n/);
    assert.match(r.out, /## Follow-ups/);
    assert.match(
      r.out,
      /Send Alex the storage-tiering draft for comments \(due 2026-11-18, overdue\)/,
    );
    assert.match(r.err, /sessions\/2026-11-28-alex-rivera\.md/);
  });

  it('agenda without --mentor picks the meeting that is due first', async () => {
    const r = await cli('agenda', '--today', '2026-11-21', EXAMPLE);
    assert.match(r.out, /mentor: priya-natarajan/);
    assert.match(r.out, /date: 2026-11-21/);
  });

  it('list prints self-assessments, and open action items as the editor counts them', async () => {
    const r = await cli('list', '--today', '2026-11-21', EXAMPLE);
    assert.match(
      r.out,
      /\nSelf-assessments \(2\)\n {2}2026-11-01 {2}for 2026-10 {2}reviews\/2026-10\.md\n/,
    );
    // A self-assessment's checklist lines are statements to tick, not things to do.
    assert.match(r.out, /\nOpen action items \(20\)\n/);
    assert.doesNotMatch(r.out, /I asked for feedback on one specific thing/);
  });

  it('agenda says when the note for that meeting exists (Prepare opens it as it is)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mn-cli-'));
    try {
      mkdirSync(join(dir, 'sessions'));
      writeFileSync(join(dir, 'm.md'), '---\ntype: mentor\nid: m\n---\n');
      writeFileSync(
        join(dir, 'sessions', 'held.md'),
        '---\ntype: session\ndate: 2026-11-14\nmentor: m\nnext: 2026-11-28\n---\n',
      );
      writeFileSync(
        join(dir, 'sessions', '2026-11-28-m.md'),
        '---\ntype: session\ndate: 2026-11-28\nmentor: m\n---\n',
      );
      const r = await cli('agenda', '--mentor', 'm', '--today', '2026-11-21', dir);
      assert.match(
        r.err,
        /sessions\/2026-11-28-m\.md exists, and "Prepare next meeting" would open it as it is/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const none = mkdtempSync(join(tmpdir(), 'mn-cli-'));
    try {
      const r = await cli('check', none);
      assert.match(
        r.err,
        /^0 notes checked [^\n]*\nNo notes found: is this the folder that holds them\?/,
      );
    } finally {
      rmSync(none, { recursive: true, force: true });
    }
  });

  it('report prints the progress report the editor shows as Markdown', async () => {
    const r = await cli('report', '--mentor', 'alex-rivera', '--today', '2026-11-21', EXAMPLE);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# Progress report for Alex Rivera\n\n2026-08-22 to 2026-11-21\n/);
    assert.match(r.out, /Follow-through:\*\* 10 of 12 follow-ups due were done \(83%\): 7 on time/);
    const since = await cli('report', '--since', '2026-11-01', '--today', '2026-11-21', EXAMPLE);
    assert.match(
      since.out,
      /^# Progress overview, all mentors\n\n_For you: [^\n]*_\n\n2026-11-01 to 2026-11-21\n/,
    );
    assert.equal(since.err, '');
    // Further back than a report reaches: it says where the report starts instead.
    const old = await cli('report', '--since', '2020-01-01', '--today', '2026-11-21', EXAMPLE);
    assert.equal(old.code, 0);
    assert.equal(
      old.err,
      'A report covers at most 36 months: this one starts 2023-11-22, not 2020-01-01.\n',
    );
    assert.match(old.out, /^2023-11-22 to 2026-11-21$/m);
  });

  it('report --ics prints the next meeting as a calendar file, or says why it cannot', async () => {
    const r = await cli(
      'report',
      '--ics',
      '--mentor',
      'alex-rivera',
      '--today',
      '2026-11-21',
      EXAMPLE,
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^BEGIN:VCALENDAR\r\n[^]*\r\nDTSTART;VALUE=DATE:20261128\r\n/);
    const missed = await cli(
      'report',
      '--ics',
      '--mentor',
      'priya-natarajan',
      '--today',
      '2026-11-21',
      EXAMPLE,
    );
    assert.equal(missed.code, 1);
    assert.equal(missed.out, '');
    assert.match(missed.err, /was due 2026-11-10 and has passed/);
  });
});

describe('CLI usage', () => {
  it('exits 2 with a clear message on usage errors', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['check', '--today', '2026-02-30', EXAMPLE],
      ['check', '--nope'],
      ['check', '--mentor', 'x', EXAMPLE],
      ['check', '/definitely/not/here'],
      ['agenda', '--mentor', 'nobody', EXAMPLE],
      ['check', '--grace', '-3', EXAMPLE],
      ['report', '--ics', EXAMPLE],
      ['report', '--ics', '--mentor', 'alex-rivera', '--since', '2026-11-01', EXAMPLE],
      ['report', '--mentor', 'nobody', EXAMPLE],
      ['report', '--since', '2030-01-01', '--today', '2026-11-21', EXAMPLE],
      ['agenda', '--ics', EXAMPLE],
    ]) {
      const r = await cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^mentoring-notes: /, args.join(' '));
    }
  });

  it('prints help for each command', async () => {
    assert.match((await cli('--help')).out, /Commands:/);
    for (const c of ['check', 'list', 'agenda', 'report']) {
      const r = await cli(c, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out, new RegExp(`Usage: mentoring-notes ${c}`));
    }
  });

  it('reads a linked note inside the folder, and warns of a link out of it without following it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mn-cli-'));
    const outside = mkdtempSync(join(tmpdir(), 'mn-cli-out-'));
    try {
      writeFileSync(join(dir, 'docs.md'), '# Read me\n');
      writeFileSync(join(outside, 'secret.md'), '---\ntype: goal\ntarget: 2026-02-30\n---\n');
      symlinkSync(join(dir, 'docs.md'), join(dir, 'README.md'));
      symlinkSync(join(outside, 'secret.md'), join(dir, 'out.md'));
      symlinkSync(join(dir, 'missing.md'), join(dir, 'dangling.md'));
      // Nor into what the walk skips: .git holds a CI's credentials.
      mkdirSync(join(dir, '.git'));
      writeFileSync(join(dir, '.git', 'hidden.md'), '---\ntype: goal\nid: hidden\n---\n');
      symlinkSync(join(dir, '.git', 'hidden.md'), join(dir, 'dot.md'));
      const r = await cli('check', '--today', '2026-11-21', dir);
      // Warnings only: links in a repository do not fail its CI.
      assert.equal(r.code, 0, r.out);
      assert.equal(
        r.out,
        'dangling.md:1:1 warning unreadable-file Not read: it is a symbolic link to nothing.\n' +
          'dot.md:1:1 warning unreadable-file Not read: it is a symbolic link into a skipped folder (a dot-folder or node_modules), which is not followed.\n' +
          'out.md:1:1 warning unreadable-file Not read: it is a symbolic link out of the folder, which is not followed.\n',
      );
      // A link inside is read as the note it points to: here a goal, twice over.
      writeFileSync(
        join(dir, 'goal.md'),
        '---\ntype: goal\nid: g\ntarget: 2027-01-01\nmeasure: m\n---\n',
      );
      symlinkSync(join(dir, 'goal.md'), join(dir, 'alias.md'));
      const again = await cli('check', '--today', '2026-11-21', dir);
      assert.match(
        again.out,
        /^alias\.md:3:5 error duplicate-id Another goal has the id "g": goal\.md/m,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('prints no control character from a note: a YAML line break cannot start a line of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mn-cli-'));
    try {
      writeFileSync(
        join(dir, 'r.md'),
        '---\ntype: review\ndate: 2026-11-01\nperiod: "x\\n::error file=a::injected \\e[31m"\n---\n',
      );
      writeFileSync(
        join(dir, 'g.md'),
        '---\ntype: goal\ntitle: "T\\n::warning::x"\nstatus: sure\n---\n',
      );
      for (const args of [['list'], ['check'], ['report']]) {
        const r = await cli(...args, '--today', '2026-11-21', dir);
        assert.doesNotMatch(r.out, /^::/m, args.join(' '));
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(r.out, /[\u0000-\u0009\u000b-\u001f]/, args.join(' '));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 when a finding is an error, and never crashes on broken files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mn-cli-'));
    try {
      mkdirSync(join(dir, 'goals'));
      writeFileSync(join(dir, 'goals', 'bad.md'), '---\ntype: goal\ntarget: 2026-02-30\n---\n');
      // Files that cannot be read as notes are reported when they start as notes do…
      const noteHead = '---\ntype: session\ndate: 2026-11-20\n---\n';
      writeFileSync(join(dir, 'binary.md'), Buffer.from([...Buffer.from(noteHead), 0, 1, 255]));
      // …and ignored otherwise, as any other Markdown file of a repository is.
      writeFileSync(join(dir, 'image.md'), Buffer.from([0, 1, 2, 3, 0, 255]));
      writeFileSync(
        join(dir, 'CHANGELOG.md'),
        Buffer.concat([Buffer.from('# Changes\n\n'), Buffer.alloc(3 * 1024 * 1024, 0x61)]),
      );
      writeFileSync(join(dir, 'readme.md'), '# not a note\n');
      mkdirSync(join(dir, 'locked'));
      writeFileSync(join(dir, 'locked', 'x.md'), '---\ntype: goal\n---\n');
      chmodSync(join(dir, 'locked'), 0o000);
      writeFileSync(
        join(dir, 'huge.md'),
        Buffer.concat([Buffer.from(noteHead), Buffer.alloc(3 * 1024 * 1024, 0x61)]),
      );
      const r = await cli('check', '--today', '2026-11-21', dir);
      assert.equal(r.code, 1);
      assert.match(
        r.out,
        /goals\/bad\.md:3:9 error invalid-date target: 2026-02-30 is not a real date/,
      );
      assert.match(r.out, /binary\.md:1:1 error unreadable-file Not read: the file is binary/);
      assert.doesNotMatch(r.out, /readme|image|CHANGELOG/);
      assert.match(
        r.out,
        /huge\.md:1:1 error unreadable-file Not read: the file is 3 MB, over the 2 MB a note may have\./,
      );
      // Root can list any folder; elsewhere the locked one is reported, not fatal.
      if (process.getuid?.() !== 0)
        assert.match(
          r.out,
          /locked\/:1:1 error unreadable-file Not read: the folder could not be listed/,
        );
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
