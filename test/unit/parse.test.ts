import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  computeFindings,
  fileStem,
  NoteIndex,
  parseBytes,
  parseText,
  type Goal,
  type Session,
  type Mentor,
} from '../../src/core';
import { isOpen } from '../../src/core/model/actionItems';
import { utf16Encoding } from '../../src/core/parse/text';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parsing notes', () => {
  it('reads a goal per format v1 with milestones and progress inputs', () => {
    const { note, problems } = parseText(
      'goals/public-speaking.md',
      `---
type: goal
title: Present confidently to leadership
status: active
horizon: short
target: 2027-03-31
measure: Two 10-minute talks rated 4/5 or better
mentor: alex-rivera
---
## Milestones
- [x] Outline the first talk 📅 2026-12-01 ✅ 2026-11-28
- [ ] Rehearse with the peer group 📅 2027-01-15

## Notes
- [ ] Not a milestone, still an action item
`,
    );
    assert.deepEqual(problems, []);
    const goal = note as Goal;
    assert.equal(goal.type, 'goal');
    assert.equal(goal.id, 'public-speaking');
    assert.equal(goal.status, 'active');
    assert.equal(goal.horizon, 'short');
    assert.equal(goal.target?.value, '2027-03-31');
    assert.equal(goal.mentor?.value, 'alex-rivera');
    assert.equal(goal.milestones.length, 2);
    assert.equal(goal.actionItems.length, 3);
    assert.equal(goal.milestones[0]!.done, true);
    assert.equal(goal.milestones[0]!.doneDate, '2026-11-28');
    assert.deepEqual(goal.actionItems[2]!.goals, ['public-speaking']);
    assert.equal(goal.actionItems[2]!.milestone, false);
  });

  it('reads a session with goals, next and the feedback section', () => {
    const { note } = parseText(
      's.md',
      `---
type: session
date: 2026-11-21
mentor: alex-rivera
goals: [public-speaking]
next: 2026-12-05
---
## Agenda
## Notes
## Feedback
Asked for feedback on the opening.
## Action items
- [ ] Draft the roadmap summary 📅 2026-11-28 #public-speaking
- [ ] Introduce me to Sam @alex-rivera due:2026-11-30
`,
    );
    const s = note as Session;
    assert.equal(s.date?.value, '2026-11-21');
    assert.equal(s.next?.value, '2026-12-05');
    assert.deepEqual(
      s.goals.map((g) => g.value),
      ['public-speaking'],
    );
    assert.equal(s.hasFeedback, true);
    assert.equal(s.actionItems[1]!.owner, 'alex-rivera');
    assert.equal(s.actionItems[1]!.due, '2026-11-30');
    assert.equal(s.actionItems[0]!.mentor, 'alex-rivera');
    assert.equal(s.actionItems[0]!.section, 'Action items');
  });

  it('reads a mentor with a free-form cadence, and an explicit id', () => {
    const { note } = parseText(
      'm.md',
      '---\ntype: mentor\nid: alex-rivera\nname: Alex Rivera\ncadence: "every 10 days"\nchannel: video call\n---\n## What we agreed\n',
    );
    const m = note as Mentor;
    assert.equal(m.id, 'alex-rivera');
    assert.equal(m.cadence?.value.every, 10);
    assert.equal(m.channel, 'video call');
  });

  it('reads file names with a % sign', () => {
    assert.equal(parseText('goals/50% done.md', '---\ntype: goal\n---\n').note?.id, '50% done');
  });

  it('ignores Markdown files that are not notebook notes', () => {
    assert.equal(parseText('a.md', '# Title\n- [ ] x\n').note, undefined);
    assert.equal(parseText('b.md', '---\ntitle: x\n---\n').note, undefined);
    assert.equal(parseText('c.md', '---\ntype: post\n---\n').note, undefined);
    assert.equal(parseText('d.md', '').note, undefined);
  });

  it('handles CRLF, lone CR and a BOM with the same positions', () => {
    const lf = parseText(
      'x.md',
      '---\ntype: session\ndate: 2026-11-01\n---\n- [ ] a 📅 2026-11-02\n',
    ).note!;
    const crlf = parseText(
      'x.md',
      '\uFEFF---\r\ntype: session\r\ndate: 2026-11-01\r\n---\r\n- [ ] a 📅 2026-11-02\r\n',
    ).note!;
    const cr = parseText(
      'x.md',
      '---\rtype: session\rdate: 2026-11-01\r---\r- [ ] a 📅 2026-11-02\r',
    ).note!;
    assert.deepEqual(crlf.actionItems, lf.actionItems);
    assert.deepEqual(cr.actionItems, lf.actionItems);
    assert.deepEqual((crlf as Session).date, (lf as Session).date);
  });

  it('reads goals: a, b as the list it was meant to be, and says how to write it', () => {
    const r = parseText(
      'file:///n/s.md',
      '---\ntype: session\ndate: 2026-11-20\ngoals: public-speaking, tech-lead\n---\n',
    );
    assert.deepEqual(
      (r.note as Session).goals.map((g) => g.value),
      ['public-speaking', 'tech-lead'],
    );
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.severity, 'warning');
    assert.equal(
      r.problems[0]!.message,
      'goals is a list: write it in brackets, goals: [public-speaking, tech-lead]',
    );
    // Each id where it is written, for the findings and quick fixes on it.
    const at = (g: { range: { start: { character: number }; end: { character: number } } }) => [
      g.range.start.character,
      g.range.end.character,
    ];
    assert.deepEqual((r.note as Session).goals.map(at), [
      [7, 22],
      [24, 33],
    ]);
    const quoted = parseText(
      'file:///n/q.md',
      '---\ntype: session\ndate: 2026-11-20\ngoals: "a,  bb"\n---\n',
    );
    assert.deepEqual((quoted.note as Session).goals.map(at), [
      [8, 9],
      [12, 14],
    ]);
  });

  it('reports a type one or two letters off a note type, and ignores other types', () => {
    const typed = (type: string, more = 'mentor: sam\n') =>
      parseText('file:///n/x.md', `---\ntype: ${type}\n${more}---\n- [ ] a\n`);
    for (const [written, meant] of [
      ['gaol', 'goal'],
      ['sessions', 'session'],
      ['Mentr', 'mentor'],
      ['reveiw', 'review'],
    ]) {
      const r = typed(written!);
      assert.equal(r.note, undefined);
      assert.equal(r.problems.length, 1, written);
      assert.equal(r.problems[0]!.code, 'invalid-field');
      assert.equal(r.problems[0]!.severity, 'warning');
      assert.match(r.problems[0]!.message, new RegExp(`Did you mean "${meant}"\\?`));
      assert.deepEqual(r.problems[0]!.range.start, { line: 1, character: 6 });
    }
    for (const other of ['post', 'page', 'doc', 'note', 'layout', '[goal]']) {
      const r = typed(other);
      assert.equal(r.note, undefined);
      assert.deepEqual(r.problems, [], other);
    }
    // Other tools' front matter, with a type one letter off, is not a note's.
    for (const [type, more] of [
      ['preview', 'title: Draft\ndate: 2026-11-01\n'],
      ['coal', 'layout: mine\nstatus: active\n'],
      ['mentee', 'title: Onboarding\n'],
      ['gaol', ''],
    ]) {
      assert.deepEqual(typed(type!, more).problems, [], type);
    }
  });

  it("keeps a review's statements out of the follow-ups, but not its dated lines", () => {
    const r = parseText(
      'file:///n/r.md',
      '---\ntype: review\ndate: 2026-11-01\n---\n## Self-assessment\n' +
        '- [x] I sent the agenda ahead\n- [ ] I asked for feedback\n' +
        '## Adjustments\n- [ ] Ask earlier 📅 2026-11-20\n- [x] I asked @sam for feedback\n',
    );
    assert.deepEqual(
      r.note!.actionItems.map((i) => [i.text, i.checklist, isOpen(i)]),
      [
        ['I sent the agenda ahead', true, false],
        ['I asked for feedback', true, false],
        ['Ask earlier', false, true],
        ['I asked @sam for feedback', true, false],
      ],
    );
    // The overdue rule and the views agree: the dated line is overdue, and listed.
    const index = new NoteIndex();
    index.set(r);
    assert.deepEqual(
      [...computeFindings(index, '2026-11-21').values()].flat().map((f) => f.code),
      ['overdue-action-item'],
    );
    assert.deepEqual(
      index.openItems().map((i) => i.text),
      ['Ask earlier'],
    );
  });

  it('refuses binary and oversized notes with a clear finding', () => {
    const head = enc('---\ntype: goal\nid: g\n---\n');
    const bin = parseBytes('x.md', new Uint8Array([...head, 0, 1, 2]));
    assert.equal(bin.note, undefined);
    assert.equal(bin.problems[0]!.code, 'unreadable-file');
    assert.match(bin.problems[0]!.message, /binary/);
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    bytes.set(head);
    const big = parseBytes('y.md', bytes);
    assert.match(big.problems[0]!.message, /3 MB, over the 2 MB/);
    // A block left open past the part that is read still says what the file means to be.
    const open = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    open.set(enc('---\ntype: session\ntitle: '));
    assert.equal(parseBytes('z.md', open).problems.length, 1);
  });

  it('reports a key a note type reads written with capitals or a letter off, and no other', () => {
    const { problems } = parseText(
      's.md',
      '---\ntype: session\nDate: 2026-11-20\nmentr: alex\ngoal: [x]\nnxt: 2026-12-01\n' +
        'tags: [a]\naliases: [b]\ncadence: weekly\nstatus: draft\ndata: 1\nmentee: sam\n---\n',
    );
    assert.deepEqual(
      problems
        .filter((p) => p.code === 'invalid-field')
        .map((p) => [p.range.start.line, p.range.end.character, p.data?.suggestion, p.severity]),
      [
        [2, 4, 'date', 'warning'],
        [3, 5, 'mentor', 'warning'],
        [4, 4, 'goals', 'warning'],
        [5, 3, 'next', 'warning'],
      ],
    );
    // Beside the key it would mean, a near key is not that key misspelt: writing it in
    // would set the key twice. Two letters swapped are a misspelling.
    const beside = parseText(
      's.md',
      '---\ntype: session\ndate: 2026-11-20\nDate: x\nmentor: alex\nmentors: [a]\nnetx: 2026-12-01\n---\n',
    );
    assert.deepEqual(
      beside.problems.map((p) => [p.range.start.line, p.data?.suggestion]),
      [[6, 'next']],
    );
    // The keys of a goal are a goal's: none of these is reported there.
    const goal = parseText(
      'g.md',
      '---\ntype: goal\ntitle: T\ntarget: 2027-01-01\nmeasure: m\nhorizon: short\nstatus: active\ntags: [x]\n---\n',
    );
    assert.deepEqual(goal.problems, []);
  });

  it('reports a note saved as UTF-16 (as some Windows tools write), and ignores other such files', () => {
    const utf16 = (text: string, bigEndian = false, bom = true): Uint8Array => {
      const out = bom ? [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe] : [];
      for (const c of text) {
        const u = c.charCodeAt(0);
        out.push(...(bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8]));
      }
      return new Uint8Array(out);
    };
    for (const bigEndian of [false, true]) {
      // With a byte-order mark, and without one (Windows' "UTF-16 LE" without BOM).
      for (const bom of [true, false]) {
        const note = parseBytes('x.md', utf16('---\ntype: goal\n---\n', bigEndian, bom));
        assert.equal(note.problems.length, 1, `big-endian ${bigEndian}, BOM ${bom}`);
        assert.match(note.problems[0]!.message, /saved as UTF-16; save it as UTF-8/);
        assert.deepEqual(parseBytes('y.md', utf16('# Notes\n', bigEndian, bom)).problems, []);
      }
    }
    // A short file, or binary bytes that merely start with a NUL, are not taken for UTF-16.
    assert.equal(utf16Encoding(new Uint8Array([0x2d, 0])), undefined);
    assert.equal(utf16Encoding(new Uint8Array([0x2d, 0x2d, 0x2d, 0, 1, 2, 3, 4])), undefined);
    assert.equal(utf16Encoding(enc('---\ntype: goal\n')), undefined);
  });

  it('ignores binary and oversized files that do not start as notes, as any other file', () => {
    for (const bytes of [
      new Uint8Array([0x2d, 0x2d, 0x2d, 0, 1, 2]),
      new Uint8Array(3 * 1024 * 1024).fill(0x61),
      new Uint8Array([...enc('---\ntitle: Release notes\n---\n'), ...new Uint8Array(3 << 20)]),
      new Uint8Array([...enc('---\ntype: post\n---\n'), 0]),
    ]) {
      const r = parseBytes('x.md', bytes);
      assert.equal(r.note, undefined);
      assert.deepEqual(r.problems, []);
    }
  });

  it('reads non-UTF-8 notes with a warning at the first bad byte', () => {
    const bytes = new Uint8Array([
      ...enc('---\ntype: session\ndate: 2026-11-01\n---\nCaf'),
      0xe9,
      ...enc('\n'),
    ]);
    const r = parseBytes('x.md', bytes);
    assert.equal(r.note?.type, 'session');
    assert.equal(r.problems[0]!.code, 'unreadable-file');
    assert.equal(r.problems[0]!.severity, 'warning');
    assert.deepEqual(r.problems[0]!.range.start, { line: 4, character: 3 });
    // …and it is published as a warning, not an error.
    const index = new NoteIndex();
    index.set(r);
    const published = computeFindings(index, '2026-11-21').get('x.md')!;
    assert.equal(published.find((f) => f.code === 'unreadable-file')!.severity, 'warning');
  });

  it('never runs front matter as code', () => {
    const g = globalThis as { pwned?: boolean };
    const r = parseText('x.md', '---js\n{ type: "goal", x: (globalThis.pwned = true) }\n---\n');
    assert.equal(g.pwned, undefined);
    assert.equal(r.problems[0]!.code, 'invalid-front-matter');
    const r2 = parseText(
      'y.md',
      '---javascript\ntype: goal\nx: !!js/function "function(){ globalThis.pwned = true }"\n---\n',
    );
    assert.equal(g.pwned, undefined);
    assert.equal(r2.problems[0]!.code, 'invalid-front-matter');
    const r3 = parseText(
      'z.md',
      '---\ntype: goal\nx: !!js/function "function(){ globalThis.pwned = true }"\n---\n',
    );
    assert.equal(g.pwned, undefined);
    assert.equal(r3.note?.type, 'goal');
  });

  it('survives YAML alias bombs and deep nesting with a finding', () => {
    const bomb = ['---', 'type: goal', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    bomb.push('---', '');
    const r = parseText('bomb.md', bomb.join('\n'));
    assert.equal(r.note?.type, 'goal');
    assert.ok(
      r.problems.some((p) => p.code === 'invalid-front-matter'),
      JSON.stringify(r.problems),
    );

    const deep = `---\ntype: goal\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`;
    const d = parseText('deep.md', deep);
    assert.equal(d.note?.type, 'goal');
    const list = `---\ntype: session\ndate: 2026-11-01\n---\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- [ ] level ${i}`).join('\n')}\n`;
    const l = parseText('deep-list.md', list);
    assert.ok(l.note!.actionItems.length > 0);
  });
});

describe('file stems (the id of a note without one)', () => {
  /** The first implementation: split on both separators, always try to decode. */
  const reference = (uri: string): string => {
    const last = uri.split(/[\\/]/).pop() ?? uri;
    let name = last;
    try {
      name = decodeURIComponent(last);
    } catch {
      // kept as written
    }
    return name.replace(/\.(md|markdown)$/i, '');
  };

  it('takes the last segment, decoded, without the Markdown extension', () => {
    assert.equal(fileStem('file:///notes/goals/My%20Goal.md'), 'My Goal');
    assert.equal(fileStem('C:\\notes\\y.MARKDOWN'), 'y');
    assert.equal(fileStem('file:///n/50% done.md'), '50% done');
    assert.equal(fileStem('plain'), 'plain');
  });

  it('agrees with the first implementation on any path', () => {
    const part = fc.constantFrom(
      '/',
      '\\',
      '%',
      '%20',
      '%E2%9C%85',
      '.md',
      '.markdown',
      'a',
      'é',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const uri = parts.join('');
        assert.equal(fileStem(uri), reference(uri));
      }),
      { numRuns: 3000 },
    );
  });
});
