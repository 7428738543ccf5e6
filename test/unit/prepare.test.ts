import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import {
  agendaCursor,
  computeFindings,
  isAnotherMeeting,
  loadNotebook,
  NoteIndex,
  planNextMeeting,
  parseText,
  relativeLink,
  renderNextMeeting,
  renderSelfAssessment,
  reviewOf,
  selfAssessmentPeriod,
  SELF_ASSESSMENT_CHECKLIST,
  safeFileName,
  sessionPath,
  type Session,
} from '../../src/core';
import { expectFile } from './helpers/fixtures';
import { MemoryFiles, readTree } from './helpers/memoryFiles';

const FIXTURES = join(process.cwd(), 'test/unit/fixtures/prepare');

async function example(): Promise<NoteIndex> {
  const index = new NoteIndex();
  await loadNotebook(new MemoryFiles(readTree(join(process.cwd(), 'examples/notebook'))), index);
  return index;
}

function render(index: NoteIndex, mentor: string, today: string, date?: string): string {
  const plan = planNextMeeting(index, mentor, today, date ? { date } : {});
  const target = sessionPath('sessions/{date}-{mentor}.md', plan.date, plan.mentorId);
  return renderNextMeeting(plan, {
    linkTo: (uri, line) => `${relativeLink(target, uri)}#L${line + 1}`,
  });
}

