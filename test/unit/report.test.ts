import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import {
  buildProgressReport,
  defaultReportStart,
  escapeHtml,
  followThroughRate,
  followThroughText,
  loadNotebook,
  nextMeetingCalendar,
  NoteIndex,
  onTimeRate,
  renderReportMarkdown,
  renderReportPage,
  reportStart,
} from '../../src/core';
import { expectFile } from './helpers/fixtures';
import { MemoryFiles, readTree } from './helpers/memoryFiles';

const FIXTURES = join(process.cwd(), 'test/unit/fixtures/report');
const TODAY = '2026-11-21';
const STAMP = new Date(Date.UTC(2026, 10, 21, 9, 30, 0));

async function example(): Promise<NoteIndex> {
  const index = new NoteIndex();
  await loadNotebook(new MemoryFiles(readTree(join(process.cwd(), 'examples/notebook'))), index);
  return index;
}

/** A notebook from `path → text`. */
function notebook(files: Record<string, string>): NoteIndex {
  const index = new NoteIndex();
  for (const [path, text] of Object.entries(files)) index.setText(`file:///n/${path}`, text);
  return index;
}

const mentor = (id: string, cadence?: string): string =>
  `---\ntype: mentor\nid: ${id}\nname: ${id.toUpperCase()}\n${cadence ? `cadence: ${cadence}\n` : ''}---\n`;
const session = (date: string, who: string, body = '', extra = ''): string =>
  `---\ntype: session\ndate: ${date}\nmentor: ${who}\n${extra}---\n${body}`;

