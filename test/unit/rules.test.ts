import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  computeFindings,
  countOverdue,
  FindingsEngine,
  groupOpenItems,
  loadNotebook,
  mentorSchedule,
  NoteIndex,
  planNextMeeting,
  renderNextMeeting,
  sameFindings,
  type Finding,
} from '../../src/core';
import { expectFile } from './helpers/fixtures';
import { MemoryFiles, readTree } from './helpers/memoryFiles';

const TODAY = '2026-11-21';
const ROOT = join(process.cwd(), 'test/unit/fixtures/rules');

/** The notebook in a fixture folder (`expected.txt` excluded). */
async function load(dir: string): Promise<NoteIndex> {
  const tree = readTree(dir);
  delete tree['expected.txt'];
  const index = new NoteIndex();
  await loadNotebook(new MemoryFiles(tree), index);
  return index;
}

function format(findings: Map<string, Finding[]>): string {
  const lines: string[] = [];
  for (const uri of [...findings.keys()].sort()) {
    for (const f of findings.get(uri)!) {
      const { start, end } = f.range;
      lines.push(
        `${uri}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.severity} ${f.code} ${f.message}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

describe('rules (fixtures: test/unit/fixtures/rules/<case>, today 2026-11-21)', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(name, async () => {
      const index = await load(join(ROOT, name));
      expectFile(join(ROOT, name, 'expected.txt'), format(computeFindings(index, TODAY)));
    });
  }

  it('groups open items by due date at the week and grace-day boundaries, each group in order', () => {
    // 2026-11-21 is a Saturday: with weeks starting Monday the week ends Sunday the 22nd;
    // with weeks starting Sunday it ended on the 21st.
    const index = new NoteIndex();
    index.setText(
      'file:///n/b.md',
      [
        '---\ntype: session\ndate: 2026-11-14\n---',
        '- [ ] b-yesterday 📅 2026-11-20',
        '- [ ] b-today 📅 2026-11-21',
        '- [ ] b-sunday 📅 2026-11-22',
        '- [ ] b-monday 📅 2026-11-23',
        '- [ ] b-undated',
        '- [x] b-done 📅 2026-11-01',
        '- [ ] b-cancelled ❌ 2026-11-02 📅 2026-11-01',
        '',
      ].join('\n'),
    );
    index.setText(
      'file:///n/a.md',
      '---\ntype: session\ndate: 2026-11-14\n---\n- [ ] a-today 📅 2026-11-21\n- [ ] a-old 📅 2026-11-19\n',
    );
    const groups = (weekStart: number, grace: number) =>
      Object.fromEntries(
        [...groupOpenItems(index, TODAY, weekStart, grace)].map(([g, items]) => [
          g,
          items.map((i) => i.text),
        ]),
      );
    assert.deepEqual(groups(1, 0), {
      overdue: ['a-old', 'b-yesterday'],
      thisWeek: ['a-today', 'b-today', 'b-sunday'],
      later: ['b-monday'],
      noDate: ['b-undated'],
    });
    assert.deepEqual(groups(0, 1), {
      overdue: ['a-old'],
      thisWeek: ['b-yesterday', 'a-today', 'b-today'],
      later: ['b-sunday', 'b-monday'],
      noDate: ['b-undated'],
    });
  });

  it('applies grace days and severity overrides', async () => {
    const index = await load(join(ROOT, 'overdue'));
    const codes = (f: Map<string, Finding[]>) =>
      [...f.values()].flat().map((x) => `${x.code}:${x.severity}:${x.range.start.line}`);
    const strict = codes(computeFindings(index, TODAY));
    const lenient = codes(computeFindings(index, TODAY, { graceDays: 2 }));
    // The item due 2026-11-20 and the nested one due 2026-11-19 are within 2 days.
    assert.equal(strict.filter((c) => c.startsWith('overdue')).length, 4);
    assert.equal(lenient.filter((c) => c.startsWith('overdue')).length, 2);
    // The status bar's count agrees with the findings.
    assert.equal(countOverdue(index, TODAY), 4);
    assert.equal(countOverdue(index, TODAY, 2), 2);
    const off = codes(
      computeFindings(index, TODAY, { severities: { 'overdue-action-item': 'off' } }),
    );
    assert.equal(off.filter((c) => c.startsWith('overdue')).length, 0);
    const err = codes(
      computeFindings(index, TODAY, { severities: { 'overdue-action-item': 'error' } }),
    );
    assert.ok(err.filter((c) => c.startsWith('overdue')).every((c) => c.includes(':error:')));
  });

  it('suggests the goal an unknown id is one or two letters off, for the quick fix to write in', () => {
    const index = new NoteIndex();
    index.setText('file:///n/g.md', '---\ntype: goal\nid: public-speaking\n---\n');
    index.setText(
      'file:///n/s.md',
      '---\ntype: session\ndate: 2026-11-20\ngoals: [public-speakng]\n---\n' +
        '- [ ] a #public-speakin\n- [ ] b [[publc-speaking]]\n- [ ] c [[nothing-like-it]]\n',
    );
    const data = computeFindings(index, TODAY)
      .get('file:///n/s.md')!
      .filter((f) => f.code === 'unknown-goal')
      .map((f) => f.data);
    assert.deepEqual(data, [
      { goal: 'public-speakng', suggestion: 'public-speaking' },
      { goal: 'public-speakin', suggestion: 'public-speaking' },
      { goal: 'publc-speaking', suggestion: 'public-speaking' },
      { goal: 'nothing-like-it' },
    ]);
  });

  it('suggests the mentor an unknown mentor: means, by name or a letter off, and keeps it current', () => {
    const index = new NoteIndex();
    index.setText('file:///n/m.md', '---\ntype: mentor\nid: alex-rivera\nname: Alex Rivera\n---\n');
    index.setText('file:///n/p.md', '---\ntype: mentor\nid: priya\nname: Priya N.\n---\n');
    const written = ['Alex Rivera', 'alex  RIVERA', 'Alex_Rivera', 'alex-rivra', 'priya n.', 'sam'];
    written.forEach((w, k) =>
      index.setText(
        `file:///n/s${k}.md`,
        `---\ntype: session\ndate: 2026-11-20\nmentor: "${w}"\n---\n`,
      ),
    );
    const engine = new FindingsEngine(index, TODAY);
    const data = () =>
      written.map(
        (_, k) => engine.get(`file:///n/s${k}.md`).find((f) => f.code === 'unknown-mentor')?.data,
      );
    assert.deepEqual(data(), [
      { mentor: 'Alex Rivera', suggestion: 'alex-rivera' },
      { mentor: 'alex  RIVERA', suggestion: 'alex-rivera' },
      { mentor: 'Alex_Rivera', suggestion: 'alex-rivera' },
      { mentor: 'alex-rivra', suggestion: 'alex-rivera' },
      { mentor: 'priya n.', suggestion: 'priya' },
      { mentor: 'sam' },
    ]);
    assert.match(
      engine.get('file:///n/s0.md').find((f) => f.code === 'unknown-mentor')!.message,
      /No mentor note has the id "Alex Rivera"\. Did you mean "alex-rivera" \(Alex Rivera\)\?/,
    );
    // The mentor's name changes: the notes that named it are told again, as a full
    // recompute would tell them.
    index.setText('file:///n/p.md', '---\ntype: mentor\nid: priya\nname: Priya Natarajan\n---\n');
    engine.update(['file:///n/p.md']);
    assert.deepEqual(data()[4], { mentor: 'priya n.' });
    for (const [uri, list] of computeFindings(index, TODAY))
      assert.ok(sameFindings(engine.get(uri), list), uri);
  });

  it('reports a next: that is not after its session, and does not call that meeting missed', () => {
    const index = new NoteIndex();
    index.setText('file:///n/m.md', '---\ntype: mentor\nid: m\ncadence: monthly\n---\n');
    index.setText(
      'file:///n/s.md',
      '---\ntype: session\ndate: 2026-11-10\nmentor: m\nnext: 2026-11-01\n---\n## Feedback\nok\n',
    );
    const all = computeFindings(index, TODAY);
    const found = (all.get('file:///n/s.md') ?? []).concat(all.get('file:///n/m.md') ?? []);
    assert.deepEqual(
      found.map((f) => [f.code, f.severity, f.range.start.line]),
      [['invalid-field', 'warning', 4]],
    );
    assert.match(
      found[0]!.message,
      /^next: 2026-11-01 is not after this session's date, 2026-11-10/,
    );
  });

  it('reports a prepared meeting whose date passed with nothing written in it', async () => {
    const example = new NoteIndex();
    await loadNotebook(
      new MemoryFiles(readTree(join(process.cwd(), 'examples/notebook'))),
      example,
    );
    // The note Prepare Next Meeting writes, left as it was.
    const plan = planNextMeeting(example, 'alex-rivera', TODAY);
    const prepared = renderNextMeeting(plan, { linkTo: () => 'x.md' });
    const uri = 'sessions/2026-11-28-alex-rivera.md';
    example.setText(uri, prepared);
    const codes = (today: string) =>
      (computeFindings(example, today).get(uri) ?? []).map((f) => f.code);
    assert.deepEqual(codes('2026-11-28'), []);
    assert.deepEqual(codes('2026-11-29'), ['session-not-logged']);
    // Anything written in Notes (or Action items, Feedback, next:) and it counts as logged.
    example.setText(
      uri,
      prepared.replace('## Notes\n', '## Notes\n\nWe went through the outline.\n'),
    );
    assert.deepEqual(codes('2026-11-29'), ['session-without-feedback']);
    // A note with none of those sections (front matter only) is a meeting held.
    example.setText(uri, '---\ntype: session\ndate: 2026-11-28\nmentor: alex-rivera\n---\n');
    assert.ok(!codes('2026-11-29').includes('session-not-logged'));
  });

  it('suggests the same mentor whatever order the notes were read in', () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const index = new NoteIndex();
      const notes: Record<string, string> = {
        a: '---\ntype: mentor\nid: alex\nname: Sam\n---\n',
        b: '---\ntype: mentor\nid: sam\n---\n',
      };
      for (const k of order) index.setText(`file:///n/${k}.md`, notes[k]!);
      index.setText('file:///n/s.md', '---\ntype: session\ndate: 2026-11-20\nmentor: Sam\n---\n');
      const f = computeFindings(index, TODAY)
        .get('file:///n/s.md')!
        .find((x) => x.code === 'unknown-mentor')!;
      // The id it is, written as one, before a name; no "(sam)" after the id "sam".
      assert.deepEqual(f.data, { mentor: 'Sam', suggestion: 'sam' }, order.join());
      assert.match(f.message, /Did you mean "sam"\?$/);
    }
  });

  it('does not take a prepared note left empty for the last meeting held', () => {
    const index = new NoteIndex();
    index.setText('file:///n/m.md', '---\ntype: mentor\nid: m\ncadence: weekly\n---\n');
    index.setText(
      'file:///n/a.md',
      '---\ntype: session\ndate: 2026-10-01\nmentor: m\nnext: 2026-10-08\n---\n## Notes\nMet.\n## Feedback\nok\n',
    );
    index.setText(
      'file:///n/b.md',
      '---\ntype: session\ndate: 2026-10-08\nmentor: m\n---\n## Agenda\n- x\n## Notes\n## Feedback\n## Action items\n',
    );
    assert.equal(mentorSchedule(index, 'm', TODAY).lastHeld?.uri, 'file:///n/a.md');
    const lapsed = computeFindings(index, TODAY)
      .get('file:///n/m.md')!
      .find((f) => f.code === 'cadence-lapsed');
    assert.match(lapsed!.message, /the last session was 2026-10-01/);
  });

  it('reminds of the monthly self-assessment once one is over a month old, and keeps it current', () => {
    const index = new NoteIndex();
    const review = (date: string) => `---\ntype: review\ndate: ${date}\n---\n- [x] ok\n`;
    index.setText('file:///n/r1.md', review('2026-09-01'));
    index.setText('file:///n/r2.md', review('2026-10-03'));
    const engine = new FindingsEngine(index, TODAY);
    const due = () =>
      [...engine.all()].flatMap(([uri, list]) =>
        list.filter((f) => f.code === 'self-assessment-due').map((f) => [uri, f.message]),
      );
    assert.deepEqual(due(), [
      [
        'file:///n/r2.md',
        "Your last self-assessment was 2026-10-03, 49 days ago: time for this month's (Mentoring: New Self-Assessment starts one).",
      ],
    ]);
    index.setText('file:///n/r3.md', review('2026-11-20'));
    engine.update(['file:///n/r3.md']);
    assert.deepEqual(due(), []);
    for (const [uri, list] of computeFindings(index, TODAY))
      assert.ok(sameFindings(engine.get(uri), list), uri);
    // No self-assessment at all: no reminder (the practice is the mentee's to take up).
    assert.equal(computeFindings(new NoteIndex(), TODAY).size, 0);
  });

  it('reports a session without a date once, and not one whose date is written wrong', () => {
    const index = new NoteIndex();
    const codes = (date: string) => {
      index.setText(
        'file:///n/s.md',
        `---\ntype: session\nmentor: sam\n${date}---\n## Feedback\nFine.\n`,
      );
      return (computeFindings(index, TODAY).get('file:///n/s.md') ?? [])
        .map((f) => f.code)
        .filter((c) => c.startsWith('session') || c === 'invalid-date');
    };
    assert.deepEqual(codes(''), ['session-without-date']);
    assert.deepEqual(codes('date: 2026-11-20\n'), []);
    assert.deepEqual(codes('date: 2026-02-30\n'), ['invalid-date']);
    assert.deepEqual(codes('date: [2026-11-20]\n'), ['invalid-date']);
  });

  it("puts a paused, dropped or achieved goal's own items on hold: not open, never overdue", () => {
    const index = new NoteIndex();
    const goal = (status: string) =>
      index.setText(
        'file:///n/speaking.md',
        `---\ntype: goal\nstatus: ${status}\nmentor: sam\ntarget: 2027-06-01\nmeasure: m\n---\n## Milestones\n- [ ] Rehearse 📅 2026-11-01\n## Next\n- [ ] Book a room 📅 2026-11-02\n`,
      );
    index.setText(
      'file:///n/s.md',
      '---\ntype: session\ndate: 2026-10-20\nmentor: sam\ngoals: [speaking]\n---\n## Feedback\nok\n- [ ] Ask Kim 📅 2026-11-03\n',
    );
    const engine = new FindingsEngine(index, TODAY);
    const state = () => ({
      overdue: [...engine.all().values()]
        .flat()
        .filter((f) => f.code === 'overdue-action-item')
        .map((f) => f.uri)
        .sort(),
      open: index.openItems().map((i) => i.text),
      counted: index.countOpenDueBefore(TODAY),
      followUps: planNextMeeting(index, 'sam', TODAY).followUps.map((i) => i.text),
    });
    goal('active');
    engine.update(['file:///n/speaking.md']);
    assert.deepEqual(state(), {
      overdue: ['file:///n/s.md', 'file:///n/speaking.md', 'file:///n/speaking.md'],
      open: ['Rehearse', 'Book a room', 'Ask Kim'],
      counted: 3,
      followUps: ['Rehearse', 'Book a room', 'Ask Kim'],
    });
    for (const status of ['paused', 'dropped', 'achieved']) {
      goal(status);
      engine.update(['file:///n/speaking.md']);
      // A session's follow-up on that goal is still the mentee's to do.
      assert.deepEqual(
        state(),
        { overdue: ['file:///n/s.md'], open: ['Ask Kim'], counted: 1, followUps: ['Ask Kim'] },
        status,
      );
      assert.ok(
        sameFindings(
          [...engine.all().values()].flat(),
          [...computeFindings(index, TODAY).values()].flat(),
        ),
      );
    }
  });

  it('re-evaluates when the date rolls over', async () => {
    const index = await load(join(ROOT, 'overdue'));
    const overdue = (today: string) =>
      [...computeFindings(index, today).values()]
        .flat()
        .filter((f) => f.code === 'overdue-action-item').length;
    assert.equal(overdue('2026-11-01'), 0);
    assert.equal(overdue('2026-11-21'), 4);
    assert.equal(overdue('2026-11-22'), 5);
  });
});