describe('prepare next meeting', () => {
  it('uses the agreed next date and carries open follow-ups over (fixture)', async () => {
    const index = await example();
    const plan = planNextMeeting(index, 'alex-rivera', '2026-11-21');
    assert.equal(plan.date, '2026-11-28');
    assert.equal(plan.dateSource, 'agreed');
    assert.equal(plan.lastSession?.date, '2026-11-14');
    assert.ok(plan.followUps.every((i) => !i.done));
    assert.ok(
      plan.followUps.some((i) => i.text === 'Send Alex the storage-tiering draft for comments'),
    );
    expectFile(join(FIXTURES, 'alex-rivera.md'), render(index, 'alex-rivera', '2026-11-21'));
  });

  it('meets today when the agreed date was missed', async () => {
    const index = await example();
    const plan = planNextMeeting(index, 'priya-natarajan', '2026-11-21');
    assert.equal(plan.date, '2026-11-21');
    assert.equal(plan.dateSource, 'today');
    expectFile(
      join(FIXTURES, 'priya-natarajan.md'),
      render(index, 'priya-natarajan', '2026-11-21'),
    );
  });

  it('falls back to the cadence when no next date was agreed', () => {
    const index = new NoteIndex();
    index.setText('m.md', '---\ntype: mentor\nid: sam\ncadence: monthly\n---\n');
    index.setText('s.md', '---\ntype: session\ndate: 2026-11-10\nmentor: sam\n---\n');
    const plan = planNextMeeting(index, 'sam', '2026-11-21');
    assert.equal(plan.date, '2026-12-10');
    assert.equal(plan.dateSource, 'cadence');
  });

  it('finds the note already written for that meeting, whatever its name', async () => {
    const index = await example();
    assert.equal(planNextMeeting(index, 'alex-rivera', '2026-11-21').existing, undefined);
    index.setText(
      'sessions/Next with Alex.md',
      '---\ntype: session\ndate: 2026-11-28\nmentor: alex-rivera\n---\n## Agenda\n',
    );
    // Another mentor's meeting on that day is not this one.
    index.setText(
      'sessions/2026-11-28.md',
      '---\ntype: session\ndate: 2026-11-28\nmentor: priya-natarajan\n---\n',
    );
    const plan = planNextMeeting(index, 'alex-rivera', '2026-11-21');
    assert.equal(plan.date, '2026-11-28');
    assert.equal(plan.existing, 'sessions/Next with Alex.md');
    assert.equal(
      planNextMeeting(index, 'alex-rivera', '2026-11-21', { date: '2026-12-05' }).existing,
      undefined,
    );
    // What sits where the note would go: another meeting's, or a draft of this one.
    const at = (text: string) => parseText('sessions/x.md', text).note;
    const meeting = { mentorId: 'alex-rivera', date: '2026-11-28', today: '2026-11-22' };
    const head = '---\ntype: session\n';
    const priya = at(`${head}date: 2026-11-28\nmentor: priya-natarajan\n---\n`);
    const older = at(`${head}date: 2026-11-14\nmentor: alex-rivera\n---\n`);
    // The snippet's draft: the day it was written, the placeholder mentor.
    const draft = at(`${head}date: 2026-11-22\nmentor: mentor-id\n---\n`);
    const undated = at(`${head}mentor: mentor-id\n---\n`);
    const other = (note: ReturnType<typeof at>, pattern: string) =>
      isAnotherMeeting(index, meeting, note, pattern);
    for (const note of [priya, older, draft, undated, at('# Notes\n')])
      assert.equal(other(note, 'sessions/{date}-{mentor}.md'), false);
    assert.deepEqual(
      [priya, older, draft, undated].map((n) => other(n, 'sessions/{date}.md')),
      [true, false, false, false],
    );
    const later = at(`${head}date: 2026-12-05\nmentor: alex-rivera\n---\n`);
    assert.deepEqual(
      [priya, older, draft, undated, later].map((n) => other(n, 'sessions/{mentor}-next.md')),
      [false, true, false, false, true],
    );
  });

  it('honours an explicit date', async () => {
    const plan = planNextMeeting(await example(), 'alex-rivera', '2026-11-21', {
      date: '2026-12-02',
    });
    assert.equal(plan.date, '2026-12-02');
    assert.equal(plan.dateSource, 'given');
  });

  it('renders follow-ups as links, never as task items that would duplicate them', async () => {
    const note = render(await example(), 'alex-rivera', '2026-11-21');
    const after = note.slice(note.indexOf('## Follow-ups'));
    assert.doesNotMatch(note.slice(0, note.indexOf('## Notes')), /^- \[[ x]\]/m);
    assert.match(after, /\]\(2026-11-14-alex-rivera\.md#L34\)/);
    assert.deepEqual(agendaCursor(note), { line: note.split('\n').indexOf('- '), character: 2 });
  });

  it('builds relative links and session paths', () => {
    assert.equal(relativeLink('sessions/a.md', 'goals/b.md'), '../goals/b.md');
    assert.equal(relativeLink('sessions/a.md', 'sessions/c d.md'), 'c%20d.md');
    assert.equal(relativeLink('a.md', 'x/y/z.md'), 'x/y/z.md');
    assert.equal(
      sessionPath('sessions/{year}/{date}-{mentor}.md', '2026-11-28', 'alex'),
      'sessions/2026/2026-11-28-alex.md',
    );
  });
});

describe('which goals an item counts toward', () => {
  /** Two mentors, a goal each, and a session with the first that touched both goals. */
  function notebook(): NoteIndex {
    const index = new NoteIndex();
    const add = (path: string, text: string) => index.setText(`file:///n/${path}`, text);
    add('m1.md', '---\ntype: mentor\nid: m1\n---\n');
    add('m2.md', '---\ntype: mentor\nid: m2\n---\n');
    add('ga.md', '---\ntype: goal\nid: ga\nmentor: m1\n---\n');
    add('gb.md', '---\ntype: goal\nid: gb\nmentor: m2\n---\n');
    add(
      's.md',
      '---\ntype: session\ndate: 2026-11-14\nmentor: m1\ngoals: [ga, gb]\n---\n' +
        '- [ ] for ga #ga\n- [ ] for gb [[gb]]\n- [ ] unlinked\n- [ ] tagged #resource\n' +
        '- [ ] read [[Some Book]]\n- [ ] promised @m2\n',
    );
    add(
      'gc.md',
      '---\ntype: goal\nid: gc\nmentor: m2\n---\n## Milestones\n- [ ] present at the review 📅 2026-11-20 [[ga]]\n',
    );
    return index;
  }
  const texts = (items: readonly { text: string }[]) => items.map((i) => i.text).sort();

  it("are the line's own links, else its note's goals", () => {
    const index = notebook();
    const goals = new Map([...index.actionItems()].map((i) => [i.text, index.goalsOfItem(i)]));
    assert.deepEqual(goals.get('for ga'), ['ga']);
    assert.deepEqual(goals.get('for gb'), ['gb']);
    assert.deepEqual(goals.get('unlinked'), ['ga', 'gb']);
    assert.deepEqual(goals.get('tagged'), ['ga', 'gb']);
    // A [[link]] that names no goal does not take the item out of its note's goals.
    assert.deepEqual(goals.get('read'), ['ga', 'gb']);
    // In a goal's own note, an item counts toward that goal and the goals it links.
    assert.deepEqual(goals.get('present at the review'), ['gc', 'ga']);
    const all = ['promised', 'read', 'tagged', 'unlinked'];
    assert.deepEqual(texts(index.openItemsOfGoal('ga')), [
      'for ga',
      'present at the review',
      ...all,
    ]);
    assert.deepEqual(texts(index.openItemsOfGoal('gb')), ['for gb', ...all]);
    assert.deepEqual(texts(index.openItemsOfGoal('gc')), ['present at the review']);
  });

  it("bring another mentor's items to an agenda only when their line links that mentor's goal", () => {
    const index = notebook();
    const m2 = planNextMeeting(index, 'm2', '2026-11-21');
    // Its own goal's milestone, the line linking its goal, and what it promised.
    assert.deepEqual(texts(m2.followUps), ['for gb', 'present at the review', 'promised']);
    const m1 = planNextMeeting(index, 'm1', '2026-11-21');
    assert.deepEqual(texts(m1.followUps), [
      'for ga',
      'for gb',
      'promised',
      'read',
      'tagged',
      'unlinked',
    ]);
  });

  it('follow a tag that comes to name a goal, and stop when the goal goes', () => {
    const index = notebook();
    const resource = () => [...index.actionItems()].find((i) => i.text === 'tagged')!;
    index.setText('file:///n/resource.md', '---\ntype: goal\nid: resource\n---\n');
    assert.deepEqual(index.goalsOfItem(resource()), ['resource']);
    assert.deepEqual(texts(index.openItemsOfGoal('ga')), [
      'for ga',
      'present at the review',
      'promised',
      'read',
      'unlinked',
    ]);
    index.delete('file:///n/resource.md');
    assert.deepEqual(index.goalsOfItem(resource()), ['ga', 'gb']);
  });
});

describe('prepare next meeting: edge cases', () => {
  it('works without any mentor notes, carrying over what is open', () => {
    const index = new NoteIndex();
    index.setText('goals/g.md', '---\ntype: goal\ntarget: 2027-01-01\nmeasure: m\n---\n');
    index.setText(
      's.md',
      '---\ntype: session\ndate: 2026-11-01\ngoals: [g]\n---\n- [ ] overdue thing 📅 2026-11-10\n',
    );
    const note = render(index, '', '2026-11-21');
    assert.match(note, /- overdue thing \(due 2026-11-10, overdue\)/);
    assert.doesNotMatch(note, /Nothing open/);
  });

  it('writes feedback prompts that do not count as feedback written', async () => {
    const index = await example();
    const note = render(index, 'alex-rivera', '2026-11-21');
    const parsed = parseText('sessions/2026-11-28-alex-rivera.md', note).note as Session;
    assert.equal(parsed.hasFeedback, false);
  });

  it('never builds a path outside the notebook from an id written in a note', () => {
    assert.equal(
      sessionPath('sessions/{date}-{mentor}.md', '2026-11-28', '../../etc/x'),
      'sessions/2026-11-28-etc-x.md',
    );
    assert.equal(safeFileName('..\\..\\win:name'), 'win-name');
    assert.equal(safeFileName('alex-rivera'), 'alex-rivera');
  });
});

describe('self-assessment', () => {
  it('looks back at the month just ended in the first week of a month, unless it has its review', () => {
    const index = new NoteIndex();
    assert.equal(selfAssessmentPeriod(index, '2026-12-03'), '2026-11');
    assert.equal(selfAssessmentPeriod(index, '2026-01-07'), '2025-12');
    assert.equal(selfAssessmentPeriod(index, '2026-12-08'), '2026-12');
    index.setText('reviews/nov.md', '---\ntype: review\ndate: 2026-11-28\nperiod: 2026-11\n---\n');
    assert.equal(selfAssessmentPeriod(index, '2026-12-03'), '2026-12');
    assert.equal(reviewOf(index, '2026-11')?.uri, 'reviews/nov.md');
    assert.equal(reviewOf(index, '2026-12'), undefined);
    assert.match(renderSelfAssessment(index, '2026-12-03', '2026-11'), /^period: 2026-11$/m);
  });

  it('writes a review note: the checklist to tick, a line per active goal, no follow-up', async () => {
    const index = await example();
    const text = renderSelfAssessment(index, '2026-11-21');
    const note = parseText('file:///reviews/2026-11.md', text).note;
    assert.equal(note?.type, 'review');
    assert.equal(note.type === 'review' && note.period, '2026-11');
    assert.equal(note!.actionItems.length, SELF_ASSESSMENT_CHECKLIST.length);
    assert.ok(note!.actionItems.every((i) => i.checklist && !i.done));
    assert.match(text, /^- Present confidently to leadership \(3\/6 milestones\): $/m);
    // A new review note holds nothing to report.
    index.setText('reviews/2026-11.md', text);
    assert.equal(computeFindings(index, '2026-11-21').get('reviews/2026-11.md'), undefined);
  });
});