describe('progress report', () => {
  it('reports the example notebook for one mentor (fixture)', async () => {
    const index = await example();
    const report = buildProgressReport(index, TODAY, { mentorId: 'alex-rivera' });
    assert.equal(report.from, '2026-08-22');
    assert.equal(report.audience, 'Alex Rivera');
    assert.deepEqual(report.followThrough, { due: 12, onTime: 7, late: 3, undated: 0, open: 2 });
    assert.deepEqual(
      report.byMonth.map((m) => m.month),
      ['2026-08', '2026-09', '2026-10', '2026-11'],
    );
    assert.equal(report.cadence.length, 1);
    assert.equal(report.cadence[0]!.held.length, 5);
    // Every 14 days from 25 July: 22 August … 14 November fall in the period.
    assert.equal(report.cadence[0]!.expected, 7);
    assert.deepEqual(report.cadence[0]!.next, { date: '2026-11-28', source: 'agreed' });
    expectFile(join(FIXTURES, 'alex-rivera.md'), renderReportMarkdown(report));
  });

  it('reports every mentor when none is named (fixture)', async () => {
    const index = await example();
    const report = buildProgressReport(index, TODAY);
    assert.equal(report.audience, 'all mentors');
    assert.deepEqual(
      report.cadence.map((c) => [c.mentorId, c.overdue]),
      [
        ['alex-rivera', false],
        ['priya-natarajan', true],
      ],
    );
    expectFile(join(FIXTURES, 'all-mentors.md'), renderReportMarkdown(report));
  });

  it('names the challenges: missed targets and meetings, then what is overdue', async () => {
    const md = renderReportMarkdown(
      buildProgressReport(await example(), TODAY, { mentorId: 'priya-natarajan' }),
    );
    const challenges = md.slice(md.indexOf('## Challenges'), md.indexOf('## Follow-through'));
    assert.deepEqual(
      challenges
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .slice(0, 3),
      [
        '- "Lead design reviews with confidence" is past its target, 2026-10-31.',
        '- The meeting agreed for 2026-11-10 passed with no session logged.',
        '- Second design doc: storage tiering for invoice archives, due 2026-10-15 (37 days overdue)',
      ],
    );
    // No future meeting is known: no section to prepare it.
    assert.doesNotMatch(md, /## For our next meeting/);
  });

  it('counts a follow-up as on time, late or open by its due and done dates', () => {
    const index = notebook({
      'm.md': mentor('m'),
      's.md': session(
        '2026-11-01',
        'm',
        [
          '- [x] on time 📅 2026-11-05 ✅ 2026-11-05',
          '- [x] early 📅 2026-11-05 ✅ 2026-11-02',
          '- [x] late 📅 2026-11-05 ✅ 2026-11-09',
          '- [x] done, no date written 📅 2026-11-06',
          '- [ ] overdue 📅 2026-11-10',
          '- [ ] due today 📅 2026-11-21',
          '- [ ] due later 📅 2026-11-30',
          '- [ ] no date',
          '- [ ] cancelled 📅 2026-11-07 ❌ 2026-11-08',
          '- [x] before the period 📅 2026-08-01 ✅ 2026-08-01',
        ].join('\n'),
      ),
    });
    const report = buildProgressReport(index, TODAY);
    // Done with no done date written: done, but not known to be on time.
    assert.deepEqual(report.followThrough, { due: 5, onTime: 2, late: 1, undated: 1, open: 1 });
    assert.equal(followThroughRate(report.followThrough), 80);
    assert.equal(onTimeRate(report.followThrough), 40);
    assert.deepEqual(
      report.overdue.map((i) => i.text),
      ['overdue'],
    );
    assert.deepEqual(
      report.upcoming.map((i) => i.text),
      ['due today', 'due later'],
    );
    assert.deepEqual(
      report.wins.map((i) => i.text),
      ['early', 'on time', 'late'],
    );
    assert.equal(
      followThroughText(report.followThrough),
      '4 of 5 follow-ups due were done (80%): 2 on time (40%), 1 late, 1 with no done date; 1 is still open.',
    );
  });

  it('lists every month of the period, and nothing due as no rate', () => {
    const report = buildProgressReport(notebook({}), '2026-03-15', { from: '2025-12-20' });
    assert.deepEqual(
      report.byMonth.map((m) => [m.month, m.due]),
      [
        ['2025-12', 0],
        ['2026-01', 0],
        ['2026-02', 0],
        ['2026-03', 0],
      ],
    );
    assert.equal(followThroughRate(report.followThrough), undefined);
    assert.equal(
      followThroughText(report.followThrough),
      'No follow-ups of yours fell due in this period.',
    );
    // A period starting after today is not a period: the default applies.
    assert.equal(
      buildProgressReport(notebook({}), TODAY, { from: '2027-01-01' }).from,
      '2026-08-22',
    );
    assert.equal(defaultReportStart('2026-05-31'), '2026-03-01');
  });

  it("keeps one mentor's items out of another mentor's report", () => {
    const index = notebook({
      'a.md': mentor('a'),
      'b.md': mentor('b'),
      'ga.md': '---\ntype: goal\nid: ga\nmentor: a\n---\n## Milestones\n- [ ] step 📅 2026-11-01\n',
      'sa.md': session('2026-11-10', 'a', '- [ ] for a 📅 2026-11-12\n'),
      'sb.md': session(
        '2026-11-11',
        'b',
        '- [ ] private to b 📅 2026-11-12\n- [ ] about a goal of a 📅 2026-11-13 [[ga]]\n- [ ] a owes this @a 📅 2026-11-14\n',
      ),
    });
    const forA = buildProgressReport(index, TODAY, { mentorId: 'a' });
    assert.deepEqual(
      forA.overdue.map((i) => i.text),
      ['step', 'for a', 'about a goal of a', 'a owes this'],
    );
    assert.deepEqual(
      forA.goals.map((g) => [g.goal.id, g.openItems]),
      [['ga', 2]],
    );
    const forB = buildProgressReport(index, TODAY, { mentorId: 'b' });
    assert.deepEqual(
      forB.overdue.map((i) => i.text),
      // Written down in a session with b: b was there.
      ['private to b', 'about a goal of a', 'a owes this'],
    );
    assert.deepEqual(forB.goals, []);
    const all = buildProgressReport(index, TODAY);
    assert.equal(all.overdue.length, 5);
  });

  it('measures meetings against the cadence from the first session in the period', () => {
    const index = notebook({
      'new.md': mentor('new', 'weekly'),
      'old.md': mentor('old', 'monthly'),
      'free.md': mentor('free'),
      'n1.md': session('2026-11-07', 'new'),
      'n2.md': session('2026-11-14', 'new'),
      'o0.md': session('2026-07-01', 'old'),
      'o1.md': session('2026-09-01', 'old'),
      'o2.md': session('2026-10-01', 'old'),
      'f1.md': session('2026-10-10', 'free'),
      'future.md': session('2026-12-01', 'free'),
    });
    const report = buildProgressReport(index, TODAY);
    const row = (id: string) => report.cadence.find((c) => c.mentorId === id)!;
    // First met on 7 November: 15 days, two weekly sessions asked for.
    assert.deepEqual([row('new').held.length, row('new').expected], [2, 2]);
    assert.equal(row('new').longestGap, 7);
    // Met before the period: three months of a monthly cadence.
    assert.deepEqual([row('old').held.length, row('old').expected], [2, 3]);
    assert.equal(row('old').longestGap, 51);
    assert.equal(row('old').overdue, true);
    // No cadence: nothing expected; a prepared future session is not held yet.
    assert.deepEqual([row('free').held, row('free').expected], [['2026-10-10'], undefined]);
    assert.deepEqual(row('free').next, { date: '2026-12-01', source: 'planned' });
  });

  it('writes table cells and list lines from any note text safely', () => {
    const index = notebook({
      'g.md': '---\ntype: goal\nid: g\ntitle: "A | B"\ntarget: 2027-01-01\n---\n',
      's.md': session('2026-11-01', 'm', '- [ ] <script>alert(1)</script> & more 📅 2026-11-02\n'),
      'm.md': mentor('m'),
    });
    const report = buildProgressReport(index, TODAY);
    const md = renderReportMarkdown(report);
    assert.match(md, /\| A \\\| B \| active \|/);
    const page = renderReportPage(report);
    assert.doesNotMatch(page, /<script/i);
    assert.match(page, /&#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; more/);
    assert.match(
      page,
      /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/,
    );
    assert.match(page, /A \| B/);
    assert.equal(escapeHtml(`"'<>&`), '&#34;&#39;&#60;&#62;&#38;');
  });

  it('cuts long lists and many goals, saying how many were left out', () => {
    const files: Record<string, string> = { 'm.md': mentor('m') };
    const items = Array.from(
      { length: 60 },
      (_, k) => `- [ ] item ${k} 📅 2026-11-0${(k % 9) + 1}`,
    );
    files['s.md'] = session('2026-11-01', 'm', `${items.join('\n')}\n`);
    for (let k = 0; k < 45; k++) files[`g${k}.md`] = `---\ntype: goal\nid: g${k}\n---\n`;
    const report = buildProgressReport(notebook(files), TODAY);
    assert.equal(report.overdue.length, 60);
    const md = renderReportMarkdown(report);
    const attention = md.slice(md.indexOf('## Challenges'), md.indexOf('## Follow-through'));
    assert.equal(attention.split('\n').filter((l) => l.startsWith('- ')).length, 51);
    assert.match(attention, /- …and 10 more overdue\.\n/);
    assert.match(md, /\nAnd 5 more goals\.\n/);
    const page = renderReportPage(report);
    assert.match(page, /And 5 more goals\./);
    assert.equal((page.match(/ milestones? done<\/title>/g) ?? []).length, 40);
  });

  it("leaves what others promised out of the mentee's follow-through rate", () => {
    const index = notebook({
      'm.md': mentor('m'),
      's.md': session(
        '2026-11-01',
        'm',
        '- [ ] mine 📅 2026-11-10\n- [ ] the mentor promised this @m 📅 2026-11-10\n- [ ] @sam owes it 📅 2026-11-11\n',
      ),
    });
    const report = buildProgressReport(index, TODAY, { mentorId: 'm' });
    assert.deepEqual(report.followThrough, { due: 1, onTime: 0, late: 0, undated: 0, open: 1 });
    // Still listed: the mentor sees what is open, with who owes it.
    assert.deepEqual(
      report.overdue.map((i) => i.owner),
      [undefined, 'm', 'sam'],
    );
  });

  it('counts only the meetings the cadence asked for that have passed', () => {
    const index = notebook({
      'a.md': mentor('a', 'biweekly'),
      'w.md': mentor('w', 'weekly'),
      'a1.md': session('2026-11-14', 'a', '', 'next: 2026-11-28\n'),
      'w1.md': session('2026-11-07', 'w'),
      'w2.md': session('2026-11-14', 'w'),
    });
    // Since the last session: the next meeting is not due yet.
    const since = buildProgressReport(index, TODAY, { mentorId: 'a', from: '2026-11-15' });
    assert.deepEqual([since.cadence[0]!.held.length, since.cadence[0]!.expected], [0, 0]);
    assert.equal(
      renderReportMarkdown(since).match(/- \*\*Meetings:\*\* (.*)/)?.[1],
      'A: 0 sessions held; none was due yet by the cadence (biweekly); next 2026-11-28 (agreed).',
    );
    // First met on 7 November, weekly: that one, and 14 November; 21 November is today.
    const weekly = buildProgressReport(index, TODAY, { mentorId: 'w' });
    assert.deepEqual([weekly.cadence[0]!.held.length, weekly.cadence[0]!.expected], [2, 2]);
    // With grace days, a date passes only after them.
    const graced = buildProgressReport(index, '2026-11-29', { mentorId: 'w', graceDays: 3 });
    assert.equal(graced.cadence[0]!.expected, 3);
  });

  it('does not count a prepared meeting left empty as held', () => {
    const index = notebook({
      'm.md': mentor('m', 'weekly'),
      's1.md': session('2026-11-07', 'm', '## Notes\nWe met.\n## Action items\n'),
      's2.md': session(
        '2026-11-14',
        'm',
        '## Agenda\n- talk\n## Notes\n## Feedback\n## Action items\n',
      ),
    });
    const report = buildProgressReport(index, TODAY, { mentorId: 'm' });
    assert.deepEqual(report.cadence[0]!.held, ['2026-11-07']);
  });

  it('lists resources and introductions by their tags, in any case and nested', () => {
    const index = notebook({
      'm.md': mentor('m'),
      's.md': session(
        '2026-11-01',
        'm',
        '- [x] Read the book #Resource/books ✅ 2026-11-05\n- [ ] Meet Dana #intro 📅 2026-12-01\n- [x] Old one #resource ✅ 2025-01-01\n- [ ] Plain #career\n',
      ),
    });
    const report = buildProgressReport(index, TODAY);
    assert.deepEqual(
      report.resources.map((i) => i.text),
      ['Read the book'],
    );
    assert.deepEqual(
      report.introductions.map((i) => i.text),
      ['Meet Dana'],
    );
    const md = renderReportMarkdown(report);
    assert.match(
      md,
      /- Resource: Read the book, done 2026-11-05\n- Introduction: Meet Dana, open, due 2026-12-01\n/,
    );
  });

  it('lists open milestones of active goals only, and counts no cancelled milestone', () => {
    const index = notebook({
      'active.md':
        '---\ntype: goal\nid: active\n---\n## Milestones\n- [ ] next step 📅 2026-11-01\n- [x] cancelled step ❌ 2026-10-01\n- [x] first 📅 2026-10-01 ✅ 2026-10-01\n',
      'paused.md':
        '---\ntype: goal\nid: paused\nstatus: paused\n---\n## Milestones\n- [ ] on hold 📅 2026-11-01\n## Next\n- [ ] Book a room 📅 2026-11-02\n- [x] Ask Kim 📅 2026-11-03 ✅ 2026-11-03\n',
      'dropped.md':
        '---\ntype: goal\nid: dropped\nstatus: dropped\ntarget: 2027-06-01\n---\n## Milestones\n- [ ] ancient 📅 2025-05-01\n',
    });
    const report = buildProgressReport(index, TODAY);
    assert.deepEqual(
      report.overdue.map((i) => i.text),
      ['next step'],
    );
    // The paused goal's open follow-up is on hold, not undone; what was done there counts.
    assert.deepEqual([report.followThrough.onTime, report.followThrough.open], [1, 0]);
    assert.deepEqual(
      report.goals.map((g) => [g.goal.id, `${g.done}/${g.total}`, g.openItems]),
      [
        ['active', '1/2', 1],
        ['paused', '0/1', 0],
      ],
    );
  });

  it('writes note text into the Markdown as text: no comment, link or heading slips in', () => {
    const index = notebook({
      'm.md': '---\ntype: mentor\nid: m\nname: "Ann\\n## Injected"\n---\n',
      's.md': session(
        '2026-11-01',
        'm',
        '- [ ] open <!-- hides the rest 📅 2026-11-02\n- [ ] see [x](javascript:alert(1)) 📅 2026-11-03\n',
      ),
    });
    const md = renderReportMarkdown(buildProgressReport(index, TODAY, { mentorId: 'm' }));
    assert.match(md, /^# Progress report for Ann ## Injected\n/);
    assert.doesNotMatch(md, /^## Injected/m);
    assert.match(md, /- open \\<!-- hides the rest, due 2026-11-02/);
    assert.match(md, /- see \\\[x\\\]\(javascript:alert\(1\)\), due 2026-11-03/);
    assert.doesNotMatch(md, /[^\\]<!--/);
  });

  it('covers three years at most, and takes a period starting after today as the default', () => {
    assert.equal(reportStart(TODAY, '1900-01-01'), '2023-11-22');
    assert.equal(reportStart(TODAY, '2027-01-01'), '2026-08-22');
    assert.equal(reportStart(TODAY, '2026-11-01'), '2026-11-01');
    const report = buildProgressReport(notebook({}), TODAY, { from: '1900-01-01' });
    assert.equal(report.byMonth.length, 37);
  });

  it('draws the charts from the numbers', async () => {
    const index = await example();
    const page = renderReportPage(buildProgressReport(index, TODAY, { mentorId: 'alex-rivera' }));
    assert.equal((page.match(/<svg /g) ?? []).length, 3);
    // One mark per session held in the period, with its date.
    assert.equal((page.match(/<title>Session 20/g) ?? []).length, 5);
    assert.match(page, /<title>2026-11: 2 still open<\/title>/);
    assert.match(page, /Lead design reviews with confidence: 3 of 5 milestones done/);
  });
});

describe('next meeting as .ics', () => {
  it('exports the agreed date as an all-day event with a stable id', async () => {
    const index = await example();
    const m = nextMeetingCalendar(index, 'alex-rivera', TODAY, STAMP);
    assert.ok(m.ok);
    assert.equal(m.date, '2026-11-28');
    assert.equal(m.fileName, '2026-11-28-alex-rivera.ics');
    assert.ok(m.ics.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(m.ics.endsWith('\r\nEND:VCALENDAR\r\n'));
    assert.ok(m.ics.includes('\r\nDTSTART;VALUE=DATE:20261128\r\n'));
    assert.ok(m.ics.includes('\r\nUID:mentoring-alex-rivera-after-2026-11-14@mentoring-notes\r\n'));
    assert.ok(m.ics.includes(`\r\nSEQUENCE:${Math.floor(STAMP.getTime() / 60_000)}\r\n`));
    assert.ok(m.ics.includes('\r\nDTSTAMP:20261121T093000Z\r\n'));
    assert.ok(m.ics.includes('\r\nSUMMARY:Mentoring: Alex Rivera\r\n'));
    for (const line of m.ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
  });

  it('says why there is nothing to export', async () => {
    const index = await example();
    const missed = nextMeetingCalendar(index, 'priya-natarajan', TODAY, STAMP);
    assert.ok(!missed.ok);
    assert.match(missed.reason, /was due 2026-11-10 and has passed/);
    const none = nextMeetingCalendar(notebook({ 'm.md': mentor('m') }), 'm', TODAY, STAMP);
    assert.ok(!none.ok);
    assert.match(none.reason, /No next meeting with M is known/);
  });

  it('uses the cadence, escapes text and keeps file names inside the folder', () => {
    const index = notebook({
      'm.md': '---\ntype: mentor\nid: ../x\nname: "Lee; Park, PhD"\ncadence: weekly\n---\n',
      's.md': session('2026-11-18', '../x'),
    });
    const m = nextMeetingCalendar(index, '../x', TODAY, STAMP);
    assert.ok(m.ok);
    assert.equal(m.source, 'cadence');
    assert.equal(m.date, '2026-11-25');
    assert.equal(m.fileName, '2026-11-25-x.ics');
    assert.ok(m.ics.includes('SUMMARY:Mentoring: Lee\\; Park\\, PhD\r\n'));
    assert.ok(m.ics.includes('UID:mentoring-..%2Fx-after-2026-11-18@mentoring-notes'));
  });
});