describe('comparing published findings', () => {
  const finding = (over: Partial<Finding> = {}): Finding => ({
    uri: 's.md',
    range: { start: { line: 3, character: 4 }, end: { line: 3, character: 14 } },
    code: 'overdue-action-item',
    severity: 'warning',
    message: '"x" was due 2026-11-01, 20 days ago.',
    data: { line: 3, due: '2026-11-01' },
    ...over,
  });

  it('tells equal lists from lists that differ in any field, data included', () => {
    assert.ok(sameFindings([], []));
    assert.ok(sameFindings([finding()], [finding()]));
    assert.ok(sameFindings([finding({ data: undefined })], [finding({ data: undefined })]));
    const changes: Partial<Finding>[] = [
      { uri: 't.md' },
      { code: 'unknown-goal' },
      { severity: 'error' },
      { message: 'other' },
      { range: { start: { line: 3, character: 5 }, end: { line: 3, character: 14 } } },
      { range: { start: { line: 3, character: 4 }, end: { line: 4, character: 14 } } },
      { data: undefined },
      { data: { line: 3 } },
      { data: { line: 3, due: '2026-11-02' } },
      { data: { line: 3, goal: '2026-11-01' } },
    ];
    for (const change of changes) {
      assert.ok(!sameFindings([finding()], [finding(change)]), JSON.stringify(change));
      assert.ok(!sameFindings([finding(change)], [finding()]), JSON.stringify(change));
    }
    assert.ok(!sameFindings([finding()], [finding(), finding()]));
    assert.ok(
      !sameFindings([finding(), finding({ code: 'b' })], [finding({ code: 'b' }), finding()]),
    );
  });
});
